import { describe, expect, it } from 'vitest';
import type { AnswerScore } from './rubric-scorer.ts';
import { buildScorecard, recordHumanDecision, type ScorecardInput } from './scorecard.ts';
import { analyzeSpeech } from './speech.ts';
import { chinesePassage, simulateTyping } from './testing/keystroke-log.ts';
import { analyzeTyping } from './typing.ts';

function answer(score: number, confidence = 0.8): AnswerScore {
  return {
    score,
    scale: { min: 1, max: 5 },
    raw: (score - 1) / 4,
    coverage: null,
    anchors: [],
    neighbours: [],
    signals: {
      referenceSimilarity: 0,
      referenceRecall: 0,
      exemplarEstimate: 0,
      exemplarSupport: 0,
      nearestExemplar: 0,
      kernelEstimate: 0,
      length: 0,
      language: 1,
    },
    confidence,
    calibrated: true,
  };
}

const passage = chinesePassage(400);
const fastTypist = simulateTyping({ lang: 'zh', passage, chars: 300, durationMs: 300_000, seed: 1 });
const typingPassed = analyzeTyping({ lang: 'zh', passage, ...fastTypist, durationMs: 300_000 });
const slowTypist = simulateTyping({ lang: 'zh', passage, chars: 150, durationMs: 300_000, seed: 2 });
const typingFailed = analyzeTyping({ lang: 'zh', passage, ...slowTypist, durationMs: 300_000 });

const card = (scores: number[], extra: Partial<ScorecardInput> = {}) =>
  buildScorecard({
    candidateId: 'cand-1',
    typing: typingPassed,
    answers: scores.map((s, i) => ({ questionId: `q${i + 1}`, score: answer(s) })),
    ...extra,
  });

describe('buildScorecard', () => {
  it('weights answers into an overall score and advises advance with reasons', () => {
    expect(typingPassed.passed).toBe(true);
    const c = buildScorecard({
      candidateId: 'cand-1',
      typing: typingPassed,
      answers: [
        { questionId: 'q1', score: answer(5), weight: 2 },
        { questionId: 'q2', score: answer(3) },
      ],
    });
    expect(c.overall.normalized).toBeCloseTo((2 * 1 + 0.5) / 3, 10);
    expect(c.overall.answered).toBe(2);
    expect(c.recommendation).toBe('advance');
    expect(c.reasons.map((r) => r.code)).toEqual([
      'overall-high',
      'strongest-answer',
      'weakest-answer',
      'typing-passed',
    ]);
    expect(c.reasons[1]!.message).toContain('q1');
  });

  it('advises review in the middle band and not-advance below it', () => {
    expect(card([3, 3, 4]).recommendation).toBe('review');
    expect(card([1, 2, 1]).recommendation).toBe('not-advance');
  });

  it('never decides and never rejects: decision stays null even for the weakest candidate', () => {
    const worst = card([1, 1, 1], { typing: typingFailed });
    expect(worst.recommendation).toBe('not-advance');
    expect(worst.decision).toBeNull();
    expect(worst.advisory).toBe(true);
    // A decision smuggled into the input is ignored.
    const smuggled = buildScorecard({
      ...({
        decision: { outcome: 'reject', decidedBy: 'bot', decidedAt: '2026-01-01T00:00:00Z', note: 'auto' },
      } as object),
      candidateId: 'cand-2',
      answers: [{ questionId: 'q1', score: answer(1) }],
    });
    expect(smuggled.decision).toBeNull();
  });

  it('sends uncertain cases to review instead of not-advance: anomalies, low confidence, missing typing', () => {
    const pasted = { ...typingPassed, anomalies: [{ flag: 'paste' as const, detail: '1 paste' }] };
    expect(card([1, 1, 2], { typing: pasted }).recommendation).toBe('review');
    expect(card([5, 5, 5], { typing: pasted }).recommendation).toBe('review');

    const unsure = buildScorecard({
      candidateId: 'c',
      typing: typingPassed,
      answers: [
        { questionId: 'q1', score: answer(1, 0.2) },
        { questionId: 'q2', score: answer(1) },
      ],
    });
    expect(unsure.recommendation).toBe('review');
    expect(unsure.reasons.map((r) => r.code)).toContain('low-confidence-score');

    const noTyping = card([5, 5], { typing: null, policy: { requireTyping: true } });
    expect(noTyping.recommendation).toBe('review');
    expect(noTyping.reasons.map((r) => r.code)).toContain('typing-missing');
    expect(buildScorecard({ candidateId: 'x', answers: [] }).recommendation).toBe('review');
  });

  it('keeps a failed typing test out of advance, with the failure as a reason', () => {
    expect(typingFailed.passed).toBe(false);
    const c = card([5, 5, 5], { typing: typingFailed });
    expect(c.recommendation).toBe('review');
    expect(c.reasons.find((r) => r.code === 'typing-below-threshold')!.message).toMatch(/net speed/);
  });

  it('reviews a Mandarin voice answer whose indicative band is below the role minimum', () => {
    const halting = analyzeSpeech({
      lang: 'zh',
      segments: Array.from({ length: 10 }, (_, i) => ({
        text: '嗯，那个，就是',
        start: i * 4,
        end: i * 4 + 1.5,
      })),
    });
    expect(halting.fluency!.band === null || halting.fluency!.score < 80).toBe(true);
    const c = buildScorecard({
      candidateId: 'v',
      typing: typingPassed,
      answers: [{ questionId: 'q1', score: answer(5), speech: halting }],
      policy: { minFluencyBand: '二级乙等' },
    });
    expect(c.recommendation).toBe('review');
    expect(c.reasons.find((r) => r.code === 'fluency-below-band')!.message).toMatch(/indicative/);
  });
});

describe('recordHumanDecision', () => {
  it('sets the decision only with a named person, and a rejection needs a reason', () => {
    const c = card([2, 2, 2]);
    const decided = recordHumanDecision(c, {
      outcome: 'hold',
      decidedBy: 'recruiter@demo.test',
      decidedAt: '2026-03-01T10:00:00Z',
      note: '',
    });
    expect(decided.decision!.decidedBy).toBe('recruiter@demo.test');
    expect(c.decision).toBeNull();
    expect(() =>
      recordHumanDecision(c, {
        outcome: 'advance',
        decidedBy: ' ',
        decidedAt: '2026-03-01T10:00:00Z',
        note: 'ok',
      }),
    ).toThrow(/name the person/);
    expect(() =>
      recordHumanDecision(c, {
        outcome: 'reject',
        decidedBy: 'r',
        decidedAt: '2026-03-01T10:00:00Z',
        note: '',
      }),
    ).toThrow(/reason/);
  });
});
