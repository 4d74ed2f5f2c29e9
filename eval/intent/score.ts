/**
 * @module Scores intent predictions. Contract metrics: `accuracy` (every case, 'none' is a label
 * like any other), `macroF1` (mean F1 over the gold labels, so a set without out-of-scope cases is
 * not penalised for a 'none' column it never asked for), `oosRecall` (recall of 'none'; null when
 * the set has no out-of-scope case). Also in-scope accuracy and rejection rate (what CLINC150
 * papers report), top-1 accuracy before the threshold, and accuracy per language. The confusion
 * matrix is kept up to 30 labels; larger label sets list their most frequent confusions instead.
 */
import type { IntentPrediction } from '#assist/intent/classifier.ts';
import { NONE_LABEL } from '#assist/intent/classifier.ts';
import type { CaseResult, SuiteScore } from '../harness/suite.ts';
import { classificationReport, macroAverage } from '../metrics/classification.ts';
import type { IntentCase } from './case.ts';

const MAX_CONFUSION_LABELS = 30;
const TOP_CONFUSIONS = 15;

const share = (hit: number, n: number): number | null => (n === 0 ? null : hit / n);

export interface Confused {
  expected: string;
  predicted: string;
  count: number;
}

/** The most frequent (expected → predicted) mistakes, most frequent first. */
export function topConfusions(
  expected: readonly string[],
  predicted: readonly string[],
  limit = TOP_CONFUSIONS,
) {
  const counts = new Map<string, Confused>();
  expected.forEach((e, i) => {
    const p = predicted[i]!;
    if (e === p) return;
    const key = `${e}\u0000${p}`;
    const c = counts.get(key) ?? { expected: e, predicted: p, count: 0 };
    c.count++;
    counts.set(key, c);
  });
  return [...counts.values()]
    .sort(
      (a, b) =>
        b.count - a.count || a.expected.localeCompare(b.expected) || a.predicted.localeCompare(b.predicted),
    )
    .slice(0, limit);
}

/** Score predictions against gold labels (see the module comment for every metric). */
export function scoreIntent(
  cases: readonly IntentCase[],
  predictions: readonly IntentPrediction[],
): SuiteScore {
  const expected = cases.map((c) => c.label);
  const predicted = predictions.map((p) => p.label);
  const report = classificationReport(expected, predicted);
  const goldLabels = [...new Set(expected)].sort();

  let inScope = 0;
  let inScopeHit = 0;
  let rejected = 0;
  let top1Hit = 0;
  const byLang: Record<string, { n: number; hit: number }> = {};
  cases.forEach((c, i) => {
    const p = predictions[i]!;
    const lang = byLang[c.lang] ?? { n: 0, hit: 0 };
    byLang[c.lang] = lang;
    lang.n++;
    if (p.label === c.label) lang.hit++;
    if (c.label === NONE_LABEL) return;
    inScope++;
    if (p.label === c.label) inScopeHit++;
    if (p.label === NONE_LABEL) rejected++;
    if (p.ranked[0]?.label === c.label) top1Hit++;
  });
  const none = report.perClass[NONE_LABEL];
  const hasOos = expected.includes(NONE_LABEL);

  const perCase: CaseResult[] = cases.map((c, i) => {
    const p = predictions[i]!;
    const best = p.ranked[0];
    const why = p.label === NONE_LABEL && best ? `; best ${best.label}` : '';
    return {
      id: c.id,
      score: p.label === c.label ? 1 : 0,
      input: c.text,
      expected: c.label,
      actual: `${p.label} (${p.confidence.toFixed(2)}${why})`,
    };
  });

  const small = report.confusion.labels.length <= MAX_CONFUSION_LABELS;
  return {
    metrics: {
      accuracy: report.accuracy,
      macroF1: macroAverage(report.perClass, goldLabels).f1,
      oosRecall: hasOos && none ? none.recall : null,
      oosPrecision: hasOos && none ? none.precision : null,
      inScopeAccuracy: share(inScopeHit, inScope),
      inScopeTop1: share(top1Hit, inScope),
      rejectRate: share(rejected, inScope),
      byLang: Object.fromEntries(Object.entries(byLang).map(([l, v]) => [l, { accuracy: v.hit / v.n }])),
      ...(small ? {} : { topConfusions: topConfusions(expected, predicted) }),
    },
    perCase,
    perClass: Object.fromEntries(
      Object.entries(report.perClass).map(([label, r]) => [
        label,
        { precision: r.precision, recall: r.recall, f1: r.f1, support: r.support },
      ]),
    ),
    ...(small ? { confusion: report.confusion } : {}),
  };
}
