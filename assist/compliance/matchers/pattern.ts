/**
 * @module Regular-expression rules. Patterns run on the folded draft (lower case, half width,
 * spacing tricks undone), so they are written in lower case. They were checked for catastrophic
 * backtracking when the pack was saved (rule-pack.ts); optional negations and exceptions work as
 * for phrase lists.
 */
import type { TextView } from '../text-view.ts';
import { compilePhraseList, filterHits, type Hit, regexHits } from './phrases.ts';

export interface PatternSpec {
  pattern: string;
  /** Extra flags among i, m, s (g and u are always on). */
  flags?: string;
  negations?: readonly string[];
  exceptions?: readonly string[];
}

export interface PatternMatcher {
  find(view: TextView): Hit[];
}

/** The flags a pack pattern is compiled with. */
export function patternFlags(flags = ''): string {
  return `gu${[...new Set(flags.replace(/[gu]/g, ''))].join('')}`;
}

export function compilePattern(spec: PatternSpec): PatternMatcher {
  const re = new RegExp(spec.pattern, patternFlags(spec.flags));
  const opts = {
    negations: compilePhraseList(spec.negations ?? []),
    exceptions: compilePhraseList(spec.exceptions ?? []),
    negationWindow: 12,
    exceptionWindow: 30,
  };
  return { find: (view) => filterHits(view, regexHits(re, view.text), opts) };
}
