/**
 * @module Metric names. Suites may return metrics flat (`{'overall.f1': 0.9}`) or nested
 * (`{overall: {f1: 0.9}}`); both flatten to the same dotted contract path. Also the headline
 * metrics of each suite: those that get bootstrap intervals and lead the summary tables.
 */
import type { SuiteName } from './suite.ts';

/** Flatten nested metric objects to dotted paths with numeric leaves (null/NaN become NaN). */
export function flattenMetrics(metrics: Record<string, unknown>, prefix = ''): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(metrics)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'number') out[path] = value;
    else if (value === null) out[path] = Number.NaN;
    else if (typeof value === 'object' && !Array.isArray(value)) {
      Object.assign(out, flattenMetrics(value as Record<string, unknown>, path));
    }
  }
  return out;
}

/** The metrics named in the contract that summarise a suite. */
export const HEADLINE_METRICS: Record<SuiteName, readonly string[]> = {
  pii: ['overall.precision', 'overall.recall', 'overall.f1'],
  compliance: ['macroF1', 'falseBlockRate'],
  intent: ['accuracy', 'macroF1', 'oosRecall'],
  copilot: ['stepAccuracy', 'referenceTop3', 'mustIncludeCoverage'],
  simulator: ['outcomeAccuracy', 'dimensionAgreement'],
  interview: ['qwk', 'spearman', 'exactAgreement', 'adjacentAgreement'],
};

/** Metrics where lower is better (a rise is the regression). */
export const LOWER_IS_BETTER = new Set(['falseBlockRate']);

const HIGHER_IS_BETTER =
  /(precision|recall|f1|f2|accuracy|kappa|qwk|spearman|agreement|coverage|top\d+|mrr|ndcg|score)$/i;

export type Direction = 'higher' | 'lower' | 'unknown';

/** Which way a metric improves, by its last path segment; unknown for suite-specific extras (e.g. rates). */
export function metricDirection(path: string): Direction {
  const last = path.slice(path.lastIndexOf('.') + 1);
  if (LOWER_IS_BETTER.has(last)) return 'lower';
  return HIGHER_IS_BETTER.test(last) ? 'higher' : 'unknown';
}

/** Headline paths, then the rest in a stable order: the order tables list metrics in. */
export function orderedMetricPaths(suite: SuiteName, flat: Record<string, number>): string[] {
  const head = (HEADLINE_METRICS[suite] ?? []).filter((p) => p in flat);
  const rest = Object.keys(flat)
    .filter((p) => !head.includes(p))
    .sort();
  return [...head, ...rest];
}

/** The headline paths present in `flat`, or the first few paths when a suite has none of them. */
export function headlinePaths(suite: SuiteName, flat: Record<string, number>, fallback = 4): string[] {
  const head = (HEADLINE_METRICS[suite] ?? []).filter((p) => p in flat);
  return head.length > 0 ? head : orderedMetricPaths(suite, flat).slice(0, fallback);
}
