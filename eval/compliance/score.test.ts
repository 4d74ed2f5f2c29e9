import { describe, expect, it } from 'vitest';
import type { Category } from '#assist/compliance/types.ts';
import type { ComplianceCase, CompliancePrediction } from './case.ts';
import { scoreCompliance } from './score.ts';

const c = (id: string, expected: Category[], scope?: Category[]): ComplianceCase => ({
  id,
  lang: 'zh',
  draft: id,
  expected,
  ...(scope ? { scope } : {}),
});
const p = (categories: Category[], blocked: Category[] = []): CompliancePrediction => ({
  categories,
  blocked,
  findings: [],
});

describe('scoreCompliance', () => {
  it('computes per-category P/R/F1 over multi-label cases, macro-F1 over all six and the false-block rate', () => {
    const cases = [
      c('1', ['pii_leak']),
      c('2', ['pii_leak', 'rude_tone']),
      c('3', []),
      c('4', []),
      c('5', ['kb_contradiction']),
    ];
    const preds = [
      p(['pii_leak'], ['pii_leak']),
      p(['rude_tone']),
      p(['pii_leak'], ['pii_leak']),
      p([]),
      p(['kb_contradiction']),
    ];
    const s = scoreCompliance(cases, preds);
    const by = s.metrics.byCategory as Record<string, { precision: number; recall: number; f1: number }>;
    // pii_leak: tp 1, fp 1, fn 1 → P .5 R .5 F1 .5
    expect(by.pii_leak).toMatchObject({ precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(by.rude_tone).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(by.kb_contradiction!.f1).toBe(1);
    // Categories never expected nor predicted score 0, as in scikit-learn's zero_division=0.
    expect(by.forbidden_phrase!.f1).toBe(0);
    expect(s.metrics.macroF1).toBeCloseTo((0.5 + 1 + 1) / 6);
    expect(s.metrics.falseBlockRate).toBe(0.5);
    expect(s.metrics.cleanCases).toBe(2);
    expect(s.perCase.map((r) => r.score)).toEqual([1, 0.5, 0, 1, 1]);
    expect(s.perCase[2]).toMatchObject({ expected: '(clean)', actual: 'pii_leak' });
  });

  it('scores public tone cases on their scope only', () => {
    const cases = [
      c('1', ['rude_tone'], ['rude_tone']),
      c('2', [], ['rude_tone']),
      c('3', [], ['rude_tone']),
    ];
    const preds = [p(['rude_tone']), p(['pii_leak'], ['pii_leak']), p(['rude_tone'], ['rude_tone'])];
    const s = scoreCompliance(cases, preds);
    expect(Object.keys(s.metrics.byCategory as object)).toEqual(['rude_tone']);
    expect(s.metrics.macroF1).toBeCloseTo(2 / 3);
    // Only the rude_tone block on case 3 counts; the PII block on case 2 is out of scope.
    expect(s.metrics.falseBlockRate).toBeCloseTo(1 / 2);
  });
});
