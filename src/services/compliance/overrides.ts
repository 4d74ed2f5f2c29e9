/**
 * @module Supervisor overrides of a blocked draft. An override is bound to one conversation and the
 * exact text (a keyed hash — the text itself is never stored), approved by a supervisor or admin,
 * valid for a short time and used once. An agent may ask (a `requested` override and an inbox
 * event for supervisors); a supervisor's own request is approved at once. Request, approval and use
 * each write an audit row; the reason is masked before it is stored anywhere.
 */
import { and, desc, eq, gt } from 'drizzle-orm';
import type { Finding } from '#assist/compliance/types.ts';
import type { StaffPrincipal } from '#src/core/auth/principal.ts';
import type { Db } from '#src/db/client.ts';
import { type ComplianceOverrideRow, complianceOverrides } from '#src/db/schema/compliance.ts';
import { conversations, events } from '#src/db/schema/conversations.ts';
import { AppError, notFound } from '#src/http/problem.ts';
import type { Clock } from '#src/ports/clock.ts';
import type { Ids } from '#src/ports/ids.ts';
import type { EventBus } from '#src/realtime/bus.ts';
import type { AuditEntry } from '#src/services/audit/audit-log.ts';
import { deriveKey } from '#src/services/auth/derive-key.ts';
import { COMPLIANCE_EVENTS } from './events.ts';

/** How long an approved override may be used. */
export const OVERRIDE_TTL_MS = 10 * 60_000;
const APPROVERS = ['supervisor', 'admin'] as const;

export interface AuditSink {
  record(entry: AuditEntry): Promise<void>;
}

export interface OverrideConversation {
  id: string;
  tenantId: string;
  assigneeId: string | null;
}

export interface OverrideView {
  id: string;
  conversationId: string;
  status: ComplianceOverrideRow['status'];
  findings: ComplianceOverrideRow['findings'];
  reason: string;
  requestedBy: string;
  requestedAt: number;
  approvedBy: string | null;
  approvedAt: number | null;
  expiresAt: number | null;
  usedAt: number | null;
}

const toView = (r: ComplianceOverrideRow): OverrideView => ({
  id: r.id,
  conversationId: r.conversationId,
  status: r.status,
  findings: r.findings,
  reason: r.reason,
  requestedBy: r.requestedBy,
  requestedAt: r.requestedAt,
  approvedBy: r.approvedBy,
  approvedAt: r.approvedAt,
  expiresAt: r.expiresAt,
  usedAt: r.usedAt,
});

const isApprover = (p: StaffPrincipal) => (APPROVERS as readonly string[]).includes(p.role);

