/**
 * @module The PII detector: runs every recogniser family over the text, lets context words move
 * the scores, drops what falls below the threshold and resolves overlaps (higher score wins, then
 * the longer span, then the earlier one), so each character belongs to at most one entity.
 */
import { addressRecognizer } from './address.ts';
import { bankCardRecognizer } from './bank-card.ts';
import { cnIdRecognizer } from './cn-id.ts';
import { applyContext } from './context.ts';
import { dobRecognizer } from './dob.ts';
import { emailRecognizer } from './email.ts';
import { ipRecognizer } from './ip.ts';
import { passportRecognizer } from './passport.ts';
import { personRecognizer } from './person.ts';
import { createPhoneRecognizer } from './phone.ts';
import { plateRecognizer } from './plate.ts';
import { type Candidate, clampScore, type Recognizer, recognizerInput } from './recognizer.ts';
import type { DetectOptions, PiiDetector, PiiEntity } from './types.ts';
import { usSsnRecognizer } from './us-ssn.ts';
import { usccRecognizer } from './uscc.ts';

export const DEFAULT_MIN_SCORE = 0.5;

export interface DetectorOptions {
  /** Extra recognisers (tenant patterns) run after the built-in ones. */
  extraRecognizers?: Recognizer[];
  /** Threshold used when detect() is called without `minScore`. */
  minScore?: number;
}

/** The built-in recogniser families, in no particular order (overlap resolution decides). */
export function builtInRecognizers(): Recognizer[] {
  return [
    cnIdRecognizer,
    bankCardRecognizer,
    createPhoneRecognizer(),
    emailRecognizer,
    usccRecognizer,
    usSsnRecognizer,
    ipRecognizer,
    passportRecognizer,
    plateRecognizer,
    dobRecognizer,
    addressRecognizer,
    personRecognizer,
  ];
}

export function createDetector(options: DetectorOptions = {}): PiiDetector {
  const recognizers = [...builtInRecognizers(), ...(options.extraRecognizers ?? [])];
  const defaultMin = options.minScore ?? DEFAULT_MIN_SCORE;
  return {
    detect(text: string, detectOptions: DetectOptions = {}): PiiEntity[] {
      const minScore = detectOptions.minScore ?? defaultMin;
      const candidates: Candidate[] = [];
      // Full-width forms (１３８…, ＠) become ASCII one-for-one, so offsets stay valid.
      const input = recognizerInput(toHalfWidth(text), detectOptions.lang);
      for (const r of recognizers) {
        for (const c of r.find(input)) {
          const scored = applyContext(input.text, c);
          if (scored.score >= minScore && scored.end > scored.start) candidates.push(scored);
        }
      }
      return mergeAddressParts(input.text, resolveOverlaps(candidates));
    },
  };
}

/**
 * Addresses are often found in parts ("74 Diakou Street", "Suite 680" on the next line); parts
 * separated only by spaces, line breaks or a comma are one address.
 */
export function mergeAddressParts(text: string, entities: PiiEntity[]): PiiEntity[] {
  const out: PiiEntity[] = [];
  for (const e of entities) {
    const prev = out[out.length - 1];
    if (
      prev?.type === 'ADDRESS' &&
      e.type === 'ADDRESS' &&
      /^[\s,]{0,4}$/.test(text.slice(prev.end, e.start))
    ) {
      out[out.length - 1] = { ...prev, end: e.end, score: Math.max(prev.score, e.score) };
    } else out.push(e);
  }
  return out;
}

/** Map full-width ASCII (U+FF01–FF5E) and the ideographic space to ASCII; same length. */
export function toHalfWidth(text: string): string {
  if (!/[\uff01-\uff5e\u3000]/.test(text)) return text;
  return text.replace(/[\uff01-\uff5e\u3000]/g, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/** Greedy selection by priority; the result is sorted by start offset. */
export function resolveOverlaps(candidates: Candidate[]): PiiEntity[] {
  const ranked = [...candidates].sort(
    (a, b) => b.score - a.score || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: PiiEntity[] = [];
  for (const c of ranked) {
    if (overlapsAny(kept, c)) continue;
    insertSorted(kept, { type: c.type, start: c.start, end: c.end, score: clampScore(c.score) });
  }
  return kept;
}

function overlapsAny(sorted: PiiEntity[], c: PiiEntity): boolean {
  const i = lowerBound(sorted, c.start);
  // The entity starting at or after c.start, and the one just before it, are the only candidates.
  const next = sorted[i];
  const prev = sorted[i - 1];
  return (next !== undefined && next.start < c.end) || (prev !== undefined && prev.end > c.start);
}

function insertSorted(sorted: PiiEntity[], e: PiiEntity): void {
  sorted.splice(lowerBound(sorted, e.start), 0, e);
}

function lowerBound(sorted: PiiEntity[], start: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
