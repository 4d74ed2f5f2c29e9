/**
 * @module The benchmark runner behind `npm run bench` (`tidedesk bench`).
 *
 * Every `bench/<name>.bench.ts` exporting `benchmark: Benchmark` (see bench/lib/types.ts) is a
 * benchmark called `<name>` — dropping a file in is all it takes to add one. Options:
 * `--only a,b` picks benchmarks, `--duration S`, `--rate N` and `--runs N` tune the load, `--quick`
 * is a short smoke run, `--json` makes the last stdout line one object
 * `{machine, benchmarks: {<name>: {...metrics, targets}}}` (progress goes to stderr).
 * Each result is also written to bench/results/<name>-<timestamp>.json (gitignored).
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, release, type } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Output } from '#src/cli/output.ts';
import type { Benchmark, BenchOptions, BenchResult, BenchTable, Target } from './lib/types.ts';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = join(BENCH_DIR, '..');
const SUFFIX = '.bench.ts';

export interface RunOptions extends Partial<BenchOptions> {
  /** Comma-separated benchmark names; all when absent. */
  only?: string;
}

/** Names of the benchmarks on disk, in file-name order. */
export function benchmarkNames(dir = BENCH_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(SUFFIX))
    .map((f) => f.slice(0, -SUFFIX.length))
    .sort();
}

async function loadBenchmark(name: string, dir = BENCH_DIR): Promise<Benchmark> {
  const file = join(dir, name + SUFFIX);
  const mod = (await import(pathToFileURL(file).href)) as { benchmark?: Benchmark };
  const b = mod.benchmark;
  if (!b || typeof b.run !== 'function' || b.name !== name) {
    throw new Error(`${file} must export \`benchmark\` with name "${name}" and a run(ctx) function`);
  }
  return b;
}

const load1m = () => Number((loadavg()[0] ?? 0).toFixed(2));

export function machineInfo() {
  const list = cpus();
  return {
    cpus: list.length,
    model: list[0]?.model ?? 'unknown',
    node: process.version,
    os: `${type()} ${release()} ${arch()}`,
    loadAvg1m: load1m(),
  };
}

export function formatTable(table: BenchTable): string[] {
  const cells = [table.columns, ...table.rows.map((r) => r.map(String))];
  const widths = table.columns.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(cells[0]!), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.slice(1).map(line)];
}

const formatTarget = (t: Target) =>
  `${t.met ? '✓' : '✗'} ${t.name}: ${t.value}${t.unit === '%' ? '' : ' '}${t.unit} (target ${t.limit})`;

function saveResult(name: string, record: Record<string, unknown>): string {
  const dir = join(BENCH_DIR, 'results');
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = join(dir, `${name}-${stamp}.json`);
  writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  return file;
}

/** Runs the selected benchmarks in order; returns the process exit code. */
export async function runBenchmarks(out: Output, opts: RunOptions = {}): Promise<number> {
  const available = benchmarkNames();
  const wanted = opts.only
    ? opts.only
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : available;
  const unknown = wanted.filter((n) => !available.includes(n));
  if (unknown.length > 0) {
    out.say(`Unknown benchmark ${unknown.join(', ')}. Available: ${available.join(', ')}.`);
    out.result({ error: 'unknown_benchmark', unknown, available });
    return 2;
  }
  const options: BenchOptions = {
    quick: Boolean(opts.quick),
    ...(opts.durationS !== undefined ? { durationS: opts.durationS } : {}),
    ...(opts.rate !== undefined ? { rate: opts.rate } : {}),
    ...(opts.runs !== undefined ? { runs: opts.runs } : {}),
  };
  const machine = machineInfo();
  out.say(`Machine: ${machine.model}, ${machine.cpus} cores, Node ${machine.node}, ${machine.os}`);
  out.say(
    `Load average (1 min) at start: ${machine.loadAvg1m}${options.quick ? '   [--quick: smoke run]' : ''}`,
  );
  const results: Record<string, unknown> = {};
  const failures: Record<string, string> = {};
  for (const name of wanted) {
    const bench = await loadBenchmark(name);
    out.say('');
    out.say(`▶ ${name} — ${bench.description}`);
    const started = performance.now();
    const loadBefore = load1m();
    let result: BenchResult;
    try {
      result = await bench.run({ options, root: ROOT, log: (line) => out.say(line) });
    } catch (err) {
      const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
      failures[name] = message;
      out.say(`  FAILED: ${message}`);
      continue;
    }
    const seconds = Number(((performance.now() - started) / 1000).toFixed(1));
    // Other work on the machine skews timings; the load average says how much to trust them.
    const loadAvg1m = { before: loadBefore, after: load1m() };
    const entry = { ...result.metrics, targets: result.targets, seconds, loadAvg1m };
    results[name] = entry;
    out.say('');
    for (const l of formatTable(result.table)) out.say(`  ${l}`);
    out.say('');
    for (const t of result.targets) out.say(`  ${formatTarget(t)}`);
    const file = saveResult(name, { machine, options, at: new Date().toISOString(), [name]: entry });
    out.say(`  (${seconds} s; saved ${file.slice(ROOT.length + 1)})`);
    if (Math.max(loadBefore, loadAvg1m.after) > machine.cpus) {
      out.say(
        `  ! load average ${loadBefore} → ${loadAvg1m.after} on ${machine.cpus} cores: other work competed for the CPU; treat timings as pessimistic.`,
      );
    }
  }
  out.result({ machine, benchmarks: results, ...(Object.keys(failures).length ? { failures } : {}) });
  return Object.keys(failures).length > 0 ? 1 : 0;
}
