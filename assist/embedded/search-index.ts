/**
 * @module A bilingual full-text index over MiniSearch (BM25+, field boosts, incremental add/remove)
 * with the toolkit's tokeniser. For search, Chinese is indexed as character bigrams with unigrams
 * only for one-character runs: single characters such as '的' or '款' would match most of a
 * 10,000-article knowledge base and make every query walk huge posting lists.
 */
import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import { type TokenizeOptions, tokenize } from './tokenize.ts';

/** A searchable field and its weight in the BM25 score. */
export interface SearchField {
  name: string;
  /** Relative weight; a match in a field with boost 3 counts three times one in a field with 1. */
  boost?: number;
}

export interface SearchIndexOptions {
  /** Field holding the unique document id. Default 'id'. */
  idField?: string;
  fields: (string | SearchField)[];
  /** Fields kept with each document, returned with hits and usable in filters. */
  storeFields?: string[];
  /** Tokeniser settings for documents and queries; defaults suit search (see the module note). */
  tokenize?: TokenizeOptions;
}

/** Stored-field filter: equal to the value, one of an array of values, or (array fields) containing it. */
export type FieldFilter = Record<string, string | number | boolean | (string | number | boolean)[]>;

export interface SearchQueryOptions {
  /** Maximum number of hits. Default 10. */
  limit?: number;
  /** Keep only documents whose stored fields match (see {@link FieldFilter}) or the predicate accepts. */
  filter?: FieldFilter | ((stored: Record<string, unknown>) => boolean);
  /** Allow one edit in English terms of 5+ letters (typos). Default false. */
  fuzzy?: boolean;
  /** Treat the last query term as a prefix (search-as-you-type). Default false. */
  prefix?: boolean;
  /** 'or' ranks documents matching any term; 'and' requires every term. Default 'or'. */
  combineWith?: 'or' | 'and';
  /** Search only these fields. */
  fields?: string[];
  /** Override field boosts for this query. */
  boost?: Record<string, number>;
}

export interface SearchHit {
  id: string;
  score: number;
  /** Index terms that matched. */
  terms: string[];
  /** The stored fields of the document. */
  stored: Record<string, unknown>;
}

/** Tokeniser defaults for search: bigrams + isolated unigrams, stopwords off the index. */
export const SEARCH_TOKENIZE: TokenizeOptions = {
  cjkUnigrams: 'isolated',
  cjkBigrams: true,
  stopwords: true,
};

const LATIN_WORD = /^[a-z]+$/;

function matches(stored: Record<string, unknown>, filter: FieldFilter): boolean {
  for (const [field, wanted] of Object.entries(filter)) {
    const value = stored[field];
    const accepted = Array.isArray(wanted) ? wanted : [wanted];
    const present = Array.isArray(value) ? value : [value];
    if (!present.some((v) => accepted.includes(v as string | number | boolean))) return false;
  }
  return true;
}

function fieldText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(fieldText).join(' \n ');
  return String(value);
}

function miniOptions<Doc>(options: SearchIndexOptions): Options<Doc> {
  const idField = options.idField ?? 'id';
  const tk = options.tokenize ?? SEARCH_TOKENIZE;
  const fields = options.fields.map((f) => (typeof f === 'string' ? { name: f } : f));
  const boost = Object.fromEntries(fields.map((f) => [f.name, f.boost ?? 1]));
  const tokenizer = (text: string) => tokenize(text, tk);
  return {
    idField,
    fields: fields.map((f) => f.name),
    storeFields: options.storeFields ?? [],
    extractField: (doc, field) => {
      const value = (doc as Record<string, unknown>)[field];
      return field === idField ? String(value) : fieldText(value);
    },
    tokenize: tokenizer,
    // The tokeniser already normalises, stems and drops stopwords.
    processTerm: (term) => term,
    searchOptions: { boost, tokenize: tokenizer, processTerm: (term) => term },
  };
}

/** A document index. Ids are strings (numbers are stringified). */
export class SearchIndex<Doc extends object> {
  private readonly mini: MiniSearch<Doc>;
  private readonly idField: string;
  private readonly storeFields: string[];

  /** A new empty index, or one restored from a {@link SearchIndex.toJSON} snapshot made with the same options. */
  constructor(options: SearchIndexOptions, snapshot?: string) {
    this.idField = options.idField ?? 'id';
    this.storeFields = options.storeFields ?? [];
    const mini = miniOptions<Doc>(options);
    this.mini = snapshot === undefined ? new MiniSearch<Doc>(mini) : MiniSearch.loadJSON<Doc>(snapshot, mini);
  }

  /** Number of documents in the index. */
  get size(): number {
    return this.mini.documentCount;
  }

  /** Whether a document with this id is indexed. */
  has(id: string | number): boolean {
    return this.mini.has(String(id));
  }

  /** Index one document; throws if its id is already present (use {@link replace}). */
  add(doc: Doc): void {
    this.mini.add(doc);
  }

  addAll(docs: readonly Doc[]): void {
    this.mini.addAll(docs as Doc[]);
  }

  /** Remove a document by id; returns false when it was not indexed. */
  remove(id: string | number): boolean {
    const key = String(id);
    if (!this.mini.has(key)) return false;
    this.mini.discard(key);
    return true;
  }

  /** Add or update a document. */
  replace(doc: Doc): void {
    const id = String((doc as Record<string, unknown>)[this.idField]);
    if (this.mini.has(id)) this.mini.replace(doc);
    else this.mini.add(doc);
  }

  /** Ranked hits for a free-text query in either language. */
  search(query: string, opts: SearchQueryOptions = {}): SearchHit[] {
    const limit = opts.limit ?? 10;
    const filter = opts.filter;
    const storeFields = this.storeFields;
    const storedOf = (r: SearchResult): Record<string, unknown> =>
      Object.fromEntries(storeFields.map((f) => [f, r[f] as unknown]));
    const results = this.mini.search(query, {
      combineWith: opts.combineWith === 'and' ? 'AND' : 'OR',
      ...(opts.fields ? { fields: opts.fields } : {}),
      ...(opts.boost ? { boost: opts.boost } : {}),
      fuzzy: opts.fuzzy ? (term) => (LATIN_WORD.test(term) && term.length >= 5 ? 1 : false) : false,
      prefix: opts.prefix ? (_term, i, terms) => i === terms.length - 1 : false,
      // MiniSearch puts stored fields on the result itself; reading them there avoids building an
      // object per candidate, which dominated filtered queries over a large result set.
      ...(filter
        ? { filter: (r: SearchResult) => (typeof filter === 'function' ? filter(r) : matches(r, filter)) }
        : {}),
    });
    return results
      .slice(0, limit)
      .map((r) => ({ id: String(r.id), score: r.score, terms: r.terms, stored: storedOf(r) }));
  }

  /** A JSON snapshot; restore with {@link SearchIndex.fromJSON} and the same options. */
  toJSON(): string {
    return JSON.stringify(this.mini);
  }

  /** Restore an index saved with {@link SearchIndex.toJSON}; options must match the saved ones. */
  static fromJSON<D extends object>(json: string, options: SearchIndexOptions): SearchIndex<D> {
    return new SearchIndex<D>(options, json);
  }
}
