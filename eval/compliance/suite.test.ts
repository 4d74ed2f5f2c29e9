import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '#assist/compliance/types.ts';
import { readJsonl } from '../harness/jsonl.ts';
import { fromRepoRoot } from '../harness/paths.ts';
import { ComplianceCaseSchema } from './case.ts';
import { suite } from './suite.ts';

describe('compliance suite', () => {
  it('has an authored set of ≥ 400 zh/en drafts, ≥ 40 per category and ≥ 120 clean', async () => {
    const cases = await readJsonl(fromRepoRoot(suite.casesFile), ComplianceCaseSchema, suite.casesFile);
    expect(cases.length).toBeGreaterThanOrEqual(400);
    const zh = cases.filter((c) => c.lang === 'zh').length;
    expect(zh / cases.length).toBeGreaterThan(0.4);
    expect(zh / cases.length).toBeLessThan(0.6);
    for (const cat of CATEGORIES) {
      expect(cases.filter((c) => c.expected.includes(cat)).length, cat).toBeGreaterThanOrEqual(40);
    }
    expect(cases.filter((c) => c.expected.length === 0).length).toBeGreaterThanOrEqual(120);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });

  it('meets the goals on the authored set with the embedded checker', async () => {
    const cases = await readJsonl(fromRepoRoot(suite.casesFile), ComplianceCaseSchema, suite.casesFile);
    const predictor = await suite.prepare({ provider: 'embedded', datasetsDir: null });
    const predictions = await Promise.all(cases.map((c) => predictor.predict(c)));
    const { metrics } = suite.score(cases, predictions);
    const by = metrics.byCategory as Record<string, { f1: number }>;
    for (const cat of CATEGORIES) expect(by[cat]!.f1, cat).toBeGreaterThanOrEqual(0.9);
    expect(metrics.falseBlockRate).toBeLessThanOrEqual(0.01);
    expect(predictor.provider).toBe('embedded');
  });
});
