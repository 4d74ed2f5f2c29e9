/**
 * @module The benchmark contract. A benchmark is a `bench/<topic>.bench.ts` file exporting
 * `benchmark: Benchmark`; the runner (bench/run.ts) finds it by file name, so adding one needs no
 * registration anywhere else.
 */

/** Knobs from the command line; each benchmark picks the ones that apply and has its own defaults. */
export interface BenchOptions {
  /** Seconds of measured load (`--duration`). */
  durationS?: number;
  /** Offered rate in requests per second (`--rate`). */
  rate?: number;
  /** Repetitions for benchmarks that take one sample per run (`--runs`). */
  runs?: number;
  /** A short smoke run that proves the harness works, not a measurement (`--quick`). */
  quick: boolean;
}

export interface BenchContext {
  options: BenchOptions;
  /** Repository root (where `bin/tidedesk.js` lives). */
  root: string;
  /** A progress line for humans (stderr under --json). */
  log(line: string): void;
}

/** A product target from the issue, checked against a measured value. */
export interface Target {
  name: string;
  /** Human form of the limit, e.g. "< 50 ms". */
  limit: string;
  value: number;
  unit: string;
  met: boolean;
}

export interface BenchTable {
  columns: string[];
  rows: (string | number)[][];
}

export interface BenchResult {
  /** Machine-readable results: what `--json` prints and bench/results/ stores. */
  metrics: Record<string, unknown>;
  /** What a human reads. */
  table: BenchTable;
  targets: Target[];
}

export interface Benchmark {
  /** The `--only` name and the key in the JSON output. */
  name: string;
  description: string;
  run(ctx: BenchContext): Promise<BenchResult>;
}

/** `value <op> limit` as a Target. */
export function target(
  name: string,
  value: number,
  op: '<' | '<=' | '>' | '>=',
  limit: number,
  unit: string,
): Target {
  const met =
    op === '<' ? value < limit : op === '<=' ? value <= limit : op === '>' ? value > limit : value >= limit;
  return {
    name,
    limit: `${op} ${limit}${unit === '%' ? '' : ' '}${unit}`,
    value,
    unit,
    met: Number.isFinite(value) && met,
  };
}
