/**
 * @module pii_leak scorer: runs the PII core detector over the draft (full-width digits folded and
 * digit-by-digit spacing undone, so '１３８…' and '1 3 8 …' are still seen) and reports the entity
 * types the pack counts as leaks. Masked values (138****5678, <PHONE_1>) are not entities, so they
 * pass. A type the current SOP step reads back on purpose (the new address at an address change)
 * is reported as `info` only. The rewrite is the display-masked value.
 */
import { type Normalized, normalize } from '#assist/embedded/normalize.ts';
import { DEFAULT_DISPLAY_RULES, displayMask, type PiiDetector } from '#src/core/pii/index.ts';
import { dropMatches } from '../text-view.ts';
import type { CompiledMatcher, Match } from './match.ts';

export interface PiiScorerSpec {
  types: readonly string[];
  minScore: number;
}

/** Seven or more digits typed one by one with single spaces: '1 3 9 8 8 7 7 6 6 5 5'. */
const SPACED_DIGITS = /(?<!\d ?)\d(?: \d){6,24}(?!\d)/g;

/** Full-width digits, letters and the signs in numbers and e-mails need NFKC first (not ，。). */
const FULL_WIDTH = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF20\uFF0B\uFF0D\uFF0E\uFF08\uFF09]/;

/** The text the detector reads, with its map to the draft; null when the draft itself will do. */
function piiView(source: string): Normalized | null {
  SPACED_DIGITS.lastIndex = 0;
  if (!FULL_WIDTH.test(source) && !SPACED_DIGITS.test(source)) return null;
  const n = normalize(source, { lowercase: false, collapseWhitespace: false });
  return dropMatches(n, SPACED_DIGITS, (m) => m.replaceAll(' ', ''));
}

export function compilePiiScorer(spec: PiiScorerSpec, detector: PiiDetector): CompiledMatcher {
  const types = new Set(spec.types);
  return {
    find(view, env) {
      const n = piiView(view.source);
      const text = n?.text ?? view.source;
      const out: Match[] = [];
      for (const e of detector.detect(text, { lang: env.lang, minScore: spec.minScore })) {
        if (!types.has(e.type) || e.end <= e.start) continue;
        const start = n ? n.starts[e.start]! : e.start;
        const end = n ? n.ends[e.end - 1]! : e.end;
        const masked = displayMask(text.slice(e.start, e.end), DEFAULT_DISPLAY_RULES[e.type] ?? 'last4');
        const allowed = env.step?.piiTypes.includes(e.type) ?? false;
        out.push({
          start,
          end,
          detail: { zh: e.type, en: e.type },
          rewrite: { zh: masked, en: masked },
          ...(allowed ? { severity: 'info' as const } : {}),
        });
      }
      return out;
    },
  };
}
