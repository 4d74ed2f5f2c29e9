import { describe, expect, it } from 'vitest';
import { bootstrapInterval, bootstrapIntervals, quantile, resampleIndices } from './bootstrap.ts';
import { mulberry32 } from './prng.ts';

const mean = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;

describe('bootstrap', () => {
  const data = Array.from({ length: 200 }, (_, i) => (i % 4 === 0 ? 0 : 1)); // mean 0.75

  it('is deterministic for a seed and differs across seeds', () => {
    const stat = (idx: number[]) => mean(idx.map((i) => data[i]!));
    const a = bootstrapInterval(data.length, stat, { iterations: 300, rng: mulberry32(7) });
    const b = bootstrapInterval(data.length, stat, { iterations: 300, rng: mulberry32(7) });
    const c = bootstrapInterval(data.length, stat, { iterations: 300, rng: mulberry32(8) });
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('a 95% interval of a proportion brackets the estimate with about ±1.96·SE width', () => {
    const stat = (idx: number[]) => mean(idx.map((i) => data[i]!));
    const ci = bootstrapInterval(data.length, stat, { iterations: 2000, rng: mulberry32(1) })!;
    const se = Math.sqrt((0.75 * 0.25) / 200);
    expect(ci.low).toBeLessThan(0.75);
    expect(ci.high).toBeGreaterThan(0.75);
    expect(ci.high - ci.low).toBeGreaterThan(2 * 1.96 * se * 0.8);
    expect(ci.high - ci.low).toBeLessThan(2 * 1.96 * se * 1.2);
  });

  it('computes several statistics per resample and drops NaN values', () => {
    const out = bootstrapIntervals(10, () => ({ one: 1, nan: Number.NaN }), {
      iterations: 5,
      rng: mulberry32(3),
    });
    expect(out.one).toEqual({ low: 1, high: 1 });
    expect(out.nan).toBeUndefined();
    expect(bootstrapIntervals(0, () => ({ x: 1 }), { iterations: 5, rng: mulberry32(3) })).toEqual({});
  });

  it('quantile interpolates linearly and resampling stays in range', () => {
    expect(quantile([0, 10], 0.25)).toBe(2.5);
    expect(resampleIndices(50, mulberry32(2)).every((i) => i >= 0 && i < 50)).toBe(true);
  });
});
