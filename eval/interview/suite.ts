/**
 * @module The `interview` eval suite: agreement between the embedded answer scorer and human
 * scores — quadratic weighted kappa, Spearman, exact and adjacent agreement — on the authored
 * bilingual customer-service interview answers (eval/interview/cases.jsonl, 1–5 anchored rubric)
 * and on the Chinese short-answer scoring sets (SAS: ADS, LE, ASAG, SR) on their native scales.
 * Calibration never sees the answers it is measured on: leave-one-question-out for the authored
 * set, the upstream train split for each SAS subset (see predictor.ts). There is no LLM interview
 * scorer yet, so every provider runs the embedded scorer and the run records that.
 */
import { readFile } from 'node:fs/promises';
import type { AnswerScore } from '#assist/interview/rubric-scorer.ts';
import { parseJsonl } from '../harness/jsonl.ts';
import { fromRepoRoot } from '../harness/paths.ts';
import type { CaseResult, Confusion, SuiteDefinition } from '../harness/suite.ts';
import {
  adjacentAgreement,
  exactAgreement,
  pearson,
  quadraticWeightedKappa,
  spearman,
} from '../metrics/agreement.ts';
import { type InterviewCase, InterviewCaseSchema } from './case.ts';
import { loadSasSets } from './loaders.ts';
import { leaveQuestionOutPredictor, trainedPredictor } from './predictor.ts';

export type InterviewPrediction = AnswerScore;

const CASES_FILE = 'eval/interview/cases.jsonl';

const round = (x: number) => (Number.isFinite(x) ? Number(x.toFixed(4)) : x);

function mean(xs: readonly number[]): number {
  return xs.reduce((s, v) => s + v, 0) / xs.length;
}

function sd(xs: readonly number[]): number {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, v) => s + (v - m) ** 2, 0) / Math.max(1, xs.length - 1));
}

/** Agreement of one group of cases that share a scale. */
function agreement(human: number[], machine: number[], scale: { min: number; max: number }) {
  const pooledSd = Math.sqrt((sd(human) ** 2 + sd(machine) ** 2) / 2);
  return {
    qwk: quadraticWeightedKappa(human, machine, scale),
    spearman: spearman(human, machine),
    pearson: pearson(human, machine),
    exactAgreement: exactAgreement(human, machine),
    adjacentAgreement: adjacentAgreement(human, machine),
    // Williamson, Xi & Breyer (2012): |SMD| ≤ 0.15 between machine and human means.
    standardizedMeanDifference: pooledSd > 0 ? (mean(machine) - mean(human)) / pooledSd : 0,
  };
}

function roundAll<T extends Record<string, number>>(m: T): T {
  return Object.fromEntries(Object.entries(m).map(([k, v]) => [k, round(v)])) as T;
}

/** Score a set: QWK etc. on its scale; with mixed scales, the n-weighted mean over scale groups. */
export function scoreInterview(cases: readonly InterviewCase[], predictions: readonly InterviewPrediction[]) {
  const groups = new Map<string, number[]>();
  cases.forEach((c, i) => {
    const key = `${c.scale_min}..${c.scale_max}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const per = [...groups.values()].map((idx) => {
    const c0 = cases[idx[0]!]!;
    const scale = { min: c0.scale_min, max: c0.scale_max };
    return {
      n: idx.length,
      scale,
      m: agreement(
        idx.map((i) => cases[i]!.human_score),
        idx.map((i) => predictions[i]!.score),
        scale,
      ),
    };
  });
  const n = cases.length;
  const weighted = (pick: (m: ReturnType<typeof agreement>) => number) =>
    per.reduce((s, g) => s + (pick(g.m) * g.n) / n, 0);
  const overall = {
    qwk: weighted((m) => m.qwk),
    spearman: weighted((m) => m.spearman),
    exactAgreement: weighted((m) => m.exactAgreement),
    adjacentAgreement: weighted((m) => m.adjacentAgreement),
    pearson: weighted((m) => m.pearson),
    standardizedMeanDifference: weighted((m) => m.standardizedMeanDifference),
  };
  const byLang: Record<string, Record<string, number>> = {};
  for (const lang of ['zh', 'en'] as const) {
    const idx = cases.flatMap((c, i) => (c.lang === lang ? [i] : []));
    if (idx.length < 2 || per.length > 1) continue;
    const scale = per[0]!.scale;
    const m = agreement(
      idx.map((i) => cases[i]!.human_score),
      idx.map((i) => predictions[i]!.score),
      scale,
    );
    byLang[lang] = roundAll({
      n: idx.length,
      qwk: m.qwk,
      spearman: m.spearman,
      exactAgreement: m.exactAgreement,
    });
  }

  let confusion: Confusion | undefined;
  if (per.length === 1) {
    const { min, max } = per[0]!.scale;
    const labels = Array.from({ length: max - min + 1 }, (_, i) => String(min + i));
    const matrix = labels.map(() => new Array<number>(labels.length).fill(0));
    cases.forEach((c, i) => {
      matrix[c.human_score - min]![predictions[i]!.score - min]!++;
    });
    confusion = { labels, matrix };
  }

  const perCase: CaseResult[] = cases.map((c, i) => {
    const p = predictions[i]!;
    const quotes = p.anchors
      .filter((a) => a.matched)
      .map((a) => `L${a.level}: ${a.evidence.map((e) => `“${e.quote}”`).join(' ') || '(no quote)'}`);
    return {
      id: c.id,
      score: 1 - Math.abs(p.score - c.human_score) / (c.scale_max - c.scale_min),
      input: `${c.question}\n→ ${c.answer}`,
      expected: `${c.human_score} (${c.scale_min}–${c.scale_max})`,
      actual: [
        `${p.score} (confidence ${p.confidence.toFixed(2)})`,
        ...(p.coverage ? [`coverage ${p.coverage.recall.toFixed(2)}`] : []),
        ...quotes,
      ].join('; '),
    };
  });

  return {
    metrics: { ...roundAll(overall), n, ...(Object.keys(byLang).length ? { byLang } : {}) },
    perCase,
    ...(confusion ? { confusion } : {}),
  };
}

export const suite: SuiteDefinition<InterviewCase, InterviewPrediction> = {
  name: 'interview',
  description:
    'Interview answer scoring (zh + en) against human scores: QWK (goal ≥ 0.70), Spearman, exact and adjacent agreement. Authored set: leave-one-question-out calibration; SAS sets: calibrated on each upstream train split, measured on its eval split.',
  caseSchema: InterviewCaseSchema,
  casesFile: CASES_FILE,
  loadPublic: loadSasSets,
  async prepare(ctx) {
    let predictor: ReturnType<typeof trainedPredictor>;
    if (ctx.train && ctx.train.length > 0) {
      predictor = trainedPredictor(ctx.train);
    } else {
      // The authored set calibrates itself question by question; its file is the pool.
      const text = await readFile(fromRepoRoot(CASES_FILE), 'utf8');
      predictor = leaveQuestionOutPredictor(parseJsonl(text, InterviewCaseSchema, CASES_FILE));
    }
    return { provider: 'embedded', promptVersion: null, predict: (c) => predictor.predict(c) };
  },
  score: scoreInterview,
};

export default suite;
