/**
 * @module Fairness statistics for hiring assessments (DOMAIN.md §6): selection rates with the
 * four-fifths adverse-impact ratio, LL144 scoring rates against the pooled median, and score
 * distributions. Pure: the caller loads the outcomes.
 */
export { type HistogramBin, histogram, quantile, type Summary, summarize } from './distribution.ts';
export {
  type GroupScoring,
  median,
  type ScoredOutcome,
  type ScoringReport,
  scoringReport,
} from './scoring-rates.ts';
export {
  FOUR_FIFTHS,
  type GroupSelection,
  impactRatios,
  LL144_MIN_SHARE,
  type RateOptions,
  type SelectionOutcome,
  type SelectionReport,
  selectionReport,
} from './selection-rates.ts';
