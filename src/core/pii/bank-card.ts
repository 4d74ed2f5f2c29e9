/**
 * @module Bank and payment cards: 16–19 digits (13–15 for Visa/Amex/Diners/JCB issuer ranges),
 * spaced or not, that pass Luhn. Luhn alone accepts one random number in ten, so a number also
 * needs an issuer prefix or a card word nearby; "订单号"/"order" before it argues against.
 */
import { luhnValid } from './checksums.ts';
import type { Candidate, Recognizer } from './recognizer.ts';

// Issuer identification prefixes: Visa 4, Mastercard 51–55 and 2221–2720, UnionPay 62/81,
// Discover 60/64/65, JCB 35, Amex 34/37, Diners 30/36/38, Maestro 50/56–58/6x, ICBC's old 9558.
const ISSUER =
  /^(?:4|5[0-8]|2(?:22[1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720)|6\d|81|35|3[47]|3(?:0[0-5]|[68])|9558)/;
const SHORT_ISSUER = /^(?:4\d{12}|3[47]\d{13}|3(?:0[0-5]|[68])\d{11,12}|(?:2131|1800)\d{11}|35\d{13})$/;

/** True when a compact number is card-shaped and passes Luhn (the checksum test alone). */
export function isLuhnCard(digits: string): boolean {
  return /^\d{12,19}$/.test(digits) && luhnValid(digits);
}

export const bankCardRecognizer: Recognizer = {
  name: 'bank-card',
  find(input) {
    const { text } = input;
    const out: Candidate[] = [];
    if (input.digitCount() < 12) return out;
    for (const s of input.digitSlices()) {
      {
        const v = s.value;
        // Slices end in X only for resident IDs; Luhn needs digits.
        if (v.length < 12 || v.charCodeAt(v.length - 1) === 88 || !luhnValid(v)) continue;
        // Part of a spaced run: "6217 0036 9005 8912 347" failing Luhn must not yield its first 16
        // digits (one in ten would pass). Only a neighbour that is clearly another number (7+
        // digits, e.g. a second card or a phone) lets a slice stand alone.
        const before = s.run.groups[s.first - 1];
        const after = s.run.groups[s.last + 1];
        if ((before && before.chars.length < 7) || (after && after.chars.length < 7)) continue;
        let score: number;
        if (v.length >= 16) score = ISSUER.test(v) ? 0.6 : 0.3;
        else if (SHORT_ISSUER.test(v)) score = 0.55;
        else if (v.length === 12 && /^(?:50|5[6-8]|6)/.test(v)) score = 0.3;
        else continue;
        // Printed in groups of four (or Amex 4-6-5): how cards are written, not order numbers.
        if (/^(?:\d{4} ){3}\d{4,7}$|^\d{4} \d{6} \d{4,5}$/.test(text.slice(s.start, s.end))) score += 0.1;
        if (!s.whole) score -= 0.15;
        out.push({ type: 'BANK_CARD', start: s.start, end: s.end, score, contextWeight: 1 });
      }
    }
    return out;
  },
};
