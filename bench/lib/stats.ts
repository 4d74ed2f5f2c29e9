/**
 * @module Sample statistics for benchmarks: nearest-rank percentiles over a sorted copy, and a
 * summary (n, min, p50, p90, p99, max, mean) that every benchmark reports the same way.
 */

/** Ascending copy; benchmarks keep their raw samples intact. */
export function sorted(samples: readonly number[]): number[] {
  return [...samples].sort((a, b) => a - b);
}

/**
 * Nearest-rank percentile of an ascending array: the smallest value with at least `p` percent of
 * the samples at or below it. No interpolation, so the answer is always a measured value (p100
 * is the max, p0 the min). NaN for an empty array.
 */
export function percentileOfSorted(ascending: readonly number[], p: number): number {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0..100, got ${p}`);
  const n = ascending.length;
  if (n === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * n));
  return ascending[rank - 1] as number;
}

/** Nearest-rank percentile of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  return percentileOfSorted(sorted(samples), p);
}

/** The median as the nearest-rank p50 (a measured value, never an average of two). */
export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

export interface Summary {
  n: number;
  min: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

/** Summary of a sample set, values rounded to `digits` decimals (NaN fields when empty). */
export function summarize(samples: readonly number[], digits = 2): Summary {
  const s = sorted(samples);
  const round = (v: number) => (Number.isFinite(v) ? Number(v.toFixed(digits)) : v);
  const mean = s.length ? s.reduce((a, b) => a + b, 0) / s.length : Number.NaN;
  return {
    n: s.length,
    min: round(percentileOfSorted(s, 0)),
    p50: round(percentileOfSorted(s, 50)),
    p90: round(percentileOfSorted(s, 90)),
    p99: round(percentileOfSorted(s, 99)),
    max: round(percentileOfSorted(s, 100)),
    mean: round(mean),
  };
}
