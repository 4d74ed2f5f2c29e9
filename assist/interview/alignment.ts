/**
 * @module Edit distance between what a candidate typed and the passage they were copying. The
 * passage side has a free end gap: a timed test stops part-way through the passage, and the
 * untyped rest is not an error. Computed in a diagonal band that doubles until the result fits
 * inside it (Ukkonen's cut-off), so a near-perfect transcript of a long passage costs O(n·k), not
 * O(n·m), while the answer stays exact.
 */

/**
 * Minimum number of insertions, deletions and substitutions turning `typed` into some prefix of
 * `passage`. `same(i, j)` says whether typed item i matches passage item j (so callers can
 * compare code points, word ids, or let a trailing half-typed word match its full form).
 */
export function prefixEditDistance(
  typedLength: number,
  passageLength: number,
  same: (i: number, j: number) => boolean,
): number {
  const n = typedLength;
  // Matching a passage prefix longer than 2n costs more than n deletions, worse than the
  // all-substitute/insert bound of n, so the columns beyond 2n never win.
  const m = Math.min(passageLength, 2 * n);
  if (n === 0) return 0;
  let band = 16;
  for (;;) {
    const k = Math.min(band, Math.max(n, m));
    const d = bandedPrefixDistance(n, m, k, same);
    if (d <= k || k >= Math.max(n, m)) return d;
    band *= 2;
  }
}

function bandedPrefixDistance(
  n: number,
  m: number,
  k: number,
  same: (i: number, j: number) => boolean,
): number {
  const INF = Number.MAX_SAFE_INTEGER;
  let prev = new Float64Array(m + 1).fill(INF);
  let cur = new Float64Array(m + 1).fill(INF);
  for (let j = 0; j <= Math.min(m, k); j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(0, i - k);
    const hi = Math.min(m, i + k);
    cur.fill(INF, Math.max(0, lo - 1), Math.min(m, hi + 1) + 1);
    if (lo === 0) cur[0] = i;
    for (let j = Math.max(1, lo); j <= hi; j++) {
      const sub = prev[j - 1]! + (same(i - 1, j - 1) ? 0 : 1);
      const del = cur[j - 1]! + 1;
      const ins = prev[j]! + 1;
      cur[j] = Math.min(sub, del, ins);
    }
    const tmp = prev;
    prev = cur;
    cur = tmp;
  }
  let best = INF;
  for (let j = Math.max(0, n - k); j <= Math.min(m, n + k); j++) if (prev[j]! < best) best = prev[j]!;
  return best;
}

/** Character-level errors: code points compared after `fold` (see typing.ts). */
export function charErrors(typed: string, passage: string): number {
  const a = Array.from(typed);
  const b = Array.from(passage);
  return prefixEditDistance(a.length, b.length, (i, j) => a[i] === b[j]);
}

/**
 * Word-level errors (TypingMaster's "wrong words"): whitespace-separated words compared whole.
 * When `typed` does not end in whitespace its last word may still be in progress, so it counts
 * as right when it is the start of the passage word it lines up with.
 */
export function wordErrors(typed: string, passage: string): number {
  const a = typed.split(/\s+/u).filter(Boolean);
  const b = passage.split(/\s+/u).filter(Boolean);
  const partialLast = a.length > 0 && !/\s$/u.test(typed);
  const last = a.length - 1;
  return prefixEditDistance(a.length, b.length, (i, j) =>
    partialLast && i === last ? b[j]!.startsWith(a[i]!) : a[i] === b[j],
  );
}
