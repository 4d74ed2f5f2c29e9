/**
 * @module Side-by-side comparison of two runs of one suite (two prompt versions or two
 * providers). Deltas are B − A. Significance, when per-case data allows it, comes from a paired
 * approximate randomization test: if both runs scored the same case file and the suite is
 * available, predictions are swapped case by case and re-scored, so every contract metric gets a
 * p-value; otherwise only the mean per-case score is tested and the other metrics show deltas.
 */

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { EvalRunError } from '../harness/errors.ts';
import { parseJsonl } from '../harness/jsonl.ts';
import {
  type Direction,
  flattenMetrics,
  metricDirection,
  orderedMetricPaths,
} from '../harness/metric-paths.ts';
import { fromRepoRoot } from '../harness/paths.ts';
import type { AnySuite } from '../harness/registry.ts';
import { type RunResult, RunResultSchema } from '../harness/run-result.ts';
import type { SuiteName } from '../harness/suite.ts';
import { mulberry32 } from '../metrics/prng.ts';
import { pairedMeanTest, pairedRandomization, significanceMarker } from '../metrics/significance.ts';

export interface CompareRow {
  /** Metric path; public-set metrics as `sets.<name>.<path>`. */
  path: string;
  a: number | null;
  b: number | null;
  /** B − A. */
  delta: number | null;
  /** Paired two-sided p-value, when per-case data allowed a test. */
  p: number | null;
  marker: string;
  /** Which way is better; colours the delta (unknown = neutral). */
  direction: Direction;
}

export type CompareMethod = 'paired-rescoring' | 'paired-case-scores' | 'delta-only';

export interface RunLabel {
  suite: string;
  provider: string;
  promptVersion: string | null;
  gitRev: string | null;
  startedAt: string;
  cases: number;
  casesFile: string;
  file?: string;
}

export interface Comparison {
  a: RunLabel;
  b: RunLabel;
  method: CompareMethod;
  iterations: number;
  rows: CompareRow[];
  notes: string[];
}

export interface CompareOptions {
  iterations?: number;
  seed?: number;
  /** The suite and the main set's cases, to re-score swapped predictions (see loadRescoreInputs). */
  rescore?: { suite: AnySuite; cases: unknown[] } | null;
}

/** Read and validate a saved run file. */
export async function readRunFile(file: string): Promise<RunResult> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new EvalRunError('bad-run-file', `Cannot read run ${file}: ${(err as Error).message}`);
  }
  const parsed = RunResultSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.')}: ${i.message}`)
      .join('; ');
    throw new EvalRunError('bad-run-file', `${file} is not an eval run result: ${issues}`);
  }
  return parsed.data;
}

/**
 * The cases both runs were scored on, when the file is still there unchanged (same SHA-256) and
 * the suite loads; null otherwise (the comparison then falls back to per-case scores).
 */
export async function loadRescoreInputs(
  a: RunResult,
  b: RunResult,
  suite: AnySuite | null,
): Promise<{ suite: AnySuite; cases: unknown[] } | null> {
  if (!suite || a.casesSha256 !== b.casesSha256) return null;
  const text = await readFile(fromRepoRoot(a.casesFile), 'utf8').catch(() => null);
  if (text === null || createHash('sha256').update(text).digest('hex') !== a.casesSha256) return null;
  try {
    return { suite, cases: parseJsonl(text, suite.caseSchema, a.casesFile) };
  } catch {
    // The file no longer fits the suite's schema: compare without re-scoring.
    return null;
  }
}

const label = (r: RunResult, file?: string): RunLabel => ({
  suite: r.suite,
  provider: r.provider,
  promptVersion: r.promptVersion,
  gitRev: r.gitRev ?? null,
  startedAt: r.startedAt,
  cases: r.cases,
  casesFile: r.casesFile,
  ...(file ? { file } : {}),
});

const finite = (v: number | undefined): number | null => (v !== undefined && Number.isFinite(v) ? v : null);

