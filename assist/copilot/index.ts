/**
 * @module The suggested-reply co-pilot (embedded engine): SOP step tracking, slot extraction and
 * ranked suggestions from SOP scripts, knowledge and accepted past replies. Build one per tenant
 * with `createCopilot` and reuse it; feed accepted replies back with `addGoldenReply`.
 */
export { clarifyingQuestions } from './clarify.ts';
export { FACT_DETECTORS, factLabel } from './facts.ts';
export { detectAnger, detectInjection, untrustedTerms } from './guard.ts';
export { extractSlots, fillTemplate, findOrderNumbers, latestSlot } from './slots.ts';
export { SCRIPT_ECHO, trackSteps } from './step-tracker.ts';
export { type Copilot, createCopilot, TOP_K } from './suggest.ts';
export { conversationLang, detectLang } from './text.ts';
export type * from './types.ts';
