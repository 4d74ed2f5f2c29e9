/**
 * @module Text features for the embedded intent classifier: a word block (stemmed words and
 * Chinese character uni/bi-grams, plus word bigrams) and a character block (n-grams inside each
 * Latin word, padded at the edges, and Chinese character trigrams), each TF-IDF weighted and
 * L2-normalised, then concatenated. Word features carry meaning; character n-grams survive typos,
 * inflections the stemmer misses and unseen compounds.
 */
import { normalizeText } from '#assist/embedded/normalize.ts';
import { type SparseVector, TfidfVectorizer } from '#assist/embedded/similarity.ts';
import { tokenize } from '#assist/embedded/tokenize.ts';

export interface FeatureOptions {
  /** Add bigrams of consecutive word tokens. Default true. */
  wordBigrams?: boolean;
  /** Character n-gram lengths inside Latin words, inclusive. Default [2, 5]. */
  charRange?: [min: number, max: number];
  /** Weight of the character block relative to the word block. Default 1. */
  charWeight?: number;
  /** Keep features seen in at least this many training texts. Default 1. */
  minDf?: number;
  /** Add the segmenter's Chinese words of 3+ characters to the word block. Default false. */
  cjkWords?: boolean;
}

const HAN_RUN = /\p{Script=Han}+/gu;
const LATIN_WORD = /[\p{L}\p{N}]+/gu;

/** Word-block terms: tokens (no stopword removal — "why"/"not" separate intents) and bigrams. */
export function wordTerms(normalized: string, bigrams: boolean, cjkWords = false): string[] {
  const tokens = tokenize(normalized, { normalize: false, stopwords: false, cjkWords });
  if (!bigrams) return tokens;
  const out = tokens.slice();
  // Bigrams only between Latin tokens; Chinese already has character bigrams.
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1]!;
    if (!/\p{Script=Han}/u.test(a) && !/\p{Script=Han}/u.test(b)) out.push(`${a} ${b}`);
  }
  return out;
}

/** Character-block terms: edge-padded n-grams of each Latin word, and Chinese character trigrams. */
export function charTerms(normalized: string, [min, max]: [number, number]): string[] {
  const out: string[] = [];
  for (const m of normalized.matchAll(LATIN_WORD)) {
    const w = m[0];
    if (/\p{Script=Han}/u.test(w)) continue;
    const padded = ` ${w} `;
    for (let n = min; n <= max; n++) {
      for (let i = 0; i + n <= padded.length; i++) out.push(padded.slice(i, i + n));
    }
  }
  for (const m of normalized.matchAll(HAN_RUN)) {
    const cps = Array.from(m[0]);
    for (let i = 0; i + 3 <= cps.length; i++) out.push(cps[i]! + cps[i + 1]! + cps[i + 2]!);
  }
  return out;
}

/** A fitted feature space; `transform` maps a text to one sparse vector. */
export class FeatureSpace {
  private constructor(
    private readonly word: TfidfVectorizer,
    private readonly char: TfidfVectorizer,
    private readonly opts: Required<FeatureOptions>,
  ) {}

  static fit(texts: readonly string[], options: FeatureOptions = {}): FeatureSpace {
    return FeatureSpace.fitTransform(texts, options).space;
  }

  /** Fit and return the training vectors too, extracting each text's terms only once. */
  static fitTransform(
    texts: readonly string[],
    options: FeatureOptions = {},
  ): { space: FeatureSpace; vectors: SparseVector[] } {
    const opts: Required<FeatureOptions> = {
      wordBigrams: options.wordBigrams ?? true,
      charRange: options.charRange ?? [2, 5],
      charWeight: options.charWeight ?? 1,
      minDf: options.minDf ?? 1,
      cjkWords: options.cjkWords ?? false,
    };
    const normalized = texts.map((t) => normalizeText(t));
    const wordDocs = normalized.map((t) => wordTerms(t, opts.wordBigrams, opts.cjkWords));
    const charDocs = normalized.map((t) => charTerms(t, opts.charRange));
    const space = new FeatureSpace(
      TfidfVectorizer.fit(wordDocs, { minDf: opts.minDf }),
      TfidfVectorizer.fit(charDocs, { minDf: opts.minDf }),
      opts,
    );
    const vectors = wordDocs.map((w, i) => space.combine(w, charDocs[i]!));
    return { space, vectors };
  }

  /** Total number of features (word block first, then character block). */
  get size(): number {
    return this.word.size + this.char.size;
  }

  transform(text: string): SparseVector {
    const t = normalizeText(text);
    return this.combine(
      wordTerms(t, this.opts.wordBigrams, this.opts.cjkWords),
      charTerms(t, this.opts.charRange),
    );
  }

  private combine(wordTermList: readonly string[], charTermList: readonly string[]): SparseVector {
    const w = this.word.transform(wordTermList);
    const c = this.char.transform(charTermList);
    const indices = new Int32Array(w.indices.length + c.indices.length);
    const values = new Float32Array(indices.length);
    indices.set(w.indices);
    values.set(w.values);
    const offset = this.word.size;
    const cw = this.opts.charWeight;
    for (let k = 0; k < c.indices.length; k++) {
      indices[w.indices.length + k] = c.indices[k]! + offset;
      values[w.indices.length + k] = c.values[k]! * cw;
    }
    return { indices, values };
  }
}
