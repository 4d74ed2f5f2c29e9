import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AnswerScore } from '#assist/interview/rubric-scorer.ts';
import { parseJsonl } from '../harness/jsonl.ts';
import { fromRepoRoot } from '../harness/paths.ts';
import { quadraticWeightedKappa } from '../metrics/agreement.ts';
import { type InterviewCase, InterviewCaseSchema } from './case.ts';
import { leaveQuestionOutPredictor, questionKey } from './predictor.ts';
import { scoreInterview, suite } from './suite.ts';

const authored = parseJsonl(
  readFileSync(fromRepoRoot(suite.casesFile), 'utf8'),
  InterviewCaseSchema,
  suite.casesFile,
);

describe('authored interview cases', () => {
  it('has ≥ 120 bilingual answers to 6–10 questions, each with a reference and a 1–5 anchored rubric', () => {
    expect(authored.length).toBeGreaterThanOrEqual(120);
    const questions = new Map<string, InterviewCase[]>();
    for (const c of authored) questions.set(questionKey(c), [...(questions.get(questionKey(c)) ?? []), c]);
    expect(questions.size).toBeGreaterThanOrEqual(6);
    expect(questions.size).toBeLessThanOrEqual(10);
    expect(new Set(authored.map((c) => c.lang))).toEqual(new Set(['zh', 'en']));
    for (const [, cases] of questions) {
      const c = cases[0]!;
      expect(c.reference).toBeTruthy();
      expect(c.rubric!.map((l) => l.level)).toEqual([1, 2, 3, 4, 5]);
      for (const l of c.rubric!) expect(l.examples!.length).toBeGreaterThan(0);
      // Varied quality: at least four of the five scores occur for every question.
      expect(new Set(cases.map((x) => x.human_score)).size).toBeGreaterThanOrEqual(4);
      for (const x of cases) expect([x.scale_min, x.scale_max]).toEqual([1, 5]);
    }
  });
});

const fake = (score: number): AnswerScore => ({
  score,
  scale: { min: 1, max: 5 },
  raw: 0,
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
  confidence: 0.5,
  calibrated: true,
});

describe('scoreInterview', () => {
  it('reports QWK, Spearman, exact and adjacent agreement on the case scale (DOMAIN.md §11 vector)', () => {
    const human = [1, 1, 2, 2, 3, 3];
    const machine = [1, 2, 2, 3, 3, 3];
    const cases = human.map(
      (h, i): InterviewCase => ({
        id: `c${i}`,
        lang: i % 2 ? 'en' : 'zh',
        question: 'q',
        answer: 'a',
        human_score: h,
        scale_min: 1,
        scale_max: 5,
      }),
    );
    const s = scoreInterview(cases, machine.map(fake));
    expect(s.metrics.qwk).toBeCloseTo(0.75, 4);
    expect(s.metrics.exactAgreement).toBeCloseTo(4 / 6, 4);
    expect(s.metrics.adjacentAgreement).toBe(1);
    expect(s.metrics.n).toBe(6);
    expect(s.confusion!.labels).toEqual(['1', '2', '3', '4', '5']);
    expect(s.confusion!.matrix[0]).toEqual([1, 1, 0, 0, 0]);
    expect(s.perCase[1]!.score).toBeCloseTo(0.75, 10);
  });

  it('averages QWK over scale groups when a file mixes scales', () => {
    const mk = (h: number, max: number, i: number): InterviewCase => ({
      id: `m${i}`,
      lang: 'zh',
      question: 'q',
      answer: 'a',
      human_score: h,
      scale_min: 0,
      scale_max: max,
    });
    const cases = [mk(0, 1, 0), mk(1, 1, 1), mk(0, 10, 2), mk(10, 10, 3)];
    const s = scoreInterview(cases, [0, 1, 10, 0].map(fake));
    expect(s.metrics.qwk).toBeCloseTo((1 + -1) / 2, 10);
    expect(s.confusion).toBeUndefined();
  });
});

describe('leave-one-question-out calibration', () => {
  it('scores a question without ever using its human scores', () => {
    const target = questionKey(authored[0]!);
    const ofTarget = authored.filter((c) => questionKey(c) === target);
    const before = leaveQuestionOutPredictor(authored);
    // Scramble every human score of the target question in the pool.
    const scrambled = authored.map((c) =>
      questionKey(c) === target ? { ...c, human_score: 6 - c.human_score } : c,
    );
    const after = leaveQuestionOutPredictor(scrambled);
    expect(ofTarget.map((c) => after.predict(c).score)).toEqual(ofTarget.map((c) => before.predict(c).score));
    // …whereas another question's calibration does see them.
    const other = authored.find((c) => questionKey(c) !== target)!;
    expect(after.predict(other).raw).not.toBe(before.predict(other).raw);
  });

  it('reaches the QWK ≥ 0.70 goal on the authored set (embedded scorer)', async () => {
    const predictor = await suite.prepare({ provider: 'embedded', datasetsDir: null });
    const predictions = await Promise.all(authored.map((c) => predictor.predict(c)));
    const qwk = quadraticWeightedKappa(
      authored.map((c) => c.human_score),
      predictions.map((p) => p.score),
      { min: 1, max: 5 },
    );
    expect(predictor.provider).toBe('embedded');
    expect(qwk).toBeGreaterThanOrEqual(0.7);
  });
});
