/** @module The shape every recogniser family returns and the boundary helpers they share. */
import { type DigitRun, type DigitSlice, digitSlices, findDigitRuns } from './number-runs.ts';
import type { PiiEntity } from './types.ts';

/** A recogniser's raw finding before context scoring and overlap resolution. */
export interface Candidate extends PiiEntity {
  /**
   * How much nearby context words may move the score: 1 = fully (names, legacy IDs, bare
   * numbers), 0 = not at all (a checksum-valid 18-character ID is an ID whatever the words say).
   */
  contextWeight?: number;
}

export interface RecognizerInput {
  text: string;
  lang: 'zh' | 'en' | undefined;
  /** Digit runs of `text`, computed once per detection and shared by the numeric recognisers. */
  digitRuns(): DigitRun[];
  /** Every 10–19 character slice of those runs (phones, IDs, cards), also computed once. */
  digitSlices(): DigitSlice[];
  /** How many ASCII digits the text holds: recognisers of long numbers skip texts with too few. */
  digitCount(): number;
}

/** Build the input for one detection; the digit scans are lazy and memoised. */
export function recognizerInput(text: string, lang?: 'zh' | 'en'): RecognizerInput {
  return new MemoInput(text, lang);
}

// A class rather than an object of closures: one detection creates one of these, and methods on
// the prototype cost nothing per call.
class MemoInput implements RecognizerInput {
  private runs: DigitRun[] | null = null;
  private slices: DigitSlice[] | null = null;
  private digits = -1;

  constructor(
    readonly text: string,
    readonly lang: 'zh' | 'en' | undefined,
  ) {}

  digitRuns(): DigitRun[] {
    this.runs ??= findDigitRuns(this.text);
    return this.runs;
  }

  digitCount(): number {
    if (this.digits < 0) {
      let n = 0;
      const t = this.text;
      for (let i = 0; i < t.length; i++) {
        const c = t.charCodeAt(i);
        if (c >= 48 && c <= 57) n++;
      }
      this.digits = n;
    }
    return this.digits;
  }

  digitSlices(): DigitSlice[] {
    if (this.slices === null) {
      const slices: DigitSlice[] = [];
      for (const run of this.digitRuns()) digitSlices(run, 10, 19, slices);
      this.slices = slices;
    }
    return this.slices;
  }
}

/** One recogniser family (resident IDs, phones, …): a single left-to-right pass over the text. */
export interface Recognizer {
  readonly name: string;
  find(input: RecognizerInput): Candidate[];
}

/** ASCII letters and digits: a number glued to them is part of a code, not a standalone value. */
export function isAsciiAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** True when the character before `start` and the one at `end` do not continue an ASCII token. */
export function hasAlnumBoundaries(text: string, start: number, end: number): boolean {
  return (
    !(start > 0 && isAsciiAlnum(text.charCodeAt(start - 1))) &&
    !(end < text.length && isAsciiAlnum(text.charCodeAt(end)))
  );
}

/** Keep a score within 0–1 and at two decimals so reports stay readable. */
export function clampScore(score: number): number {
  return Math.round(Math.min(1, Math.max(0, score)) * 100) / 100;
}
