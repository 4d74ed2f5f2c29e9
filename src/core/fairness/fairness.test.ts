import { describe, expect, it } from 'vitest';
import { histogram, median, quantile, scoringReport, selectionReport, summarize } from './index.ts';

const outcomes = (group: string | null, n: number, selected: number) =>
  Array.from({ length: n }, (_, i) => ({ group, selected: i < selected }));

describe('selectionReport (four-fifths rule)', () => {
  it('DOMAIN §11: A 48/120 = 0.40, B 20/80 = 0.25 → impact ratio of B 0.625, flagged', () => {
    const r = selectionReport([...outcomes('A', 120, 48), ...outcomes('B', 80, 20)]);
    const [a, b] = r.groups;
    expect(a).toMatchObject({
      group: 'A',
      applicants: 120,
      selected: 48,
      impactRatio: 1,
      adverseImpact: false,
    });
    expect(a?.rate).toBeCloseTo(0.4, 12);
    expect(b).toMatchObject({ group: 'B', applicants: 80, selected: 20, adverseImpact: true });
    expect(b?.rate).toBeCloseTo(0.25, 12);
    expect(b?.impactRatio).toBeCloseTo(0.625, 12);
    expect(r.reference).toBe('A');
    expect(r.flagged).toEqual(['B']);
  });

  it('does not flag a ratio at exactly four fifths', () => {
    const r = selectionReport([...outcomes('A', 10, 5), ...outcomes('B', 10, 4)]);
    expect(r.groups.find((g) => g.group === 'B')?.impactRatio).toBeCloseTo(0.8, 12);
    expect(r.flagged).toEqual([]);
  });

  it('counts unreported groups apart and excludes groups under the minimum share', () => {
    const r = selectionReport(
      [...outcomes('A', 60, 30), ...outcomes('B', 39, 10), ...outcomes('C', 1, 0), ...outcomes(null, 7, 3)],
      { minShare: 0.02 },
    );
    expect(r.unknown).toEqual({ applicants: 7, selected: 3 });
    const c = r.groups.find((g) => g.group === 'C');
    expect(c).toMatchObject({ excluded: true, impactRatio: null, adverseImpact: false });
    expect(r.flagged).toEqual(['B']);
  });

  it('has no ratios when nobody was selected', () => {
    const r = selectionReport([...outcomes('A', 5, 0), ...outcomes('B', 5, 0)]);
    expect(r.groups.map((g) => g.impactRatio)).toEqual([null, null]);
    expect(r.flagged).toEqual([]);
  });
});

describe('scoringReport (LL144 scoring rate)', () => {
  it('DOMAIN §11: A=[3,4,5,5,2,4], B=[2,3,3,4,1,5] → median 3.5, rates 0.667/0.333, ratio of B 0.5', () => {
    const A = [3, 4, 5, 5, 2, 4].map((score) => ({ group: 'A', score }));
    const B = [2, 3, 3, 4, 1, 5].map((score) => ({ group: 'B', score }));
    const r = scoringReport([...A, ...B]);
    expect(r.median).toBe(3.5);
    const [a, b] = r.groups;
    expect(a?.scoringRate).toBeCloseTo(2 / 3, 12);
    expect(b?.scoringRate).toBeCloseTo(1 / 3, 12);
    expect(b?.impactRatio).toBeCloseTo(0.5, 12);
    expect(r.flagged).toEqual(['B']);
  });

  it('a score equal to the median is not above it', () => {
    const r = scoringReport([1, 2, 3].map((score) => ({ group: 'A', score })));
    expect(r.median).toBe(2);
    expect(r.groups[0]?.aboveMedian).toBe(1);
  });

  it('uses unreported candidates in the pooled median but not in the ratios', () => {
    const r = scoringReport([
      { group: 'A', score: 1 },
      { group: 'B', score: 2 },
      { group: null, score: 10 },
      { group: null, score: 11 },
    ]);
    expect(r.median).toBe(6);
    expect(r.unknown).toEqual({ n: 2, aboveMedian: 2 });
    expect(r.groups.map((g) => g.scoringRate)).toEqual([0, 0]);
  });
});

describe('distributions', () => {
  it('median and quantiles', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(quantile([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 12);
    expect(summarize([4, 1, 3, 2])).toEqual({
      n: 4,
      mean: 2.5,
      min: 1,
      q1: 1.75,
      median: 2.5,
      q3: 3.25,
      max: 4,
    });
  });

  it('histogram puts the top of the range in the last bin and clamps outliers', () => {
    const bins = histogram([0, 9.99, 10, 50, 100, 120, -3], 0, 100, 10);
    expect(bins).toHaveLength(10);
    expect(bins.map((b) => b.count)).toEqual([3, 1, 0, 0, 0, 1, 0, 0, 0, 2]);
    expect(() => histogram([], 1, 1, 3)).toThrow(RangeError);
  });
});
