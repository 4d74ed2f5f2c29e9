/**
 * @module The contract every eval suite implements. A suite knows its case schema (zod), where
 * its authored golden cases and public datasets are, how to predict one case with a provider and
 * how to score all predictions into the metric names that are part of the public contract.
 */
import type { z } from 'zod';
import type { ProviderName } from '#assist/capabilities.ts';

export const SUITE_NAMES = ['pii', 'compliance', 'intent', 'copilot', 'simulator', 'interview'] as const;
export type SuiteName = (typeof SUITE_NAMES)[number];

/** What a suite's predict() may use: the provider choice and, for suites that train, a train set. */
export interface SuiteContext<Case> {
  provider: 'embedded' | 'llm' | 'replay';
  /** Optional training cases (`--train FILE.jsonl`) of the same schema. */
  train?: Case[];
  /** Absolute path of the public datasets folder, or null when absent. */
  datasetsDir: string | null;
}

/** A named group of cases: the authored golden set, or one public dataset. */
export interface CaseSet<Case> {
  name: string;
  cases: Case[];
  /** Training cases that belong with this set (e.g. BANKING77 train for BANKING77 test). */
  train?: Case[];
  source: 'authored' | 'public' | 'file';
  licence?: string;
}

/** Per-case outcome kept for the report's worst-cases table. */
export interface CaseResult {
  id: string;
  /** 1 = perfect, 0 = completely wrong; used to sort the worst cases. */
  score: number;
  input: string;
  expected: string;
  actual: string;
}

export interface Confusion {
  labels: string[];
  /** matrix[expectedIndex][predictedIndex] = count */
  matrix: number[][];
}

export interface SuiteScore {
  /** Metric names as in the contract, e.g. `overall.f1`, `byType.PHONE.recall`, `macroF1`. */
  metrics: Record<string, unknown>;
  perCase: CaseResult[];
  /** Per-class rows for the report's bar chart (label → {precision, recall, f1, support}). */
  perClass?: Record<string, { precision: number; recall: number; f1: number; support: number }>;
  confusion?: Confusion;
}

export interface PreparedPredictor<Case, Prediction> {
  predict(c: Case): Promise<Prediction> | Prediction;
  /** Which provider really answered (embedded after a fallback, for example). */
  provider: ProviderName;
  promptVersion: string | null;
}

export interface SuiteDefinition<Case, Prediction> {
  name: SuiteName;
  description: string;
  caseSchema: z.ZodType<Case>;
  /** Authored golden cases, relative to the repository root (eval/<suite>/cases.jsonl). */
  casesFile: string;
  /** Public datasets read from TIDEDESK_DATASETS; return [] when the folder lacks them. */
  loadPublic(datasetsDir: string): Promise<CaseSet<Case>[]>;
  /** Build the predictor once per case set (e.g. fit a classifier on the train cases). */
  prepare(ctx: SuiteContext<Case>): Promise<PreparedPredictor<Case, Prediction>>;
  score(cases: Case[], predictions: Prediction[]): SuiteScore;
}
