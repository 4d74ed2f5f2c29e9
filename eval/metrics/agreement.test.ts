import { describe, expect, it } from 'vitest';
import {
  adjacentAgreement,
  averageRanks,
  cohenKappa,
  exactAgreement,
  quadraticWeightedKappa,
  spearman,
} from './agreement.ts';

const S15 = { min: 1, max: 5 };

describe('agreement metrics (DOMAIN.md §11)', () => {
  it('QWK A=[1,1,2,2,3,3] B=[1,2,2,3,3,3] on 1–5 is 0.75; unweighted kappa 0.50', () => {
    const a = [1, 1, 2, 2, 3, 3];
    const b = [1, 2, 2, 3, 3, 3];
    expect(quadraticWeightedKappa(a, b, S15)).toBeCloseTo(0.75, 10);
    expect(cohenKappa(a, b, S15)).toBeCloseTo(0.5, 10);
  });

  it('QWK [1,2,3,4,5,3,2] vs [1,2,4,4,5,2,2] is 0.915663, unweighted 0.641026, Spearman 0.924187', () => {
    const a = [1, 2, 3, 4, 5, 3, 2];
    const b = [1, 2, 4, 4, 5, 2, 2];
    expect(quadraticWeightedKappa(a, b, S15)).toBeCloseTo(0.915663, 6);
    expect(cohenKappa(a, b, S15)).toBeCloseTo(0.641026, 6);
    expect(spearman(a, b)).toBeCloseTo(0.924187, 6);
  });

  it('QWK [1,2,3,3,4] vs [1,2,2,3,5] is 0.861111', () => {
    expect(quadraticWeightedKappa([1, 2, 3, 3, 4], [1, 2, 2, 3, 5], S15)).toBeCloseTo(0.861111, 6);
  });

  it('QWK of identical ratings is 1 and of [1..5] vs [5..1] is −1', () => {
    expect(quadraticWeightedKappa([1, 2, 3, 4, 5], [1, 2, 3, 4, 5], S15)).toBeCloseTo(1, 12);
    expect(quadraticWeightedKappa([1, 2, 3, 4, 5], [5, 4, 3, 2, 1], S15)).toBeCloseTo(-1, 12);
  });

  it('QWK is invariant to empty categories of the scale', () => {
    const a = [1, 1, 2, 2, 3, 3];
    const b = [1, 2, 2, 3, 3, 3];
    const narrow = quadraticWeightedKappa(a, b, { min: 1, max: 3 });
    expect(quadraticWeightedKappa(a, b, { min: 0, max: 10 })).toBeCloseTo(narrow, 12);
    expect(narrow).toBeCloseTo(0.75, 10);
  });

  it('QWK is NaN when both raters give one constant, and rejects off-scale ratings', () => {
    expect(quadraticWeightedKappa([3, 3], [3, 3], S15)).toBeNaN();
    expect(() => quadraticWeightedKappa([0], [1], S15)).toThrow(RangeError);
    expect(() => quadraticWeightedKappa([1.5], [1], S15)).toThrow(RangeError);
  });

  it('ranks ties by their average rank', () => {
    expect(averageRanks([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1]);
  });

  it('exact and adjacent agreement', () => {
    expect(exactAgreement([1, 2, 3, 4], [1, 3, 5, 4])).toBe(0.5);
    expect(adjacentAgreement([1, 2, 3, 4], [1, 3, 5, 4])).toBe(0.75);
  });
});
