/**
 * @module Eval runs started from the QA workspace: queue one (at most one queued or running per
 * tenant — a partial unique index enforces it across processes), run it in the background
 * through the executor while its progress and heartbeat are written to the row, and keep the
 * RunResult and HTML report when it is done. A run whose process died is failed by the next
 * start, once its heartbeat is older than STALE_AFTER_MS.
 */
import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import {
  type EvalProviderName,
  type EvalRunRow,
  type EvalRunStatus,
  evalRuns,
  type RunCaseSource,
  type RunProgressDetail,
} from '#src/db/schema/qa.ts';
import { users } from '#src/db/schema/users.ts';
import { AppError, notFound } from '#src/http/problem.ts';
import type { Clock } from '#src/ports/clock.ts';
import type { Ids } from '#src/ports/ids.ts';
import type { Logger } from '#src/ports/logger.ts';
import { flattenMetrics, headlinePaths } from '../../../eval/harness/metric-paths.ts';
import type { RunResult } from '../../../eval/harness/run-result.ts';
import type { SuiteName } from '../../../eval/harness/suite.ts';
import { isUniqueViolation } from './db-errors.ts';
import { requireExecutor } from './executor-guard.ts';
import { goldenCasesForExport } from './golden-cases.ts';
import type { EvalExecutor, ExecutionProgress } from './run-executor.ts';

export interface EvalRunDeps {
  db: Db;
  clock: Clock;
  ids: Ids;
  logger: Logger;
  evalExecutor?: EvalExecutor | undefined;
}

/** A run with no sign of life for this long is taken to have died with its process. */
export const STALE_AFTER_MS = 10 * 60_000;
/** Progress is written when it moved by at least this much (and at the end of each set). */
const PROGRESS_STEP = 0.02;
/** Above this many characters of result JSON the per-case records are dropped (D1 rows are ≤ 2 MB). */
const MAX_RESULT_CHARS = 1_500_000;

const ACTIVE: EvalRunStatus[] = ['queued', 'running'];

export interface StartRun {
  suite: SuiteName;
  provider: EvalProviderName;
  cases: RunCaseSource;
}

/** What lists and the progress poll show: everything but the stored result and report. */
export interface EvalRunSummary {
  id: string;
  suite: SuiteName;
  provider: EvalProviderName;
  casesSource: RunCaseSource;
  status: EvalRunStatus;
  progress: number;
  progressDetail: RunProgressDetail | null;
  startedBy: { id: string; displayName: string };
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  answeredBy: string | null;
  cases: number | null;
  headline: Record<string, number | null> | null;
  error: string | null;
}

const summaryColumns = {
  id: evalRuns.id,
  suite: evalRuns.suite,
  provider: evalRuns.provider,
  casesSource: evalRuns.casesSource,
  status: evalRuns.status,
  progress: evalRuns.progress,
  progressDetail: evalRuns.progressDetail,
  startedById: evalRuns.startedBy,
  startedByName: users.displayName,
  createdAt: evalRuns.createdAt,
  startedAt: evalRuns.startedAt,
  finishedAt: evalRuns.finishedAt,
  answeredBy: evalRuns.answeredBy,
  cases: evalRuns.cases,
  headline: evalRuns.headline,
  error: evalRuns.error,
};

const selectSummaries = (db: Db) =>
  db.select(summaryColumns).from(evalRuns).innerJoin(users, eq(users.id, evalRuns.startedBy));
type SummaryRow = Awaited<ReturnType<typeof selectSummaries>>[number];

function toSummary(r: SummaryRow): EvalRunSummary {
  return {
    id: r.id,
    suite: r.suite,
    provider: r.provider,
    casesSource: r.casesSource,
    status: r.status,
    progress: r.progress,
    progressDetail: r.progressDetail,
    startedBy: { id: r.startedById, displayName: r.startedByName },
    createdAt: r.createdAt,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    answeredBy: r.answeredBy,
    cases: r.cases,
    headline: r.headline,
    error: r.error,
  };
}

/** Headline metrics of the main set by flattened path; NaN becomes null so JSON keeps it. */
export function headlineOf(result: RunResult): Record<string, number | null> {
  const flat = flattenMetrics(result.metrics);
  return Object.fromEntries(
    headlinePaths(result.suite as SuiteName, flat).map((p) => [
      p,
      Number.isFinite(flat[p]) ? flat[p]! : null,
    ]),
  );
}

