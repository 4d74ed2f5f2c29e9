import { describe, expect, it } from 'vitest';
import { applyCuts, fitCuts, fitNonNegativeRidge, predictLinear, qwk } from './calibration.ts';

describe('qwk (labels 0..k−1)', () => {
  it('matches the DOMAIN.md §11 vectors', () => {
    const shift = (xs: number[]) => xs.map((x) => x - 1);
    expect(qwk(shift([1, 1, 2, 2, 3, 3]), shift([1, 2, 2, 3, 3, 3]), 5)).toBeCloseTo(0.75, 10);
    expect(qwk(shift([1, 2, 3, 4, 5, 3, 2]), shift([1, 2, 4, 4, 5, 2, 2]), 5)).toBeCloseTo(0.915663, 6);
    expect(qwk(shift([1, 2, 3, 4, 5]), shift([5, 4, 3, 2, 1]), 5)).toBeCloseTo(-1, 10);
  });
});

describe('fitCuts', () => {
  it('separates perfectly separable values (QWK 1) and is deterministic', () => {
    const values = [0.1, 0.15, 0.2, 0.42, 0.45, 0.5, 0.8, 0.85, 0.9];
    const labels = [0, 0, 0, 1, 1, 1, 2, 2, 2];
    const cuts = fitCuts(values, labels, 3);
    expect(cuts).toHaveLength(2);
    expect(values.map((v) => applyCuts(v, cuts))).toEqual(labels);
    expect(fitCuts(values, labels, 3)).toEqual(cuts);
  });

  it('improves on distribution matching when it can', () => {
    // Values and labels agree in rank except for one swap; QWK after fitting is ≥ that of any
    // single evenly spaced cut set.
    const values = [0.05, 0.1, 0.3, 0.35, 0.6, 0.55, 0.9, 0.95];
    const labels = [0, 0, 1, 1, 2, 1, 3, 3];
    const cuts = fitCuts(values, labels, 4);
    const fitted = qwk(
      labels,
      values.map((v) => applyCuts(v, cuts)),
      4,
    );
    const even = qwk(
      labels,
      values.map((v) => applyCuts(v, [0.25, 0.5, 0.75])),
      4,
    );
    expect(fitted).toBeGreaterThanOrEqual(even);
    expect(fitted).toBeGreaterThan(0.9);
    for (let i = 1; i < cuts.length; i++) expect(cuts[i]!).toBeGreaterThanOrEqual(cuts[i - 1]!);
  });
});

describe('fitNonNegativeRidge', () => {
  it('learns a positive weight, clamps a feature that only hurts to 0, ignores constant features', () => {
    const xs: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 50; i++) {
      const a = (i % 10) / 10;
      const b = ((i * 7) % 11) / 11;
      xs.push([a, b, 0.5]);
      // y rises with a and falls with b: b's unconstrained weight would be negative.
      y.push(0.8 * a - 0.3 * b);
    }
    const m = fitNonNegativeRidge(xs, y, 0.01);
    expect(m.weights[0]!).toBeGreaterThan(0);
    expect(m.weights[1]).toBe(0);
    expect(m.weights[2]).toBe(0);
    expect(m.std[2]).toBe(0);
    for (const w of m.weights) expect(w).toBeGreaterThanOrEqual(0);
    // Predictions rank by a.
    expect(predictLinear(m, [0.9, 0.5, 0.5])).toBeGreaterThan(predictLinear(m, [0.1, 0.5, 0.5]));
  });
});
