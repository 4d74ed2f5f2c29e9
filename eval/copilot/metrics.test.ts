import { describe, expect, it } from 'vitest';
import type { CopilotCase, CopilotPrediction } from './case.ts';
import { scoreCopilot } from './metrics.ts';

const base = { lang: 'en' as const, sop: 'refund', history: [{ role: 'customer' as const, text: 'refund' }] };
const s = (text: string, lang: 'zh' | 'en' = 'en', sourceId = 'x') => ({
  text,
  lang,
  source: 'knowledge',
  sourceId,
});

const cases: CopilotCase[] = [
  {
    ...base,
    id: 'a',
    expected_step: 'verify-order',
    reference: 'Could you share the order number?',
    must_include: ['order number', '7 days'],
    tags: ['injection'],
  },
  {
    ...base,
    id: 'b',
    expected_step: 'greet',
    reference: 'Hello, which order would you like a refund for?',
    gold_sources: ['kb-1'],
  },
  { ...base, id: 'c', expected_step: 'greet', must_include: ['1-3'] },
];
const predictions: CopilotPrediction[] = [
  {
    step: 'verify-order',
    lang: 'en',
    injection: true,
    // Each fact is in a different suggestion: "best" gives 0.5, "any" gives 1.
    suggestions: [
      s('Totally unrelated text about coupons.'),
      s('Could you share the order number please?'),
      s('Returns within 7 days.'),
    ],
  },
  {
    step: 'verify-order',
    lang: 'en',
    injection: false,
    suggestions: [s('Something else entirely.', 'zh', 'kb-1')],
  },
  { step: 'greet', lang: 'en', injection: false, suggestions: [s('Debit cards take 1-3 business days.')] },
];

describe('scoreCopilot', () => {
  const { metrics, perCase, perClass, confusion } = scoreCopilot(cases, predictions);

  it('computes each contract metric over the cases it applies to', () => {
    expect(metrics).toMatchObject({
      stepAccuracy: 0.6667,
      referenceTop3: 0.5,
      referenceTop1: 0,
      mustIncludeCoverage: 0.75,
      mustIncludeCoverageAny: 1,
      langAccuracy: 0.6667,
      sourceTop3: 1,
      injectionFlagged: 1,
      counts: { cases: 3, withReference: 2, withMustInclude: 2, withGoldSources: 1 },
    });
  });

  it('returns null, not zero, for a metric no case has data for', () => {
    const r = scoreCopilot([cases[2]!], [predictions[2]!]);
    expect(r.metrics).toMatchObject({ referenceTop3: null, sourceTop3: null, mustIncludeCoverage: 1 });
  });

  it('scores each case for the worst-cases table and tabulates steps per SOP', () => {
    expect(perCase.map((p) => [p.id, Number(p.score.toFixed(4))])).toEqual([
      ['a', 0.8333],
      ['b', 0],
      ['c', 1],
    ]);
    expect(perCase[1]!.actual).toContain('step: verify-order');
    expect(perClass?.['refund/greet']).toMatchObject({ recall: 0.5, support: 2 });
    expect(confusion?.labels).toEqual(expect.arrayContaining(['refund/greet', 'refund/verify-order']));
  });
});
