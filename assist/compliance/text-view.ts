/**
 * @module The folded view of a draft that every matcher reads: NFKC (full-width → half-width),
 * lower case, collapsed whitespace, and spacing tricks undone ('不 知 道', '不*知*道',
 * 'g u a r a n t e e'), with a map back to the original so findings carry original offsets. Also
 * the sentence, clause and quotation structure the negation and exception windows need.
 */
import { type Normalized, normalize, normalizeText } from '#assist/embedded/normalize.ts';
import { fastFold } from './fast-fold.ts';

const FOLD = { lowercase: true, collapseWhitespace: true, joinCjkSpacing: true } as const;

/** Filler characters dropped between two Han characters ('不*知*道'); sentence punctuation is kept. */
const HAN_FILLER = /(?<=\p{Script=Han})[*·•_~|^]{1,3}(?=\p{Script=Han})/gu;
/** Four or more single Latin letters separated by single spaces: 'g u a r a n t e e'. */
const SPACED_LETTERS = /(?<!\S)[a-z](?: [a-z](?![a-z0-9'])){3,60}/g;
/** Typographic apostrophes fold to ASCII (same length, so the offset map is unchanged). */
const CURLY_APOSTROPHE = /[\u2018\u2019\u02bc]/g;
/** Ends a sentence: Chinese and Latin terminators, line breaks, and '.' not inside a number. */
const SENTENCE_END = /[。!?\n]|\.(?!\d)/g;
/** Ends a clause as well: commas, colons, dashes and 'but'-type joints. */
const CLAUSE_END = /[。!?;\n,、:，—]|\.(?!\d)| - |\bbut\b|不过|但是/g;
/** Quoted speech: the engine does not blame an agent for words they are quoting. */
const QUOTED =
  /“[^”\n]{1,200}”|"[^"\n]{1,200}"|「[^」\n]{1,200}」|『[^』\n]{1,200}』|(?<![a-z0-9])'[^'\n]{1,120}'(?![a-z])/g;

export interface TextView {
  /** The draft as typed. */
  source: string;
  /** Folded text the matchers search. */
  text: string;
  hasHan: boolean;
  hasLatin: boolean;
  /** Original [start, end) of folded [start, end). */
  toOriginal(start: number, end: number): { start: number; end: number };
  /** Start of the sentence containing folded index i. */
  sentenceStart(i: number): number;
  /** End (exclusive, before the terminator) of the sentence containing folded index i. */
  sentenceEnd(i: number): number;
  /** Start of the clause containing folded index i. */
  clauseStart(i: number): number;
  clauseEnd(i: number): number;
  /** True when folded [start, end) lies inside a quotation. */
  quoted(start: number, end: number): boolean;
}

/** Fold one phrase or lexicon entry exactly as drafts are folded. */
export function foldPhrase(phrase: string): string {
  return normalizeText(phrase, FOLD).replace(HAN_FILLER, '').replace(CURLY_APOSTROPHE, "'");
}

/**
 * Rewrite the units matched by `re` to `keep(match)` — a subsequence of the match — and keep the
 * map to the original (used to undo spacing tricks).
 */
export function dropMatches(n: Normalized, re: RegExp, keep: (m: string) => string): Normalized {
  re.lastIndex = 0;
  if (!re.test(n.text)) return n;
  re.lastIndex = 0;
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let last = 0;
  const copy = (from: number, to: number) => {
    out.push(n.text.slice(from, to));
    for (let i = from; i < to; i++) {
      starts.push(n.starts[i]!);
      ends.push(n.ends[i]!);
    }
  };
  for (const m of n.text.matchAll(re)) {
    copy(last, m.index);
    // Replacement characters keep the map of the characters they come from, in order.
    const kept = keep(m[0]);
    let k = 0;
    for (let i = m.index; i < m.index + m[0].length && k < kept.length; i++) {
      if (n.text[i] === kept[k]) {
        out.push(kept[k]!);
        starts.push(n.starts[i]!);
        ends.push(n.ends[i]!);
        k++;
      }
    }
    last = m.index + m[0].length;
  }
  copy(last, n.text.length);
  return {
    source: n.source,
    text: out.join(''),
    starts: Uint32Array.from(starts),
    ends: Uint32Array.from(ends),
  };
}

function boundaries(text: string, re: RegExp): Int32Array {
  const at: number[] = [];
  re.lastIndex = 0;
  for (const m of text.matchAll(re)) at.push(m.index);
  return Int32Array.from(at);
}

/** Index of the first boundary >= i (binary search). */
function firstAtOrAfter(b: Int32Array, i: number): number {
  let lo = 0;
  let hi = b.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (b[mid]! < i) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Build the folded view of a draft. Linear in the draft length. */
export function buildView(source: string): TextView {
  let n = fastFold(source) ?? normalize(source, FOLD);
  n = dropMatches(n, HAN_FILLER, () => '');
  n = dropMatches(n, SPACED_LETTERS, (m) => m.replaceAll(' ', ''));
  const text = n.text.replace(CURLY_APOSTROPHE, "'");
  const sentences = boundaries(text, SENTENCE_END);
  const clauses = boundaries(text, CLAUSE_END);
  const quotes: [number, number][] = [];
  QUOTED.lastIndex = 0;
  for (const m of text.matchAll(QUOTED)) quotes.push([m.index, m.index + m[0].length]);

  const startIn = (b: Int32Array, i: number) => {
    const k = firstAtOrAfter(b, i) - 1;
    return k >= 0 ? b[k]! + 1 : 0;
  };
  const endIn = (b: Int32Array, i: number) => {
    const k = firstAtOrAfter(b, i);
    return k < b.length ? b[k]! : text.length;
  };
  return {
    source,
    text,
    hasHan: /\p{Script=Han}/u.test(text),
    hasLatin: /[a-z]/.test(text),
    toOriginal(start, end) {
      if (text.length === 0) return { start: 0, end: 0 };
      const s = Math.min(Math.max(start, 0), text.length - 1);
      const e = Math.min(Math.max(end, s + 1), text.length);
      return { start: n.starts[s]!, end: n.ends[e - 1]! };
    },
    sentenceStart: (i) => startIn(sentences, i),
    sentenceEnd: (i) => endIn(sentences, i),
    clauseStart: (i) => startIn(clauses, i),
    clauseEnd: (i) => endIn(clauses, i),
    quoted(start, end) {
      for (const [qs, qe] of quotes) if (qs <= start && end <= qe) return true;
      return false;
    },
  };
}

/** Language of a draft for messages: Chinese when Han characters make up a fair share. */
export function dominantLang(view: TextView): 'zh' | 'en' {
  if (!view.hasHan) return 'en';
  if (!view.hasLatin) return 'zh';
  const han = view.text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latinWords = view.text.match(/[a-z]+/g)?.length ?? 0;
  return han >= latinWords ? 'zh' : 'en';
}
