import { describe, expect, it } from 'vitest';
import {
  accuracy,
  classificationReport,
  confusionMatrix,
  countsFromConfusion,
  fBeta,
  macroAverage,
  microAverage,
  multiLabelCounts,
  perClass,
  prf,
} from './classification.ts';

describe('classification metrics', () => {
  it('TP=8 FP=2 FN=4 gives P 0.8, R 0.6667, F1 0.727273, F2 0.689655 (DOMAIN.md §11)', () => {
    const m = prf({ tp: 8, fp: 2, fn: 4 });
    expect(m.precision).toBeCloseTo(0.8, 10);
    expect(m.recall).toBeCloseTo(0.666667, 6);
    expect(m.f1).toBeCloseTo(0.727273, 6);
    expect(m.f2).toBeCloseTo(0.689655, 6);
  });

  it('zero denominators count as 0, not NaN', () => {
    expect(prf({ tp: 0, fp: 0, fn: 3 })).toEqual({ precision: 0, recall: 0, f1: 0, f2: 0 });
    expect(fBeta(0, 0, 2)).toBe(0);
  });

  it('builds a confusion matrix with predicted-only labels as columns', () => {
    const c = confusionMatrix(['a', 'a', 'b', 'c'], ['a', 'b', 'b', 'd']);
    expect(c.labels).toEqual(['a', 'b', 'c', 'd']);
    expect(c.matrix).toEqual([
      [1, 1, 0, 0],
      [0, 1, 0, 0],
      [0, 0, 0, 1],
      [0, 0, 0, 0],
    ]);
    expect(countsFromConfusion(c)).toEqual({
      a: { tp: 1, fp: 0, fn: 1 },
      b: { tp: 1, fp: 1, fn: 0 },
      c: { tp: 0, fp: 0, fn: 1 },
      d: { tp: 0, fp: 1, fn: 0 },
    });
  });

  it('keeps the given label order and appends unseen labels', () => {
    const c = confusionMatrix(['x', 'y'], ['y', 'z'], ['y', 'x']);
    expect(c.labels).toEqual(['y', 'x', 'z']);
    expect(c.matrix[1]).toEqual([1, 0, 0]);
  });

  it('macro averages per-class values; micro pools counts (hand-computed)', () => {
    // gold a a a b b c ; pred a a b b c c
    const r = classificationReport(['a', 'a', 'a', 'b', 'b', 'c'], ['a', 'a', 'b', 'b', 'c', 'c']);
    // a: tp2 fp0 fn1 -> P1 R2/3 F1 0.8 ; b: tp1 fp1 fn1 -> .5 .5 .5 ; c: tp1 fp1 fn0 -> .5 1 2/3
    expect(r.perClass.a!.f1).toBeCloseTo(0.8, 10);
    expect(r.perClass.c!.f1).toBeCloseTo(2 / 3, 10);
    expect(r.perClass.a!.support).toBe(3);
    expect(r.macro.precision).toBeCloseTo((1 + 0.5 + 0.5) / 3, 10);
    expect(r.macro.recall).toBeCloseTo((2 / 3 + 0.5 + 1) / 3, 10);
    expect(r.macro.f1).toBeCloseTo((0.8 + 0.5 + 2 / 3) / 3, 10);
    // single-label micro P = R = accuracy = 4/6
    expect(r.micro.precision).toBeCloseTo(4 / 6, 10);
    expect(r.micro.recall).toBeCloseTo(4 / 6, 10);
    expect(r.accuracy).toBeCloseTo(4 / 6, 10);
  });

  it('macroAverage over an explicit label list counts a missing class as all zeros', () => {
    const rows = perClass({ a: { tp: 1, fp: 0, fn: 0 } });
    expect(macroAverage(rows, ['a', 'b']).f1).toBe(0.5);
    expect(macroAverage({}).f1).toBe(0);
  });

  it('multi-label counts treat each label of each case independently', () => {
    const counts = multiLabelCounts(
      [['promise', 'pii'], [], ['tone']],
      [['promise'], ['tone'], ['tone', 'pii']],
    );
    expect(counts).toEqual({
      promise: { tp: 1, fp: 0, fn: 0 },
      pii: { tp: 0, fp: 1, fn: 1 },
      tone: { tp: 1, fp: 1, fn: 0 },
    });
    expect(microAverage(counts).precision).toBeCloseTo(2 / 4, 10);
    expect(microAverage(counts).recall).toBeCloseTo(2 / 3, 10);
  });

  it('rejects lists of different lengths', () => {
    expect(() => accuracy(['a'], [])).toThrow(RangeError);
    expect(accuracy([], [])).toBe(0);
  });
});
