/**
 * @module missing_disclosure scorer. With the SOP step in context, each of the step's
 * `mustDisclose` keys (refund_time, return_window …) counts as stated when one of its cue patterns
 * matches the draft. If a key is not stated and the draft closes the topic (还有其他问题吗 /
 * anything else / 祝您生活愉快), the agent is about to move on without the disclosure: one
 * finding on the closing phrase, with the step's script as the rewrite. Keys the pack has no cues
 * for are not judged; drafts that do not close yet are left alone (the agent may still add it).
 */
import type { CompiledMatcher } from './match.ts';
import { compilePhraseList, filterHits, regexHits } from './phrases.ts';

export interface DisclosureScorerSpec {
  closings: readonly string[];
  cues: Record<string, readonly string[]>;
}

const NO_FILTER = { negations: null, exceptions: null, negationWindow: 0, exceptionWindow: 0 };

export function compileDisclosureScorer(spec: DisclosureScorerSpec): CompiledMatcher {
  const closings = compilePhraseList(spec.closings);
  const cues = new Map(
    Object.entries(spec.cues).map(([key, patterns]) => [key, patterns.map((p) => new RegExp(p, 'u'))]),
  );
  return {
    find(view, env) {
      const step = env.step;
      if (!step || step.mustDisclose.length === 0 || !closings) return [];
      const missing = step.mustDisclose.filter((key) => {
        const res = cues.get(key);
        return res !== undefined && !res.some((re) => re.test(view.text));
      });
      if (missing.length === 0) return [];
      const closing = filterHits(view, regexHits(closings, view.text), NO_FILTER)[0];
      if (!closing) return [];
      const { start, end } = view.toOriginal(closing.start, closing.end);
      const keys = missing.join(', ');
      return [
        {
          start,
          end,
          detail: { zh: keys, en: keys },
          ...(step.scriptZh && step.scriptEn ? { rewrite: { zh: step.scriptZh, en: step.scriptEn } } : {}),
        },
      ];
    },
  };
}
