/**
 * @module Agreement between two raters on an integer scale (machine vs human interview scores):
 * quadratic weighted kappa, Cohen's kappa, Spearman's rho with tied ranks, and exact and
 * adjacent agreement. Formulas as in DOMAIN.md §6; results match scikit-learn's
 * `cohen_kappa_score` and scipy's `spearmanr`.
 */

export interface Scale {
  min: number;
  max: number;
}

function checkRatings(a: readonly number[], b: readonly number[], scale: Scale): void {
  if (a.length !== b.length) throw new RangeError(`length mismatch: ${a.length} vs ${b.length}`);
  if (!Number.isInteger(scale.min) || !Number.isInteger(scale.max) || scale.max < scale.min) {
    throw new RangeError(`bad scale ${scale.min}..${scale.max}`);
  }
  for (const v of [...a, ...b]) {
    if (!Number.isInteger(v) || v < scale.min || v > scale.max) {
      throw new RangeError(`rating ${v} is not an integer in ${scale.min}..${scale.max}`);
    }
  }
}

function kappa(
  a: readonly number[],
  b: readonly number[],
  scale: Scale,
  weight: (i: number, j: number) => number,
) {
  checkRatings(a, b, scale);
  const k = scale.max - scale.min + 1;
  const n = a.length;
  const observed = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const rows = new Array<number>(k).fill(0);
  const cols = new Array<number>(k).fill(0);
  for (let x = 0; x < n; x++) {
    const i = a[x]! - scale.min;
    const j = b[x]! - scale.min;
    observed[i]![j]!++;
    rows[i]!++;
    cols[j]!++;
  }
  let wo = 0;
  let we = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const w = weight(i, j);
      wo += w * observed[i]![j]!;
      we += (w * rows[i]! * cols[j]!) / n;
    }
  }
  // Both raters gave one identical constant: chance agreement is total and kappa is undefined
  // (scikit-learn returns nan too).
  return we === 0 ? Number.NaN : 1 - wo / we;
}

/**
 * Quadratic weighted kappa, κ_w = 1 − Σ W⊙O / Σ W⊙E with W_ij = (i−j)²/(k−1)². Empty categories
 * of the scale do not change the result (the (k−1)² factor cancels), so `scale` only bounds the
 * ratings. NaN when both raters gave the same single value throughout.
 */
export function quadraticWeightedKappa(a: readonly number[], b: readonly number[], scale: Scale): number {
  const k = scale.max - scale.min + 1;
  const norm = k > 1 ? (k - 1) * (k - 1) : 1;
  return kappa(a, b, scale, (i, j) => ((i - j) * (i - j)) / norm);
}

/** Cohen's (unweighted) kappa. */
export function cohenKappa(a: readonly number[], b: readonly number[], scale: Scale): number {
  return kappa(a, b, scale, (i, j) => (i === j ? 0 : 1));
}

/** 1-based ranks with ties given their average rank. */
export function averageRanks(xs: readonly number[]): number[] {
  const order = xs.map((v, i) => ({ v, i })).sort((p, q) => p.v - q.v);
  const ranks = new Array<number>(xs.length);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.v === order[start]!.v) end++;
    const avg = (start + end) / 2 + 1;
    for (let p = start; p <= end; p++) ranks[order[p]!.i] = avg;
    start = end + 1;
  }
  return ranks;
}

/** Pearson correlation; NaN when either side has no variance. */
export function pearson(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new RangeError(`length mismatch: ${a.length} vs ${b.length}`);
  const n = a.length;
  if (n === 0) return Number.NaN;
  const ma = a.reduce((s, v) => s + v, 0) / n;
  const mb = b.reduce((s, v) => s + v, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i]! - ma;
    const db = b[i]! - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa === 0 || sbb === 0 ? Number.NaN : sab / Math.sqrt(saa * sbb);
}

/** Spearman's rho: Pearson correlation of the average ranks (correct with ties). */
export function spearman(a: readonly number[], b: readonly number[]): number {
  return pearson(averageRanks(a), averageRanks(b));
}

/** Share of pairs with identical scores. */
export function exactAgreement(a: readonly number[], b: readonly number[]): number {
  return withinAgreement(a, b, 0);
}

/** Share of pairs at most one point apart. */
export function adjacentAgreement(a: readonly number[], b: readonly number[]): number {
  return withinAgreement(a, b, 1);
}

function withinAgreement(a: readonly number[], b: readonly number[], tolerance: number): number {
  if (a.length !== b.length) throw new RangeError(`length mismatch: ${a.length} vs ${b.length}`);
  if (a.length === 0) return 0;
  let hit = 0;
  for (let i = 0; i < a.length; i++) if (Math.abs(a[i]! - b[i]!) <= tolerance) hit++;
  return hit / a.length;
}
