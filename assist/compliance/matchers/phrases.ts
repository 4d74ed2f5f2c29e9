/**
 * @module Phrase lists with negation and exception windows — the matcher tenant admins edit most.
 *
 * Phrase syntax: literal text, folded like drafts (case, width and spacing do not matter), where
 * `…` (or `...`) is a gap of up to 10 characters inside one clause ('不归…管' matches 不归我管 and
 * 不归我们管). Latin phrases match whole words. A hit is dropped when
 * - it sits inside a quotation (the agent is quoting someone),
 * - a negation occurs just before it in the same clause ('无法' before '保证', "can't" before
 *   'promise'), or
 * - an exception occurs in the same sentence next to or overlapping it ('不知道您是否方便',
 *   "I don't know yet, I'll check").
 */
import { foldPhrase, type TextView } from '../text-view.ts';

/** What a phrase list needs; the same shape as the rule-pack matcher without `kind`. */
export interface PhraseSpec {
  phrases: readonly string[];
  exceptions?: readonly string[];
  negations?: readonly string[];
  /** Characters before a hit searched for negations (default 12). */
  negationWindow?: number;
  /** Characters either side of a hit searched for exceptions (default 30). */
  exceptionWindow?: number;
}

/** A hit in folded coordinates. */
export interface Hit {
  start: number;
  end: number;
  text: string;
}

export interface PhraseMatcher {
  find(view: TextView): Hit[];
}

const GAP = '[^。!?;\\n,.，:]{0,10}?';
const MAX_HITS = 200;

function escapeRegex(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

/** One phrase → regex source. Exported for the rule-pack validator's error messages. */
export function phraseSource(phrase: string): string {
  const folded = foldPhrase(phrase).replaceAll('...', '…');
  const parts = folded.split('…').map((p) => escapeRegex(p.trim()));
  let src = parts.join(GAP);
  if (/^[a-z0-9]/.test(folded)) src = `(?<![a-z0-9])${src}`;
  if (/[a-z0-9]$/.test(folded)) src = `${src}(?![a-z0-9])`;
  return src;
}

/** Compile a list of phrases into one alternation, longest first so the longest wins. */
export function compilePhraseList(phrases: readonly string[]): RegExp | null {
  const sources = [...new Set(phrases.filter((p) => foldPhrase(p).length > 0))]
    .sort((a, b) => b.length - a.length)
    .map(phraseSource);
  return sources.length === 0 ? null : new RegExp(sources.join('|'), 'gu');
}

function anyIn(re: RegExp | null, text: string, from: number, to: number): boolean {
  if (!re || to <= from) return false;
  re.lastIndex = 0;
  return re.test(text.slice(from, to));
}

/** Exceptions count when they overlap the hit or lie in the window around it. */
function exceptionNear(re: RegExp | null, view: TextView, hit: Hit, window: number): boolean {
  if (!re) return false;
  const from = Math.max(view.sentenceStart(hit.start), hit.start - window);
  const to = Math.min(view.sentenceEnd(hit.end > hit.start ? hit.end - 1 : hit.end), hit.end + window);
  return anyIn(re, view.text, from, Math.max(to, hit.end));
}

/** Shared by phrase and pattern matchers: quotation, negation and exception filtering. */
export function filterHits(
  view: TextView,
  hits: Iterable<Hit>,
  opts: {
    negations: RegExp | null;
    exceptions: RegExp | null;
    negationWindow: number;
    exceptionWindow: number;
  },
): Hit[] {
  const out: Hit[] = [];
  for (const hit of hits) {
    if (view.quoted(hit.start, hit.end)) continue;
    const negFrom = Math.max(view.clauseStart(hit.start), hit.start - opts.negationWindow);
    if (anyIn(opts.negations, view.text, negFrom, hit.start)) continue;
    if (exceptionNear(opts.exceptions, view, hit, opts.exceptionWindow)) continue;
    out.push(hit);
    if (out.length >= MAX_HITS) break;
  }
  return out;
}

/** Every non-empty match of a global regex, as hits (bounded count). */
export function* regexHits(re: RegExp, text: string): Generator<Hit> {
  re.lastIndex = 0;
  let count = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0] === '') {
      re.lastIndex++;
      continue;
    }
    yield { start: m.index, end: m.index + m[0].length, text: m[0] };
    if (++count >= MAX_HITS * 4) return;
  }
}

export function compilePhrases(spec: PhraseSpec): PhraseMatcher {
  const main = compilePhraseList(spec.phrases);
  const opts = {
    negations: compilePhraseList(spec.negations ?? []),
    exceptions: compilePhraseList(spec.exceptions ?? []),
    negationWindow: spec.negationWindow ?? 12,
    exceptionWindow: spec.exceptionWindow ?? 30,
  };
  return {
    find(view) {
      if (!main) return [];
      return filterHits(view, regexHits(main, view.text), opts);
    },
  };
}
