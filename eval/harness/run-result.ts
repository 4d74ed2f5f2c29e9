/**
 * @module The saved shape of one eval run (what `--json` summarises, what `compare` and the
 * report read, what eval/runs/*.json holds). The zod schema is the source of the type so a run
 * file read back from disk is checked, not trusted.
 */
import { z } from 'zod';

/** A number that JSON may have turned into null (NaN and ±Infinity serialise as null); read back as NaN. */
const jsonNumber = z
  .number()
  .nullable()
  .transform((v) => v ?? Number.NaN);

export const IntervalSchema = z.object({ low: z.number(), high: z.number() });

export const CaseResultSchema = z.object({
  id: z.string(),
  score: jsonNumber,
  input: z.string(),
  expected: z.string(),
  actual: z.string(),
});

export const ConfusionSchema = z.object({
  labels: z.array(z.string()),
  matrix: z.array(z.array(z.number())),
});

export const ClassRowSchema = z.object({
  precision: jsonNumber,
  recall: jsonNumber,
  f1: jsonNumber,
  support: jsonNumber,
});

/** The scored outcome of one case set (authored, --cases file, or one public dataset). */
export const SetResultSchema = z.object({
  name: z.string(),
  source: z.enum(['authored', 'public', 'file']),
  licence: z.string().optional(),
  cases: z.number().int(),
  /** As the suite returned them (contract names, nested or flat). */
  metrics: z.record(z.string(), z.unknown()),
  /** 95% percentile-bootstrap intervals of the headline metrics, by flattened path. */
  ci: z.record(z.string(), IntervalSchema),
  perClass: z.record(z.string(), ClassRowSchema).optional(),
  confusion: ConfusionSchema.optional(),
  /** The lowest-scoring cases (at most 20), with inputs, for the report. */
  worst: z.array(CaseResultSchema),
  provider: z.string(),
  promptVersion: z.string().nullable(),
  durationMs: z.number(),
});
export type SetResult = z.infer<typeof SetResultSchema>;

/** Per-case record of the main set: what a paired comparison of two runs needs. */
export const RunRecordSchema = z.object({
  id: z.string(),
  score: jsonNumber,
  /** The suite's prediction, JSON round-tripped, so `compare` can re-score permuted outputs. */
  prediction: z.unknown(),
});
export type RunRecord = z.infer<typeof RunRecordSchema>;

export const RunResultSchema = z.object({
  suite: z.string(),
  /** Which engine really answered (after any fallback). */
  provider: z.string(),
  requestedProvider: z.enum(['embedded', 'llm', 'replay']),
  promptVersion: z.string().nullable(),
  /** Cases in the main set (authored, or the --cases file). */
  cases: z.number().int(),
  /** Metrics of the main set. */
  metrics: z.record(z.string(), z.unknown()),
  main: SetResultSchema,
  records: z.array(RunRecordSchema),
  /** The main set's file (repository-relative when inside the repository) and its SHA-256. */
  casesFile: z.string(),
  casesSha256: z.string(),
  /** Public sets by name; each has its own `cases` and `metrics`. */
  sets: z.record(z.string(), SetResultSchema),
  datasets: z.object({
    dir: z.string().nullable(),
    status: z.enum(['present', 'absent', 'not-used']),
  }),
  notices: z.array(z.string()),
  durationMs: z.number(),
  startedAt: z.string(),
  gitRev: z.string().optional(),
});
export type RunResult = z.infer<typeof RunResultSchema>;

/** The one-line `--json` summary the issue specifies. */
export function summaryLine(run: RunResult): {
  suite: string;
  provider: string;
  promptVersion: string | null;
  cases: number;
  metrics: Record<string, unknown>;
  durationMs: number;
} {
  return {
    suite: run.suite,
    provider: run.provider,
    promptVersion: run.promptVersion,
    cases: run.cases,
    metrics: run.metrics,
    durationMs: run.durationMs,
  };
}
