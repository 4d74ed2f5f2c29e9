/**
 * @module The embedded interview scoring core: typing-test metrics from keystroke logs, speech
 * metrics from timestamped transcripts (with an indicative PSC band), the rubric/reference answer
 * scorer with quoted evidence and calibration to human scores, and the advisory candidate
 * scorecard. Pure functions only — no I/O, no clock, no randomness — so the same code runs in
 * Node, Deno, Workers and the browser.
 */
export type { AnchorMatch, Evidence, KeyPhraseCoverage } from './evidence.ts';
export {
  type AnswerItem,
  type AnswerLang,
  type AnswerScore,
  createProfileCache,
  fitAnswerScorer,
  type ProfileCache,
  type RubricLevel,
  type ScoredExemplar,
  type ScorerCalibration,
  SIGNALS,
  type SignalName,
  scoreAnswer,
  type TrainingAnswer,
} from './rubric-scorer.ts';
export {
  buildScorecard,
  DEFAULT_POLICY,
  type HumanDecision,
  type Reason,
  type ReasonCode,
  type Recommendation,
  type RecommendationPolicy,
  recordHumanDecision,
  type Scorecard,
  type ScorecardAnswer,
  type ScorecardAnswerInput,
  type ScorecardInput,
} from './scorecard.ts';
export {
  analyzeSpeech,
  DEFAULT_RATE_BANDS,
  type FillerHit,
  type IndicativeFluency,
  PAUSE_MIN_S,
  PSC_BANDS,
  type PscBand,
  pscBand,
  type SpeechInput,
  type SpeechLang,
  type SpeechMetrics,
  type TranscriptSegment,
} from './speech.ts';
export {
  analyzeTyping,
  DEFAULT_TYPING_THRESHOLDS,
  type KeystrokeEvent,
  type TypingAnomaly,
  type TypingFlag,
  type TypingInput,
  type TypingLang,
  type TypingResult,
  type TypingThresholds,
  typingSpeed,
} from './typing.ts';
