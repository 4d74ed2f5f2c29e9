/** @module `tidedesk bench`: runs the benchmarks in bench/ (see bench/run.ts). */
import type { Output } from '../output.ts';

export async function benchCommand(
  out: Output,
  opts: { only?: string; positionals: string[] },
): Promise<number> {
  const { runBenchmarks } = await import('../../../bench/run.ts');
  return runBenchmarks(out, opts);
}
