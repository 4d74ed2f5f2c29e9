/**
 * @module What every compiled matcher returns and receives: spans in ORIGINAL draft offsets, with
 * optional message details and rewrites that override the rule's static text (a masked value, the
 * knowledge-base figure, the disclosure to add).
 */
import type { TextView } from '../text-view.ts';
import type { CheckContext, Lang, Severity, SopStepInfo } from '../types.ts';

export interface Match {
  start: number;
  end: number;
  /** Appended to the rule's message ("— 知识库：1-3 个工作日"). */
  detail?: { zh: string; en: string };
  /** Replaces the rule's rewrite. */
  rewrite?: { zh: string; en: string };
  /** Lowers the rule's severity (e.g. a read-back the SOP step allows becomes info). */
  severity?: Severity;
}

/** Per-check information a matcher may use. */
export interface MatchEnv {
  context: CheckContext;
  /** The current SOP step, when context names a known SOP and step. */
  step: SopStepInfo | undefined;
  lang: Lang;
}

export interface CompiledMatcher {
  find(view: TextView, env: MatchEnv): Match[];
}

/** Hits in folded coordinates → matches in original offsets. */
export function hitsToMatches(view: TextView, hits: readonly { start: number; end: number }[]): Match[] {
  return hits.map((h) => view.toOriginal(h.start, h.end));
}
