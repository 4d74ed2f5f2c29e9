/**
 * @module τ-bench pass^k (arXiv:2406.12045): the chance that k i.i.d. trials of a task all
 * succeed, estimated without bias per task as C(c,k)/C(n,k) from c successes in n trials and
 * averaged over tasks.
 */

export interface Trials {
  /** Trials run. */
  n: number;
  /** Successful trials. */
  c: number;
}

/** Binomial coefficient C(n, k) as a float (exact for the small n of eval runs). */
export function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  const kk = Math.min(k, n - k);
  let r = 1;
  for (let i = 1; i <= kk; i++) r = (r * (n - kk + i)) / i;
  return r;
}

/** Unbiased pass^k over tasks; every task needs at least k trials. */
export function passHatK(tasks: readonly Trials[], k: number): number {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  if (tasks.length === 0) return 0;
  let sum = 0;
  for (const { n, c } of tasks) {
    if (n < k) throw new RangeError(`pass^${k} needs at least ${k} trials per task, a task has ${n}`);
    if (c < 0 || c > n) throw new RangeError(`successes ${c} outside 0..${n}`);
    sum += binomial(c, k) / binomial(n, k);
  }
  return sum / tasks.length;
}
