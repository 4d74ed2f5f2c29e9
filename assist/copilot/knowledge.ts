/**
 * @module The tenant's knowledge base as the co-pilot reads it: one bilingual MiniSearch index
 * (title ×3, tags ×2, body), built once per tenant and updated in place when an article changes,
 * and the excerpt of an article that answers a query — the whole body, or its best run of
 * sentences, verbatim, so a suggestion never says anything the article does not.
 */
import { SEARCH_TOKENIZE, SearchIndex } from '#assist/embedded/search-index.ts';
import { tokenize } from '#assist/embedded/tokenize.ts';
import { sentences, type TermVector, termVector } from './text.ts';
import type { KnowledgeArticle, Lang } from './types.ts';

interface Doc {
  id: string;
  title: string;
  tags: string;
  body: string;
  lang: Lang | null;
  sopKey: string | null;
}

export interface KnowledgeHit {
  article: KnowledgeArticle;
  /** BM25+ score of the hit (only comparable within one query). */
  score: number;
  /** Index terms the article matched. */
  terms: string[];
}

export interface KnowledgeSearch {
  lang: Lang;
  limit: number;
}

const SEARCH_FIELDS = [{ name: 'title', boost: 3 }, { name: 'tags', boost: 2 }, 'body'];
/** A term in more articles than this share is left out of queries (see `focus`)… */
const COMMON_SHARE = 0.3;
/** … but never the rarest few. */
const KEEP_AT_LEAST = 4;
/** Below this many articles every posting list is short: queries go in whole. */
const SMALL_BASE = 1000;
const HAN = /\p{Script=Han}/u;

/** A per-tenant knowledge index. */
export class KnowledgeIndex {
  private readonly index = new SearchIndex<Doc>({ fields: SEARCH_FIELDS, storeFields: ['lang', 'sopKey'] });
  private readonly articles = new Map<string, KnowledgeArticle>();
  private readonly sentenceVectors = new Map<string, { text: string; vector: TermVector }[]>();
  private readonly vectors = new Map<string, TermVector>();
  /** Document frequency of every term, for {@link KnowledgeIndex.answerCoverage}. */
  private readonly df = new Map<string, number>();

  constructor(articles: readonly KnowledgeArticle[]) {
    for (const a of articles) this.articles.set(a.id, a);
    this.index.addAll([...this.articles.values()].map(toDoc));
    for (const a of this.articles.values()) this.count(a, 1);
  }

  private count(article: KnowledgeArticle, delta: 1 | -1): void {
    for (const t of new Set(tokenize(articleText(article)))) {
      const n = (this.df.get(t) ?? 0) + delta;
      if (n > 0) this.df.set(t, n);
      else this.df.delete(t);
    }
  }

  private vectorOf(article: KnowledgeArticle): TermVector {
    let v = this.vectors.get(article.id);
    if (!v) {
      v = termVector(articleText(article));
      this.vectors.set(article.id, v);
    }
    return v;
  }

  /**
   * How much of a question the article answers: the share of the question's terms it contains,
   * each weighted by its inverse document frequency, so the rare word ("cash" on delivery) counts
   * more than the common ones ("delivery", "time").
   */
  answerCoverage(question: TermVector, article: KnowledgeArticle): number {
    const doc = this.vectorOf(article);
    const n = this.articles.size;
    let total = 0;
    let covered = 0;
    for (const t of question.keys()) {
      const w = Math.log(1 + n / (1 + (this.df.get(t) ?? 0)));
      total += w;
      if (doc.has(t)) covered += w;
    }
    return total === 0 ? 0 : covered / total;
  }

  get size(): number {
    return this.articles.size;
  }

  get(id: string): KnowledgeArticle | undefined {
    return this.articles.get(id);
  }

  /** Add or replace an article (the admin edited it). */
  upsert(article: KnowledgeArticle): void {
    const old = this.articles.get(article.id);
    if (old) this.count(old, -1);
    this.articles.set(article.id, article);
    this.count(article, 1);
    this.sentenceVectors.delete(article.id);
    this.vectors.delete(article.id);
    this.index.replace(toDoc(article));
  }

