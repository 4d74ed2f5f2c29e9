import { describe, expect, it } from 'vitest';
import { median, percentile, percentileOfSorted, summarize } from '../bench/lib/stats.ts';

describe('bench stats', () => {
  it('percentile uses nearest rank: the smallest sample with p% at or below it', () => {
    const oneToHundred = Array.from({ length: 100 }, (_, i) => 100 - i); // unsorted on purpose
    expect(percentile(oneToHundred, 50)).toBe(50);
    expect(percentile(oneToHundred, 99)).toBe(99);
    expect(percentile(oneToHundred, 99.5)).toBe(100);
    expect(percentile(oneToHundred, 100)).toBe(100);
    expect(percentile(oneToHundred, 0)).toBe(1);
    expect(percentile(oneToHundred, 1)).toBe(1);
    expect(percentile(oneToHundred, 1.01)).toBe(2);
  });

  it('percentile never interpolates between samples', () => {
    expect(percentile([10, 20], 50)).toBe(10);
    expect(percentile([10, 20], 51)).toBe(20);
    expect(median([3, 1, 2, 4])).toBe(2);
    expect(percentile([7], 99)).toBe(7);
  });

  it('p99 of ten samples is the max: fewer than 100 samples cannot hide the tail', () => {
    const samples = [1, 1, 1, 1, 1, 1, 1, 1, 1, 500];
    expect(percentile(samples, 99)).toBe(500);
    expect(percentile(samples, 90)).toBe(1);
  });

  it('an empty sample set has no percentile, and out-of-range p is rejected', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentileOfSorted([1], 101)).toThrow(RangeError);
    expect(() => percentileOfSorted([1], -1)).toThrow(RangeError);
  });

  it('summarize reports n, min, p50, p90, p99, max and mean, without reordering the input', () => {
    const samples = [5, 3, 1, 4, 2];
    expect(summarize(samples)).toEqual({ n: 5, min: 1, p50: 3, p90: 5, p99: 5, max: 5, mean: 3 });
    expect(samples).toEqual([5, 3, 1, 4, 2]);
    expect(summarize([1.23456, 2], 1)).toMatchObject({ p50: 1.2, mean: 1.6 });
  });
});