export function createOverrides(deps: {
  db: Db;
  clock: Clock;
  ids: Ids;
  events: EventBus;
  audit: AuditSink;
  /** Keys the text hash (the session signing key; a leaked table reveals no texts). */
  hashKey: string;
  /** Masks free text (the reason) before it is stored. */
  redact: (tenantId: string, text: string) => Promise<string>;
}) {
  const { db, clock, ids, audit } = deps;

  const textHash = (conversationId: string, text: string) =>
    deriveKey(deps.hashKey, `compliance-override\u0000${conversationId}\u0000${text.trim()}`);

  async function logEvent(
    conv: OverrideConversation,
    type: string,
    actorId: string,
    recipientId: string | null,
    payload: Record<string, unknown>,
  ) {
    const now = clock.now();
    const [row] = await db
      .insert(events)
      .values({
        tenantId: conv.tenantId,
        conversationId: conv.id,
        seq: null,
        type,
        actorId,
        recipientId,
        payload,
        createdAt: now,
      })
      .returning({ id: events.id });
    if (!row) return;
    deps.events.publish({
      id: row.id,
      tenantId: conv.tenantId,
      conversationId: conv.id,
      seq: null,
      type,
      assigneeId: conv.assigneeId,
      recipientId,
      payload,
      createdAt: now,
    });
  }

  const summary = (findings: readonly Finding[]) =>
    findings
      .filter((f) => f.severity === 'block')
      .map((f) => ({ rule: f.rule, category: f.category, severity: f.severity }));

  async function load(tenantId: string, id: string): Promise<ComplianceOverrideRow> {
    const [row] = await db
      .select()
      .from(complianceOverrides)
      .where(and(eq(complianceOverrides.id, id), eq(complianceOverrides.tenantId, tenantId)));
    if (!row) throw notFound('override');
    return row;
  }

  return {
    textHash,

    /**
     * Asks to send `text` despite its block-level `findings`. A supervisor's or admin's request is
     * approved at once; an agent's waits for one.
     */
    async request(
      p: StaffPrincipal,
      conv: OverrideConversation,
      text: string,
      reason: string,
      findings: readonly Finding[],
    ): Promise<OverrideView> {
      const blocked = summary(findings);
      if (blocked.length === 0) {
        throw new AppError('conflict', 'This text has no block-level findings: it can be sent as it is.');
      }
      const now = clock.now();
      const approve = isApprover(p);
      const row: ComplianceOverrideRow = {
        id: ids.next('ovr'),
        tenantId: conv.tenantId,
        conversationId: conv.id,
        textHash: await textHash(conv.id, text),
        findings: blocked,
        reason: (await deps.redact(conv.tenantId, reason)).slice(0, 500),
        status: approve ? 'approved' : 'requested',
        requestedBy: p.userId,
        requestedAt: now,
        approvedBy: approve ? p.userId : null,
        approvedAt: approve ? now : null,
        expiresAt: approve ? now + OVERRIDE_TTL_MS : null,
        usedBy: null,
        usedAt: null,
        usedClientMessageId: null,
      };
      await db.insert(complianceOverrides).values(row);
      const common = {
        tenantId: conv.tenantId,
        actor: { id: p.userId, role: p.role },
        target: { type: 'compliance_override', id: row.id },
        conversationId: conv.id,
        reason,
        detail: { rules: blocked.map((f) => f.rule) },
      };
      await audit.record({ ...common, action: 'compliance.override.requested' });
      if (approve) {
        await audit.record({
          ...common,
          action: 'compliance.override.approved',
          detail: { ...common.detail, expiresAt: row.expiresAt },
        });
      } else {
        await logEvent(conv, COMPLIANCE_EVENTS.overrideRequested, p.userId, null, {
          overrideId: row.id,
          conversationId: conv.id,
          requestedBy: p.userId,
          reason: row.reason,
          rules: blocked.map((f) => f.rule),
        });
      }
      return toView(row);
    },

    /** A supervisor or admin approves an agent's request. */
    async approve(p: StaffPrincipal, conv: OverrideConversation, id: string): Promise<OverrideView> {
      if (!isApprover(p))
        throw new AppError('forbidden', 'Only a supervisor or an admin may approve an override.');
      const row = await load(conv.tenantId, id);
      if (row.conversationId !== conv.id) throw notFound('override');
      if (row.status === 'approved') return toView(row);
      if (row.status !== 'requested')
        throw new AppError('conflict', `The override is already ${row.status}.`);
      const now = clock.now();
      const expiresAt = now + OVERRIDE_TTL_MS;
      const updated = await db
        .update(complianceOverrides)
        .set({ status: 'approved', approvedBy: p.userId, approvedAt: now, expiresAt })
        .where(and(eq(complianceOverrides.id, id), eq(complianceOverrides.status, 'requested')))
        .returning();
      const fresh = updated[0];
      if (!fresh) throw new AppError('conflict', 'The override was changed meanwhile.');
      await audit.record({
        tenantId: conv.tenantId,
        actor: { id: p.userId, role: p.role },
        action: 'compliance.override.approved',
        target: { type: 'compliance_override', id },
        conversationId: conv.id,
        detail: { rules: row.findings.map((f) => f.rule), requestedBy: row.requestedBy, expiresAt },
      });
      await logEvent(conv, COMPLIANCE_EVENTS.overrideApproved, p.userId, row.requestedBy, {
        overrideId: id,
        conversationId: conv.id,
        approvedBy: p.userId,
        expiresAt,
      });
      return toView(fresh);
    },

    /** Overrides of a conversation, newest first. */
    async list(tenantId: string, conversationId: string): Promise<OverrideView[]> {
      const rows = await db
        .select()
        .from(complianceOverrides)
        .where(
          and(
            eq(complianceOverrides.tenantId, tenantId),
            eq(complianceOverrides.conversationId, conversationId),
          ),
        )
        .orderBy(desc(complianceOverrides.requestedAt))
        .limit(50);
      return rows.map(toView);
    },

    /** Requests of the tenant waiting for a supervisor, newest first, with the conversation subject. */
    async pending(tenantId: string, limit: number): Promise<(OverrideView & { subject: string })[]> {
      const rows = await db
        .select({ o: complianceOverrides, subject: conversations.subject })
        .from(complianceOverrides)
        .innerJoin(conversations, eq(conversations.id, complianceOverrides.conversationId))
        .where(and(eq(complianceOverrides.tenantId, tenantId), eq(complianceOverrides.status, 'requested')))
        .orderBy(desc(complianceOverrides.requestedAt))
        .limit(limit);
      return rows.map((r) => ({ ...toView(r.o), subject: r.subject }));
    },

    /**
     * Uses an approved override for this exact text, once. Returns a reason it cannot be used, or
     * null when it was used now.
     */
    async use(
      p: StaffPrincipal,
      conv: OverrideConversation,
      id: string,
      text: string,
      clientMessageId: string,
    ): Promise<string | null> {
      const now = clock.now();
      const hash = await textHash(conv.id, text);
      const used = await db
        .update(complianceOverrides)
        .set({ status: 'used', usedBy: p.userId, usedAt: now, usedClientMessageId: clientMessageId })
        .where(
          and(
            eq(complianceOverrides.id, id),
            eq(complianceOverrides.tenantId, conv.tenantId),
            eq(complianceOverrides.conversationId, conv.id),
            eq(complianceOverrides.status, 'approved'),
            eq(complianceOverrides.textHash, hash),
            gt(complianceOverrides.expiresAt, now),
          ),
        )
        .returning({ id: complianceOverrides.id, findings: complianceOverrides.findings });
      const row = used[0];
      if (!row) {
        const [found] = await db
          .select()
          .from(complianceOverrides)
          .where(and(eq(complianceOverrides.id, id), eq(complianceOverrides.tenantId, conv.tenantId)));
        if (!found || found.conversationId !== conv.id) return 'no such override for this conversation';
        if (found.status === 'requested') return 'the override is waiting for a supervisor';
        if (found.status !== 'approved') return `the override is already ${found.status}`;
        if (found.textHash !== hash) return 'the override was approved for a different text';
        return 'the override has expired';
      }
      await audit.record({
        tenantId: conv.tenantId,
        actor: { id: p.userId, role: p.role },
        action: 'compliance.override.used',
        target: { type: 'compliance_override', id },
        conversationId: conv.id,
        detail: { rules: row.findings.map((f) => f.rule), clientMessageId },
      });
      return null;
    },
  };
}

export type Overrides = ReturnType<typeof createOverrides>;
