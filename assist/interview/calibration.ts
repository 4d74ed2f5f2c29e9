/**
 * @module Fitting the answer scorer to human scores, deterministically. Two steps:
 *   1. a ridge regression of the normalised human score on the answer signals, with every weight
 *      kept ≥ 0 (projected coordinate descent), so a better match on any signal can never lower
 *      a predicted score — the model stays monotone and explainable;
 *   2. ordinal cut points on that continuous output, chosen to maximise quadratic weighted kappa
 *      on the training answers: start from distribution matching (the predicted score
 *      distribution equals the human one), then coordinate ascent over midpoints between
 *      adjacent training outputs until no cut point improves QWK.
 */

export interface LinearModel {
  /** Feature means and standard deviations used to standardise before the weights. */
  mean: number[];
  std: number[];
  weights: number[];
  bias: number;
}

/** Apply a linear model to one feature vector. */
export function predictLinear(m: LinearModel, x: readonly number[]): number {
  let y = m.bias;
  for (let j = 0; j < m.weights.length; j++) {
    const s = m.std[j]!;
    if (s > 0) y += (m.weights[j]! * (x[j]! - m.mean[j]!)) / s;
  }
  return y;
}

/** Non-negative ridge regression on standardised features (constant features get weight 0). */
export function fitNonNegativeRidge(
  xs: readonly (readonly number[])[],
  y: readonly number[],
  lambda = 1,
  iterations = 300,
): LinearModel {
  const n = xs.length;
  const d = xs[0]?.length ?? 0;
  const mean = new Array<number>(d).fill(0);
  const std = new Array<number>(d).fill(0);
  for (const x of xs) for (let j = 0; j < d; j++) mean[j]! += x[j]! / n;
  for (const x of xs) for (let j = 0; j < d; j++) std[j]! += (x[j]! - mean[j]!) ** 2 / n;
  for (let j = 0; j < d; j++) std[j] = std[j]! > 1e-12 ? Math.sqrt(std[j]!) : 0;
  const z = xs.map((x) => x.map((v, j) => (std[j]! > 0 ? (v - mean[j]!) / std[j]! : 0)));
  const bias = y.reduce((s, v) => s + v, 0) / Math.max(1, n);
  const w = new Array<number>(d).fill(0);
  const r = y.map((v) => v - bias);
  const sq = new Array<number>(d).fill(0);
  for (const row of z) for (let j = 0; j < d; j++) sq[j]! += row[j]! * row[j]!;
  for (let it = 0; it < iterations; it++) {
    let moved = 0;
    for (let j = 0; j < d; j++) {
      if (sq[j] === 0) continue;
      let g = 0;
      for (let i = 0; i < n; i++) g += z[i]![j]! * r[i]!;
      const next = Math.max(0, (g + w[j]! * sq[j]!) / (sq[j]! + lambda));
      const delta = next - w[j]!;
      if (delta !== 0) {
        for (let i = 0; i < n; i++) r[i]! -= delta * z[i]![j]!;
        w[j] = next;
        moved = Math.max(moved, Math.abs(delta));
      }
    }
    if (moved < 1e-10) break;
  }
  return { mean, std, weights: w, bias };
}

/** Quadratic weighted kappa of two integer label arrays in 0..k−1 (NaN when undefined). */
export function qwk(a: readonly number[], b: readonly number[], k: number): number {
  const n = a.length;
  if (n === 0) return Number.NaN;
  const rows = new Array<number>(k).fill(0);
  const cols = new Array<number>(k).fill(0);
  let wo = 0;
  for (let i = 0; i < n; i++) {
    rows[a[i]!]!++;
    cols[b[i]!]!++;
    wo += (a[i]! - b[i]!) ** 2;
  }
  let we = 0;
  for (let i = 0; i < k; i++) {
    if (rows[i] === 0) continue;
    for (let j = 0; j < k; j++) we += ((i - j) ** 2 * rows[i]! * cols[j]!) / n;
  }
  return we === 0 ? Number.NaN : 1 - wo / we;
}

/** Category 0..cuts.length of a continuous value. */
export function applyCuts(value: number, cuts: readonly number[]): number {
  let c = 0;
  while (c < cuts.length && value >= cuts[c]!) c++;
  return c;
}

/**
 * Cut points (k − 1 of them, non-decreasing) mapping continuous `values` onto labels 0..k−1 with
 * maximal QWK against `labels` (see the module comment). Deterministic.
 */
export function fitCuts(values: readonly number[], labels: readonly number[], k: number): number[] {
  const n = values.length;
  const order = values.map((_, i) => i).sort((p, q) => values[p]! - values[q]! || p - q);
  const sortedValues = order.map((i) => values[i]!);
  // Distribution matching: cut c sits where the share of labels ≤ c is reached.
  const counts = new Array<number>(k).fill(0);
  for (const l of labels) counts[l]!++;
  const cuts: number[] = [];
  let cum = 0;
  for (let c = 0; c < k - 1; c++) {
    cum += counts[c]!;
    const at = Math.min(n - 1, Math.max(0, cum));
    const below = sortedValues[Math.max(0, at - 1)] ?? 0;
    const above = sortedValues[at] ?? below;
    cuts.push(
      cum === 0
        ? (sortedValues[0] ?? 0) - 1e-9
        : cum >= n
          ? (sortedValues[n - 1] ?? 0) + 1e-9
          : (below + above) / 2,
    );
  }
  if (n === 0 || k < 2) return cuts;
  const candidates = [sortedValues[0]! - 1e-9];
  for (let i = 1; i < n; i++) {
    if (sortedValues[i]! > sortedValues[i - 1]!)
      candidates.push((sortedValues[i]! + sortedValues[i - 1]!) / 2);
  }
  candidates.push(sortedValues[n - 1]! + 1e-9);
  const predict = (cs: readonly number[]) => values.map((v) => applyCuts(v, cs));
  const score = (cs: readonly number[]) => {
    const q = qwk(labels, predict(cs), k);
    return Number.isNaN(q) ? -2 : q;
  };
  let best = score(cuts);
  for (let pass = 0; pass < 8; pass++) {
    let improved = false;
    for (let c = 0; c < k - 1; c++) {
      const lo = c > 0 ? cuts[c - 1]! : Number.NEGATIVE_INFINITY;
      const hi = c < k - 2 ? cuts[c + 1]! : Number.POSITIVE_INFINITY;
      const original = cuts[c]!;
      let bestValue = original;
      for (const cand of candidates) {
        if (cand < lo || cand > hi || cand === original) continue;
        cuts[c] = cand;
        const s = score(cuts);
        if (s > best + 1e-12) {
          best = s;
          bestValue = cand;
          improved = true;
        }
      }
      cuts[c] = bestValue;
    }
    if (!improved) break;
  }
  return cuts;
}
