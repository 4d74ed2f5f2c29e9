import { describe, expect, it } from 'vitest';
import { caseF1, flattenSpanMetrics, matchSpans, spanReport } from './span-metrics.ts';

const s = (type: string, start: number, end: number) => ({ type, start, end });

describe('span metrics', () => {
  it('exact match needs the same type, start and end', () => {
    expect(matchSpans([s('PHONE', 0, 11)], [s('PHONE', 0, 11)], 'exact')).toHaveLength(1);
    expect(matchSpans([s('PHONE', 0, 11)], [s('PHONE', 0, 10)], 'exact')).toHaveLength(0);
    expect(matchSpans([s('PHONE', 0, 11)], [s('CN_ID', 0, 11)], 'exact')).toHaveLength(0);
  });

  it('overlap match pairs each gold span with at most one prediction', () => {
    const gold = [s('ADDRESS', 0, 20)];
    const pred = [s('ADDRESS', 0, 5), s('ADDRESS', 6, 20)];
    expect(matchSpans(gold, pred, 'overlap')).toHaveLength(1);
    expect(matchSpans(gold, [s('ADDRESS', 20, 25)], 'overlap')).toHaveLength(0);
  });

  it('computes hand-checked micro and per-type numbers', () => {
    // PHONE: 2 gold, 2 predicted, 1 exact hit. EMAIL: 1 gold, 0 predicted. CN_ID: 0 gold, 1 predicted.
    const cases = [
      { gold: [s('PHONE', 0, 11), s('EMAIL', 20, 30)], predicted: [s('PHONE', 0, 11), s('CN_ID', 40, 58)] },
      { gold: [s('PHONE', 3, 14)], predicted: [s('PHONE', 3, 13)] },
    ];
    const exact = spanReport(cases, 'exact');
    expect(exact.byType.PHONE).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
    expect(exact.byType.EMAIL).toEqual({ precision: 0, recall: 0, f1: 0, support: 1 });
    expect(exact.byType.CN_ID).toEqual({ precision: 0, recall: 0, f1: 0, support: 0 });
    // Overall: tp 1, predicted 3, gold 3.
    expect(exact.overall.precision).toBeCloseTo(1 / 3, 10);
    expect(exact.overall.recall).toBeCloseTo(1 / 3, 10);
    const overlap = spanReport(cases, 'overlap');
    expect(overlap.byType.PHONE!.f1).toBe(1);
    const flat = flattenSpanMetrics(exact, overlap);
    expect(flat['overall.f1']).toBeCloseTo(1 / 3, 10);
    expect(flat['byType.PHONE.recall']).toBe(0.5);
    expect(flat['byType.PHONE.support']).toBe(2);
    expect(flat['overlap.byType.PHONE.f1']).toBe(1);
    expect(flat['overlap.overall.recall']).toBeCloseTo(2 / 3, 10);
  });

  it('scores a case with nothing to find and nothing found as perfect', () => {
    expect(caseF1([], [], 'exact')).toBe(1);
    expect(caseF1([], [s('PHONE', 0, 1)], 'exact')).toBe(0);
  });
});