/** The result as stored: whole, unless it is too large for a row, then without per-case records. */
export function storableResult(result: RunResult): Record<string, unknown> {
  const json = JSON.stringify(result);
  if (json.length <= MAX_RESULT_CHARS) return JSON.parse(json) as Record<string, unknown>;
  return JSON.parse(
    JSON.stringify({
      ...result,
      records: [],
      notices: [
        ...result.notices,
        'Per-case records were dropped to fit the database row; compare falls back to deltas.',
      ],
    }),
  ) as Record<string, unknown>;
}

/** Fails runs of the tenant that stopped showing signs of life (their process went away). */
async function failStaleRuns(deps: EvalRunDeps, tenantId: string): Promise<void> {
  const now = deps.clock.now();
  await deps.db
    .update(evalRuns)
    .set({
      status: 'failed',
      finishedAt: now,
      error: 'Interrupted: the process running it stopped before it finished.',
    })
    .where(
      and(
        eq(evalRuns.tenantId, tenantId),
        inArray(evalRuns.status, ACTIVE),
        lt(evalRuns.heartbeatAt, now - STALE_AFTER_MS),
      ),
    );
}

async function activeRun(db: Db, tenantId: string): Promise<EvalRunSummary | undefined> {
  const [row] = await selectSummaries(db).where(
    and(eq(evalRuns.tenantId, tenantId), inArray(evalRuns.status, ACTIVE)),
  );
  return row ? toSummary(row) : undefined;
}

function busy(active: EvalRunSummary | undefined): AppError {
  return new AppError(
    'conflict',
    active
      ? `A ${active.suite} run started by ${active.startedBy.displayName} is still ${active.status}; one run at a time per tenant.`
      : 'Another run is in progress for this tenant; one run at a time.',
    undefined,
    active ? { runId: active.id } : undefined,
  );
}

/**
 * Queue a run and start it in the background. Resolves once the run row exists (the caller
 * answers 202); the run itself continues after the request has been answered.
 */
export async function startRun(
  deps: EvalRunDeps,
  actor: { tenantId: string; userId: string },
  input: StartRun,
): Promise<EvalRunSummary> {
  const executor = requireExecutor(deps.evalExecutor, 'Running eval suites');
  const entry = (await executor.catalog()).find((s) => s.name === input.suite);
  if (entry?.status !== 'ok') {
    throw new AppError('validation_failed', `Suite ${input.suite} cannot run here.`, [
      { path: 'body.suite', message: entry?.reason ?? 'unknown suite' },
    ]);
  }
  let cases: Record<string, unknown>[] | undefined;
  if (input.cases === 'golden') {
    cases = (await goldenCasesForExport(deps.db, actor.tenantId, [input.suite])).get(input.suite) ?? [];
    if (cases.length === 0) {
      throw new AppError('validation_failed', `No golden cases are recorded for ${input.suite} yet.`, [
        {
          path: 'body.cases',
          message: 'Record golden cases from a conversation first, or run the authored cases.',
        },
      ]);
    }
  }

  await failStaleRuns(deps, actor.tenantId);
  const existing = await activeRun(deps.db, actor.tenantId);
  if (existing) throw busy(existing);
  const now = deps.clock.now();
  const id = deps.ids.next('evalrun');
  try {
    await deps.db.insert(evalRuns).values({
      id,
      tenantId: actor.tenantId,
      suite: input.suite,
      provider: input.provider,
      casesSource: input.cases,
      status: 'queued',
      progress: 0,
      startedBy: actor.userId,
      createdAt: now,
      heartbeatAt: now,
    });
  } catch (err) {
    // Two starts raced past the check above; the index let exactly one of them in.
    if (isUniqueViolation(err)) throw busy(await activeRun(deps.db, actor.tenantId));
    throw err;
  }
  const run = await getRun(deps.db, actor.tenantId, id);
  void execute(deps, executor, id, input, cases);
  return run;
}

