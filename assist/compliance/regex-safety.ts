/**
 * @module Admin-written regular expressions are untrusted input to the regex engine, and the
 * checker runs them on every keystroke pause. A pattern is accepted only when it compiles, passes
 * the PII core's static check for super-linear backtracking (bounded quantifiers only, no
 * quantified group holding a quantifier or an alternation, no backreferences), cannot match the
 * empty string, and runs within a time budget on long adversarial probes.
 */
import { checkPatternSafety } from '#src/core/pii/index.ts';
import { patternFlags } from './matchers/pattern.ts';

export type RegexCheck = { ok: true } | { ok: false; reason: string };

/** Per pattern; generous, because a backtracking pattern takes seconds, not tens of milliseconds. */
const PROBE_BUDGET_MS = 150;
const PROBE_LENGTH = 5_000;

function probes(source: string): string[] {
  // The pattern's own literal characters repeated are the classic trigger for backtracking.
  const literals = [...new Set(source.replace(/\\[a-zA-Z]|[\\^$.*+?()[\]{}|]/g, ''))].join('');
  const seeds = ['a', '1', ' ', '不', 'a1 ', literals || 'x'];
  return seeds.map((s) => s.repeat(Math.ceil(PROBE_LENGTH / s.length)) + '!');
}

export interface RegexCheckOptions {
  /**
   * Also time the pattern on adversarial probes (default true). The schema checks statically only,
   * so compiling a stored pack does not depend on machine load; saving a pack runs the probes.
   */
  probe?: boolean;
  /** Injectable clock for tests; the default is the host's monotonic clock. */
  now?: () => number;
}

/** Check one pattern as a rule pack would compile it. */
export function checkRegex(pattern: string, flags = '', options: RegexCheckOptions = {}): RegexCheck {
  const now = options.now ?? (() => globalThis.performance.now());
  if (/[^ims]/.test(flags)) return { ok: false, reason: 'flags may only contain i, m and s' };
  let re: RegExp;
  try {
    re = new RegExp(pattern, patternFlags(flags));
  } catch (err) {
    return { ok: false, reason: `not a valid regular expression: ${(err as Error).message}` };
  }
  const safety = checkPatternSafety(pattern);
  if (!safety.ok) return { ok: false, reason: safety.reason };
  re.lastIndex = 0;
  if (re.test('')) return { ok: false, reason: 'pattern matches the empty string' };
  if (options.probe === false) return { ok: true };
  const started = now();
  for (const probe of probes(pattern)) {
    re.lastIndex = 0;
    for (let m = re.exec(probe); m !== null; m = re.exec(probe)) if (m[0] === '') re.lastIndex++;
    if (now() - started > PROBE_BUDGET_MS) return { ok: false, reason: 'pattern is too slow on long input' };
  }
  return { ok: true };
}
