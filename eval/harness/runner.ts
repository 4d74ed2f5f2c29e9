/**
 * @module Runs one suite: loads its main case set (the authored golden file, or a `--cases` file
 * in its place) and, when the datasets folder is there, its public sets; predicts every case
 * with the chosen provider; scores; adds bootstrap intervals for the headline metrics. Returns a
 * RunResult; printing, saving and gating are the caller's.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, relative } from 'node:path';
import type { Clock } from '#src/ports/clock.ts';
import { bootstrapIntervals } from '../metrics/bootstrap.ts';
import { mulberry32 } from '../metrics/prng.ts';
import { type DatasetsSetting, locateDatasets } from './datasets.ts';
import { EvalRunError } from './errors.ts';
import { parseJsonl, readJsonl } from './jsonl.ts';
import { flattenMetrics, HEADLINE_METRICS } from './metric-paths.ts';
import { fromRepoRoot, REPO_ROOT } from './paths.ts';
import type { RunRecord, RunResult, SetResult } from './run-result.ts';
import type { CaseResult, CaseSet, SuiteContext, SuiteDefinition } from './suite.ts';

export type RequestedProvider = SuiteContext<unknown>['provider'];

export interface Progress {
  suite: string;
  set: string;
  done: number;
  total: number;
}

export interface RunOptions {
  provider: RequestedProvider;
  /** `--cases FILE`: replaces the authored set; public sets are then not run. */
  casesFile?: string;
  /** `--train FILE`: training cases for the main set, passed as ctx.train. */
  trainFile?: string;
  /** Where the public datasets are; `false` skips them without looking. */
  datasets: DatasetsSetting | false;
  /** Bootstrap resamples for the intervals (0 turns them off) and the seed. */
  bootstrap?: { iterations: number; seed: number };
  /** Predictions in flight at once (LLM providers benefit; embedded is CPU-bound). */
  concurrency?: number;
  onProgress?: (p: Progress) => void;
  onNotice?: (line: string) => void;
  clock?: Clock;
  gitRev?: string;
}

const WORST_CASES = 20;
export const DEFAULT_BOOTSTRAP = { iterations: 200, seed: 20260101 };
const wallClock: Clock = { now: () => Date.now() };

/** Run `suite` and return its result. Throws EvalRunError for bad files or required-but-missing data. */
export async function runSuite<Case, Prediction>(
  suite: SuiteDefinition<Case, Prediction>,
  opts: RunOptions,
): Promise<RunResult> {
  const clock = opts.clock ?? wallClock;
  const started = clock.now();
  const notices: string[] = [];
  const notice = (line: string) => {
    notices.push(line);
    opts.onNotice?.(line);
  };

  const mainPath = opts.casesFile ? fromRepoRoot(opts.casesFile) : fromRepoRoot(suite.casesFile);
  const label = displayPath(mainPath);
  const mainText = await readFile(mainPath, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw new EvalRunError('bad-cases', `Cannot read ${label}: ${err.code ?? err.message}`);
  });
  const mainCases = parseJsonl(mainText, suite.caseSchema, label);
  if (mainCases.length === 0) throw new EvalRunError('bad-cases', `${label} holds no cases.`);
  const train = opts.trainFile
    ? await readJsonl(
        fromRepoRoot(opts.trainFile),
        suite.caseSchema,
        displayPath(fromRepoRoot(opts.trainFile)),
      )
    : undefined;

  let datasetsDir: string | null = null;
  let datasetsStatus: RunResult['datasets']['status'] = 'not-used';
  if (opts.casesFile) {
    notice('Public sets are not run with --cases (the given file replaces the authored set).');
  } else if (opts.datasets !== false) {
    const located = await locateDatasets(opts.datasets);
    datasetsDir = located.dir;
    datasetsStatus = located.dir ? 'present' : 'absent';
    if (located.notice) notice(located.notice);
  }

  const mainSet: CaseSet<Case> = {
    name: opts.casesFile ? basename(mainPath) : 'authored',
    cases: mainCases,
    source: opts.casesFile ? 'file' : 'authored',
    ...(train ? { train } : {}),
  };
  const main = await runSet(suite, mainSet, datasetsDir, opts, clock);

  const sets: Record<string, SetResult> = {};
  if (datasetsDir) {
    const publicSets = await suite.loadPublic(datasetsDir);
    if (publicSets.length === 0) notice(`${suite.name}: no public sets found in ${datasetsDir}.`);
    for (const set of publicSets) {
      sets[set.name] = (await runSet(suite, set, datasetsDir, opts, clock)).result;
    }
  }

  return {
    suite: suite.name,
    provider: main.result.provider,
    requestedProvider: opts.provider,
    promptVersion: main.result.promptVersion,
    cases: main.result.cases,
    metrics: main.result.metrics,
    main: main.result,
    records: main.records,
    casesFile: label,
    casesSha256: sha256(mainText),
    sets,
    datasets: { dir: datasetsDir, status: datasetsStatus },
    notices,
    durationMs: clock.now() - started,
    startedAt: new Date(started).toISOString(),
    ...(opts.gitRev ? { gitRev: opts.gitRev } : {}),
  };
}

