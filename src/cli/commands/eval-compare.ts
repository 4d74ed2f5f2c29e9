/** @module `tidedesk eval compare A.json B.json`: two runs side by side, deltas and paired significance. */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isSuiteName, loadSuite } from '../../../eval/harness/registry.ts';
import {
  compareRuns,
  comparisonJson,
  comparisonTable,
  loadRescoreInputs,
  readRunFile,
} from '../../../eval/report/compare.ts';
import type { Output } from '../output.ts';
import type { EvalFlags } from './eval.ts';

export async function compareCommand(
  out: Output,
  fileA: string,
  fileB: string,
  flags: EvalFlags,
): Promise<number> {
  const a = await readRunFile(resolve(fileA));
  const b = await readRunFile(resolve(fileB));
  const loaded = isSuiteName(a.suite) ? await loadSuite(a.suite) : null;
  const rescore = await loadRescoreInputs(a, b, loaded?.status === 'ok' ? loaded.suite : null);
  const comparison = compareRuns(a, b, { rescore }, [fileA, fileB]);
  // The table is the human output; in --json mode it goes to stderr with the other human lines.
  out.say(comparisonTable(comparison));
  if (flags.report) {
    const { renderCompareReport } = await import('../../../eval/report/compare-report.ts');
    await writeFile(resolve(flags.report), renderCompareReport(comparison, new Date().toISOString()));
    out.say(`report ${resolve(flags.report)}`);
  }
  out.result(comparisonJson(comparison));
  return 0;
}
