/**
 * @module Scoring of the copilot suite.
 *
 * - `stepAccuracy`: share of cases whose current step is `expected_step` ('none' without an SOP).
 * - `referenceTop3`: among cases with a reference, share where one of the top three suggestions
 *   has {@link replySimilarity} ≥ {@link REFERENCE_MATCH} with it (`referenceTop1`: the first).
 * - `mustIncludeCoverage`: among cases with must_include strings, the mean over cases of the best
 *   single suggestion's share of them ("best", because the agent sends one reply — facts spread
 *   over three suggestions do not reach the customer). `mustIncludeCoverageAny` pools the three.
 * - `langAccuracy`: share of cases whose suggestions are all in the customer's language.
 * - `sourceTop3`: among cases with gold_sources, share with a top-three suggestion from one of them.
 * Metrics over an empty subset are null (absent from the data, not zero). The per-case score
 * (worst-cases table) averages step correctness, reference match and must_include coverage.
 */

import type { CaseResult, SuiteScore } from '../harness/suite.ts';
import { classificationReport } from '../metrics/classification.ts';
import type { CopilotCase, CopilotPrediction } from './case.ts';
import { includedShare, REFERENCE_MATCH, replySimilarity } from './similarity.ts';

interface CaseOutcome {
  stepOk: boolean;
  /** Best similarity of a top-3 suggestion to the reference (null: no reference). */
  bestSimilarity: number | null;
  firstSimilarity: number | null;
  mustBest: number | null;
  mustAny: number | null;
  langOk: boolean;
  sourceOk: boolean | null;
}

/** Bootstrap resampling re-scores the same case/prediction pairs many times; tokenise each once. */
const outcomes = new WeakMap<CopilotPrediction, { c: CopilotCase; o: CaseOutcome }>();

function outcome(c: CopilotCase, p: CopilotPrediction): CaseOutcome {
  const cached = outcomes.get(p);
  if (cached && cached.c === c) return cached.o;
  const o = computeOutcome(c, p);
  outcomes.set(p, { c, o });
  return o;
}

function computeOutcome(c: CopilotCase, p: CopilotPrediction): CaseOutcome {
  const top = p.suggestions.slice(0, 3);
  const sims = c.reference ? top.map((s) => replySimilarity(c.reference!, s.text)) : null;
  const must = c.must_include && c.must_include.length > 0 ? c.must_include : null;
  return {
    stepOk: p.step === c.expected_step,
    bestSimilarity: sims ? Math.max(0, ...sims) : null,
    firstSimilarity: sims ? (sims[0] ?? 0) : null,
    mustBest: must ? Math.max(0, ...top.map((s) => includedShare(s.text, must))) : null,
    mustAny: must ? includedShare(top.map((s) => s.text).join('\n'), must) : null,
    langOk: top.length > 0 && top.every((s) => s.lang === c.lang),
    sourceOk: c.gold_sources ? top.some((s) => c.gold_sources!.includes(s.sourceId)) : null,
  };
}

function mean(xs: readonly number[]): number | null {
  return xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;
}

const share = (xs: readonly boolean[]) => mean(xs.map((x) => (x ? 1 : 0)));
const present = <T>(xs: readonly (T | null)[]): T[] => xs.filter((x): x is T => x !== null);
const r4 = (x: number | null) => (x === null ? null : Math.round(x * 10000) / 10000);

function describe(p: CopilotPrediction): string {
  const top = p.suggestions
    .slice(0, 3)
    .map((s, i) => `${i + 1}. [${s.source}] ${s.text}`)
    .join('\n');
  return `step: ${p.step}\n${top || '(no suggestions)'}`;
}

/** Score predictions against cases (see the module note for each metric). */
export function scoreCopilot(
  cases: readonly CopilotCase[],
  predictions: readonly CopilotPrediction[],
): SuiteScore {
  const results = cases.map((c, i) => outcome(c, predictions[i]!));
  const sims = present(results.map((o) => o.bestSimilarity));
  const firsts = present(results.map((o) => o.firstSimilarity));
  const metrics = {
    stepAccuracy: r4(share(results.map((o) => o.stepOk))),
    referenceTop3: r4(share(sims.map((s) => s >= REFERENCE_MATCH))),
    mustIncludeCoverage: r4(mean(present(results.map((o) => o.mustBest)))),
    mustIncludeCoverageAny: r4(mean(present(results.map((o) => o.mustAny)))),
    referenceTop1: r4(share(firsts.map((s) => s >= REFERENCE_MATCH))),
    meanBestSimilarity: r4(mean(sims)),
    langAccuracy: r4(share(results.map((o) => o.langOk))),
    sourceTop3: r4(share(present(results.map((o) => o.sourceOk)))),
    injectionFlagged: r4(
      share(cases.flatMap((c, i) => (c.tags?.includes('injection') ? [predictions[i]!.injection] : []))),
    ),
    counts: {
      cases: cases.length,
      withReference: sims.length,
      withMustInclude: present(results.map((o) => o.mustBest)).length,
      withGoldSources: present(results.map((o) => o.sourceOk)).length,
    },
  };
  const perCase: CaseResult[] = cases.map((c, i) => {
    const o = results[i]!;
    const parts = [o.stepOk ? 1 : 0];
    if (o.bestSimilarity !== null) parts.push(o.bestSimilarity >= REFERENCE_MATCH ? 1 : 0);
    if (o.mustBest !== null) parts.push(o.mustBest);
    const last = c.history.at(-1);
    return {
      id: c.id,
      score: parts.reduce((a, b) => a + b, 0) / parts.length,
      input: `[${c.sop ?? 'no SOP'}] ${last ? `${last.role}: ${last.text}` : ''}`,
      expected: `step: ${c.expected_step}${c.reference ? `\n${c.reference}` : ''}${c.must_include ? `\nmust include: ${c.must_include.join(' | ')}` : ''}`,
      actual: describe(predictions[i]!),
    };
  });
  const labels = (c: CopilotCase) => `${c.sop ?? 'none'}/${c.expected_step}`;
  const report = classificationReport(
    cases.map(labels),
    cases.map((c, i) => `${c.sop ?? 'none'}/${predictions[i]!.step}`),
  );
  return { metrics, perCase, perClass: report.perClass, confusion: report.confusion };
}
