/**
 * @module Score distributions per group for the fairness report: five-number summaries and a
 * shared histogram (the same bins for every group, so the charts compare like with like).
 */

export interface Summary {
  n: number;
  mean: number | null;
  min: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
}

/** Linear-interpolation quantile (type 7, the R and NumPy default) of sorted values. */
export function quantile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export function summarize(values: readonly number[]): Summary {
  const s = [...values].sort((a, b) => a - b);
  return {
    n: s.length,
    mean: s.length ? s.reduce((a, b) => a + b, 0) / s.length : null,
    min: s[0] ?? null,
    q1: quantile(s, 0.25),
    median: quantile(s, 0.5),
    q3: quantile(s, 0.75),
    max: s.at(-1) ?? null,
  };
}

export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

/**
 * Counts in `bins` equal bins over [lo, hi]; the last bin is closed on the right so `hi` lands
 * in it. Values outside the range are clamped into the end bins.
 */
export function histogram(values: readonly number[], lo: number, hi: number, bins: number): HistogramBin[] {
  if (!(hi > lo) || bins < 1) throw new RangeError('histogram needs hi > lo and at least one bin');
  const width = (hi - lo) / bins;
  const out = Array.from({ length: bins }, (_, i) => ({
    from: lo + i * width,
    to: lo + (i + 1) * width,
    count: 0,
  }));
  for (const v of values) {
    const i = Math.min(bins - 1, Math.max(0, Math.floor((v - lo) / width)));
    out[i]!.count++;
  }
  return out;
}
