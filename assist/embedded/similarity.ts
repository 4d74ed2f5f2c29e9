/**
 * @module Similarity helpers: sparse vectors with dot/cosine, a small TF-IDF vectoriser (sublinear
 * term frequency, smoothed idf, L2 norm — the usual text-classification defaults), Jaccard over
 * token sets and character n-gram overlap for short strings. Pure; callers tokenise first.
 */
import { normalizeText } from './normalize.ts';

/** A sparse vector: strictly increasing `indices` with their `values`. */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

/** Build a sparse vector from an index → value map (zero values are dropped). */
export function sparseFromMap(map: ReadonlyMap<number, number>): SparseVector {
  const entries = [...map].filter(([, v]) => v !== 0).sort((a, b) => a[0] - b[0]);
  return {
    indices: Int32Array.from(entries, ([i]) => i),
    values: Float32Array.from(entries, ([, v]) => v),
  };
}

/** Dot product of two sparse vectors (a merge over the sorted indices). */
export function dot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.indices.length && j < b.indices.length) {
    const ai = a.indices[i]!;
    const bj = b.indices[j]!;
    if (ai === bj) sum += a.values[i++]! * b.values[j++]!;
    else if (ai < bj) i++;
    else j++;
  }
  return sum;
}

/** Euclidean norm. */
export function norm(v: SparseVector): number {
  let s = 0;
  for (const x of v.values) s += x * x;
  return Math.sqrt(s);
}

/** Cosine similarity; 0 when either vector is empty. */
export function cosine(a: SparseVector, b: SparseVector): number {
  const d = norm(a) * norm(b);
  return d === 0 ? 0 : dot(a, b) / d;
}

/** Jaccard index |A ∩ B| / |A ∪ B| of two token collections (as sets); 0 for two empty inputs. */
export function jaccard(a: Iterable<string>, b: Iterable<string>): number {
  const sa = a instanceof Set ? (a as Set<string>) : new Set(a);
  const sb = b instanceof Set ? (b as Set<string>) : new Set(b);
  if (sa.size === 0 && sb.size === 0) return 0;
  let inter = 0;
  for (const x of sa) if (sb.has(x)) inter++;
  return inter / (sa.size + sb.size - inter);
}

/** Character n-grams (by code point) of the normalised text with whitespace removed. */
export function charNgrams(text: string, n = 2): Set<string> {
  const cps = Array.from(normalizeText(text).replace(/\s+/gu, ''));
  const out = new Set<string>();
  if (cps.length > 0 && cps.length < n) out.add(cps.join(''));
  for (let i = 0; i + n <= cps.length; i++) out.add(cps.slice(i, i + n).join(''));
  return out;
}

/**
 * Dice overlap 2|A ∩ B| / (|A| + |B|) of the character n-gram sets — robust to word order, typos
 * and missing segmentation, which suits short zh/en phrases. 1 for identical texts.
 */
export function charNgramOverlap(a: string, b: string, n = 2): number {
  const ga = charNgrams(a, n);
  const gb = charNgrams(b, n);
  if (ga.size + gb.size === 0) return 0;
  let inter = 0;
  for (const g of ga) if (gb.has(g)) inter++;
  return (2 * inter) / (ga.size + gb.size);
}

export interface TfidfOptions {
  /** Ignore terms found in fewer documents. Default 1. */
  minDf?: number;
  /** Ignore terms found in more than this fraction of documents. Default 1 (keep all). */
  maxDfRatio?: number;
  /** Use 1 + ln(tf) instead of raw counts. Default true. */
  sublinearTf?: boolean;
  /** Scale each vector to unit length. Default true. */
  l2Normalize?: boolean;
}

/** A fitted TF-IDF vocabulary. Terms unseen at fit time are ignored by `transform`. */
export class TfidfVectorizer {
  private constructor(
    readonly vocabulary: ReadonlyMap<string, number>,
    readonly idf: Float32Array,
    private readonly sublinearTf: boolean,
    private readonly l2Normalize: boolean,
  ) {}

  /** Learn the vocabulary and smoothed idf, ln((1 + N) / (1 + df)) + 1, from tokenised documents. */
  static fit(docs: readonly (readonly string[])[], options: TfidfOptions = {}): TfidfVectorizer {
    const minDf = options.minDf ?? 1;
    const maxDf = (options.maxDfRatio ?? 1) * docs.length;
    const df = new Map<string, number>();
    for (const doc of docs) {
      for (const t of new Set(doc)) df.set(t, (df.get(t) ?? 0) + 1);
    }
    // Sorted so the feature order, and everything trained on it, is deterministic.
    const kept = [...df].filter(([, n]) => n >= minDf && n <= maxDf).sort((a, b) => (a[0] < b[0] ? -1 : 1));
    const vocabulary = new Map<string, number>();
    const idf = new Float32Array(kept.length);
    kept.forEach(([term, n], i) => {
      vocabulary.set(term, i);
      idf[i] = Math.log((1 + docs.length) / (1 + n)) + 1;
    });
    return new TfidfVectorizer(vocabulary, idf, options.sublinearTf ?? true, options.l2Normalize ?? true);
  }

  /** Number of features. */
  get size(): number {
    return this.idf.length;
  }

  /** The TF-IDF vector of one tokenised document. */
  transform(tokens: readonly string[]): SparseVector {
    const tf = new Map<number, number>();
    for (const t of tokens) {
      const i = this.vocabulary.get(t);
      if (i !== undefined) tf.set(i, (tf.get(i) ?? 0) + 1);
    }
    const weighted = new Map<number, number>();
    let sq = 0;
    for (const [i, n] of tf) {
      const w = (this.sublinearTf ? 1 + Math.log(n) : n) * this.idf[i]!;
      weighted.set(i, w);
      sq += w * w;
    }
    if (this.l2Normalize && sq > 0) {
      const inv = 1 / Math.sqrt(sq);
      for (const [i, w] of weighted) weighted.set(i, w * inv);
    }
    return sparseFromMap(weighted);
  }
}
