/**
 * @module Scoring of the compliance suite. Per category precision, recall and F1 over multi-label
 * cases (a category counts as predicted when a warn- or block-severity finding of it exists),
 * their macro average, micro F1, and `falseBlockRate`: the share of clean drafts that got at least
 * one block. Each case is scored on its `scope` only (public tone sets: rude_tone), and macro-F1
 * averages the categories in scope of at least one case.
 */
import { CATEGORIES, type Category } from '#assist/compliance/types.ts';
import type { CaseResult, SuiteScore } from '../harness/suite.ts';
import { microAverage, multiLabelCounts, perClass } from '../metrics/classification.ts';
import type { ComplianceCase, CompliancePrediction } from './case.ts';

function inScope(c: ComplianceCase, labels: readonly Category[]): Category[] {
  const scope = c.scope ?? CATEGORIES;
  return labels.filter((l) => scope.includes(l));
}

export function scoreCompliance(
  cases: readonly ComplianceCase[],
  predictions: readonly CompliancePrediction[],
): SuiteScore {
  const gold = cases.map((c) => inScope(c, c.expected));
  const pred = cases.map((c, i) => inScope(c, predictions[i]?.categories ?? []));
  const scored = CATEGORIES.filter((cat) => cases.some((c) => (c.scope ?? CATEGORIES).includes(cat)));
  const counts = multiLabelCounts(gold, pred);
  for (const cat of scored) counts[cat] ??= { tp: 0, fp: 0, fn: 0 };
  const rows = perClass(counts);
  const byCategory: Record<string, { precision: number; recall: number; f1: number; support: number }> = {};
  for (const cat of scored) {
    const r = rows[cat]!;
    byCategory[cat] = { precision: r.precision, recall: r.recall, f1: r.f1, support: r.support };
  }
  const macroF1 = scored.length ? scored.reduce((s, cat) => s + byCategory[cat]!.f1, 0) / scored.length : 0;
  const clean = cases.map((c, i) => ({ c, i })).filter(({ i }) => gold[i]!.length === 0);
  const falseBlocks = clean.filter(({ c, i }) => inScope(c, predictions[i]?.blocked ?? []).length > 0).length;

  const perCase: CaseResult[] = cases.map((c, i) => {
    const g = new Set(gold[i]);
    const p = new Set(pred[i]);
    const union = new Set([...g, ...p]);
    const both = [...g].filter((x) => p.has(x)).length;
    return {
      id: c.id,
      score: union.size === 0 ? 1 : both / union.size,
      input: c.context?.sop ? `[${c.context.sop}/${c.context.step ?? ''}] ${c.draft}` : c.draft,
      expected: [...g].join(', ') || '(clean)',
      actual: [...p].join(', ') || '(clean)',
    };
  });
  return {
    metrics: {
      byCategory,
      macroF1,
      microF1: microAverage(Object.fromEntries(scored.map((cat) => [cat, counts[cat]!]))).f1,
      falseBlockRate: clean.length ? falseBlocks / clean.length : 0,
      cleanCases: clean.length,
    },
    perCase,
    perClass: byCategory,
  };
}
