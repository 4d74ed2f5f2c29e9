/**
 * @module Atomic write batches for dispatch: state updates and the events that record them go
 * into one `db.batch` (one transaction), then the inserted events are published on the bus in
 * commit order. An event can be made conditional on the statement before it having changed a
 * row, so a state change that lost a race leaves no event behind.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { conversations, events } from '#src/db/schema/conversations.ts';
import type { EventBus, StreamEvent } from '#src/realtime/bus.ts';

export interface NewEvent {
  tenantId: string;
  conversationId: string | null;
  type: string;
  actorId?: string | null;
  recipientId?: string | null;
  payload: Record<string, unknown>;
  at: number;
  /** Give the event the conversation's next seq: it becomes part of the conversation's history. */
  sequenced?: boolean;
  /** Insert only if the statement just before it changed a row. */
  ifChanged?: boolean;
  /** Add the conversation's subject, locale, state, skill and assignee to the payload. */
  withConversation?: boolean;
}

interface Returned {
  id: number;
  seq: number | null;
  payload: string;
  assigneeId: string | null;
}

type BatchItems = Parameters<Db['batch']>[0];

/** Statements per transaction before a batch is split (at a checkpoint, never mid-decision). */
const CHUNK = 400;

export function eventStatement(db: Db, e: NewEvent) {
  const json = JSON.stringify(e.payload);
  const actor = e.actorId ?? null;
  const recipient = e.recipientId ?? null;
  if (e.conversationId === null) {
    return db.all<Returned>(sql`insert into ${events} (tenant_id, conversation_id, seq, type, actor_id, recipient_id, payload, created_at)
      select ${e.tenantId}, null, null, ${e.type}, ${actor}, ${recipient}, ${json}, ${e.at}
      where ${e.ifChanged ? sql`changes() = 1` : sql`1 = 1`}
      returning id, seq, payload, null as assigneeId`);
  }
  const id = e.conversationId;
  const seq = e.sequenced
    ? sql`coalesce((select max(seq) from ${events} where conversation_id = ${id}), 0) + 1`
    : sql`null`;
  const payload = e.withConversation
    ? sql`json_set(${json}, '$.conversationId', c.id, '$.subject', c.subject, '$.locale', c.locale, '$.state', c.state, '$.skillId', c.skill_id, '$.assigneeId', c.assignee_id, '$.triage', json(case when c.triage then 'true' else 'false' end), '$.createdAt', c.created_at)`
    : sql`${json}`;
  return db.all<Returned>(sql`insert into ${events} (tenant_id, conversation_id, seq, type, actor_id, recipient_id, payload, created_at)
    select c.tenant_id, c.id, ${seq}, ${e.type}, ${actor}, ${recipient}, ${payload}, ${e.at}
    from ${conversations} c where c.id = ${id} and c.tenant_id = ${e.tenantId}${e.ifChanged ? sql` and changes() = 1` : sql``}
    returning id, seq, payload, (select assignee_id from ${conversations} where id = ${id}) as assigneeId`);
}

export interface LogBatch {
  run(query: SQL): void;
  event(e: NewEvent): void;
  /** A point where the batch may be split into separate transactions. */
  checkpoint(): void;
  readonly size: number;
  /** Writes everything, then publishes the events that were inserted; returns them. */
  commit(): Promise<StreamEvent[]>;
}

export function createLogBatch(db: Db, bus: EventBus): LogBatch {
  let items: unknown[] = [];
  let pending: { index: number; e: NewEvent }[] = [];
  const chunks: { items: unknown[]; pending: { index: number; e: NewEvent }[] }[] = [];

  const cut = () => {
    if (items.length === 0) return;
    chunks.push({ items, pending });
    items = [];
    pending = [];
  };

  return {
    run(query) {
      items.push(db.run(query));
    },
    event(e) {
      pending.push({ index: items.length, e });
      items.push(eventStatement(db, e));
    },
    checkpoint() {
      if (items.length >= CHUNK) cut();
    },
    get size() {
      return items.length + chunks.reduce((n, c) => n + c.items.length, 0);
    },
    async commit() {
      cut();
      const published: StreamEvent[] = [];
      for (const chunk of chunks.splice(0)) {
        const results = (await db.batch(chunk.items as unknown as BatchItems)) as unknown as unknown[];
        const inserted: StreamEvent[] = [];
        for (const { index, e } of chunk.pending) {
          const row = (results[index] as Returned[] | undefined)?.[0];
          if (!row) continue;
          inserted.push({
            id: row.id,
            tenantId: e.tenantId,
            conversationId: e.conversationId,
            seq: row.seq,
            type: e.type,
            assigneeId: row.assigneeId,
            recipientId: e.recipientId ?? null,
            payload: JSON.parse(row.payload) as Record<string, unknown>,
            createdAt: e.at,
          });
        }
        inserted.sort((a, b) => a.id - b.id);
        for (const ev of inserted) bus.publish(ev);
        published.push(...inserted);
      }
      return published;
    },
  };
}