  remove(id: string): boolean {
    const old = this.articles.get(id);
    if (old) this.count(old, -1);
    this.sentenceVectors.delete(id);
    this.vectors.delete(id);
    this.articles.delete(id);
    return this.index.remove(id);
  }

  /**
   * The query without its most common terms: a term in more than {@link COMMON_SHARE} of the
   * articles barely moves a BM25 ranking but walks the longest posting lists, so on a large base
   * it is most of the cost. The {@link KEEP_AT_LEAST} rarest terms always stay. Terms are written
   * back in a form the index tokeniser reads as the same term (Chinese bigrams stand alone,
   * English words keep their surface form).
   */
  private focus(query: string): string {
    const n = this.articles.size;
    if (n < SMALL_BASE) return query;
    const surface = new Map<string, string>();
    for (const word of query.split(/[^\p{L}\p{N}_'’]+/u)) {
      if (word === '' || HAN.test(word)) continue;
      for (const t of tokenize(word, SEARCH_TOKENIZE)) if (!surface.has(t)) surface.set(t, word);
    }
    const terms = [...new Set(tokenize(query, SEARCH_TOKENIZE))].map((t) => ({ t, df: this.df.get(t) ?? 0 }));
    terms.sort((a, b) => a.df - b.df);
    const kept = terms.filter((x, i) => i < KEEP_AT_LEAST || x.df <= COMMON_SHARE * n);
    return kept.map(({ t }) => (HAN.test(t) ? t : (surface.get(t) ?? t))).join(' ');
  }

  /** Articles in the reply language (or language-neutral ones) ranked for `query`. */
  search(query: string, opts: KnowledgeSearch): KnowledgeHit[] {
    if (this.articles.size === 0 || query.trim() === '') return [];
    const lang = opts.lang;
    const hits = this.index.search(this.focus(query), {
      limit: opts.limit,
      // Stored fields come back as text: a language-neutral article's lang is ''.
      filter: (stored) => stored.lang === lang || !stored.lang,
    });
    const out: KnowledgeHit[] = [];
    for (const h of hits) {
      const article = this.articles.get(h.id);
      if (article) out.push({ article, score: h.score, terms: h.terms });
    }
    return out;
  }

  /**
   * What of the article to suggest: the whole body when it fits in `maxChars`, otherwise the run of
   * consecutive sentences that fits and covers most of `query` (earliest on ties) — consecutive so
   * a sentence never loses the one it leans on.
   */
  excerpt(article: KnowledgeArticle, query: TermVector, maxChars: number): string {
    if (article.body.length <= maxChars) return article.body;
    let parts = this.sentenceVectors.get(article.id);
    if (!parts) {
      parts = sentences(article.body).map((text) => ({ text, vector: termVector(text) }));
      this.sentenceVectors.set(article.id, parts);
    }
    const joiner = /[\x20-\x7e]$/.test(parts[0]?.text ?? '') ? ' ' : '';
    let best = { from: 0, to: 1, score: -1 };
    for (let from = 0; from < parts.length; from++) {
      let length = 0;
      const covered = new Set<string>();
      for (let to = from; to < parts.length; to++) {
        length += parts[to]!.text.length + (to > from ? joiner.length : 0);
        if (length > maxChars && to > from) break;
        for (const t of query.keys()) if (parts[to]!.vector.has(t)) covered.add(t);
        const score = covered.size / Math.max(1, query.size);
        if (score > best.score) best = { from, to: to + 1, score };
      }
    }
    return parts
      .slice(best.from, best.to)
      .map((p) => p.text)
      .join(joiner);
  }
}

function articleText(a: KnowledgeArticle): string {
  return `${a.title}\n${(a.tags ?? []).join(' ')}\n${a.body}`;
}

function toDoc(a: KnowledgeArticle): Doc {
  return {
    id: a.id,
    title: a.title,
    tags: (a.tags ?? []).join(' '),
    body: a.body,
    lang: a.lang ?? null,
    sopKey: a.sopKey ?? null,
  };
}