async function runSet<Case, Prediction>(
  suite: SuiteDefinition<Case, Prediction>,
  set: CaseSet<Case>,
  datasetsDir: string | null,
  opts: RunOptions,
  clock: Clock,
): Promise<{ result: SetResult; records: RunRecord[] }> {
  const t0 = clock.now();
  const predictor = await suite.prepare({
    provider: opts.provider,
    datasetsDir,
    ...(set.train ? { train: set.train } : {}),
  });
  const total = set.cases.length;
  const predictions = new Array<Prediction>(total);
  let done = 0;
  const concurrency = Math.max(1, opts.concurrency ?? (opts.provider === 'embedded' ? 1 : 4));
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const c = set.cases[i]!;
      try {
        predictions[i] = await predictor.predict(c);
      } catch (err) {
        const id = (c as { id?: unknown }).id;
        throw new Error(
          `${suite.name}/${set.name}: predict failed on case ${String(id)}: ${(err as Error).message}`,
          {
            cause: err,
          },
        );
      }
      done++;
      opts.onProgress?.({ suite: suite.name, set: set.name, done, total });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));

  const score = suite.score(set.cases, predictions);
  const headline = HEADLINE_METRICS[suite.name].filter((p) => p in flattenMetrics(score.metrics));
  const boot = opts.bootstrap ?? DEFAULT_BOOTSTRAP;
  const ci =
    headline.length > 0
      ? bootstrapIntervals(
          total,
          (idx) => {
            const s = suite.score(
              idx.map((i) => set.cases[i]!),
              idx.map((i) => predictions[i]!),
            );
            const flat = flattenMetrics(s.metrics);
            return Object.fromEntries(headline.map((p) => [p, flat[p] ?? Number.NaN]));
          },
          { iterations: boot.iterations, rng: mulberry32(boot.seed) },
        )
      : {};

  const byId = new Map(score.perCase.map((r) => [r.id, r]));
  const records: RunRecord[] = set.cases.map((c, i) => {
    const id = String((c as { id?: unknown }).id ?? i);
    const prediction = predictions[i] === undefined ? null : JSON.parse(JSON.stringify(predictions[i]));
    return { id, score: byId.get(id)?.score ?? Number.NaN, prediction };
  });

  const result: SetResult = {
    name: set.name,
    source: set.source,
    ...(set.licence ? { licence: set.licence } : {}),
    cases: total,
    metrics: score.metrics,
    ci,
    ...(score.perClass ? { perClass: score.perClass } : {}),
    ...(score.confusion ? { confusion: score.confusion } : {}),
    worst: worstCases(score.perCase),
    provider: predictor.provider,
    promptVersion: predictor.promptVersion,
    durationMs: clock.now() - t0,
  };
  return { result, records };
}

/** The lowest-scoring imperfect cases, worst first (ties by id for a stable report). */
export function worstCases(perCase: readonly CaseResult[], limit = WORST_CASES): CaseResult[] {
  return perCase
    .filter((r) => r.score < 1)
    .sort((a, b) => a.score - b.score || a.id.localeCompare(b.id))
    .slice(0, limit);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Repository-relative when inside the repository, else absolute. */
function displayPath(abs: string): string {
  const rel = relative(REPO_ROOT, abs);
  return rel.startsWith('..') ? abs : rel.split('\\').join('/');
}
