/**
 * @module The candidate scorecard: typing result, each answer's score, an overall weighted score
 * and a recommendation — advance / review / not advance — with the reasons behind it.
 *
 * The recommendation is advice, never a decision (DOMAIN.md §6: human oversight, PIPL Art. 24,
 * NYC LL144, EU AI Act Art. 14). `buildScorecard` always returns `decision: null`; only
 * `recordHumanDecision`, called with a named person, sets it. Nothing here rejects anyone, and
 * anything uncertain — anomalous typing, a low-confidence answer score, a missing part, an
 * indicative fluency band below the role's — turns the recommendation into "review" rather than
 * "not advance". No emotion, voice-quality or facial signal is used.
 */
import type { AnswerScore } from './rubric-scorer.ts';
import { PSC_BANDS, type PscBand, type SpeechMetrics } from './speech.ts';
import type { TypingResult } from './typing.ts';

export type Recommendation = 'advance' | 'review' | 'not-advance';

export type ReasonCode =
  | 'overall-high'
  | 'overall-middle'
  | 'overall-low'
  | 'strongest-answer'
  | 'weakest-answer'
  | 'typing-passed'
  | 'typing-below-threshold'
  | 'typing-anomaly'
  | 'typing-missing'
  | 'low-confidence-score'
  | 'no-answers'
  | 'fluency-below-band';

export interface Reason {
  code: ReasonCode;
  message: string;
}

export interface RecommendationPolicy {
  /** Overall score (0–1) at or above which the advice is "advance". */
  advanceAt: number;
  /** Overall score (0–1) below which the advice is "not advance". */
  notAdvanceBelow: number;
  /** An answer scored with lower confidence sends the candidate to review. */
  minConfidence: number;
  /** The campaign includes a typing test: a missing result sends the candidate to review. */
  requireTyping: boolean;
  /** For Mandarin voice roles: an indicative band below this sends the candidate to review. */
  minFluencyBand: PscBand | null;
}

export const DEFAULT_POLICY: RecommendationPolicy = {
  advanceAt: 0.7,
  notAdvanceBelow: 0.4,
  minConfidence: 0.35,
  requireTyping: false,
  minFluencyBand: null,
};

export interface ScorecardAnswerInput {
  questionId: string;
  /** Relative weight in the overall score; default 1. */
  weight?: number;
  score: AnswerScore;
  speech?: SpeechMetrics;
}

export interface ScorecardInput {
  candidateId: string;
  typing?: TypingResult | null;
  answers: readonly ScorecardAnswerInput[];
  policy?: Partial<RecommendationPolicy>;
}

export interface ScorecardAnswer {
  questionId: string;
  weight: number;
  score: number;
  scale: { min: number; max: number };
  /** Score on 0–1. */
  normalized: number;
  confidence: number;
  detail: AnswerScore;
  speech: SpeechMetrics | null;
}

export interface HumanDecision {
  outcome: 'advance' | 'reject' | 'hold';
  /** Who decided: a user id or name; required. */
  decidedBy: string;
  /** ISO timestamp, supplied by the caller's clock. */
  decidedAt: string;
  note: string;
}

