/**
 * @module Phone numbers. Mainland mobiles (1[3-9] + 9 digits, optionally +86/0086, spaced or
 * dashed) and landlines with an area code come from the digit-run scanner; every other format
 * (US "(415) 555-0132", "+44 20 7946 0958", dotted, with extensions) is found by a bounded shape
 * pattern and then validated by libphonenumber-js. Company hotlines (400/800/95xxx) are not
 * personal data and are skipped.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Candidate, Recognizer } from './recognizer.ts';

const MOBILE = /^(?:0086|86)?1[3-9]\d{9}$/;
const LANDLINE_AREA = /^0[1-9]\d{1,2}$/;

/** True for a mainland mobile number (country prefix allowed). */
export function isCnMobile(value: string): boolean {
  return MOBILE.test(value.replace(/[\s\-+]/g, ''));
}

// Bounded shape: optional +country, optional (area), 2–5 groups of 2–4 digits, optional extension.
// Every repetition needs a separator first, so there is nothing to backtrack over.
const SHAPE =
  /(?<![\w.+\-@])(?:\+\d{1,3}[ .-]?|1[ .-])?(?:\(\d{1,4}\)[ .-]?)?\d{1,4}(?:[ .-]\d{2,6}){0,5}(?:[ ]?(?:x|ext\.?)[ ]?\d{1,5})?(?![\w@:]|[.-]\d)/gi;
// Shapes that are something else: a dotted quad (IPv4) or a date at the start ("2025-11-24 23").
const NOT_A_PHONE = /^\d{1,3}(?:\.\d{1,3}){3}$|^(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}/;
const AREA_PAREN = /[(（](0\d{2,3})[)）][ -]?(\d{3,4})[ -]?(\d{4})(?!\d)/g;

export function createPhoneRecognizer(): Recognizer {
  return {
    name: 'phone',
    find(input) {
      const { text, lang } = input;
      const out: Candidate[] = [];
      if (input.digitCount() < 7) return out;
      for (const s of input.digitSlices()) {
        {
          const { run } = s;
          const v = s.value;
          if (v.length > 15) continue;
          const plus = s.first === 0 && run.start > 0 && text[run.start - 1] === '+';
          const start = plus ? s.start - 1 : s.start;
          // Mainland mobiles are grouped 3-4-4 or not at all; "1-800-275-2273" is a US number.
          const national =
            run.groups[s.first + (v.length > 11 && run.groups[s.first]!.chars.length <= 4 ? 1 : 0)];
          const grouped = national !== undefined && national.chars.length >= 3;
          if (MOBILE.test(v) && grouped && (v.length === 11 || plus || v.startsWith('00'))) {
            out.push({ type: 'PHONE', start, end: s.end, score: s.whole ? 0.85 : 0.7, contextWeight: 0.6 });
            continue;
          }
          if (s.first === s.last && !plus) {
            // Unseparated 0xx… could be any serial number: only context makes it a landline.
            if (/^0[1-9]\d{9,10}$/.test(v) && isValidCn(v)) {
              out.push({ type: 'PHONE', start, end: s.end, score: 0.45, contextWeight: 1 });
            }
            continue;
          }
          const area = run.groups[s.first]!.chars;
          if (!plus && LANDLINE_AREA.test(area) && isValidCn(v)) {
            out.push({ type: 'PHONE', start, end: s.end, score: s.whole ? 0.75 : 0.6, contextWeight: 0.6 });
          }
        }
      }
      AREA_PAREN.lastIndex = 0;
      for (let m = AREA_PAREN.exec(text); m !== null; m = AREA_PAREN.exec(text)) {
        if (isValidCn(m[1]! + m[2]! + m[3]!)) {
          out.push({
            type: 'PHONE',
            start: m.index,
            end: m.index + m[0].length,
            score: 0.8,
            contextWeight: 0.6,
          });
        }
      }
      SHAPE.lastIndex = 0;
      for (let m = SHAPE.exec(text); m !== null; m = SHAPE.exec(text)) {
        const raw = m[0];
        const digits = raw.replace(/\D/g, '');
        if (digits.length < 7 || digits.length > 15) continue;
        if (/^(?:400|800|95\d)/.test(digits) || NOT_A_PHONE.test(raw)) continue;
        const score = scoreInternational(raw, digits, lang);
        if (score > 0) {
          out.push({ type: 'PHONE', start: m.index, end: m.index + raw.length, score, contextWeight: 1 });
        }
      }
      return out;
    },
  };
}

// Mainland area codes (010, 02x, 0xxx) and a 7–8 digit local number that does not start with 0/1.
const CN_LANDLINE_SHAPE = /^0(?:10|2\d|[3-9]\d{2})[2-9]\d{6,7}$/;

function isValidCn(digits: string): boolean {
  if (!CN_LANDLINE_SHAPE.test(digits)) return false;
  return parsePhoneNumberFromString(digits, 'CN')?.isValid() === true;
}

/** Valid for its country: 0.75; merely possible (right length): 0.35, so context must back it. */
function scoreInternational(raw: string, digits: string, lang: 'zh' | 'en' | undefined): number {
  const international = raw.startsWith('+');
  const separated = /[ .()-]/.test(raw);
  // Without a country code a US number has 10 digits (11 with the leading 1) and a Chinese one
  // 10–12 with its area code; other lengths cannot be valid, so skip the parser.
  const main = digits.slice(0, digits.length - (/(?:x|ext\.?)\s?(\d+)$/i.exec(raw)?.[1]?.length ?? 0));
  if (!international && !(lang === 'zh' ? /^\d{10,12}$/ : /^1?\d{10}$/).test(main)) return 0;
  const parsed = parsePhoneNumberFromString(raw, lang === 'zh' ? 'CN' : 'US');
  if (!parsed) return 0;
  // North American toll-free numbers belong to companies, not people.
  if (parsed.countryCallingCode === '1' && /^8(?:00|33|44|55|66|77|88)/.test(parsed.nationalNumber)) return 0;
  if (parsed.isValid()) return separated || international ? 0.75 : 0.55;
  if (parsed.isPossible()) return separated ? 0.35 : 0.2;
  return 0;
}