/** The background half of a run: never throws; every outcome ends up on the row. */
async function execute(
  deps: EvalRunDeps,
  executor: EvalExecutor,
  id: string,
  input: StartRun,
  cases: Record<string, unknown>[] | undefined,
): Promise<void> {
  const { db, clock, logger } = deps;
  const byId = eq(evalRuns.id, id);
  // Progress writes are chained so they land in order, and awaited before the final write.
  let writes: Promise<unknown> = Promise.resolve();
  const write = (values: Partial<EvalRunRow>) => {
    writes = writes
      .then(() => db.update(evalRuns).set(values).where(byId))
      .catch((err: unknown) => logger.warn('eval run progress write failed', { id, error: String(err) }));
  };
  let written = -1;
  let writtenSet = '';
  const onProgress = (p: ExecutionProgress) => {
    const fraction = p.total > 0 ? p.done / p.total : 1;
    if (p.set === writtenSet && fraction - written < PROGRESS_STEP && p.done !== p.total) return;
    written = fraction;
    writtenSet = p.set;
    write({ progress: fraction, progressDetail: p, heartbeatAt: clock.now() });
  };
  try {
    const started = clock.now();
    write({ status: 'running', startedAt: started, heartbeatAt: started });
    const { result, reportHtml } = await executor.execute({
      suite: input.suite,
      provider: input.provider,
      ...(cases ? { cases } : {}),
      onProgress,
    });
    await writes;
    const finished = clock.now();
    await db
      .update(evalRuns)
      .set({
        status: 'done',
        progress: 1,
        finishedAt: finished,
        heartbeatAt: finished,
        answeredBy: result.provider,
        cases: result.cases,
        headline: headlineOf(result),
        result: storableResult(result),
        reportHtml,
      })
      .where(byId);
    logger.info('eval run done', { id, suite: input.suite, cases: result.cases, ms: result.durationMs });
  } catch (err) {
    await writes;
    const message = err instanceof Error ? err.message : String(err);
    logger.error('eval run failed', { id, suite: input.suite, error: message });
    await db
      .update(evalRuns)
      .set({ status: 'failed', finishedAt: clock.now(), error: message.slice(0, 2000) })
      .where(byId)
      .catch((e: unknown) => logger.error('eval run failure not recorded', { id, error: String(e) }));
  }
}

export async function getRun(db: Db, tenantId: string, id: string): Promise<EvalRunSummary> {
  const [row] = await selectSummaries(db).where(and(eq(evalRuns.id, id), eq(evalRuns.tenantId, tenantId)));
  if (!row) throw notFound('eval run');
  return toSummary(row);
}

/** Past and current runs, newest first. */
export async function listRuns(
  db: Db,
  tenantId: string,
  filter: { suite?: SuiteName | undefined; limit: number },
): Promise<EvalRunSummary[]> {
  const rows = await selectSummaries(db)
    .where(and(eq(evalRuns.tenantId, tenantId), filter.suite ? eq(evalRuns.suite, filter.suite) : undefined))
    .orderBy(desc(evalRuns.createdAt), desc(evalRuns.id))
    .limit(filter.limit);
  return rows.map(toSummary);
}

function notReady(status: EvalRunStatus, what: string): AppError {
  return new AppError(
    'conflict',
    status === 'failed'
      ? `This run failed, so it has no ${what}; see its error.`
      : `This run is ${status}; its ${what} is ready when it is done.`,
  );
}

/** The stored RunResult of a finished run (what `eval compare` reads); 409 until it is done. */
export async function runResult(db: Db, tenantId: string, id: string): Promise<Record<string, unknown>> {
  const [row] = await db
    .select({ status: evalRuns.status, result: evalRuns.result })
    .from(evalRuns)
    .where(and(eq(evalRuns.id, id), eq(evalRuns.tenantId, tenantId)));
  if (!row) throw notFound('eval run');
  if (row.status !== 'done' || !row.result) throw notReady(row.status, 'result');
  return row.result;
}

/** The HTML report of a finished run; 409 until it is done. */
export async function runReport(db: Db, tenantId: string, id: string): Promise<string> {
  const [row] = await db
    .select({ status: evalRuns.status, html: evalRuns.reportHtml })
    .from(evalRuns)
    .where(and(eq(evalRuns.id, id), eq(evalRuns.tenantId, tenantId)));
  if (!row) throw notFound('eval run');
  if (row.status !== 'done' || !row.html) throw notReady(row.status, 'report');
  return row.html;
}
