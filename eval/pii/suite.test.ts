import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJsonl } from '../harness/jsonl.ts';
import { PiiCaseSchema } from './case.ts';
import { CASES_PATH } from './generate-cases.ts';
import { scoredPredictions, suite } from './suite.ts';

describe('pii suite', () => {
  it('restricts predictions to a case’s scored types', () => {
    const c = { id: 'x', lang: 'zh' as const, text: 'x', entities: [], scoredTypes: ['PHONE'] };
    const p = [
      { type: 'PHONE', start: 0, end: 1 },
      { type: 'USCC', start: 0, end: 1 },
    ];
    expect(scoredPredictions(c, p)).toEqual([{ type: 'PHONE', start: 0, end: 1 }]);
  });

  // The acceptance numbers, measured on the authored golden set.
  it('meets the targets on the golden set: checksum types recall ≥ 0.99 at precision ≥ 0.98, overall F1 ≥ 0.90', async () => {
    const cases = parseJsonl(readFileSync(CASES_PATH, 'utf8'), PiiCaseSchema, 'cases.jsonl');
    const predictor = await suite.prepare({ provider: 'embedded', datasetsDir: null });
    const predictions = await Promise.all(cases.map((c) => predictor.predict(c)));
    const { metrics } = suite.score(cases, predictions);
    const m = metrics as Record<string, number>;
    for (const type of ['CN_ID', 'BANK_CARD', 'PHONE']) {
      expect(m[`byType.${type}.recall`], type).toBeGreaterThanOrEqual(0.98);
      expect(m[`byType.${type}.precision`], type).toBeGreaterThanOrEqual(0.98);
    }
    expect(m['byType.CN_ID.recall']).toBeGreaterThanOrEqual(0.99);
    expect(m['byType.BANK_CARD.recall']).toBeGreaterThanOrEqual(0.99);
    expect(m['overall.f1']).toBeGreaterThanOrEqual(0.9);
    expect(m['overlap.overall.f1']).toBeGreaterThanOrEqual(m['overall.f1']!);
  });
});
