/**
 * @module rude_tone scorer. Two lexicons from the pack — `strong` markers (insults, ultimatums,
 * open blame: one is enough) and `weak` ones (sarcasm markers, impatience: two are needed, or one
 * with shouting) — plus shouting read from the draft as typed: a run of three or more all-caps
 * words, or !!! / ??? (weak on its own, as "Thank you!!!" is not rude). Quotation, negation and
 * exception filtering as for phrase lists.
 */
import type { TextView } from '../text-view.ts';
import { type CompiledMatcher, hitsToMatches, type Match } from './match.ts';
import { compilePhraseList, filterHits, type Hit, regexHits } from './phrases.ts';

export interface ToneScorerSpec {
  strong: readonly string[];
  weak: readonly string[];
  exceptions: readonly string[];
  negations: readonly string[];
  shouting: boolean;
}

/** All-caps words (Latin or full-width) of two or more letters, three or more in a row. */
const CAPS_RUN =
  /(?<![A-Za-zＡ-Ｚａ-ｚ0-9])(?:[A-ZＡ-Ｚ]{2,24}[\s,.'’!?！？-]{1,4}){2,30}[A-ZＡ-Ｚ]{2,24}(?![A-Za-zＡ-Ｚａ-ｚ0-9])/g;
const MARK_RUN = /[!?！？]{3,}/g;
/** Letters a caps run must have in total to be shouting, not a string of acronyms ("SKU ID OK"). */
const MIN_CAPS_LETTERS = 10;

function shoutingHits(source: string): { strong: Match[]; weak: Match[] } {
  const strong: Match[] = [];
  const weak: Match[] = [];
  for (const m of source.matchAll(CAPS_RUN)) {
    const letters = m[0].replace(/[^A-ZＡ-Ｚ]/g, '').length;
    if (letters >= MIN_CAPS_LETTERS) strong.push({ start: m.index, end: m.index + m[0].length });
    if (strong.length > 50) break;
  }
  for (const m of source.matchAll(MARK_RUN)) {
    weak.push({ start: m.index, end: m.index + m[0].length });
    if (weak.length > 50) break;
  }
  return { strong, weak };
}

export function compileToneScorer(spec: ToneScorerSpec): CompiledMatcher {
  const strong = compilePhraseList(spec.strong);
  const weak = compilePhraseList(spec.weak);
  const opts = {
    negations: compilePhraseList(spec.negations),
    exceptions: compilePhraseList(spec.exceptions),
    negationWindow: 8,
    exceptionWindow: 20,
  };
  const find = (re: RegExp | null, view: TextView): Hit[] =>
    re ? filterHits(view, regexHits(re, view.text), opts) : [];
  return {
    find(view) {
      const strongMatches = hitsToMatches(view, find(strong, view));
      const weakMatches = hitsToMatches(view, find(weak, view));
      if (spec.shouting) {
        const shout = shoutingHits(view.source);
        strongMatches.push(...shout.strong);
        weakMatches.push(...shout.weak);
      }
      // Weak markers only count together: two of them, or one beside a strong one.
      if (weakMatches.length >= 2 || strongMatches.length > 0) return [...strongMatches, ...weakMatches];
      return [];
    },
  };
}
