/**
 * @module The workspace's suite table: every suite of the contract with its description and
 * authored case count (from the executor, where there is one), the tenant's golden-case count,
 * its latest finished run and the headline metrics of recent authored runs for the trend line.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { evalRuns } from '#src/db/schema/qa.ts';
import { HEADLINE_METRICS } from '../../../eval/harness/metric-paths.ts';
import { SUITE_NAMES, type SuiteName } from '../../../eval/harness/suite.ts';
import { goldenCaseCounts } from './golden-cases.ts';
import type { EvalExecutor, SuiteCatalogEntry } from './run-executor.ts';

/** Points on a suite's trend line. */
export const TREND_POINTS = 20;
/** Finished runs read per suite: the latest, and enough authored ones for the trend. */
const RECENT_RUNS = TREND_POINTS * 2;

export interface TrendPoint {
  runId: string;
  finishedAt: number;
  headline: Record<string, number | null>;
}

export interface SuiteOverview {
  name: SuiteName;
  description: string;
  /** `unavailable`: no executor on this runtime, so the suite is known but cannot run here. */
  status: SuiteCatalogEntry['status'] | 'unavailable';
  reason?: string;
  authoredCases: number | null;
  goldenCases: number;
  headlineMetrics: string[];
  latest: (TrendPoint & { provider: string; casesSource: string; cases: number | null }) | null;
  /** Finished authored-case runs, oldest first (golden-case runs score other data). */
  trend: TrendPoint[];
}

/** A suite's finished runs, newest first (enough for its latest run and its trend line). */
function recentRuns(db: Db, tenantId: string, suite: SuiteName) {
  return db
    .select({
      id: evalRuns.id,
      provider: evalRuns.provider,
      casesSource: evalRuns.casesSource,
      cases: evalRuns.cases,
      finishedAt: evalRuns.finishedAt,
      headline: evalRuns.headline,
    })
    .from(evalRuns)
    .where(and(eq(evalRuns.tenantId, tenantId), eq(evalRuns.suite, suite), eq(evalRuns.status, 'done')))
    .orderBy(desc(evalRuns.finishedAt), desc(evalRuns.id))
    .limit(RECENT_RUNS);
}
type RecentRun = Awaited<ReturnType<typeof recentRuns>>[number];

const pointOf = (r: RecentRun): TrendPoint => ({
  runId: r.id,
  finishedAt: r.finishedAt ?? 0,
  headline: r.headline ?? {},
});

/** Authored-case runs only, oldest first, at most TREND_POINTS. */
const trendOf = (runs: RecentRun[]): TrendPoint[] =>
  runs
    .filter((r) => r.casesSource === 'authored')
    .slice(0, TREND_POINTS)
    .reverse()
    .map(pointOf);

/** One suite's trend line (for its sparkline). */
export async function suiteTrend(db: Db, tenantId: string, suite: SuiteName): Promise<TrendPoint[]> {
  return trendOf(await recentRuns(db, tenantId, suite));
}

export async function suitesOverview(
  db: Db,
  tenantId: string,
  executor: EvalExecutor | undefined,
): Promise<SuiteOverview[]> {
  const [catalog, golden, runs] = await Promise.all([
    executor ? executor.catalog() : Promise.resolve(null),
    goldenCaseCounts(db, tenantId),
    Promise.all(SUITE_NAMES.map((suite) => recentRuns(db, tenantId, suite))),
  ]);
  return SUITE_NAMES.map((name, i) => {
    const entry = catalog?.find((c) => c.name === name);
    const mine = runs[i] ?? [];
    const last = mine[0];
    return {
      name,
      description: entry?.description ?? '',
      status: entry?.status ?? 'unavailable',
      ...(entry?.reason ? { reason: entry.reason } : {}),
      authoredCases: entry ? entry.authoredCases : null,
      goldenCases: golden[name] ?? 0,
      headlineMetrics: [...HEADLINE_METRICS[name]],
      latest: last
        ? { ...pointOf(last), provider: last.provider, casesSource: last.casesSource, cases: last.cases }
        : null,
      trend: trendOf(mine),
    };
  });
}
