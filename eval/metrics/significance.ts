/**
 * @module Paired significance for comparing two runs over the same cases: an approximate
 * randomization (permutation) test. Under the null hypothesis the two systems are exchangeable
 * on each case, so swapping their outputs case by case at random should produce differences as
 * large as the observed one often. p = (hits + 1) / (iterations + 1), never 0. Seeded.
 */
import type { Rng } from './prng.ts';

export interface RandomizationOptions {
  iterations: number;
  rng: Rng;
}

export interface PairedResult {
  /** Observed difference, A − B. */
  delta: number;
  /** Two-sided p-value. */
  p: number;
}

/**
 * Approximate randomization for several metrics at once. `statistic(swap)` returns, per metric,
 * the difference A − B after exchanging A's and B's outputs on every case i where swap[i] is
 * true. Metrics whose observed difference is not finite are left out.
 */
export function pairedRandomization(
  n: number,
  statistic: (swap: readonly boolean[]) => Record<string, number>,
  { iterations, rng }: RandomizationOptions,
): Record<string, PairedResult> {
  const observed = statistic(new Array<boolean>(n).fill(false));
  const names = Object.keys(observed).filter((k) => Number.isFinite(observed[k]));
  const hits: Record<string, number> = Object.fromEntries(names.map((k) => [k, 0]));
  const swap = new Array<boolean>(n);
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < n; i++) swap[i] = rng() < 0.5;
    const permuted = statistic(swap);
    for (const k of names) {
      // A tiny epsilon keeps ties (e.g. permuted delta exactly equal to observed) counted as hits
      // despite floating-point noise.
      if (Math.abs(permuted[k] ?? 0) >= Math.abs(observed[k]!) - 1e-12) hits[k]!++;
    }
  }
  return Object.fromEntries(
    names.map((k) => [k, { delta: observed[k]!, p: (hits[k]! + 1) / (iterations + 1) }]),
  );
}

/** Paired test of the difference of means of two per-case score vectors (same case order). */
export function pairedMeanTest(
  a: readonly number[],
  b: readonly number[],
  options: RandomizationOptions,
): PairedResult {
  if (a.length !== b.length) throw new RangeError(`length mismatch: ${a.length} vs ${b.length}`);
  const n = a.length;
  const result = pairedRandomization(
    n,
    (swap) => {
      let d = 0;
      for (let i = 0; i < n; i++) d += swap[i] ? b[i]! - a[i]! : a[i]! - b[i]!;
      return { mean: n === 0 ? 0 : d / n };
    },
    options,
  );
  return result.mean ?? { delta: 0, p: 1 };
}

/** Conventional marker for a p-value: ** p<0.01, * p<0.05, empty otherwise. */
export function significanceMarker(p: number | null | undefined): string {
  if (p === null || p === undefined) return '';
  if (p < 0.01) return '**';
  if (p < 0.05) return '*';
  return '';
}
