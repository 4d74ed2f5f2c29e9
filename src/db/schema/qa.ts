/**
 * @module The QA workspace's data: golden cases recorded from real conversations (versioned, one
 * suite's case JSON each, exported as that suite's JSONL) and eval runs started from the browser
 * (status and progress while they run, the RunResult and its HTML report when done).
 */
import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { SUITE_NAMES } from '../../../eval/harness/suite.ts';
import { conversations } from './conversations.ts';
import { tenants } from './tenants.ts';
import { users } from './users.ts';

export const EVAL_PROVIDERS = ['embedded', 'llm', 'replay'] as const;
export type EvalProviderName = (typeof EVAL_PROVIDERS)[number];
/** Which cases a workspace run scores: the suite's authored file, or this tenant's golden cases. */
export const RUN_CASE_SOURCES = ['authored', 'golden'] as const;
export type RunCaseSource = (typeof RUN_CASE_SOURCES)[number];
export const EVAL_RUN_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type EvalRunStatus = (typeof EVAL_RUN_STATUSES)[number];

/**
 * One version of one golden case. The case JSON was valid against the suite's zod case schema
 * when stored; re-saving a case id adds a version instead of overwriting, so an export can be
 * traced to what a person recorded and when.
 */
export const goldenCases = sqliteTable(
  'golden_cases',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    suite: text('suite', { enum: SUITE_NAMES }).notNull(),
    /** The `id` field inside the case: what runs, reports and compare pair cases by. */
    caseId: text('case_id').notNull(),
    version: integer('version').notNull().default(1),
    case: text('case', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    sourceConversationId: text('source_conversation_id').references(() => conversations.id),
    /** The message the case was built from (its seq in the source conversation). */
    sourceMessageSeq: integer('source_message_seq'),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('golden_cases_version_uq').on(t.tenantId, t.suite, t.caseId, t.version),
    index('golden_cases_tenant_suite_idx').on(t.tenantId, t.suite, t.createdAt),
  ],
);

/** Where a running run is: the case set being predicted and how far it got. */
export interface RunProgressDetail {
  set: string;
  done: number;
  total: number;
}

/**
 * An eval run started in the QA workspace. At most one queued or running run per tenant (a
 * partial unique index, so two processes cannot both start one); a run whose heartbeat stopped
 * (the process died) is marked failed before the next one starts.
 */
export const evalRuns = sqliteTable(
  'eval_runs',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    suite: text('suite', { enum: SUITE_NAMES }).notNull(),
    /** The provider asked for; `answeredBy` is the one that really answered (after any fallback). */
    provider: text('provider', { enum: EVAL_PROVIDERS }).notNull(),
    casesSource: text('cases_source', { enum: RUN_CASE_SOURCES }).notNull().default('authored'),
    status: text('status', { enum: EVAL_RUN_STATUSES }).notNull(),
    /** 0–1 over the main case set. */
    progress: real('progress').notNull().default(0),
    progressDetail: text('progress_detail', { mode: 'json' }).$type<RunProgressDetail>(),
    startedBy: text('started_by')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at').notNull(),
    startedAt: integer('started_at'),
    finishedAt: integer('finished_at'),
    /** Last sign of life from the process running it. */
    heartbeatAt: integer('heartbeat_at').notNull(),
    answeredBy: text('answered_by'),
    cases: integer('cases'),
    /** Headline metrics of the main set (flattened paths; null where NaN), for lists and trends. */
    headline: text('headline', { mode: 'json' }).$type<Record<string, number | null>>(),
    /** The harness RunResult (eval/harness/run-result.ts), as `eval compare` reads it. */
    result: text('result', { mode: 'json' }).$type<Record<string, unknown>>(),
    /** The self-contained HTML report from eval/report. */
    reportHtml: text('report_html'),
    error: text('error'),
  },
  (t) => [
    uniqueIndex('eval_runs_one_active_uq').on(t.tenantId).where(sql`status in ('queued', 'running')`),
    index('eval_runs_tenant_suite_idx').on(t.tenantId, t.suite, t.createdAt),
  ],
);

export type GoldenCaseRow = typeof goldenCases.$inferSelect;
export type EvalRunRow = typeof evalRuns.$inferSelect;
