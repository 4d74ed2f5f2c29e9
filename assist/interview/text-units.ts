/**
 * @module Small text measurements the answer scorer needs: clause spans with offsets into the
 * original answer (so evidence can be quoted exactly), content length in comparable units
 * (汉字 + Latin words), and which script an answer is written in.
 */

/** A span of the original text; `end` exclusive, UTF-16 offsets. */
export interface Span {
  start: number;
  end: number;
}

/** Sentence and clause punctuation, zh and en ('.' only before whitespace or the end, not "3.5"). */
const CLAUSE_BREAK = /[。！？；;!?\n，,、：:（）()“”"]+|\.(?=\s|$)|\s[-—–]+\s|——/gu;
/** Clauses shorter than this many units are merged into a neighbour (too short to quote alone). */
const MIN_CLAUSE_UNITS = 3;

const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/gu;

/** 汉字 plus Latin words/numbers: a length that is comparable across zh and en answers. */
export function contentUnits(text: string): number {
  return (text.match(HAN) ?? []).length + (text.match(LATIN_WORD) ?? []).length;
}

/** Share of the letters that belong to the expected script (Han for zh, Latin for en); 1 for no letters. */
export function scriptShare(text: string, lang: 'zh' | 'en'): number {
  const han = (text.match(HAN) ?? []).length;
  const latin = (text.match(LATIN_LETTER) ?? []).length;
  // A Chinese answer may name a brand or "iPhone"; weigh a Latin letter as a fifth of a 汉字 so
  // a few Latin words do not tip the balance (a word of five letters ≈ one character).
  const zh = han;
  const en = latin / 5;
  if (zh + en === 0) return 1;
  return lang === 'zh' ? zh / (zh + en) : en / (zh + en);
}

/** Trim whitespace off a span of `text`. */
function trimSpan(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return { start, end };
}

/** Clause spans of `text`, split at punctuation, short fragments merged into the previous clause. */
export function clauseSpans(text: string): Span[] {
  const raw: Span[] = [];
  let last = 0;
  for (const m of text.matchAll(CLAUSE_BREAK)) {
    raw.push({ start: last, end: m.index });
    last = m.index + m[0].length;
  }
  raw.push({ start: last, end: text.length });
  const out: Span[] = [];
  for (const r of raw) {
    const s = trimSpan(text, r);
    if (s.end <= s.start) continue;
    const prev = out.at(-1);
    if (prev && contentUnits(text.slice(s.start, s.end)) < MIN_CLAUSE_UNITS) {
      prev.end = s.end;
    } else if (prev && contentUnits(text.slice(prev.start, prev.end)) < MIN_CLAUSE_UNITS) {
      prev.end = s.end;
    } else {
      out.push(s);
    }
  }
  return out;
}
