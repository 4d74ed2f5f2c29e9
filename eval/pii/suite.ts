/**
 * @module The `pii` eval suite: span-level precision/recall/F1 of the PII detector per entity
 * type, exact and overlap, on the authored bilingual golden set (eval/pii/cases.jsonl) and the
 * public presidio-synth and cn-pii-testvectors sets. The detector is rule- and checksum-based, so
 * every provider runs the same embedded engine; the run records that honestly.
 */
import { createPiiDetector, type PiiEntity } from '#src/core/pii/index.ts';
import type { CaseResult, SuiteDefinition } from '../harness/suite.ts';
import { type PiiCase, PiiCaseSchema } from './case.ts';
import { loadPublicPiiSets } from './loaders.ts';
import { caseF1, flattenSpanMetrics, type Span, spanReport } from './span-metrics.ts';

export type PiiPrediction = PiiEntity[];

/** Predictions restricted to the types a case is annotated for. */
export function scoredPredictions(c: PiiCase, predicted: readonly Span[]): Span[] {
  const types = c.scoredTypes;
  return types ? predicted.filter((p) => types.includes(p.type)) : [...predicted];
}

function describeSpans(text: string, spans: readonly Span[]): string {
  return spans.map((s) => `${s.type}:${text.slice(s.start, s.end)}`).join(' | ') || '(none)';
}

export const suite: SuiteDefinition<PiiCase, PiiPrediction> = {
  name: 'pii',
  description:
    'PII span detection (zh + en): exact and overlap span P/R/F1 per type; checksum types must reach recall ≥ 0.99 at precision ≥ 0.98.',
  caseSchema: PiiCaseSchema,
  casesFile: 'eval/pii/cases.jsonl',
  loadPublic: loadPublicPiiSets,
  async prepare() {
    const detector = createPiiDetector();
    return {
      provider: 'embedded',
      promptVersion: null,
      predict: (c) => detector.detect(c.text, { lang: c.lang }),
    };
  },
  score(cases, predictions) {
    const pairs = cases.map((c, i) => ({
      gold: c.entities,
      predicted: scoredPredictions(c, predictions[i] ?? []),
    }));
    const exact = spanReport(pairs, 'exact');
    const overlap = spanReport(pairs, 'overlap');
    const perCase: CaseResult[] = cases.map((c, i) => ({
      id: c.id,
      score: caseF1(pairs[i]!.gold, pairs[i]!.predicted, 'exact'),
      input: c.text,
      expected: describeSpans(c.text, c.entities),
      actual: describeSpans(c.text, pairs[i]!.predicted),
    }));
    return {
      metrics: flattenSpanMetrics(exact, overlap),
      perCase,
      perClass: exact.byType,
    };
  },
};

export default suite;
