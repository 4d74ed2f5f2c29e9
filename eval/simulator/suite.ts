/**
 * @module The `simulator` eval suite: scripted trainee transcripts are played against the embedded
 * persona engine (fixed seed) and the engine's verdict is compared with the expected one.
 *
 * Metrics:
 * - `outcomeAccuracy`: share of cases whose predicted pass/fail equals `expected.passed`.
 * - `dimensionAgreement`: mean Jaccard similarity between the predicted weak dimensions (rubric
 *   score below 60) and `expected.weak_dimensions`, over the cases that list them (two empty sets
 *   agree fully, 1.0). `dimensionMicroF1` is the same comparison pooled over all such cases, and
 *   per-dimension precision/recall/F1 appear as the report's per-class rows.
 * - `falsePassRate`: share of expected failures the engine passed (the costly error).
 * - `evaluated` / `unavailable`: cases scored, and cases whose card could not be loaded (a τ² card
 *   when the datasets folder is absent) — those are left out of every other metric.
 *
 * Sets: the authored golden file (eval/simulator/cases.jsonl, written before the engine); with the
 * datasets folder present, `fresh` (eval/simulator/fresh.jsonl, 15 cases written after tuning — the
 * generalisation figure) and `tau2-scripted` (every τ² airline/retail/telecom card played by a
 * generated good and bad trainee, see scripted-trainees.ts — a discrimination figure).
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { DIMENSIONS, type Dimension, type ScenarioCard } from '#assist/simulator/card.ts';
import { DEMO_CARDS } from '#assist/simulator/cards/demo-cards.ts';
import { playScript } from '#assist/simulator/persona-engine.ts';
import { parseJsonl } from '../harness/jsonl.ts';
import { fromRepoRoot } from '../harness/paths.ts';
import type { CaseResult, CaseSet, SuiteDefinition } from '../harness/suite.ts';
import { loadTau2Cards } from './loaders.ts';
import { badTrainee, goodTrainee } from './scripted-trainees.ts';

/** The engine seed every case is played with (reproducible). */
export const SIMULATOR_SEED = 20260101;

export const SimulatorCaseSchema = z.object({
  id: z.string().min(1),
  lang: z.enum(['zh', 'en']),
  /** A card id: a demo card (`refund-unshipped-zh`) or a τ² card (`tau2:<domain>:<task id>`). */
  scenario: z.string().min(1),
  trainee_turns: z.array(z.string().min(1)).min(1),
  expected: z.object({
    passed: z.boolean(),
    weak_dimensions: z.array(z.enum(DIMENSIONS)).optional(),
  }),
});
export type SimulatorCase = z.infer<typeof SimulatorCaseSchema>;

export interface SimulatorPrediction {
  /** null when the case's card is unavailable. */
  passed: boolean | null;
  weakDimensions: Dimension[];
  scores?: Record<Dimension, number>;
  endReason?: string | null;
  failures?: string[];
  unavailable?: string;
}

function jaccard(a: readonly string[], b: readonly string[]): number {
  const A = new Set(a);
  const B = new Set(b);
  const union = new Set([...A, ...B]);
  if (union.size === 0) return 1;
  return [...A].filter((x) => B.has(x)).length / union.size;
}

const ratio = (n: number, d: number) => (d === 0 ? Number.NaN : n / d);

