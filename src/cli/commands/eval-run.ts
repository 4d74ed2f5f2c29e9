/**
 * @module `tidedesk eval` (run): one suite by name, or every implemented suite; saves each run's
 * JSON, prints a summary per suite, optionally writes the HTML report and applies the gate.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { loadEnv } from '#src/config/env.ts';
import { datasetsSetting } from '../../../eval/harness/datasets.ts';
import { EvalRunError } from '../../../eval/harness/errors.ts';
import { describeGate, type GateResult, gateRun, readBaselines } from '../../../eval/harness/gate.ts';
import { gitRev } from '../../../eval/harness/git.ts';
import { flattenMetrics, headlinePaths } from '../../../eval/harness/metric-paths.ts';
import { type AnySuite, loadAllSuites, requireSuite } from '../../../eval/harness/registry.ts';
import { type RunResult, summaryLine } from '../../../eval/harness/run-result.ts';
import { defaultRunPath, saveRun } from '../../../eval/harness/run-store.ts';
import { runSuite } from '../../../eval/harness/runner.ts';
import type { SuiteName } from '../../../eval/harness/suite.ts';
import type { SkippedSuite } from '../../../eval/report/run-report.ts';
import type { Output } from '../output.ts';
import type { EvalFlags } from './eval.ts';
import { createProgress } from './eval-progress.ts';

const f4 = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(4));

/** Human summary of one run: headline metrics with intervals, public sets, time, where it was saved. */
function describeRun(run: RunResult, savedTo: string): string[] {
  const suite = run.suite as SuiteName;
  const flat = flattenMetrics(run.metrics);
  const head = headlinePaths(suite, flat);
  const lines = [
    `${run.suite} · ${run.provider}${run.provider === run.requestedProvider ? '' : ` (requested ${run.requestedProvider})`}${run.promptVersion ? ` · prompt ${run.promptVersion}` : ''} · ${run.cases} cases (${run.casesFile}) · ${(run.durationMs / 1000).toFixed(2)} s`,
  ];
  for (const p of head) {
    const ci = run.main.ci[p];
    lines.push(`  ${p.padEnd(24)} ${f4(flat[p])}${ci ? `  [${f4(ci.low)}, ${f4(ci.high)}]` : ''}`);
  }
  for (const set of Object.values(run.sets)) {
    const sf = flattenMetrics(set.metrics);
    const ps = headlinePaths(suite, sf);
    lines.push(`  public ${set.name} (${set.cases} cases): ${ps.map((p) => `${p} ${f4(sf[p])}`).join(', ')}`);
  }
  lines.push(`  saved ${savedTo}`);
  return lines;
}

function runFilePath(run: RunResult, flags: EvalFlags, many: boolean): string {
  if (flags.report) {
    const base = resolve(flags.report).replace(/\.html?$/i, '');
    return many ? `${base}.${run.suite}.json` : `${base}.json`;
  }
  return defaultRunPath(run);
}

export async function runEvalCommand(out: Output, flags: EvalFlags): Promise<number> {
  const t0 = Date.now();
  const env = loadEnv();
  const datasets = datasetsSetting(env.TIDEDESK_DATASETS);
  const rev = gitRev();

  const suites: AnySuite[] = [];
  const skipped: SkippedSuite[] = [];
  let broken = false;
  if (flags.suite) {
    suites.push(await requireSuite(flags.suite));
  } else {
    for (const loaded of await loadAllSuites()) {
      if (loaded.status === 'ok') suites.push(loaded.suite);
      else {
        skipped.push({ name: loaded.name, reason: loaded.reason });
        if (loaded.status === 'broken') broken = true;
      }
    }
  }
  for (const s of skipped) out.say(`skipped ${s.name}: ${s.reason}`);

  const many = !flags.suite;
  const progress = createProgress();
  const runs: RunResult[] = [];
  const saved: string[] = [];
  const failed: SkippedSuite[] = [];
  for (const suite of suites) {
    let run: RunResult;
    try {
      run = await runSuite(suite, {
        provider: flags.provider,
        datasets,
        ...(flags.cases ? { casesFile: resolve(flags.cases) } : {}),
        ...(flags.train ? { trainFile: resolve(flags.train) } : {}),
        onProgress: progress,
        onNotice: (line) => out.say(`note: ${line}`),
        ...(rev ? { gitRev: rev } : {}),
      });
    } catch (err) {
      // One suite's bad file must not hide the others' results when all run; asked for by name,
      // the error is the command's.
      if (flags.suite || !(err instanceof EvalRunError) || err.code === 'datasets-missing') throw err;
      out.say(`FAILED ${suite.name}: ${err.message}`);
      failed.push({ name: suite.name, reason: `failed: ${err.message}` });
      continue;
    }
    const file = runFilePath(run, flags, many);
    await saveRun(run, file);
    runs.push(run);
    saved.push(file);
    for (const line of describeRun(run, file)) out.say(line);
  }

  let gates: GateResult[] = [];
  if (flags.gate) {
    const baselines = await readBaselines();
    gates = runs.map((r) => gateRun(r, baselines));
    for (const g of gates) for (const line of describeGate(g)) out.say(line);
  }

  if (flags.report) {
    const { renderRunReport } = await import('../../../eval/report/run-report.ts');
    const html = renderRunReport({
      runs,
      skipped: [...skipped, ...failed],
      gates,
      generatedAt: new Date().toISOString(),
    });
    await mkdir(dirname(resolve(flags.report)), { recursive: true });
    await writeFile(resolve(flags.report), html);
    out.say(`report ${resolve(flags.report)}`);
  }

  const gateFailed = gates.some((g) => !g.passed);
  const gateJson = (r: RunResult) => {
    const g = gates.find((x) => x.suite === r.suite);
    return g
      ? {
          gate: {
            passed: g.passed,
            failures: g.checks
              .filter((c) => c.status === 'regressed' || c.status === 'missing')
              .map((c) => c.path),
          },
        }
      : {};
  };
  const perSuite = (r: RunResult, i: number) => ({
    ...summaryLine(r),
    sets: Object.fromEntries(
      Object.entries(r.sets).map(([k, s]) => [k, { cases: s.cases, metrics: s.metrics }]),
    ),
    runFile: saved[i],
    ...gateJson(r),
  });
  if (flags.suite) {
    out.result(perSuite(runs[0]!, 0));
  } else {
    out.result({
      suites: runs.map(perSuite),
      skipped: skipped.map((s) => ({ suite: s.name, reason: s.reason })),
      failed: failed.map((s) => ({ suite: s.name, reason: s.reason })),
      durationMs: Date.now() - t0,
      ...(flags.gate ? { gatePassed: !gateFailed } : {}),
    });
    out.say(
      `${runs.length} suite(s) run, ${failed.length} failed, ${skipped.length} skipped, ${((Date.now() - t0) / 1000).toFixed(1)} s total`,
    );
  }
  return gateFailed || broken || failed.length > 0 ? 1 : 0;
}
