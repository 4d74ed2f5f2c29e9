import { describe, expect, it } from 'vitest';
import { meanReciprocalRank, ndcgAtK, rankOf, recallAtK } from './ranking.ts';

describe('ranking metrics', () => {
  const ranks = [1, 3, null, 2];

  it('gold ranks [1, 3, miss, 2]: recall@1 0.25, recall@3 0.75, MRR 0.458333 (DOMAIN.md §11)', () => {
    expect(recallAtK(ranks, 1)).toBe(0.25);
    expect(recallAtK(ranks, 3)).toBe(0.75);
    expect(meanReciprocalRank(ranks)).toBeCloseTo(0.458333, 6);
  });

  it('nDCG@3 with one relevant item per query', () => {
    expect(ndcgAtK(ranks, 3)).toBeCloseTo((1 + 0.5 + 0 + 1 / Math.log2(3)) / 4, 10);
    expect(ndcgAtK(ranks, 1)).toBe(0.25);
  });

  it('rankOf is 1-based and null when absent', () => {
    expect(rankOf(['x', 'y', 'z'], 'z')).toBe(3);
    expect(rankOf(['x'], 'q')).toBeNull();
    expect(recallAtK([], 1)).toBe(0);
  });
});
