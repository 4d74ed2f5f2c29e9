/**
 * @module When a suggestion counts as "the reference reply, or a reply close to it": cosine of
 * term counts (Chinese character uni+bigrams, stemmed English words, stopwords dropped) at least
 * {@link REFERENCE_MATCH}.
 *
 * The threshold was fixed before any suite run, on hand-written pairs (similarity.test.ts): eight
 * paraphrases of the same move with the same key facts scored 0.51–0.85, seven different moves from
 * the same SOPs (ask for the order vs disclose the refund time, return window vs shipping fee …)
 * scored 0.07–0.28. 0.4 sits between the two groups. Key facts are checked separately by
 * must_include, so a paraphrase that drops a number fails there, not here.
 */

import { normalizeText } from '#assist/embedded/normalize.ts';
import { tokenize } from '#assist/embedded/tokenize.ts';

export const REFERENCE_MATCH = 0.4;

function counts(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of tokenize(text)) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

/** Cosine similarity of two replies' term counts, 0–1. */
export function replySimilarity(a: string, b: string): number {
  const x = counts(a);
  const y = counts(b);
  let dot = 0;
  let nx = 0;
  let ny = 0;
  for (const [t, v] of x) {
    nx += v * v;
    dot += v * (y.get(t) ?? 0);
  }
  for (const v of y.values()) ny += v * v;
  return nx === 0 || ny === 0 ? 0 : dot / Math.sqrt(nx * ny);
}

/** Text as must_include compares it: NFKC, lower case, no spaces, dashes unified ('1 – 3' = '1-3'). */
export function comparable(text: string): string {
  return normalizeText(text)
    .replace(/[‐-―−~～]/g, '-')
    .replace(/\s+/g, '');
}

/** Share of `required` strings found in `text` (1 when nothing is required). */
export function includedShare(text: string, required: readonly string[]): number {
  if (required.length === 0) return 1;
  const t = comparable(text);
  return required.filter((r) => t.includes(comparable(r))).length / required.length;
}
