/**
 * @module The golden-case store: cases a QA person recorded (usually from a live conversation),
 * validated with the suite's own zod case schema before they are stored, versioned by case id,
 * listed for the workspace and exported as the suite's JSONL. Everything is scoped to a tenant.
 */
import { and, asc, countDistinct, desc, eq, inArray, max } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { conversations, messages } from '#src/db/schema/conversations.ts';
import { type GoldenCaseRow, goldenCases } from '#src/db/schema/qa.ts';
import { users } from '#src/db/schema/users.ts';
import { AppError, notFound } from '#src/http/problem.ts';
import type { Clock } from '#src/ports/clock.ts';
import type { Ids } from '#src/ports/ids.ts';
import type { SuiteName } from '../../../eval/harness/suite.ts';
import { isUniqueViolation } from './db-errors.ts';
import { requireExecutor } from './executor-guard.ts';
import type { EvalExecutor } from './run-executor.ts';

export interface GoldenCaseDeps {
  db: Db;
  clock: Clock;
  ids: Ids;
  evalExecutor?: EvalExecutor | undefined;
}

export interface NewGoldenCase {
  suite: SuiteName;
  /** The case in the suite's schema; `id` may be left out and is then assigned. */
  case: Record<string, unknown>;
  sourceConversationId?: string | undefined;
  sourceMessageSeq?: number | undefined;
}

export interface GoldenCase {
  id: string;
  suite: SuiteName;
  caseId: string;
  version: number;
  case: Record<string, unknown>;
  sourceConversationId: string | null;
  sourceMessageSeq: number | null;
  createdBy: { id: string; displayName: string };
  createdAt: number;
}

const columns = {
  row: goldenCases,
  authorName: users.displayName,
};

function toDto(row: GoldenCaseRow, authorName: string): GoldenCase {
  return {
    id: row.id,
    suite: row.suite,
    caseId: row.caseId,
    version: row.version,
    case: row.case,
    sourceConversationId: row.sourceConversationId,
    sourceMessageSeq: row.sourceMessageSeq,
    createdBy: { id: row.createdBy, displayName: authorName },
    createdAt: row.createdAt,
  };
}

/** Case ids the workspace assigns: readable, unique, and never mistaken for an authored id. */
function assignedCaseId(ids: Ids, suite: SuiteName): string {
  return ids.next(`qa-${suite}`);
}

async function checkSource(db: Db, tenantId: string, input: NewGoldenCase): Promise<void> {
  if (input.sourceMessageSeq !== undefined && !input.sourceConversationId) {
    throw new AppError('validation_failed', 'sourceMessageSeq needs sourceConversationId.', [
      { path: 'body.sourceMessageSeq', message: 'Give the conversation the message belongs to.' },
    ]);
  }
  if (!input.sourceConversationId) return;
  // Scoped to the caller's tenant: another tenant's conversation is as unknown as a missing one.
  const [conv] = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.id, input.sourceConversationId), eq(conversations.tenantId, tenantId)));
  if (!conv) throw notFound('conversation');
  if (input.sourceMessageSeq === undefined) return;
  const [msg] = await db
    .select({ id: messages.id })
    .from(messages)
    .where(and(eq(messages.conversationId, conv.id), eq(messages.seq, input.sourceMessageSeq)));
  if (!msg) throw notFound('message');
}

