/**
 * @module LL144 scoring rates for a continuous score (6 RCNY §5-300, DOMAIN.md §6): the share of
 * each group scoring above the pooled sample's median, and each group's impact ratio against the
 * group with the highest scoring rate. "Above" is strict, so a score equal to the median does not
 * count.
 */
import { FOUR_FIFTHS, impactRatios, type RateOptions } from './selection-rates.ts';

export interface ScoredOutcome {
  group: string | null;
  score: number;
}

export interface GroupScoring {
  group: string;
  n: number;
  aboveMedian: number;
  scoringRate: number;
  impactRatio: number | null;
  adverseImpact: boolean;
  excluded: boolean;
}

export interface ScoringReport {
  /** Median over every scored candidate, reported group or not. */
  median: number | null;
  groups: GroupScoring[];
  unknown: { n: number; aboveMedian: number };
  reference: string | null;
  threshold: number;
  flagged: string[];
}

/** The median of a sample (mean of the two middle values for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function scoringReport(outcomes: readonly ScoredOutcome[], options: RateOptions = {}): ScoringReport {
  const threshold = options.threshold ?? FOUR_FIFTHS;
  const minShare = options.minShare ?? 0;
  const m = median(outcomes.map((o) => o.score));
  const counts = new Map<string, { n: number; aboveMedian: number }>();
  const unknown = { n: 0, aboveMedian: 0 };
  for (const o of outcomes) {
    const bucket = o.group === null ? unknown : (counts.get(o.group) ?? { n: 0, aboveMedian: 0 });
    bucket.n++;
    if (m !== null && o.score > m) bucket.aboveMedian++;
    if (o.group !== null) counts.set(o.group, bucket);
  }
  const reported = outcomes.length - unknown.n;
  const base = [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, c]) => ({
      group,
      ...c,
      rate: c.n > 0 ? c.aboveMedian / c.n : 0,
      excluded: reported > 0 && c.n / reported < minShare,
    }));
  const { reference, ratios, flagged } = impactRatios(base, threshold);
  return {
    median: m,
    groups: base.map(({ rate, ...g }) => {
      const impactRatio = ratios.get(g.group) ?? null;
      return {
        ...g,
        scoringRate: rate,
        impactRatio,
        adverseImpact: impactRatio !== null && impactRatio < threshold,
      };
    }),
    unknown,
    reference,
    threshold,
    flagged,
  };
}
