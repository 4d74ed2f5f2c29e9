import { describe, expect, it } from 'vitest';
import { mulberry32 } from './prng.ts';
import { pairedMeanTest, pairedRandomization, significanceMarker } from './significance.ts';

describe('paired approximate randomization', () => {
  it('finds a large consistent difference significant', () => {
    const a = Array.from({ length: 60 }, (_, i) => (i % 10 === 0 ? 0 : 1)); // 0.9
    const b = Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? 0 : 1)); // 0.5
    const r = pairedMeanTest(a, b, { iterations: 2000, rng: mulberry32(11) });
    expect(r.delta).toBeCloseTo(0.4, 10);
    expect(r.p).toBeLessThan(0.01);
    expect(significanceMarker(r.p)).toBe('**');
  });

  it('does not find identical systems different (p = 1)', () => {
    const a = [1, 0, 1, 1, 0];
    const r = pairedMeanTest(a, a, { iterations: 500, rng: mulberry32(5) });
    expect(r).toEqual({ delta: 0, p: 1 });
    expect(significanceMarker(r.p)).toBe('');
  });

  it('a one-case difference on a small set is not significant', () => {
    const a = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    const b = [1, 1, 1, 1, 1, 1, 1, 1, 1, 0];
    expect(pairedMeanTest(a, b, { iterations: 1000, rng: mulberry32(2) }).p).toBeGreaterThan(0.4);
  });

  it('is seeded and reports every finite metric of a non-additive statistic', () => {
    const stat = (swap: readonly boolean[]) => ({ max: swap.filter(Boolean).length - 1, bad: Number.NaN });
    const x = pairedRandomization(4, stat, { iterations: 100, rng: mulberry32(9) });
    const y = pairedRandomization(4, stat, { iterations: 100, rng: mulberry32(9) });
    expect(x).toEqual(y);
    expect(Object.keys(x)).toEqual(['max']);
    expect(significanceMarker(null)).toBe('');
  });
});
