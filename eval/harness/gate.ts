/**
 * @module The regression gate. eval/baselines.json holds, per suite and metric path, a measured
 * baseline and an absolute tolerance; a run fails the gate when a metric falls below
 * baseline − tolerance (or, for lower-is-better metrics such as falseBlockRate, rises above
 * baseline + tolerance), or when a gated metric is missing. Public-set metrics
 * (`sets.<name>.<metric>`) are skipped, not failed, when the datasets folder was absent.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { EvalRunError } from './errors.ts';
import { flattenMetrics, LOWER_IS_BETTER } from './metric-paths.ts';
import { fromRepoRoot } from './paths.ts';
import type { RunResult } from './run-result.ts';

export const BASELINES_FILE = 'eval/baselines.json';

export const BaselineSchema = z.object({
  baseline: z.number(),
  tolerance: z.number().min(0),
  /** Overrides the built-in direction (falseBlockRate is lower-is-better by default). */
  lowerIsBetter: z.boolean().optional(),
});
export type Baseline = z.infer<typeof BaselineSchema>;

/** `{ "<suite>": { "<metric path>": {baseline, tolerance} } }`; keys starting with `$` are comments. */
export const BaselinesSchema = z.record(
  z.string(),
  z.union([z.record(z.string(), BaselineSchema), z.string()]),
);
export type Baselines = Record<string, Record<string, Baseline>>;

export async function readBaselines(file = fromRepoRoot(BASELINES_FILE)): Promise<Baselines> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new EvalRunError('bad-baselines', `Cannot read baselines ${file}: ${(err as Error).message}`);
  }
  const parsed = BaselinesSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new EvalRunError('bad-baselines', `Invalid baselines ${file}: ${issues}`);
  }
  const out: Baselines = {};
  for (const [suite, entry] of Object.entries(parsed.data)) {
    if (!suite.startsWith('$') && typeof entry === 'object') out[suite] = entry;
  }
  return out;
}

export type CheckStatus = 'ok' | 'improved' | 'regressed' | 'missing' | 'skipped';

export interface GateCheck {
  path: string;
  baseline: number;
  tolerance: number;
  lowerIsBetter: boolean;
  value: number | null;
  status: CheckStatus;
}

export interface GateResult {
  suite: string;
  passed: boolean;
  checks: GateCheck[];
  /** Why the suite could not be gated at all (no baselines recorded). */
  note?: string;
}

/** Every metric of a run by gate path: main-set paths bare, public sets as `sets.<name>.<path>`. */
export function gatePaths(run: RunResult): Record<string, number> {
  const out = flattenMetrics(run.metrics);
  for (const [name, set] of Object.entries(run.sets)) {
    for (const [p, v] of Object.entries(flattenMetrics(set.metrics))) out[`sets.${name}.${p}`] = v;
  }
  return out;
}

const lastSegment = (path: string) => path.slice(path.lastIndexOf('.') + 1);

/** Compare one run with its suite's baselines. */
export function gateRun(run: RunResult, baselines: Baselines): GateResult {
  const entries = baselines[run.suite];
  if (!entries || Object.keys(entries).length === 0) {
    return { suite: run.suite, passed: false, checks: [], note: `no baselines recorded for ${run.suite}` };
  }
  const values = gatePaths(run);
  const checks: GateCheck[] = Object.entries(entries).map(([path, b]) => {
    const lowerIsBetter = b.lowerIsBetter ?? LOWER_IS_BETTER.has(lastSegment(path));
    const base = { path, baseline: b.baseline, tolerance: b.tolerance, lowerIsBetter };
    const value = values[path];
    if (value === undefined) {
      const publicAbsent = path.startsWith('sets.') && run.datasets.status !== 'present';
      return { ...base, value: null, status: publicAbsent ? 'skipped' : 'missing' };
    }
    if (!Number.isFinite(value)) return { ...base, value: null, status: 'missing' };
    // Rounding noise in the 1e-9 range must not flip a metric that sits exactly on the line.
    const drop = lowerIsBetter ? value - b.baseline : b.baseline - value;
    const status: CheckStatus =
      drop > b.tolerance + 1e-9 ? 'regressed' : drop < -b.tolerance - 1e-9 ? 'improved' : 'ok';
    return { ...base, value, status };
  });
  const passed = checks.every((c) => c.status !== 'regressed' && c.status !== 'missing');
  return { suite: run.suite, passed, checks };
}

/** Human lines for a gate result: failures always, improvements as a hint to raise the baseline. */
export function describeGate(result: GateResult): string[] {
  if (result.note) return [`gate ${result.suite}: FAIL — ${result.note}`];
  const lines = [
    `gate ${result.suite}: ${result.passed ? 'pass' : 'FAIL'} (${result.checks.length} metrics)`,
  ];
  for (const c of result.checks) {
    const v = c.value === null ? 'n/a' : c.value.toFixed(4);
    const limit = c.lowerIsBetter
      ? `≤ ${(c.baseline + c.tolerance).toFixed(4)}`
      : `≥ ${(c.baseline - c.tolerance).toFixed(4)}`;
    if (c.status === 'regressed')
      lines.push(`  REGRESSED ${c.path}: ${v}, needs ${limit} (baseline ${c.baseline})`);
    if (c.status === 'missing')
      lines.push(`  MISSING   ${c.path}: the run produced no value (baseline ${c.baseline})`);
    if (c.status === 'skipped') lines.push(`  skipped   ${c.path}: public datasets absent`);
    if (c.status === 'improved')
      lines.push(`  improved  ${c.path}: ${v} vs baseline ${c.baseline} (consider raising it)`);
  }
  return lines;
}
