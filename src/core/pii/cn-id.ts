/**
 * @module Chinese resident identity numbers (GB 11643-1999): 18 characters with a MOD 11-2 check
 * character, a real birth date and a plausible province code; and the legacy 15-digit form
 * (no check digit, so it needs context words to count).
 */
import { cnIdChecksumValid } from './checksums.ts';
import type { Candidate, Recognizer } from './recognizer.ts';

// Province-level codes of GB/T 2260, plus 71/81/82/83 used by Taiwan, Hong Kong and Macau
// residence permits.
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61,
  62, 63, 64, 65, 71, 81, 82, 83,
]);

/** True for a real Gregorian date; years are limited to 1800–2099 (the standard's own example is 1880). */
export function isValidDate(year: number, month: number, day: number): boolean {
  if (year < 1800 || year > 2099 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

export type CnIdVerdict = 'valid' | 'bad-format' | 'bad-area' | 'bad-date' | 'bad-checksum';

/** Validate an 18-character resident ID (spaces/dashes removed; lowercase x accepted). */
export function validateCnId(value: string): CnIdVerdict {
  const id = value.replace(/[\s-]/g, '').toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return 'bad-format';
  if (!PROVINCES.has(Number(id.slice(0, 2)))) return 'bad-area';
  if (!isValidDate(Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14))))
    return 'bad-date';
  return cnIdChecksumValid(id) ? 'valid' : 'bad-checksum';
}

/** Validate a legacy 15-digit ID: province code and a 19YY birth date; it has no check digit. */
export function validateLegacyCnId(value: string): CnIdVerdict {
  const id = value.replace(/[\s-]/g, '');
  if (!/^\d{15}$/.test(id)) return 'bad-format';
  if (!PROVINCES.has(Number(id.slice(0, 2)))) return 'bad-area';
  const year = 1900 + Number(id.slice(6, 8));
  return isValidDate(year, Number(id.slice(8, 10)), Number(id.slice(10, 12))) ? 'valid' : 'bad-date';
}

/** Resident IDs in free text, spaced ("1101 0119 9001 0112 37") or not. */
export const cnIdRecognizer: Recognizer = {
  name: 'cn-id',
  find(input) {
    const out: Candidate[] = [];
    if (input.digitCount() < 15) return out;
    for (const s of input.digitSlices()) {
      const len = s.value.length;
      // Most slices are not 15 or 18 long, or start with no province code: cheap checks first.
      if ((len !== 18 && len !== 15) || !PROVINCES.has(Number(s.value.slice(0, 2)))) continue;
      if (len === 18 && validateCnId(s.value) === 'valid') {
        out.push({
          type: 'CN_ID',
          start: s.start,
          end: s.end,
          score: s.whole ? 0.97 : 0.85,
          contextWeight: 0.3,
        });
      } else if (s.value.length === 15 && !s.value.includes('X') && validateLegacyCnId(s.value) === 'valid') {
        // Fifteen digits with a date inside are common (timestamps, order numbers): context decides.
        out.push({
          type: 'CN_ID',
          start: s.start,
          end: s.end,
          score: s.whole ? 0.4 : 0.3,
          contextWeight: 1,
        });
      }
    }
    return out;
  },
};
