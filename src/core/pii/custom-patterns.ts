/**
 * @module Tenant-defined patterns (membership numbers, contract ids …) with an optional check
 * validator and a display rule. Patterns come from tenant admins, so they are untrusted input to
 * the regex engine: a pattern is accepted only if a static check finds no construct that can
 * backtrack super-linearly (nested or unbounded quantifiers, quantified alternation,
 * backreferences) and it then runs within a time budget on adversarial probes.
 */
import { z } from 'zod';
import { cnIdChecksumValid, luhnValid, usccValid } from './checksums.ts';
import { DISPLAY_RULES } from './mask.ts';
import { type Candidate, clampScore, hasAlnumBoundaries, type Recognizer } from './recognizer.ts';
import { PiiTypeSchema } from './types.ts';

export const CUSTOM_VALIDATORS = ['none', 'luhn', 'cn-id', 'uscc'] as const;
export type CustomValidator = (typeof CUSTOM_VALIDATORS)[number];

export const CustomPatternSchema = z.object({
  type: PiiTypeSchema,
  /** A JavaScript regular expression source, without slashes; quantifiers must be bounded ({m,n}). */
  pattern: z.string().min(1).max(200),
  /** Case-insensitive matching. */
  ignoreCase: z.boolean().default(false),
  validator: z.enum(CUSTOM_VALIDATORS).default('none'),
  maskStyle: z.enum(DISPLAY_RULES).default('last4'),
  score: z.number().min(0).max(1).default(0.8),
  /** Words that raise the score when they appear just before a match (e.g. 会员号, member). */
  context: z.array(z.string().min(1).max(20)).max(20).default([]),
});
export type CustomPattern = z.input<typeof CustomPatternSchema>;
type ParsedPattern = z.output<typeof CustomPatternSchema>;

/** Largest allowed upper bound of a quantifier; also applies to an implicit repetition count. */
const MAX_REPEAT = 64;

export type SafetyResult = { ok: true } | { ok: false; reason: string };

/**
 * Static check for constructs with super-linear backtracking. Deliberately conservative: only
 * bounded quantifiers ({m,n}, ?, n ≤ 64), no quantified group that itself contains a quantifier or
 * an alternation, no backreferences.
 */
export function checkPatternSafety(source: string): SafetyResult {
  try {
    new RegExp(source, 'u');
  } catch {
    return { ok: false, reason: 'not a valid regular expression' };
  }
  // Per open group: does its body contain a repeating quantifier or an alternation?
  const stack: { repeats: boolean; alternation: boolean }[] = [{ repeats: false, alternation: false }];
  let lastWasGroup: { repeats: boolean; alternation: boolean } | null = null;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    const top = stack[stack.length - 1]!;
    if (c === '\\') {
      const n = source[i + 1] ?? '';
      if (/[1-9]/.test(n) || n === 'k') return { ok: false, reason: 'backreferences are not allowed' };
      i += n === 'u' && source[i + 2] === '{' ? source.indexOf('}', i) - i : 1;
      lastWasGroup = null;
      continue;
    }
    if (c === '[') {
      // Skip the class body; escapes inside it are harmless.
      let j = i + 1;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      i = j;
      lastWasGroup = null;
      continue;
    }
    if (c === '(') {
      stack.push({ repeats: false, alternation: false });
      lastWasGroup = null;
      continue;
    }
    if (c === ')') {
      const closed = stack.pop()!;
      const parent = stack[stack.length - 1]!;
      parent.repeats ||= closed.repeats;
      lastWasGroup = closed;
      continue;
    }
    if (c === '|') {
      top.alternation = true;
      lastWasGroup = null;
      continue;
    }
    const q = readQuantifier(source, i);
    if (q) {
      if (q.max === Number.POSITIVE_INFINITY) {
        return { ok: false, reason: 'unbounded quantifiers (*, +, {n,}) are not allowed; use {m,n}' };
      }
      if (q.max > MAX_REPEAT) return { ok: false, reason: `quantifier upper bound above ${MAX_REPEAT}` };
      if (lastWasGroup && q.max > 1 && (lastWasGroup.repeats || lastWasGroup.alternation)) {
        return { ok: false, reason: 'a repeated group may not contain quantifiers or alternation' };
      }
      if (q.max > 1) top.repeats = true;
      i += q.length - 1;
      lastWasGroup = null;
      continue;
    }
    lastWasGroup = null;
  }
  return { ok: true };
}

