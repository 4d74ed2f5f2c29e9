/** @module Benchmark runner (filled in by the bench harness). */
import type { Output } from '#src/cli/output.ts';

export async function runBenchmarks(out: Output, _opts: { only?: string }): Promise<number> {
  out.say('No benchmarks registered.');
  out.result({ benchmarks: [] });
  return 0;
}
