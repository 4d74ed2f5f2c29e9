/**
 * @module Dates of birth. A date is only personal data here when it is someone's birth date, so
 * every date is proposed with a low score and only birth words (出生/生日/born/DOB …) in front of
 * it lift it over the threshold; order, delivery and appointment dates stay below it.
 */
import { isValidDate } from './cn-id.ts';
import type { Candidate, Recognizer } from './recognizer.ts';

const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const MONTH_INDEX = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// Each alternative is a fixed sequence of bounded pieces; none repeats a group.
const DATE = new RegExp(
  [
    '(?<zy>(?:19|20)\\d{2})\\s?年\\s?(?<zm>\\d{1,2})\\s?月\\s?(?<zd>\\d{1,2})\\s?[日号]?',
    '(?<iy>(?:19|20)\\d{2})(?<s1>[-/.])(?<im>\\d{1,2})\\k<s1>(?<id>\\d{1,2})(?!\\d|\\.\\d)',
    '(?<um>\\d{1,2})(?<s2>[/.-])(?<ud>\\d{1,2})\\k<s2>(?<uy>(?:19|20)?\\d{2})(?!\\d|[/.]\\d)',
    `(?<mn>${MONTHS})\\.?\\s(?<md>\\d{1,2})(?:st|nd|rd|th)?,?\\s(?<my>(?:19|20)\\d{2})`,
    `(?<dd>\\d{1,2})(?:st|nd|rd|th)?\\s(?<dm>${MONTHS})\\.?,?\\s(?<dy>(?:19|20)\\d{2})`,
    '(?<cy>(?:19|20)\\d{2})(?<cm>0[1-9]|1[0-2])(?<cd>0[1-9]|[12]\\d|3[01])(?!\\d)',
  ]
    .map((p) => `(?:${p})`)
    .join('|'),
  'gi',
);

// Without one of these words nearby no date can reach the threshold, so the date scan is skipped.
const BIRTH_WORD = /出生|生日|生于|born|birth|dob|d\.o\.b|b-?day/i;

export const dobRecognizer: Recognizer = {
  name: 'dob',
  find({ text }) {
    const out: Candidate[] = [];
    if (!BIRTH_WORD.test(text)) return out;
    DATE.lastIndex = 0;
    for (let m = DATE.exec(text); m !== null; m = DATE.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (start > 0 && /[0-9A-Za-z]/.test(text[start - 1]!)) continue;
      if (!isRealDate(m.groups ?? {})) continue;
      // The compact 19900101 form is also any eight-digit number: weaker still.
      const compact = m.groups?.cy !== undefined;
      out.push({ type: 'DATE_OF_BIRTH', start, end, score: compact ? 0.1 : 0.2, contextWeight: 1 });
    }
    return out;
  },
};

function isRealDate(g: Record<string, string | undefined>): boolean {
  const num = (s: string | undefined) => Number(s);
  const year = (s: string | undefined) => {
    const y = num(s);
    return s !== undefined && s.length === 2 ? (y > 30 ? 1900 + y : 2000 + y) : y;
  };
  const month = (s: string | undefined) => MONTH_INDEX.indexOf((s ?? '').slice(0, 3).toLowerCase()) + 1;
  if (g.zy) return isValidDate(num(g.zy), num(g.zm), num(g.zd));
  if (g.iy) return isValidDate(num(g.iy), num(g.im), num(g.id));
  // US order first (MM/DD/YYYY); a day above 12 in the first place means DD/MM/YYYY.
  if (g.uy)
    return isValidDate(year(g.uy), num(g.um), num(g.ud)) || isValidDate(year(g.uy), num(g.ud), num(g.um));
  if (g.my) return isValidDate(num(g.my), month(g.mn), num(g.md));
  if (g.dy) return isValidDate(num(g.dy), month(g.dm), num(g.dd));
  if (g.cy) return isValidDate(num(g.cy), num(g.cm), num(g.cd));
  return false;
}
