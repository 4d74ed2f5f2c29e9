/**
 * @module Simulation training cabin, embedded core: scenario cards and their validation, the
 * demo and τ²-bench catalogues, the persona engine (bot customer), per-reply coaching, the
 * end-of-session rubric and the personalised path. Pure (no I/O, no clock), so it runs in the
 * Node server, on Deno and on Workers; the /train slice stores `SessionState` JSON and cards per
 * tenant and calls these functions.
 */
export {
  type CardIssue,
  type CardValidation,
  DIMENSIONS,
  type Dimension,
  defineCard,
  type ScenarioCard,
  type ScenarioCardInput,
  ScenarioCardSchema,
  TEMPERAMENTS,
  type Temperament,
  validateCard,
} from './card.ts';
export { DEMO_CARDS } from './cards/demo-cards.ts';
export { importTau2, TAU2_SOPS, type Tau2Domain, type Tau2Task, tau2CardId } from './cards/tau2-import.ts';
export { analyzeReply, contextFor, type Finding, type SimContext, type TurnReport } from './coaching.ts';
export { complianceSignals } from './compliance-signals.ts';
export { copilotFacts } from './copilot-facts.ts';
export { type FactDetector, lexiconFacts } from './detect.ts';
export { demoKnowledge, type Knowledge, knowledgeFromTexts } from './knowledge.ts';
export { cardEmphasis, type NextScenario, nextScenario, type TrainingRecord } from './path.ts';
export {
  createSession,
  defaultCatalogue,
  type EndReason,
  type EngineOptions,
  playScript,
  type ReplyResult,
  resumeSession,
  type Session,
  type SessionState,
} from './persona-engine.ts';
export { type MoodBand, moodBand } from './persona-lines.ts';
export { type RubricResult, scoreSession, WEAK_BELOW } from './rubric.ts';
export { embeddedSignals, type SignalSource } from './signals.ts';
export { catalogue, DEMO_SIM_SOPS, type SimSop, type SopCatalogue, sopFromSeed } from './sop.ts';
