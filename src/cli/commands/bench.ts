/**
 * @module `tidedesk bench`: runs the benchmarks in bench/ (see bench/run.ts). Re-reads its own
 * arguments because the load knobs (`--duration`, `--rate`, `--runs`, `--quick`) only mean
 * something here.
 */
import { parseArgs } from 'node:util';
import type { Output } from '../output.ts';

export const BENCH_HELP = `tidedesk bench [--only NAME[,NAME]] [--duration S] [--rate N] [--runs N] [--quick] [--json]`;

function positiveNumber(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, got "${raw}"`);
  return n;
}

export async function benchCommand(
  out: Output,
  opts: { only?: string; positionals: string[] },
): Promise<number> {
  const argv = process.argv.slice(process.argv.indexOf('bench') + 1);
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        json: { type: 'boolean' },
        only: { type: 'string' },
        duration: { type: 'string' },
        rate: { type: 'string' },
        runs: { type: 'string' },
        quick: { type: 'boolean' },
      },
    }));
  } catch (err) {
    out.say(`${(err as Error).message}\nUsage: ${BENCH_HELP}`);
    return 2;
  }
  const { runBenchmarks } = await import('../../../bench/run.ts');
  return runBenchmarks(out, {
    only: typeof values.only === 'string' ? values.only : opts.only,
    durationS: positiveNumber('duration', values.duration as string | undefined),
    rate: positiveNumber('rate', values.rate as string | undefined),
    runs: positiveNumber('runs', values.runs as string | undefined),
    quick: Boolean(values.quick),
  });
}