/** Score predictions against expectations (the suite's `score`). */
export function scoreSimulator(cases: readonly SimulatorCase[], predictions: readonly SimulatorPrediction[]) {
  const pairs = cases.map((c, i) => ({ c, p: predictions[i]! })).filter(({ p }) => p && p.passed !== null);
  const agree = pairs.filter(({ c, p }) => c.expected.passed === p.passed).length;
  const withDims = pairs.filter(({ c }) => c.expected.weak_dimensions !== undefined);
  const jac = withDims.map(({ c, p }) => jaccard(c.expected.weak_dimensions!, p.weakDimensions));
  const perClass: Record<string, { precision: number; recall: number; f1: number; support: number }> = {};
  let tpAll = 0;
  let fpAll = 0;
  let fnAll = 0;
  for (const d of DIMENSIONS) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const { c, p } of withDims) {
      const e = c.expected.weak_dimensions!.includes(d);
      const g = p.weakDimensions.includes(d);
      if (e && g) tp++;
      else if (g) fp++;
      else if (e) fn++;
    }
    tpAll += tp;
    fpAll += fp;
    fnAll += fn;
    const precision = ratio(tp, tp + fp);
    const recall = ratio(tp, tp + fn);
    perClass[d] = {
      precision: Number.isNaN(precision) ? 0 : precision,
      recall: Number.isNaN(recall) ? 0 : recall,
      f1: tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn),
      support: tp + fn,
    };
  }
  const expectedFail = pairs.filter(({ c }) => !c.expected.passed);
  const perCase: CaseResult[] = cases.map((c, i) => {
    const p = predictions[i]!;
    const outcome = p.passed === null ? 0.5 : p.passed === c.expected.passed ? 1 : 0;
    const dims = c.expected.weak_dimensions ? jaccard(c.expected.weak_dimensions, p.weakDimensions) : 1;
    return {
      id: c.id,
      score: p.passed === null ? 0.5 : 0.75 * outcome + 0.25 * dims,
      input: `${c.scenario}: ${c.trainee_turns.join(' ⏎ ')}`,
      expected: `${c.expected.passed ? 'pass' : 'fail'}; weak: ${(c.expected.weak_dimensions ?? []).join(', ') || '—'}`,
      actual:
        p.passed === null
          ? `unavailable (${p.unavailable ?? ''})`
          : `${p.passed ? 'pass' : 'fail'}; weak: ${p.weakDimensions.join(', ') || '—'}; end: ${p.endReason ?? ''}; ${(p.failures ?? []).join(' | ')}`,
    };
  });
  return {
    metrics: {
      outcomeAccuracy: ratio(agree, pairs.length),
      // Only sets whose cases list weak dimensions have the dimension metrics.
      ...(jac.length > 0
        ? {
            dimensionAgreement: jac.reduce((s, x) => s + x, 0) / jac.length,
            dimensionMicroF1: tpAll === 0 ? 0 : (2 * tpAll) / (2 * tpAll + fpAll + fnAll),
          }
        : {}),
      falsePassRate: ratio(expectedFail.filter(({ p }) => p.passed).length, expectedFail.length),
      evaluated: pairs.length,
      unavailable: cases.length - pairs.length,
    },
    perCase,
    ...(jac.length > 0 ? { perClass } : {}),
    confusion: {
      labels: ['pass', 'fail'],
      matrix: [
        [
          pairs.filter(({ c, p }) => c.expected.passed && p.passed).length,
          pairs.filter(({ c, p }) => c.expected.passed && !p.passed).length,
        ],
        [
          pairs.filter(({ c, p }) => !c.expected.passed && p.passed).length,
          pairs.filter(({ c, p }) => !c.expected.passed && !p.passed).length,
        ],
      ],
    },
  };
}

/** Play one case against its card. */
export function predictCase(c: SimulatorCase, cards: ReadonlyMap<string, ScenarioCard>): SimulatorPrediction {
  const card = cards.get(c.scenario);
  if (!card) {
    return {
      passed: null,
      weakDimensions: [],
      unavailable: c.scenario.startsWith('tau2:')
        ? 'τ² card not loaded (datasets folder absent?)'
        : 'unknown card',
    };
  }
  const { verdict } = playScript(card, c.trainee_turns, SIMULATOR_SEED);
  return {
    passed: verdict.passed,
    weakDimensions: verdict.weak,
    scores: verdict.scores,
    endReason: verdict.endReason,
    failures: verdict.failures,
  };
}

async function cardsFor(datasetsDir: string | null): Promise<Map<string, ScenarioCard>> {
  const cards = new Map(DEMO_CARDS.map((c) => [c.id, c]));
  if (datasetsDir) {
    for (const c of (await loadTau2Cards(datasetsDir)).cards) cards.set(c.id, c);
  }
  return cards;
}

async function loadPublic(datasetsDir: string): Promise<CaseSet<SimulatorCase>[]> {
  const sets: CaseSet<SimulatorCase>[] = [];
  const freshPath = fromRepoRoot('eval/simulator/fresh.jsonl');
  const fresh = await readFile(freshPath, 'utf8').catch(() => null);
  if (fresh !== null) {
    sets.push({
      name: 'fresh',
      cases: parseJsonl(fresh, SimulatorCaseSchema, 'eval/simulator/fresh.jsonl'),
      source: 'authored',
    });
  }
  const tau2 = await loadTau2Cards(datasetsDir);
  if (tau2.cards.length > 0) {
    sets.push({
      name: 'tau2-scripted',
      source: 'public',
      licence: 'MIT (τ²-bench, Copyright (c) 2025 Sierra Research)',
      cases: tau2.cards.flatMap((card) => [
        {
          id: `${card.id}#good`,
          lang: 'en' as const,
          scenario: card.id,
          trainee_turns: goodTrainee(card),
          expected: { passed: true },
        },
        {
          id: `${card.id}#bad`,
          lang: 'en' as const,
          scenario: card.id,
          trainee_turns: badTrainee(card),
          expected: { passed: false },
        },
      ]),
    });
  }
  return sets;
}

export const suite: SuiteDefinition<SimulatorCase, SimulatorPrediction> = {
  name: 'simulator',
  description:
    'Simulation training: scripted trainee transcripts played against the embedded persona engine; pass/fail agreement and weak-dimension agreement (Jaccard).',
  caseSchema: SimulatorCaseSchema,
  casesFile: 'eval/simulator/cases.jsonl',
  loadPublic,
  async prepare(ctx) {
    const cards = await cardsFor(ctx.datasetsDir);
    return { provider: 'embedded', promptVersion: null, predict: (c) => predictCase(c, cards) };
  },
  score: scoreSimulator,
};

export default suite;
