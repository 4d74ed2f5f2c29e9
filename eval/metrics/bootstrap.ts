/**
 * @module Percentile bootstrap confidence intervals. The statistic is recomputed on resamples of
 * case indices drawn with replacement; the random generator is passed in so the same seed gives
 * the same interval. One resample feeds every metric at once, because scoring a resample is the
 * expensive part.
 */
import { type Rng, randomInt } from './prng.ts';

export interface Interval {
  low: number;
  high: number;
}

export interface BootstrapOptions {
  /** Resamples to draw (e.g. 200 for a quick run, 1000+ for a report). */
  iterations: number;
  /** Two-sided miss rate: 0.05 gives a 95% interval. */
  alpha?: number;
  rng: Rng;
}

/** The q-quantile (0..1) of sorted values, interpolating linearly (numpy's default). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Draws `n` indices in [0, n) with replacement. */
export function resampleIndices(n: number, rng: Rng): number[] {
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = randomInt(rng, n);
  return out;
}

/**
 * Percentile intervals for several statistics computed together on each resample of `n` cases.
 * A metric that is NaN on a resample (e.g. kappa with no variance) is left out of that resample;
 * a metric that is never finite gets no interval.
 */
export function bootstrapIntervals(
  n: number,
  statistic: (indices: number[]) => Record<string, number>,
  { iterations, alpha = 0.05, rng }: BootstrapOptions,
): Record<string, Interval> {
  if (n === 0 || iterations <= 0) return {};
  const samples: Record<string, number[]> = {};
  for (let it = 0; it < iterations; it++) {
    const values = statistic(resampleIndices(n, rng));
    for (const [name, v] of Object.entries(values)) {
      if (!Number.isFinite(v)) continue;
      samples[name] ??= [];
      samples[name].push(v);
    }
  }
  const out: Record<string, Interval> = {};
  for (const [name, vs] of Object.entries(samples)) {
    vs.sort((a, b) => a - b);
    out[name] = { low: quantile(vs, alpha / 2), high: quantile(vs, 1 - alpha / 2) };
  }
  return out;
}

/** Percentile interval of one statistic. */
export function bootstrapInterval(
  n: number,
  statistic: (indices: number[]) => number,
  options: BootstrapOptions,
): Interval | null {
  return bootstrapIntervals(n, (idx) => ({ value: statistic(idx) }), options).value ?? null;
}
