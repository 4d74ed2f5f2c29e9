/**
 * @module Presence rows and their events. Every timestamp written here is the server's clock:
 * what a client says its time is never decides whether an agent is online.
 */
import { eq, sql } from 'drizzle-orm';
import type { Presence } from '#src/core/dispatch/types.ts';
import type { Db } from '#src/db/client.ts';
import { type AgentPresence, agentPresence } from '#src/db/schema/dispatch.ts';
import { effectivePresence } from './agents.ts';
import { DISPATCH_EVENTS } from './events.ts';
import type { LogBatch } from './log-batch.ts';

export interface PresenceView {
  /** What dispatch uses now (a stale heartbeat reads as offline). */
  status: Presence;
  /** What the agent last chose; a heartbeat after a timeout restores it. */
  chosen: Presence;
  reason: string | null;
  since: number | null;
  lastHeartbeatAt: number | null;
  /** The server's clock when answering; clients may show their offset from it. */
  serverTime: number;
  /** serverTime − the client's `sentAt`, when it sent one (informational only). */
  skewMs: number | null;
  timeoutSeconds: number;
  /** `live`: the dispatcher offers conversations; `queue-only`: agents claim from the queue. */
  dispatch: 'live' | 'queue-only';
}

export async function readPresence(db: Db, userId: string): Promise<AgentPresence | null> {
  const [row] = await db.select().from(agentPresence).where(eq(agentPresence.userId, userId));
  return row ?? null;
}

export function presenceView(
  row: AgentPresence | null,
  now: number,
  timeoutSeconds: number,
  dispatch: PresenceView['dispatch'],
  sentAt?: number,
): PresenceView {
  return {
    status: effectivePresence(row, now, timeoutSeconds * 1000),
    chosen: row?.chosen ?? 'offline',
    reason: row?.reason ?? null,
    since: row?.since ?? null,
    lastHeartbeatAt: row?.lastHeartbeatAt ?? null,
    serverTime: now,
    skewMs: sentAt === undefined ? null : now - sentAt,
    timeoutSeconds,
    dispatch,
  };
}

export interface PresenceChange {
  tenantId: string;
  userId: string;
  status: Presence;
  /** Defaults to `status` (the agent chose it); a timeout keeps the previous choice. */
  chosen?: Presence;
  reason: string;
  now: number;
  /** Defaults to `now`; a timeout keeps the last heartbeat it found. */
  heartbeatAt?: number;
  /** Status before the change (effective), to decide whether an event is due. */
  previous: Presence;
}

/** Upserts the row; logs `agent.presence` when the effective status changes. */
export function writePresence(b: LogBatch, c: PresenceChange): void {
  const chosen = c.chosen ?? c.status;
  const beat = c.heartbeatAt ?? c.now;
  const changed = c.previous !== c.status ? 1 : 0;
  b.run(sql`insert into ${agentPresence} (user_id, tenant_id, status, chosen, last_heartbeat_at, since, reason)
    values (${c.userId}, ${c.tenantId}, ${c.status}, ${chosen}, ${beat}, ${c.now}, ${c.reason})
    on conflict (user_id) do update set
      since = case when ${changed} = 1 then excluded.since else agent_presence.since end,
      reason = case when ${changed} = 1 then excluded.reason else agent_presence.reason end,
      status = excluded.status, chosen = excluded.chosen, last_heartbeat_at = excluded.last_heartbeat_at`);
  if (c.previous !== c.status) {
    b.event({
      tenantId: c.tenantId,
      conversationId: null,
      type: DISPATCH_EVENTS.presence,
      actorId: c.userId,
      recipientId: c.userId,
      at: c.now,
      payload: { userId: c.userId, status: c.status, previous: c.previous, reason: c.reason },
    });
  }
  b.checkpoint();
}

export function touchHeartbeat(b: LogBatch, userId: string, now: number): void {
  b.run(sql`update ${agentPresence} set last_heartbeat_at = ${now} where user_id = ${userId}`);
}
