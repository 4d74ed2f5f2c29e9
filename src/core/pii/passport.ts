/**
 * @module Passports and travel permits. Chinese forms have distinctive shapes — e-passport E +
 * 8 (E12345678, EA1234567), older G + 8 digits, 港澳居民来往内地通行证 H/M + 8 digits (+ 2-digit
 * renewal count), 往来港澳通行证 C + 8 — but so do many product codes, so shape alone stays below
 * the threshold and a word like 护照/通行证/passport lifts it. Other countries' passports
 * (US nine digits, letter + 8 digits, two letters + 7 digits) are found only after such a word.
 */
import type { Candidate, Recognizer } from './recognizer.ts';

const CN_SHAPES =
  /(?<![0-9A-Za-z])(?:[EG]\d{8}|E[A-HJ-NP-Z]\d{7}|[HM]\d{8}(?:\d{2})?|C[0-9A-HJ-NP-Z]\d{7})(?![0-9A-Za-z])/g;
const GENERIC = /(?<![0-9A-Za-z])(?:\d{8,9}|[A-Z]\d{8}|[A-Z]{2}\d{7})(?![0-9A-Za-z])/g;
// Words that make a nearby code a passport; checked here (not only in context.ts) because the
// generic shapes must not be proposed at all without them.
const CUE = /护照|通行证|回乡证|台胞证|passport|travel document/i;

/**
 * True for a passport or permit number's shape: the Chinese forms above, or the generic ones that
 * need a cue in text (letter + 8 digits, two letters + 6–7 digits, 9 digits).
 */
export function isPassportNumber(value: string): boolean {
  return /^(?:[EG]\d{8}|E[A-HJ-NP-Z]\d{7}|[HM]\d{8}(?:\d{2})?|C[0-9A-HJ-NP-Z]\d{7}|[A-Z]\d{8}|[A-Z]{2}\d{6,7}|\d{9})$/.test(
    value,
  );
}

export const passportRecognizer: Recognizer = {
  name: 'passport',
  find(input) {
    const { text } = input;
    const out: Candidate[] = [];
    if (input.digitCount() < 6) return out;
    CN_SHAPES.lastIndex = 0;
    for (let m = CN_SHAPES.exec(text); m !== null; m = CN_SHAPES.exec(text)) {
      out.push({
        type: 'PASSPORT',
        start: m.index,
        end: m.index + m[0].length,
        score: 0.45,
        contextWeight: 1,
      });
    }
    if (!CUE.test(text)) return out;
    GENERIC.lastIndex = 0;
    for (let m = GENERIC.exec(text); m !== null; m = GENERIC.exec(text)) {
      const window = text.slice(Math.max(0, m.index - 40), m.index);
      if (!CUE.test(window)) continue;
      out.push({
        type: 'PASSPORT',
        start: m.index,
        end: m.index + m[0].length,
        score: 0.4,
        contextWeight: 1,
      });
    }
    return out;
  },
};
