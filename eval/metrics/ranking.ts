/**
 * @module Retrieval metrics over the 1-based rank at which the gold item appeared (null = not
 * retrieved): recall@k, mean reciprocal rank and binary-relevance nDCG@k (DOMAIN.md §9).
 */

/** 1-based position of `gold` in `ranked`, or null when absent. */
export function rankOf<T>(
  ranked: readonly T[],
  gold: T,
  same: (a: T, b: T) => boolean = Object.is,
): number | null {
  const i = ranked.findIndex((r) => same(r, gold));
  return i < 0 ? null : i + 1;
}

/** Share of queries whose gold item is within the top k. */
export function recallAtK(ranks: readonly (number | null)[], k: number): number {
  if (ranks.length === 0) return 0;
  return ranks.filter((r) => r !== null && r <= k).length / ranks.length;
}

/** Mean of 1/rank, a miss contributing 0. */
export function meanReciprocalRank(ranks: readonly (number | null)[]): number {
  if (ranks.length === 0) return 0;
  return ranks.reduce<number>((s, r) => s + (r === null ? 0 : 1 / r), 0) / ranks.length;
}

/** nDCG@k with one relevant item per query: 1/log2(rank+1) when rank ≤ k, else 0. */
export function ndcgAtK(ranks: readonly (number | null)[], k: number): number {
  if (ranks.length === 0) return 0;
  return (
    ranks.reduce<number>((s, r) => s + (r !== null && r <= k ? 1 / Math.log2(r + 1) : 0), 0) / ranks.length
  );
}
