/**
 * @module Accepted past replies ("golden replies"): what agents really sent at an SOP step and
 * accepted. Indexed by the customer message each one answered (its context) and its own text, so a
 * new conversation finds the replies given to similar questions at the same step. Replies are
 * added as agents accept suggestions (the feedback slice calls {@link GoldenIndex.add}).
 */
import { SearchIndex } from '#assist/embedded/search-index.ts';
import { cosineOf, type TermVector, termVector } from './text.ts';
import type { CopilotStep, GoldenReply, Lang } from './types.ts';

interface Doc {
  id: string;
  context: string;
  text: string;
  sop: string;
  step: string;
  lang: Lang;
}

export interface GoldenHit {
  reply: GoldenReply;
  /** Cosine between the query and the reply's context (or its text when it has none), 0–1. */
  similarity: number;
}

const CANDIDATES = 20;

export class GoldenIndex {
  private readonly index = new SearchIndex<Doc>({
    fields: [{ name: 'context', boost: 2 }, 'text'],
    storeFields: ['sop', 'step', 'lang'],
  });
  private readonly replies = new Map<string, GoldenReply>();
  private readonly vectors = new Map<string, TermVector>();
  /** Reply ids per SOP step and language: a reply at the right step counts even without shared words. */
  private readonly byStep = new Map<string, Set<string>>();

  constructor(replies: readonly GoldenReply[]) {
    for (const r of replies) this.replies.set(r.id, r);
    this.index.addAll([...this.replies.values()].map(toDoc));
    for (const r of this.replies.values()) this.file(r);
  }

  private file(r: GoldenReply): void {
    const key = stepKey(r.sop, r.step, r.lang);
    let ids = this.byStep.get(key);
    if (!ids) {
      ids = new Set();
      this.byStep.set(key, ids);
    }
    ids.add(r.id);
  }

  private unfile(r: GoldenReply): void {
    this.byStep.get(stepKey(r.sop, r.step, r.lang))?.delete(r.id);
  }

  get size(): number {
    return this.replies.size;
  }

  /** Add or replace an accepted reply. */
  add(reply: GoldenReply): void {
    const old = this.replies.get(reply.id);
    if (old) this.unfile(old);
    this.file(reply);
    this.replies.set(reply.id, reply);
    this.vectors.delete(reply.id);
    this.index.replace(toDoc(reply));
  }

  remove(id: string): boolean {
    const old = this.replies.get(id);
    if (old) this.unfile(old);
    this.vectors.delete(id);
    this.replies.delete(id);
    return this.index.remove(id);
  }

  private vectorOf(r: GoldenReply): TermVector {
    let v = this.vectors.get(r.id);
    if (!v) {
      v = termVector(r.context ?? r.text);
      this.vectors.set(r.id, v);
    }
    return v;
  }

  /**
   * Replies of this SOP (and step, when given) in `lang`, most similar to `query` first. With a
   * step, replies of that step that share no word with the query still come (similarity 0) when
   * the search finds fewer than `limit`: being said at this step is the main evidence.
   */
  find(query: string, where: { sop: string; step?: string; lang: Lang }, limit: number): GoldenHit[] {
    if (this.replies.size === 0) return [];
    const ids = new Set<string>();
    if (query.trim() !== '') {
      const hits = this.index.search(query, {
        limit: CANDIDATES,
        filter: (s) =>
          s.sop === where.sop && s.lang === where.lang && (where.step === undefined || s.step === where.step),
      });
      for (const h of hits) ids.add(h.id);
    }
    if (where.step !== undefined && ids.size < limit) {
      for (const id of this.byStep.get(stepKey(where.sop, where.step, where.lang)) ?? []) {
        if (ids.size >= CANDIDATES) break;
        ids.add(id);
      }
    }
    const q = termVector(query);
    return [...ids]
      .map((id) => this.replies.get(id))
      .filter((r): r is GoldenReply => r !== undefined)
      .map((reply) => ({ reply, similarity: cosineOf(q, this.vectorOf(reply)) }))
      .sort((a, b) => b.similarity - a.similarity || a.reply.id.localeCompare(b.reply.id))
      .slice(0, limit);
  }

  /**
   * For menu SOPs: the alternative step whose past replies answered the most similar questions —
   * the summed similarity of its replies among the nearest {@link CANDIDATES}. Null without any.
   */
  chooseStep(query: string, sop: string, lang: Lang, alternatives: readonly CopilotStep[]): string | null {
    const keys = new Set(alternatives.map((s) => s.key));
    const near = this.find(query, { sop, lang }, CANDIDATES).filter((h) => keys.has(h.reply.step));
    const votes = new Map<string, number>();
    for (const h of near.slice(0, 7)) votes.set(h.reply.step, (votes.get(h.reply.step) ?? 0) + h.similarity);
    let best: string | null = null;
    let bestScore = 0;
    for (const [step, score] of votes) {
      if (score > bestScore || (score === bestScore && best !== null && step < best)) {
        best = step;
        bestScore = score;
      }
    }
    return best;
  }
}

function stepKey(sop: string, step: string, lang: Lang): string {
  return `${sop}\u0000${step}\u0000${lang}`;
}

/**
 * A reply is found by the question it answered; its own text is indexed only when that question is
 * unknown. Long replies in the index would make every common word match thousands of documents.
 */
function toDoc(r: GoldenReply): Doc {
  const context = r.context?.trim() ?? '';
  return { id: r.id, context, text: context === '' ? r.text : '', sop: r.sop, step: r.step, lang: r.lang };
}