/** Compare two runs; `files` only labels them. */
export function compareRuns(
  a: RunResult,
  b: RunResult,
  opts: CompareOptions = {},
  files: [string?, string?] = [],
): Comparison {
  if (a.suite !== b.suite) {
    throw new EvalRunError('usage', `Cannot compare runs of different suites (${a.suite} vs ${b.suite}).`);
  }
  const iterations = opts.iterations ?? 1000;
  const rng = mulberry32(opts.seed ?? 20260101);
  const notes: string[] = [];
  const flatA = flattenMetrics(a.metrics);
  const flatB = flattenMetrics(b.metrics);
  // Supports are properties of the gold data, not of the systems compared.
  const compared = (path: string) => !path.endsWith('.support');
  const paths = orderedMetricPaths(a.suite as SuiteName, { ...flatA, ...flatB }).filter(compared);

  let method: CompareMethod = 'delta-only';
  let tests: Record<string, { delta: number; p: number }> = {};
  const sameCases = a.casesSha256 === b.casesSha256;
  if (!sameCases) notes.push('The two runs scored different case files: deltas only, no paired test.');

  const paired = sameCases ? pairRecords(a, b, opts.rescore?.cases) : null;
  if (paired && opts.rescore) {
    const { suite } = opts.rescore;
    const { cases, predA, predB } = paired;
    const flatOf = (preds: unknown[]) => flattenMetrics(suite.score(cases, preds).metrics);
    try {
      // The suite's scoring may have changed since the runs (or the files come from another
      // suite): re-scoring each run's own predictions must reproduce its recorded metrics.
      if (!sameMetrics(flatOf(predA), flatA, paths) || !sameMetrics(flatOf(predB), flatB, paths)) {
        throw new Error('re-scored metrics differ from the run files');
      }
      tests = pairedRandomization(
        cases.length,
        (swap) => {
          const x = flatOf(predA.map((p, i) => (swap[i] ? predB[i] : p)));
          const y = flatOf(predB.map((p, i) => (swap[i] ? predA[i] : p)));
          // significance.ts measures A − B; the table shows B − A, and |·| is what the test uses.
          return Object.fromEntries(paths.map((k) => [k, (y[k] ?? Number.NaN) - (x[k] ?? Number.NaN)]));
        },
        { iterations, rng },
      );
      method = 'paired-rescoring';
    } catch (err) {
      notes.push(`Could not re-score with the current suite (${(err as Error).message}).`);
    }
  }
  if (method === 'delta-only' && sameCases) {
    const ids = new Map(a.records.map((r) => [r.id, r.score]));
    const common = b.records.filter(
      (r) => ids.has(r.id) && Number.isFinite(r.score) && Number.isFinite(ids.get(r.id)!),
    );
    if (common.length > 0) {
      const sa = common.map((r) => ids.get(r.id)!);
      const sb = common.map((r) => r.score);
      const t = pairedMeanTest(sb, sa, { iterations, rng });
      tests = { meanCaseScore: t };
      flatA.meanCaseScore = mean(sa);
      flatB.meanCaseScore = mean(sb);
      paths.unshift('meanCaseScore');
      method = 'paired-case-scores';
      notes.push(
        'Suite or case file unavailable for re-scoring: the paired test covers the mean per-case score only; other metrics show deltas.',
      );
    }
  }

  const rows: CompareRow[] = paths.map((path) =>
    row(path, finite(flatA[path]), finite(flatB[path]), tests[path]?.p ?? null),
  );

  // Public sets carry no per-case data in a run file: deltas only.
  const setNames = [...new Set([...Object.keys(a.sets), ...Object.keys(b.sets)])].sort();
  for (const name of setNames) {
    const sa = a.sets[name] ? flattenMetrics(a.sets[name].metrics) : {};
    const sb = b.sets[name] ? flattenMetrics(b.sets[name].metrics) : {};
    for (const p of orderedMetricPaths(a.suite as SuiteName, { ...sa, ...sb }).filter(compared)) {
      rows.push(row(`sets.${name}.${p}`, finite(sa[p]), finite(sb[p]), null));
    }
  }
  return { a: label(a, files[0]), b: label(b, files[1]), method, iterations, rows, notes };
}

function row(path: string, a: number | null, b: number | null, p: number | null): CompareRow {
  return {
    path,
    a,
    b,
    delta: a !== null && b !== null ? b - a : null,
    p,
    marker: significanceMarker(p),
    direction: metricDirection(path),
  };
}

function sameMetrics(x: Record<string, number>, y: Record<string, number>, paths: string[]): boolean {
  return paths.every((p) => {
    const u = x[p] ?? Number.NaN;
    const v = y[p] ?? Number.NaN;
    return (Number.isNaN(u) && Number.isNaN(v)) || Math.abs(u - v) <= 1e-9;
  });
}

function mean(xs: number[]): number {
  return xs.length ? xs.reduce((s, v) => s + v, 0) / xs.length : Number.NaN;
}

/** Both runs' predictions in case order, when every case has a record in both. */
function pairRecords(a: RunResult, b: RunResult, cases: unknown[] | undefined) {
  if (!cases) return null;
  const pa = new Map(a.records.map((r) => [r.id, r.prediction]));
  const pb = new Map(b.records.map((r) => [r.id, r.prediction]));
  const ids = cases.map((c) => String((c as { id?: unknown }).id));
  if (!ids.every((id) => pa.has(id) && pb.has(id))) return null;
  return { cases, predA: ids.map((id) => pa.get(id)), predB: ids.map((id) => pb.get(id)) };
}

/** The `--json` object: `{a, b, deltas}`, deltas keyed by metric path. */
export function comparisonJson(c: Comparison): {
  a: RunLabel;
  b: RunLabel;
  method: CompareMethod;
  deltas: Record<string, { a: number | null; b: number | null; delta: number | null; p: number | null }>;
} {
  return {
    a: c.a,
    b: c.b,
    method: c.method,
    deltas: Object.fromEntries(c.rows.map((r) => [r.path, { a: r.a, b: r.b, delta: r.delta, p: r.p }])),
  };
}

const fmt = (v: number | null, digits = 4) => (v === null ? '—' : v.toFixed(digits));
const signed = (v: number | null) => (v === null ? '—' : `${v >= 0 ? '+' : ''}${v.toFixed(4)}`);

/** A terminal table: metric | A | B | Δ (B − A) | p | sig. */
export function comparisonTable(c: Comparison, maxRows = 60): string {
  const head = ['metric', 'A', 'B', 'Δ B−A', 'p', ''];
  const body = c.rows
    .slice(0, maxRows)
    .map((r) => [r.path, fmt(r.a), fmt(r.b), signed(r.delta), fmt(r.p, 3), r.marker]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  const describe = (tag: string, l: RunLabel) =>
    `${tag}: ${l.suite} · ${l.provider} · prompt ${l.promptVersion ?? '—'} · git ${l.gitRev ?? '—'} · ${l.startedAt}${l.file ? ` · ${l.file}` : ''}`;
  const more =
    c.rows.length > maxRows ? [`… ${c.rows.length - maxRows} more rows (use --json or --report)`] : [];
  return [
    describe('A', c.a),
    describe('B', c.b),
    `significance: ${c.method}${c.method === 'delta-only' ? '' : `, ${c.iterations} permutations; * p<0.05, ** p<0.01`}`,
    ...c.notes,
    '',
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...body.map(line),
    ...more,
  ].join('\n');
}