function readQuantifier(s: string, i: number): { max: number; length: number } | null {
  const c = s[i];
  let length = 0;
  let max = 0;
  if (c === '*' || c === '+') [length, max] = [1, Number.POSITIVE_INFINITY];
  else if (c === '?') [length, max] = [1, 1];
  else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(s.slice(i));
    if (!m) return null;
    length = m[0].length;
    max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Number.POSITIVE_INFINITY : Number(m[3]);
  } else return null;
  // A lazy/possessive marker after the quantifier belongs to it.
  if (s[i + length] === '?') length++;
  return { max, length };
}

const PROBE_BUDGET_MS = 50;

/** Adversarial probes built from the pattern's own literal characters plus generic ones. */
function probes(source: string): string[] {
  const literals = [...new Set(source.replace(/\\[a-zA-Z]|[\\^$.*+?()[\]{}|]/g, ''))].join('');
  const seeds = ['1', 'a', 'A', '1a', 'a1', ' ', '-', '@', literals || 'x'];
  return seeds.map((s) => s.repeat(Math.ceil(5000 / s.length)) + '!');
}

/**
 * Full validation of one tenant pattern: schema, static safety, then the probes within a time
 * budget (`now` is injectable; the default is the host's monotonic clock).
 */
export function validateCustomPattern(
  input: unknown,
  now: () => number = () => globalThis.performance.now(),
): { ok: true; pattern: ParsedPattern } | { ok: false; reason: string } {
  const parsed = CustomPatternSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues.map((i) => i.message).join('; ') };
  const safety = checkPatternSafety(parsed.data.pattern);
  if (!safety.ok) return safety;
  const re = new RegExp(parsed.data.pattern, parsed.data.ignoreCase ? 'giu' : 'gu');
  const started = now();
  for (const probe of probes(parsed.data.pattern)) {
    re.lastIndex = 0;
    for (let m = re.exec(probe); m !== null; m = re.exec(probe)) if (m[0] === '') re.lastIndex++;
    if (now() - started > PROBE_BUDGET_MS) return { ok: false, reason: 'pattern is too slow on long inputs' };
  }
  if (re.test('')) return { ok: false, reason: 'pattern matches the empty string' };
  return { ok: true, pattern: parsed.data };
}

/** Raised by createPiiDetector for a pattern that was not validated first (a programming error). */
export class InvalidCustomPatternError extends Error {
  constructor(
    readonly type: string,
    readonly reason: string,
  ) {
    super(`custom PII pattern for ${type}: ${reason}`);
    this.name = 'InvalidCustomPatternError';
  }
}

const VALIDATE: Record<CustomValidator, (v: string) => boolean> = {
  none: () => true,
  luhn: (v) => luhnValid(v.replace(/\D/g, '')),
  'cn-id': (v) => cnIdChecksumValid(v.replace(/[\s-]/g, '')),
  uscc: (v) => usccValid(v.replace(/[\s-]/g, '').toUpperCase()),
};

/** Compile validated patterns into recognisers and the display rules for their types. */
export function compileCustomPatterns(patterns: readonly CustomPattern[]): {
  recognizers: Recognizer[];
  displayRules: Record<string, (typeof DISPLAY_RULES)[number]>;
} {
  const recognizers: Recognizer[] = [];
  const displayRules: Record<string, (typeof DISPLAY_RULES)[number]> = {};
  for (const input of patterns) {
    const result = validateCustomPattern(input);
    if (!result.ok)
      throw new InvalidCustomPatternError(String((input as { type?: unknown }).type), result.reason);
    const p = result.pattern;
    displayRules[p.type] = p.maskStyle;
    const re = new RegExp(p.pattern, p.ignoreCase ? 'giu' : 'gu');
    const cues = p.context.map((w) => w.toLowerCase());
    recognizers.push({
      name: `custom:${p.type}`,
      find({ text }) {
        const out: Candidate[] = [];
        re.lastIndex = 0;
        for (let m = re.exec(text); m !== null; m = re.exec(text)) {
          if (m[0] === '') {
            re.lastIndex++;
            continue;
          }
          const start = m.index;
          const end = start + m[0].length;
          if (!hasAlnumBoundaries(text, start, end) || !VALIDATE[p.validator](m[0])) continue;
          const window = text.slice(Math.max(0, start - 16), start).toLowerCase();
          const boosted = cues.some((w) => window.includes(w));
          out.push({
            type: p.type,
            start,
            end,
            score: clampScore(p.score + (boosted ? 0.2 : 0)),
            contextWeight: 0,
          });
        }
        return out;
      },
    });
  }
  return { recognizers, displayRules };
}
