/**
 * @module The audit log: append-only (this module only inserts and reads; a trigger refuses
 * UPDATEs), tenant-scoped, filterable by action, actor and time, and exportable page by page.
 * Free text (a reveal's reason) is masked before it is written, so the log itself never becomes
 * a store of personal data. Any feature may record: `record({ action: 'auth.login', … })`.
 */
import { and, desc, eq, gte, lt, lte, type SQL, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { type AuditRow, auditLog } from '#src/db/schema/pii.ts';
import { users } from '#src/db/schema/users.ts';
import type { Clock } from '#src/ports/clock.ts';

export interface AuditActor {
  id: string | null;
  /** A staff role, `customer` or `system`. */
  role: string;
}

export interface AuditEntry {
  tenantId: string;
  actor: AuditActor;
  /** Dotted action name, e.g. `pii.reveal`, `pii.reveal.denied`. */
  action: string;
  target?: { type: string; id: string };
  conversationId?: string | null;
  reason?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  /** Structured context (codes, types, step keys) — never raw values. */
  detail?: Record<string, unknown>;
}

export interface AuditFilter {
  action?: string;
  /** A user id or e-mail. */
  actor?: string;
  from?: number;
  to?: number;
  /** Only entries with an id below this (paging newest first). */
  before?: number;
  limit: number;
}

export interface AuditItem extends Omit<AuditRow, 'tenantId'> {
  actorName: string | null;
  actorEmail: string | null;
}

/** Masks free text before it is stored; the PII service provides it. */
export type Redact = (tenantId: string, text: string) => Promise<string>;

const MAX_REASON = 500;
const MAX_USER_AGENT = 300;

export function createAuditLog(deps: { db: Db; clock: Clock; redact: Redact }) {
  const { db, clock, redact } = deps;

  async function whereOf(tenantId: string, f: Omit<AuditFilter, 'limit'>): Promise<SQL | undefined> {
    const clauses: SQL[] = [eq(auditLog.tenantId, tenantId)];
    if (f.action) {
      // `pii.reveal` also finds `pii.reveal.denied`: actions are a dotted hierarchy.
      clauses.push(sql`(${auditLog.action} = ${f.action} or ${auditLog.action} like ${`${f.action}.%`})`);
    }
    if (f.actor) {
      let actorId = f.actor;
      if (f.actor.includes('@')) {
        const [u] = await db
          .select({ id: users.id })
          .from(users)
          .where(and(eq(users.tenantId, tenantId), eq(users.email, f.actor.toLowerCase())));
        actorId = u?.id ?? '\u0000no-such-actor';
      }
      clauses.push(eq(auditLog.actorId, actorId));
    }
    if (f.from !== undefined) clauses.push(gte(auditLog.createdAt, f.from));
    if (f.to !== undefined) clauses.push(lte(auditLog.createdAt, f.to));
    if (f.before !== undefined) clauses.push(lt(auditLog.id, f.before));
    return and(...clauses);
  }

  async function page(tenantId: string, f: AuditFilter): Promise<AuditItem[]> {
    const rows = await db
      .select({ row: auditLog, actorName: users.displayName, actorEmail: users.email })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(await whereOf(tenantId, f))
      .orderBy(desc(auditLog.id))
      .limit(f.limit);
    return rows.map(({ row: { tenantId: _t, ...row }, actorName, actorEmail }) => ({
      ...row,
      actorName: actorName ?? null,
      actorEmail: actorEmail ?? null,
    }));
  }

  return {
    /** Appends one entry; the reason is masked and bounded first. */
    async record(entry: AuditEntry): Promise<void> {
      const reason = entry.reason ? (await redact(entry.tenantId, entry.reason)).slice(0, MAX_REASON) : null;
      await db.insert(auditLog).values({
        tenantId: entry.tenantId,
        actorId: entry.actor.id,
        actorRole: entry.actor.role,
        action: entry.action,
        targetType: entry.target?.type ?? null,
        targetId: entry.target?.id ?? null,
        conversationId: entry.conversationId ?? null,
        reason,
        ip: entry.ip ?? null,
        userAgent: entry.userAgent ? entry.userAgent.slice(0, MAX_USER_AGENT) : null,
        detail: entry.detail ?? null,
        createdAt: clock.now(),
      });
    },

    /** Newest first; page on with `before` = the last id seen. */
    list: page,

    /** Every matching entry, newest first, read in pages so an export never holds the log in memory. */
    async *all(tenantId: string, f: Omit<AuditFilter, 'limit' | 'before'>, pageSize = 500) {
      let before: number | undefined;
      for (;;) {
        const rows = await page(tenantId, { ...f, limit: pageSize, ...(before ? { before } : {}) });
        yield* rows;
        if (rows.length < pageSize) return;
        before = rows[rows.length - 1]!.id;
      }
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
