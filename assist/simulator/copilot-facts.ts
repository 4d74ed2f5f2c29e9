/**
 * @module Fact detection shared with the co-pilot: the step tracker's bilingual detectors
 * (assist/copilot/facts.ts) are consulted beside the simulator's lexicon, so a trainee who words
 * a disclosure the way the co-pilot recognises it ("up to 7 business days", 原路退回) gets the
 * same credit in training as on the job.
 *
 * - A verification counts when the lexicon sees the trainee ask for it, or when a co-pilot
 *   detector the agent side may establish (or its `request` pattern: the agent asking) matches.
 * - A disclosure counts when either source sees it — except when the lexicon found it stated with
 *   a wrong number in this message: a wrong refund time is never a disclosure.
 * Customer-side co-pilot detectors (an order number typed by the customer) do not apply to the
 * trainee's words; the simulated customer's answers come from the card.
 */
import { FACT_DETECTORS } from '#assist/copilot/facts.ts';
import { type FactDetection, type FactDetector, lexiconFacts } from './detect.ts';

function firstMatch(
  patterns: readonly RegExp[] | undefined,
  text: string,
): { index: number; length: number } | null {
  for (const re of patterns ?? []) {
    const m = re.exec(text);
    if (m) return { index: m.index, length: m[0].length };
  }
  return null;
}

/** The lexicon detector, widened with the co-pilot's fact detectors. */
export const copilotFacts: FactDetector = {
  name: 'lexicon+copilot',
  detect(input) {
    const base: FactDetection = lexiconFacts.detect(input);
    const { sop, card, message } = input;
    const text = message.text;
    const span = (index: number, length: number) => {
      const o = message.original(index, index + length);
      return { start: o.start, end: o.end, quote: message.source.slice(o.start, o.end) };
    };
    const cardKeys = new Set(card.factCues.map((c) => `${c.kind}:${c.key}`));
    for (const key of new Set(sop.steps.flatMap((s) => s.mustVerify))) {
      const det = FACT_DETECTORS[key];
      if (!det || cardKeys.has(`verify:${key}`) || base.verified.some((v) => v.key === key)) continue;
      const hit =
        firstMatch(det.request, text) ?? (det.who === 'customer' ? null : firstMatch(det.patterns, text));
      if (hit) base.verified.push({ key, ...span(hit.index, hit.length) });
    }
    for (const key of new Set(sop.steps.flatMap((s) => s.mustDisclose))) {
      const det = FACT_DETECTORS[key];
      if (!det || cardKeys.has(`disclose:${key}`)) continue;
      if (base.disclosed.some((d) => d.key === key) || base.attempted.some((d) => d.key === key)) continue;
      const hit = firstMatch(det.patterns, text);
      if (hit) base.disclosed.push({ key, ...span(hit.index, hit.length) });
    }
    return base;
  },
};
