/**
 * @module Saved runs in eval/runs/ (the CLI's default output): where a run is written and how past
 * runs are listed, newest first, for `compare` and a QA page. Unreadable or foreign JSON files in
 * the folder are skipped, not fatal.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { flattenMetrics, headlinePaths } from './metric-paths.ts';
import { fromRepoRoot } from './paths.ts';
import { type RunResult, RunResultSchema } from './run-result.ts';
import type { SuiteName } from './suite.ts';

export const RUNS_DIR = 'eval/runs';

/** eval/runs/<suite>-<startedAt with : and . replaced>.json */
export function defaultRunPath(run: RunResult, dir = fromRepoRoot(RUNS_DIR)): string {
  return join(dir, `${run.suite}-${run.startedAt.replace(/[:.]/g, '-')}.json`);
}

export async function saveRun(run: RunResult, file: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(run, null, 1)}\n`);
}

export interface RunListing {
  file: string;
  suite: string;
  provider: string;
  promptVersion: string | null;
  gitRev: string | null;
  startedAt: string;
  cases: number;
  casesFile: string;
  /** Headline metrics of the main set. */
  headline: Record<string, number>;
}

/** Past runs in `dir` (optionally one suite's), newest first. */
export async function listRuns(dir = fromRepoRoot(RUNS_DIR), suite?: string): Promise<RunListing[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const out: RunListing[] = [];
  for (const name of names) {
    if (!name.endsWith('.json') || (suite && !name.startsWith(`${suite}-`))) continue;
    const file = join(dir, name);
    const parsed = RunResultSchema.safeParse(
      await readFile(file, 'utf8')
        .then(
          (t) => JSON.parse(t) as unknown,
          () => null,
        )
        .catch(() => null),
    );
    if (!parsed.success) continue;
    const run = parsed.data;
    const flat = flattenMetrics(run.metrics);
    out.push({
      file,
      suite: run.suite,
      provider: run.provider,
      promptVersion: run.promptVersion,
      gitRev: run.gitRev ?? null,
      startedAt: run.startedAt,
      cases: run.cases,
      casesFile: run.casesFile,
      headline: Object.fromEntries(headlinePaths(run.suite as SuiteName, flat).map((p) => [p, flat[p]!])),
    });
  }
  return out.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}
