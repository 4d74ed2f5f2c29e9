import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { importTau2 } from '#assist/simulator/cards/tau2-import.ts';
import { playScript } from '#assist/simulator/persona-engine.ts';
import { loadEnv } from '#src/config/env.ts';
import { datasetsSetting, locateDatasets } from '../harness/datasets.ts';
import { parseJsonl } from '../harness/jsonl.ts';
import { fromRepoRoot } from '../harness/paths.ts';
import { loadTau2Cards } from './loaders.ts';
import { badTrainee, goodTrainee } from './scripted-trainees.ts';
import { type SimulatorCase, type SimulatorPrediction, scoreSimulator, suite } from './suite.ts';

const datasets = await locateDatasets(datasetsSetting(loadEnv().TIDEDESK_DATASETS));
const authored = parseJsonl(
  await readFile(fromRepoRoot(suite.casesFile), 'utf8'),
  suite.caseSchema,
  'cases.jsonl',
);

const kase = (
  id: string,
  passed: boolean,
  weak?: SimulatorCase['expected']['weak_dimensions'],
): SimulatorCase => ({
  id,
  lang: 'en',
  scenario: 'x',
  trainee_turns: ['hi'],
  expected: { passed, ...(weak ? { weak_dimensions: weak } : {}) },
});
const pred = (
  passed: boolean | null,
  weakDimensions: SimulatorPrediction['weakDimensions'] = [],
): SimulatorPrediction => ({
  passed,
  weakDimensions,
});

describe('simulator suite scoring', () => {
  it('outcome accuracy, Jaccard dimension agreement, false passes, unavailable cases left out', () => {
    const s = scoreSimulator(
      [
        kase('a', true, []),
        kase('b', false, ['empathy', 'compliance']),
        kase('c', false),
        kase('d', true, ['accuracy']),
      ],
      [pred(true, []), pred(false, ['compliance', 'resolution']), pred(true), pred(null)],
    );
    expect(s.metrics.outcomeAccuracy).toBeCloseTo(2 / 3, 9);
    // a: both empty → 1; b: {compliance} ∩ / {empathy, compliance, resolution} ∪ → 1/3; d unavailable.
    expect(s.metrics.dimensionAgreement).toBeCloseTo((1 + 1 / 3) / 2, 9);
    expect(s.metrics.falsePassRate).toBeCloseTo(1 / 2, 9);
    expect(s.metrics.evaluated).toBe(3);
    expect(s.metrics.unavailable).toBe(1);
    expect(s.perClass?.compliance).toMatchObject({ precision: 1, recall: 1 });
    expect(s.confusion?.matrix).toEqual([
      [1, 0],
      [1, 1],
    ]);
  });

  it('has no dimension metrics for a set without weak_dimensions', () => {
    const s = scoreSimulator([kase('a', true)], [pred(true)]);
    expect(s.metrics).not.toHaveProperty('dimensionAgreement');
  });
});

describe('authored golden set', () => {
  it('has ≥ 60 zh and en transcripts, good and bad, over demo and τ² cards', () => {
    expect(authored.length).toBeGreaterThanOrEqual(60);
    expect(new Set(authored.map((c) => c.lang))).toEqual(new Set(['zh', 'en']));
    expect(new Set(authored.map((c) => c.expected.passed))).toEqual(new Set([true, false]));
    expect(authored.some((c) => c.scenario.startsWith('tau2:'))).toBe(true);
    expect(new Set(authored.map((c) => c.id)).size).toBe(authored.length);
  });

  it('the embedded engine agrees with ≥ 90% of the expected outcomes', async () => {
    const predictor = await suite.prepare({ provider: 'embedded', datasetsDir: datasets.dir });
    const predictions = await Promise.all(authored.map((c) => predictor.predict(c)));
    const s = scoreSimulator(authored, predictions);
    expect(s.metrics.outcomeAccuracy).toBeGreaterThanOrEqual(0.9);
    if (datasets.dir) expect(s.metrics.unavailable).toBe(0);
  });
});

describe('generic scripted trainees', () => {
  const task = {
    id: '950',
    user_scenario: {
      instructions: {
        domain: 'retail',
        reason_for_call: 'You want to exchange the kettle in order #W0000002.',
        known_info: 'You are Cy Dee in zip code 20002.',
      },
    },
    evaluation_criteria: {
      actions: [{ name: 'get_order_details' }, { name: 'exchange_delivered_order_items' }],
    },
  };

  it('the good one passes and the bad one fails a card they were generated from', () => {
    const card = importTau2('retail', [task]).cards[0]!;
    expect(playScript(card, goodTrainee(card), 1).verdict.passed).toBe(true);
    expect(playScript(card, badTrainee(card), 1).verdict.passed).toBe(false);
  });

  it.runIf(datasets.dir !== null)('loads every τ² airline/retail/telecom task as a valid card', async () => {
    const loaded = await loadTau2Cards(datasets.dir!);
    expect(loaded.skipped).toEqual([]);
    expect(loaded.missing).toEqual([]);
    expect(loaded.cards.length).toBeGreaterThanOrEqual(100);
    expect(loaded.cards.every((c) => /^tau2:(airline|retail|telecom):/.test(c.id))).toBe(true);
  });
});