export interface Scorecard {
  candidateId: string;
  typing: TypingResult | null;
  answers: ScorecardAnswer[];
  overall: { normalized: number; score100: number; answered: number };
  recommendation: Recommendation;
  reasons: Reason[];
  /** Always true: the recommendation supports a person's decision, it is not one. */
  advisory: true;
  /** Null until a person records a decision with recordHumanDecision. */
  decision: HumanDecision | null;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

function bandRank(band: PscBand | null): number {
  // Higher is better; below 三级乙等 (null) ranks lowest.
  return band === null ? -1 : PSC_BANDS.length - PSC_BANDS.findIndex((b) => b.band === band);
}

/** Build the scorecard and its advice (see the module comment). `decision` is always null. */
export function buildScorecard(input: ScorecardInput): Scorecard {
  const policy = { ...DEFAULT_POLICY, ...input.policy };
  const reasons: Reason[] = [];
  let needsReview = false;

  const answers: ScorecardAnswer[] = input.answers.map((a) => {
    const { min, max } = a.score.scale;
    return {
      questionId: a.questionId,
      weight: a.weight ?? 1,
      score: a.score.score,
      scale: { min, max },
      normalized: max > min ? (a.score.score - min) / (max - min) : 0,
      confidence: a.score.confidence,
      detail: a.score,
      speech: a.speech ?? null,
    };
  });
  const totalWeight = answers.reduce((s, a) => s + a.weight, 0);
  const normalized =
    totalWeight > 0 ? answers.reduce((s, a) => s + a.weight * a.normalized, 0) / totalWeight : 0;

  let recommendation: Recommendation;
  if (answers.length === 0) {
    recommendation = 'review';
    reasons.push({ code: 'no-answers', message: 'No scored answers: a person must review the interview.' });
  } else if (normalized >= policy.advanceAt) {
    recommendation = 'advance';
    reasons.push({
      code: 'overall-high',
      message: `Overall answer score ${pct(normalized)} is at or above the advance level (${pct(policy.advanceAt)}).`,
    });
  } else if (normalized < policy.notAdvanceBelow) {
    recommendation = 'not-advance';
    reasons.push({
      code: 'overall-low',
      message: `Overall answer score ${pct(normalized)} is below ${pct(policy.notAdvanceBelow)}.`,
    });
  } else {
    recommendation = 'review';
    reasons.push({
      code: 'overall-middle',
      message: `Overall answer score ${pct(normalized)} is between ${pct(policy.notAdvanceBelow)} and ${pct(policy.advanceAt)}.`,
    });
  }

  if (answers.length > 1) {
    const sorted = [...answers].sort(
      (x, y) => y.normalized - x.normalized || x.questionId.localeCompare(y.questionId),
    );
    const best = sorted[0]!;
    const worst = sorted.at(-1)!;
    reasons.push({
      code: 'strongest-answer',
      message: `Strongest answer: ${best.questionId} (${best.score} of ${best.scale.max}).`,
    });
    if (worst.normalized < best.normalized) {
      reasons.push({
        code: 'weakest-answer',
        message: `Weakest answer: ${worst.questionId} (${worst.score} of ${worst.scale.max}).`,
      });
    }
  }
  for (const a of answers) {
    if (a.confidence < policy.minConfidence) {
      needsReview = true;
      reasons.push({
        code: 'low-confidence-score',
        message: `The score of ${a.questionId} has low confidence (${a.confidence.toFixed(2)}); check it by hand.`,
      });
    }
  }

  const typing = input.typing ?? null;
  if (typing) {
    if (typing.passed) {
      reasons.push({
        code: 'typing-passed',
        message: `Typing ${typing.net.toFixed(1)} ${typing.unit} net at ${pct(typing.accuracy)} accuracy meets the threshold.`,
      });
    } else {
      reasons.push({ code: 'typing-below-threshold', message: `Typing: ${typing.failures.join('; ')}.` });
      // A failed typing test keeps a strong interviewee out of "advance" but a person decides.
      if (recommendation === 'advance') recommendation = 'review';
    }
    for (const an of typing.anomalies) {
      needsReview = true;
      reasons.push({ code: 'typing-anomaly', message: `Typing test: ${an.detail} (${an.flag}).` });
    }
  } else if (policy.requireTyping) {
    needsReview = true;
    reasons.push({ code: 'typing-missing', message: 'The typing test result is missing.' });
  }

  if (policy.minFluencyBand) {
    for (const a of answers) {
      const f = a.speech?.fluency;
      if (f && bandRank(f.band) < bandRank(policy.minFluencyBand)) {
        needsReview = true;
        reasons.push({
          code: 'fluency-below-band',
          message: `${a.questionId}: indicative fluency ${f.band ?? 'below 三级乙等'} is under the role's ${policy.minFluencyBand} (indicative only, not a PSC grade).`,
        });
      }
    }
  }

  if (needsReview) recommendation = 'review';

  return {
    candidateId: input.candidateId,
    typing,
    answers,
    overall: { normalized, score100: Math.round(normalized * 1000) / 10, answered: answers.length },
    recommendation,
    reasons,
    advisory: true,
    decision: null,
  };
}

/**
 * Record a person's decision on a scorecard (a new object; the input is not changed). The
 * decision must name who made it; a rejection must say why.
 */
export function recordHumanDecision(card: Scorecard, decision: HumanDecision): Scorecard {
  if (decision.decidedBy.trim() === '') throw new RangeError('a decision must name the person who made it');
  if (Number.isNaN(Date.parse(decision.decidedAt)))
    throw new RangeError('decidedAt must be an ISO timestamp');
  if (decision.outcome === 'reject' && decision.note.trim() === '') {
    throw new RangeError('a rejection must give its reason in the note');
  }
  return { ...card, decision: { ...decision } };
}
