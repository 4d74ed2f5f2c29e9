/**
 * @module Cue phrases for the simulator: the trainee's words are matched against short bilingual
 * phrase lists (fact cues, step cues, mustNotAccept keywords, outcome cues).
 *
 * Phrase syntax (the same spirit as the compliance rule pack): literal text, folded like the
 * message (NFKC, lower case, spacing between Chinese characters ignored), where `…` or `...` is a
 * gap of up to 16 characters inside one clause (`保证…到账` matches 保证明天到账). A Latin phrase
 * starts on a word boundary and may carry a short inflection (`cancel` matches cancelled), so
 * lists stay short. Patterns are built from escaped literals and bounded gaps only, so a card
 * author cannot write a pattern that backtracks catastrophically.
 */
import { normalize, normalizeText, toOriginalSpan } from '#assist/embedded/normalize.ts';

/** A match in the folded text, with the phrase that produced it. */
export interface PhraseHit {
  start: number;
  end: number;
  phrase: string;
}

/** Fold text the way phrases and messages are compared. */
export function fold(text: string): string {
  return normalizeText(text, { joinCjkSpacing: true }).replace(/[’‘`]/g, "'");
}

/** A message folded for matching, with a way back to spans of the original text (for quotes). */
export interface FoldedText {
  source: string;
  text: string;
  /** Original [start, end) of a folded span. */
  original(start: number, end: number): { start: number; end: number };
}

/** Fold a message and keep its offset map. */
export function foldMessage(source: string): FoldedText {
  const n = normalize(source, { joinCjkSpacing: true });
  const text = n.text.replace(/[’‘`]/g, "'");
  return { source, text, original: (start, end) => toOriginalSpan(n, start, end) };
}

const GAP = '[^。！？!?;；\\n]{0,16}?';
const LATIN_EDGE = /[a-z0-9]/;

function escapeRegex(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

/** Regex source for one phrase (empty string for a phrase that folds to nothing). */
export function phraseSource(phrase: string): string {
  const folded = fold(phrase).replaceAll('...', '…');
  const parts = folded
    .split('…')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (parts.length === 0) return '';
  let src = parts.map(escapeRegex).join(GAP);
  if (LATIN_EDGE.test(folded[0]!)) src = `(?<![a-z0-9])${src}`;
  if (LATIN_EDGE.test(folded.at(-1)!)) src = `${src}(?:[a-z]{0,4})(?![a-z0-9])`;
  return src;
}

/** A compiled phrase list. */
export class PhraseList {
  readonly phrases: readonly string[];
  private readonly res: { phrase: string; re: RegExp }[];

  constructor(phrases: readonly string[]) {
    this.phrases = phrases;
    this.res = [];
    for (const phrase of new Set(phrases)) {
      const src = phraseSource(phrase);
      if (src) this.res.push({ phrase, re: new RegExp(src, 'gu') });
    }
  }

  get empty(): boolean {
    return this.res.length === 0;
  }

  /** Every hit in an already folded text, in text order. */
  hits(folded: string): PhraseHit[] {
    const out: PhraseHit[] = [];
    for (const { phrase, re } of this.res) {
      re.lastIndex = 0;
      for (const m of folded.matchAll(re)) {
        out.push({ start: m.index, end: m.index + m[0].length, phrase });
        if (out.length > 200) break;
      }
    }
    return out.sort((a, b) => a.start - b.start || b.end - a.end);
  }

  /** First hit or null. */
  first(folded: string): PhraseHit | null {
    return this.hits(folded)[0] ?? null;
  }

  test(folded: string): boolean {
    for (const { re } of this.res) {
      re.lastIndex = 0;
      if (re.test(folded)) return true;
    }
    return false;
  }
}

const cache = new Map<string, PhraseList>();

/** A compiled list, memoised by content (cards and lexicons reuse the same lists every turn). */
export function phraseList(phrases: readonly string[]): PhraseList {
  const key = phrases.join('\u0001');
  let list = cache.get(key);
  if (!list) {
    if (cache.size > 5000) cache.clear();
    list = new PhraseList(phrases);
    cache.set(key, list);
  }
  return list;
}

// Whole words for English (so "now" is not "no"); Chinese negators are single characters or pairs.
// 不过 (but), 不错, 不好意思, 没问题 … contain a negator character without negating anything.
const NEGATION =
  /(?<![a-z])(?:not|no|never|cannot|can't|won't|don't|doesn't|isn't|aren't|unable to|no longer|refuse to)(?![a-z])|n't(?![a-z])|不(?!过|错|少|好意思|久|论|仅|但|妨|客气|用谢)|没(?!问题)|无法|未|别(?!的|人|家)|并非/u;
const CLAUSE_BREAK = /[，。！？,.!?;；:\n]/u;

/** True when a negation sits just before `start` in the same clause ("can't cancel", "无法保证"). */
export function negatedAt(folded: string, start: number): boolean {
  // Chinese clauses are dense: ten characters back; English needs a few words.
  const window = /\p{Script=Han}/u.test(folded[start] ?? '') ? 10 : 24;
  let from = Math.max(0, start - window);
  const before = folded.slice(from, start);
  let cut = -1;
  for (let i = before.length - 1; i >= 0; i--) {
    if (CLAUSE_BREAK.test(before[i]!)) {
      cut = i;
      break;
    }
  }
  if (cut >= 0) from += cut + 1;
  return NEGATION.test(folded.slice(from, start));
}

/** Hits that are not negated. */
export function affirmedHits(list: PhraseList, folded: string): PhraseHit[] {
  return list.hits(folded).filter((h) => !negatedAt(folded, h.start));
}

/** All groups must match (AND of ORs); returns the hit per group or null. */
export function matchGroups(groups: readonly (readonly string[])[], folded: string): PhraseHit[] | null {
  const out: PhraseHit[] = [];
  for (const g of groups) {
    const hit = phraseList(g).first(folded);
    if (!hit) return null;
    out.push(hit);
  }
  return out;
}
