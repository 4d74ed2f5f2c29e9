/**
 * @module Reading the append-only event log, and turning rows into stream events. Replay after a
 * reconnect reads from here, so what a client missed — even across a restart — is never lost.
 */
import { and, asc, eq, gt, inArray, or, sql } from 'drizzle-orm';
import { LIFECYCLE_EVENTS } from '#src/core/conversations/events.ts';
import type { Db } from '#src/db/client.ts';
import { conversations, events } from '#src/db/schema/conversations.ts';
import type { StreamEvent } from '#src/realtime/bus.ts';
import { DISPATCH_EVENTS } from '#src/services/dispatch/events.ts';

export const REPLAY_PAGE = 500;

/** Events every staff member's inbox carries: the shared queue view (dispatch adds requeues and transfers). */
const BROADCAST: readonly string[] = [
  ...LIFECYCLE_EVENTS,
  DISPATCH_EVENTS.requeued,
  DISPATCH_EVENTS.transferred,
];

type Row = typeof events.$inferSelect & { assigneeId: string | null };

export function toStreamEvent(row: Row): StreamEvent {
  return {
    id: row.id,
    tenantId: row.tenantId,
    conversationId: row.conversationId,
    seq: row.seq,
    type: row.type,
    assigneeId: row.assigneeId,
    recipientId: row.recipientId,
    payload: row.payload,
    createdAt: row.createdAt,
  };
}

const selection = {
  id: events.id,
  tenantId: events.tenantId,
  conversationId: events.conversationId,
  seq: events.seq,
  type: events.type,
  messageId: events.messageId,
  actorId: events.actorId,
  recipientId: events.recipientId,
  payload: events.payload,
  createdAt: events.createdAt,
  assigneeId: conversations.assigneeId,
};

/** Events of one conversation with seq > `afterSeq`, in order. */
export async function conversationEventsAfter(
  db: Db,
  tenantId: string,
  conversationId: string,
  afterSeq: number,
  limit = REPLAY_PAGE,
): Promise<StreamEvent[]> {
  const rows = await db
    .select(selection)
    .from(events)
    .innerJoin(conversations, eq(conversations.id, events.conversationId))
    .where(
      and(eq(events.tenantId, tenantId), eq(events.conversationId, conversationId), gt(events.seq, afterSeq)),
    )
    .orderBy(asc(events.seq))
    .limit(limit);
  return rows.map(toStreamEvent);
}

/**
 * Inbox events after global id `afterId`: lifecycle events of the tenant plus everything about
 * conversations assigned to `userId` and everything addressed to them (offers, presence, shifts)
 * — or everything, for oversight roles. Tenant-level events have no conversation (left join).
 */
export async function inboxEventsAfter(
  db: Db,
  tenantId: string,
  userId: string,
  seeAll: boolean,
  afterId: number,
  limit = REPLAY_PAGE,
): Promise<StreamEvent[]> {
  const scope = seeAll
    ? sql`1 = 1`
    : or(
        eq(conversations.assigneeId, userId),
        eq(events.recipientId, userId),
        inArray(events.type, [...BROADCAST]),
      );
  const rows = await db
    .select(selection)
    .from(events)
    .leftJoin(conversations, eq(conversations.id, events.conversationId))
    .where(and(eq(events.tenantId, tenantId), gt(events.id, afterId), scope))
    .orderBy(asc(events.id))
    .limit(limit);
  return rows.map(toStreamEvent);
}

/** Whether a live inbox event concerns this user (same rule as the replay query). */
export function inboxWants(ev: StreamEvent, userId: string, seeAll: boolean): boolean {
  return seeAll || ev.assigneeId === userId || ev.recipientId === userId || BROADCAST.includes(ev.type);
}