/** Validate and store a golden case; re-using a case id stores the next version of it. */
export async function recordGoldenCase(
  deps: GoldenCaseDeps,
  actor: { tenantId: string; userId: string },
  input: NewGoldenCase,
): Promise<GoldenCase> {
  const executor = requireExecutor(deps.evalExecutor, 'Validating golden cases');
  const givenId = typeof input.case.id === 'string' ? input.case.id.trim() : '';
  const candidate = { ...input.case, id: givenId || assignedCaseId(deps.ids, input.suite) };
  const check = await executor.checkCase(input.suite, candidate);
  if (!check.ok) {
    throw new AppError(
      'validation_failed',
      `The case does not match the ${input.suite} suite's case schema; see errors[].`,
      check.issues.map((i) => ({
        path: ['body', 'case', i.path].filter(Boolean).join('.'),
        message: i.message,
        ...(i.code ? { code: i.code } : {}),
      })),
    );
  }
  await checkSource(deps.db, actor.tenantId, input);

  const caseId = String(check.value.id);
  const [latest] = await deps.db
    .select({ version: max(goldenCases.version) })
    .from(goldenCases)
    .where(
      and(
        eq(goldenCases.tenantId, actor.tenantId),
        eq(goldenCases.suite, input.suite),
        eq(goldenCases.caseId, caseId),
      ),
    );
  const row: GoldenCaseRow = {
    id: deps.ids.next('gcase'),
    tenantId: actor.tenantId,
    suite: input.suite,
    caseId,
    version: (latest?.version ?? 0) + 1,
    case: check.value,
    sourceConversationId: input.sourceConversationId ?? null,
    sourceMessageSeq: input.sourceMessageSeq ?? null,
    createdBy: actor.userId,
    createdAt: deps.clock.now(),
  };
  try {
    await deps.db.insert(goldenCases).values(row);
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AppError(
        'conflict',
        `Case ${caseId} was saved by someone else at the same moment; reload and save again.`,
      );
    }
    throw err;
  }
  const [author] = await deps.db
    .select({ name: users.displayName })
    .from(users)
    .where(eq(users.id, actor.userId));
  return toDto(row, author?.name ?? actor.userId);
}

/** Keeps the newest version of each (suite, case id); rows must come newest version first. */
function latestVersions<T extends { row: GoldenCaseRow }>(rows: T[]): T[] {
  const seen = new Set<string>();
  return rows.filter(({ row }) => {
    const key = `${row.suite}\u0000${row.caseId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The tenant's golden cases (newest version of each), newest first. */
export async function listGoldenCases(
  db: Db,
  tenantId: string,
  filter: { suite?: SuiteName | undefined; limit?: number | undefined } = {},
): Promise<GoldenCase[]> {
  const rows = await db
    .select(columns)
    .from(goldenCases)
    .innerJoin(users, eq(users.id, goldenCases.createdBy))
    .where(
      and(eq(goldenCases.tenantId, tenantId), filter.suite ? eq(goldenCases.suite, filter.suite) : undefined),
    )
    .orderBy(desc(goldenCases.version), desc(goldenCases.createdAt), desc(goldenCases.id));
  const latest = latestVersions(rows).sort(
    (a, b) => b.row.createdAt - a.row.createdAt || b.row.id.localeCompare(a.row.id),
  );
  return latest.slice(0, filter.limit ?? latest.length).map(({ row, authorName }) => toDto(row, authorName));
}

/**
 * The case JSON of every current golden case per suite, in the order the cases were first
 * recorded (a new version keeps its case's place, so exports diff cleanly).
 */
export async function goldenCasesForExport(
  db: Db,
  tenantId: string,
  suites?: readonly SuiteName[],
): Promise<Map<SuiteName, Record<string, unknown>[]>> {
  const rows = await db
    .select({ row: goldenCases })
    .from(goldenCases)
    .where(
      and(eq(goldenCases.tenantId, tenantId), suites ? inArray(goldenCases.suite, [...suites]) : undefined),
    )
    .orderBy(desc(goldenCases.version), asc(goldenCases.createdAt));
  const firstRecorded = new Map<string, number>();
  for (const { row } of rows) {
    const key = `${row.suite}\u0000${row.caseId}`;
    firstRecorded.set(key, Math.min(firstRecorded.get(key) ?? row.createdAt, row.createdAt));
  }
  const since = (row: GoldenCaseRow) => firstRecorded.get(`${row.suite}\u0000${row.caseId}`) ?? row.createdAt;
  const latest = latestVersions(rows).sort(
    (a, b) => since(a.row) - since(b.row) || a.row.caseId.localeCompare(b.row.caseId),
  );
  const out = new Map<SuiteName, Record<string, unknown>[]>();
  for (const { row } of latest) {
    const list = out.get(row.suite) ?? [];
    list.push(row.case);
    out.set(row.suite, list);
  }
  return out;
}

/** How many distinct golden cases each suite has for the tenant. */
export async function goldenCaseCounts(
  db: Db,
  tenantId: string,
): Promise<Partial<Record<SuiteName, number>>> {
  const rows = await db
    .select({ suite: goldenCases.suite, n: countDistinct(goldenCases.caseId) })
    .from(goldenCases)
    .where(eq(goldenCases.tenantId, tenantId))
    .groupBy(goldenCases.suite);
  return Object.fromEntries(rows.map((r) => [r.suite, r.n]));
}
