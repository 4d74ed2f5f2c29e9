/**
 * @module The conversation writes dispatch makes besides recording decisions: assignment (by
 * accepting an offer or by a supervisor's claim), transfer to another skill, triage and
 * classification. Each is guarded by the state it expects, so a write that lost a race changes
 * nothing and logs nothing; the caller sees that and answers 409.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { StaffPrincipal } from '#src/core/auth/principal.ts';
import { canRead } from '#src/core/conversations/access.ts';
import { EVENT_TYPES } from '#src/core/conversations/events.ts';
import type { Db } from '#src/db/client.ts';
import { type Conversation, conversations } from '#src/db/schema/conversations.ts';
import { skills } from '#src/db/schema/skills.ts';
import { AppError, notFound } from '#src/http/problem.ts';
import { DISPATCH_EVENTS } from './events.ts';
import type { Classification } from './intent-router.ts';
import type { LogBatch } from './log-batch.ts';

export const OVERSIGHT = ['supervisor', 'admin'] as const;
export const isOversight = (p: StaffPrincipal) => (OVERSIGHT as readonly string[]).includes(p.role);

export async function loadConversation(db: Db, tenantId: string, id: string): Promise<Conversation | null> {
  const [row] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.id, id), eq(conversations.tenantId, tenantId)));
  return row ?? null;
}

/** A conversation the staff member may read, else 404 (existence never leaks). */
export async function readableConversation(db: Db, p: StaffPrincipal, id: string): Promise<Conversation> {
  const conv = await loadConversation(db, p.tenantId, id);
  if (!conv || !canRead(p, conv)) throw notFound('conversation');
  return conv;
}

export async function skillByKey(db: Db, tenantId: string, key: string) {
  const [row] = await db
    .select({ id: skills.id, key: skills.key })
    .from(skills)
    .where(and(eq(skills.tenantId, tenantId), eq(skills.key, key)));
  if (!row) {
    throw new AppError('validation_failed', `No skill "${key}" in this tenant.`, [
      { path: 'body.skill', message: 'unknown skill key' },
    ]);
  }
  return row;
}

/** Assigns a queued conversation to `userId`; with `offeredTo`, only if it is offered to them. */
export function writeAssignment(
  b: LogBatch,
  a: { tenantId: string; conversationId: string; userId: string; now: number; via: 'dispatch' | 'claim' },
): void {
  const offerGuard = a.via === 'dispatch' ? sql` and offered_to = ${a.userId}` : sql``;
  // The first answer time is kept across requeues: service level counts the first answer.
  b.run(sql`update ${conversations} set state = 'assigned', assignee_id = ${a.userId},
    assigned_at = coalesce(assigned_at, ${a.now}), offered_to = null, offer_expires_at = null, updated_at = ${a.now}
    where id = ${a.conversationId} and tenant_id = ${a.tenantId} and state = 'queued'${offerGuard}`);
  b.event({
    tenantId: a.tenantId,
    conversationId: a.conversationId,
    type: EVENT_TYPES.conversationAssigned,
    actorId: a.userId,
    at: a.now,
    sequenced: true,
    ifChanged: true,
    withConversation: true,
    payload: { via: a.via },
  });
  b.checkpoint();
}

export interface TransferWrite {
  tenantId: string;
  conversation: Conversation;
  to: { id: string; key: string };
  fromKey: string | null;
  level: number;
  by: string;
  reason: string | null;
  now: number;
}

/** Back to the queue for another skill: same conversation, same messages, a logged step in its history. */
export function writeTransfer(b: LogBatch, t: TransferWrite): void {
  b.run(sql`update ${conversations} set state = 'queued', assignee_id = null, offered_to = null,
    offer_expires_at = null, skill_id = ${t.to.id}, required_level = ${t.level}, triage = 0, updated_at = ${t.now}
    where id = ${t.conversation.id} and tenant_id = ${t.tenantId} and state in ('queued', 'assigned')`);
  b.event({
    tenantId: t.tenantId,
    conversationId: t.conversation.id,
    type: DISPATCH_EVENTS.transferred,
    actorId: t.by,
    at: t.now,
    sequenced: true,
    ifChanged: true,
    withConversation: true,
    payload: {
      fromSkill: t.fromKey,
      toSkill: t.to.key,
      level: t.level,
      previousAssigneeId: t.conversation.assigneeId,
      reason: t.reason ?? `transferred to ${t.to.key}`,
    },
  });
  b.checkpoint();
}

/** Records the classifier's verdict on a new conversation: an SOP and skill, or triage. */
export function writeClassification(
  b: LogBatch,
  c: { tenantId: string; conversationId: string; cls: Classification; skillKey: string | null; now: number },
): void {
  const { cls } = c;
  const unclassified = sql`id = ${c.conversationId} and tenant_id = ${c.tenantId} and skill_id is null and triage = 0`;
  const verdict = {
    label: cls.label,
    confidence: cls.confidence,
    ranked: cls.ranked,
    provider: cls.provider,
    reason: cls.reason,
  };
  if (cls.sop) {
    b.run(sql`update ${conversations} set sop_id = ${cls.sop.id}, skill_id = ${cls.sop.skillId},
      required_level = ${cls.sop.minLevel}, updated_at = ${c.now} where ${unclassified}`);
    b.event({
      tenantId: c.tenantId,
      conversationId: c.conversationId,
      type: DISPATCH_EVENTS.classified,
      at: c.now,
      ifChanged: true,
      withConversation: true,
      payload: {
        ...verdict,
        sopId: cls.sop.id,
        sopKey: cls.sop.key,
        skill: c.skillKey,
        level: cls.sop.minLevel,
      },
    });
  } else {
    b.run(
      sql`update ${conversations} set triage = 1, updated_at = ${c.now} where ${unclassified} and state = 'queued'`,
    );
    b.event({
      tenantId: c.tenantId,
      conversationId: c.conversationId,
      type: DISPATCH_EVENTS.triaged,
      at: c.now,
      ifChanged: true,
      withConversation: true,
      payload: verdict,
    });
  }
  b.checkpoint();
}

/** The first customer message: what a conversation is classified from. */
export async function openingText(db: Db, conversationId: string): Promise<string | null> {
  const [row] = await db.all<{ text: string }>(
    sql`select text from messages where conversation_id = ${conversationId} and author_role = 'customer' order by seq limit 1`,
  );
  return row?.text ?? null;
}
