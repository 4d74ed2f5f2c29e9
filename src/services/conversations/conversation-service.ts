/**
 * @module Conversations and messages: create, post, read, claim, resolve. Every write is one
 * atomic batch (message + event + counters), durable before it is acknowledged or published,
 * and idempotent on the client's message id.
 */
import { and, asc, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { CustomerPrincipal, Principal, StaffPrincipal } from '#src/core/auth/principal.ts';
import { canRead, canWrite, detectLocale, isOpen, subjectFrom } from '#src/core/conversations/access.ts';
import { EVENT_TYPES } from '#src/core/conversations/events.ts';
import type { Db } from '#src/db/client.ts';
import {
  type AuthorRole,
  type Conversation,
  type ConversationState,
  conversations,
  events,
  type Message,
  messages,
} from '#src/db/schema/conversations.ts';
import { AppError, notFound } from '#src/http/problem.ts';
import type { Clock } from '#src/ports/clock.ts';
import type { Ids } from '#src/ports/ids.ts';
import type { EventBus } from '#src/realtime/bus.ts';
import type { ComplianceService } from '#src/services/compliance/index.ts';
import type { DispatchPort } from '#src/services/dispatch/port.ts';
import type { MessageIngest } from '#src/services/pii/ingest.ts';
import { toStreamEvent } from './event-log.ts';

export interface ConversationDeps {
  db: Db;
  clock: Clock;
  ids: Ids;
  events: EventBus;
  /** Masks every message before it is stored or published; raw values go to the vault. */
  pii: MessageIngest;
  /** Routes new conversations and frees agents on resolve (live, or queue-only on Workers). */
  dispatch: DispatchPort;
  /** Runs before a message is stored: enforces block-level compliance findings, feeds complaint risk. */
  compliance?: Pick<ComplianceService, 'beforeMessage'>;
}

export interface NewMessage {
  text: string;
  clientMessageId: string;
  /** A supervisor-approved compliance override for exactly this text (agent sends). */
  overrideId?: string;
}

/** Next per-conversation event seq, computed inside the same statement that inserts the event. */
const nextEventSeq = (conversationId: string) =>
  sql`coalesce((select max(seq) from ${events} where conversation_id = ${conversationId}), 0) + 1`;

export function createConversationService(deps: ConversationDeps) {
  const { db, clock, ids } = deps;

  async function publishEvents(where: ReturnType<typeof eq>) {
    const rows = await db
      .select({
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
      })
      .from(events)
      .innerJoin(conversations, eq(conversations.id, events.conversationId))
      .where(where)
      .orderBy(asc(events.id));
    for (const row of rows) deps.events.publish(toStreamEvent(row));
  }

  /** Loads a conversation the caller may read; anything else is a 404. */
  async function getReadable(p: Principal, id: string): Promise<Conversation> {
    const [conv] = await db
      .select()
      .from(conversations)
      .where(and(eq(conversations.id, id), eq(conversations.tenantId, p.tenantId)));
    if (!conv || !canRead(p, conv)) throw notFound('conversation');
    return conv;
  }

  /** Whether a conversation is readable/writable needs only these columns (the hot path). */
  const loadAccessFacts = db
    .select({
      id: conversations.id,
      tenantId: conversations.tenantId,
      customerId: conversations.customerId,
      assigneeId: conversations.assigneeId,
      state: conversations.state,
    })
    .from(conversations)
    .where(
      and(
        eq(conversations.id, sql.placeholder('id')),
        eq(conversations.tenantId, sql.placeholder('tenantId')),
      ),
    )
    .prepare();

  const loadByClientId = db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, sql.placeholder('conversationId')),
        eq(messages.clientMessageId, sql.placeholder('clientMessageId')),
      ),
    )
    .prepare();

  /**
   * Inserts a message (and its `message.created` event) unless the client id was seen before.
   * Returns the stored message and whether this call created it. RETURNING hands back what only
   * the database knows (seq, event id, assignee at commit), so a new message needs no read-back
   * and is published in commit order (an in-order stream never has to catch up from the log).
   * When the client id exists, nothing is written (the counter update is guarded by changes()).
   */
  async function insertMessage(
    conv: Pick<Conversation, 'id' | 'tenantId'>,
    author: { role: AuthorRole; id: string },
    input: NewMessage,
  ): Promise<{ message: Message; created: boolean }> {
    const id = ids.next('msg');
    const now = clock.now();
    // Masked before anything is stored or published; the raw values are sealed into the vault
    // by statements in this same batch (they insert nothing when the message is a retry).
    const prepared = await deps.pii.prepare(conv.tenantId, input.text);
    const sealed = await deps.pii.seal(conv, id, prepared, now);
    const [inserted, logged] = await db.batch([
      db.all<{
        seq: number;
      }>(sql`insert into ${messages} (id, tenant_id, conversation_id, seq, author_role, author_id, text, pii, client_message_id, created_at)
        select ${id}, ${conv.tenantId}, ${conv.id}, coalesce(max(seq), 0) + 1, ${author.role}, ${author.id}, ${prepared.text}, ${sealed.pii ? JSON.stringify(sealed.pii) : null}, ${input.clientMessageId}, ${now}
        from ${messages} where conversation_id = ${conv.id}
        on conflict do nothing
        returning seq`),
      db.all<{
        id: number;
        seq: number;
        payload: string;
        assigneeId: string | null;
      }>(sql`insert into ${events} (tenant_id, conversation_id, seq, type, message_id, actor_id, payload, created_at)
        select m.tenant_id, m.conversation_id, ${nextEventSeq(conv.id)}, ${EVENT_TYPES.messageCreated}, m.id, m.author_id,
          json_object('message', json_object('id', m.id, 'conversationId', m.conversation_id, 'seq', m.seq,
            'authorRole', m.author_role, 'authorId', m.author_id, 'text', m.text, 'pii', json(m.pii),
            'clientMessageId', m.client_message_id, 'createdAt', m.created_at)),
          m.created_at
        from ${messages} m where m.id = ${id}
        on conflict do nothing
        returning id, seq, payload, (select assignee_id from ${conversations} where id = ${conv.id}) as assigneeId`),
      db.run(sql`update ${conversations} set last_message_seq = (select max(seq) from ${messages} where conversation_id = ${conv.id}),
        updated_at = ${now} where id = ${conv.id} and changes() = 1`),
      ...sealed.statements.map((s) => db.run(s)),
    ]);
    const row = inserted[0];
    if (row) {
      for (const ev of logged) {
        deps.events.publish({
          id: ev.id,
          tenantId: conv.tenantId,
          conversationId: conv.id,
          seq: ev.seq,
          type: EVENT_TYPES.messageCreated,
          assigneeId: ev.assigneeId,
          payload: JSON.parse(ev.payload) as Record<string, unknown>,
          createdAt: now,
        });
      }
      const message: Message = {
        id,
        tenantId: conv.tenantId,
        conversationId: conv.id,
        seq: row.seq,
        authorRole: author.role,
        authorId: author.id,
        text: prepared.text,
        pii: sealed.pii,
        clientMessageId: input.clientMessageId,
        createdAt: now,
      };
      return { message, created: true };
    }
    const message = await loadByClientId.get({
      conversationId: conv.id,
      clientMessageId: input.clientMessageId,
    });
    if (!message) throw new Error(`message ${input.clientMessageId} vanished after insert`);
    return { message, created: false };
  }

  async function lastEventSeq(conversationId: string): Promise<number> {
    const [row] = await db
      .select({ seq: sql<number>`coalesce(max(${events.seq}), 0)` })
      .from(events)
      .where(eq(events.conversationId, conversationId));
    return row?.seq ?? 0;
  }

  /** Publishes what was logged after `seq`; subscribers drop duplicates, so overlap is harmless. */
  const publishSince = (conversationId: string, seq: number) =>
    publishEvents(and(eq(events.conversationId, conversationId), gt(events.seq, seq))!);

  /** A reused client id must carry the same text: compared masked, plus a keyed MAC of the raw text. */
  async function assertSameText(message: Message, input: NewMessage) {
    if (!(await deps.pii.sameText(message, message.tenantId, input.text))) {
      throw new AppError(
        'conflict',
        `clientMessageId ${input.clientMessageId} was already used for a different message.`,
      );
    }
  }

  return {
    getReadable,

    /** Opens a conversation with the customer's first message; a retry returns the original. */
    async create(
      p: CustomerPrincipal,
      input: NewMessage,
    ): Promise<{ conversation: Conversation; created: boolean }> {
      const id = ids.next('conv');
      const now = clock.now();
      const locale = detectLocale(input.text);
      await db.batch([
        db.run(sql`insert into ${conversations} (id, tenant_id, customer_id, open_client_message_id, state, priority, locale, subject, last_message_seq, created_at, updated_at)
          values (${id}, ${p.tenantId}, ${p.customerId}, ${input.clientMessageId}, 'queued', 0, ${locale}, ${subjectFrom((await deps.pii.prepare(p.tenantId, input.text)).text)}, 0, ${now}, ${now})
          on conflict do nothing`),
        db.run(sql`insert into ${events} (tenant_id, conversation_id, seq, type, actor_id, payload, created_at)
          select c.tenant_id, c.id, 1, ${EVENT_TYPES.conversationCreated}, c.customer_id,
            json_object('conversation', json_object('id', c.id, 'state', c.state, 'subject', c.subject, 'locale', c.locale, 'customerId', c.customer_id, 'createdAt', c.created_at)),
            c.created_at
          from ${conversations} c where c.id = ${id}
          on conflict do nothing`),
      ]);
      const [conv] = await db
        .select()
        .from(conversations)
        .where(
          and(
            eq(conversations.customerId, p.customerId),
            eq(conversations.openClientMessageId, input.clientMessageId),
          ),
        );
      if (!conv) throw new Error('conversation vanished after insert');
      const created = conv.id === id;
      if (created) await publishEvents(and(eq(events.conversationId, id), eq(events.seq, 1))!);
      await deps.compliance?.beforeMessage(conv, p, input);
      const { message } = await insertMessage(conv, { role: 'customer', id: p.customerId }, input);
      await assertSameText(message, input);
      // Classify the stored (masked) opening and queue it; a retry re-checks, so a create that
      // crashed before routing still gets routed.
      await deps.dispatch.conversationCreated(conv, message.text);
      const [fresh] = await db.select().from(conversations).where(eq(conversations.id, conv.id));
      return { conversation: fresh ?? conv, created };
    },

    /** Posts a message as the customer or the assigned agent. */
    async post(
      p: Principal,
      conversationId: string,
      input: NewMessage,
    ): Promise<{ message: Message; created: boolean }> {
      const conv = await loadAccessFacts.get({ id: conversationId, tenantId: p.tenantId });
      if (!conv || !canRead(p, conv)) throw notFound('conversation');
      if (canWrite(p, conv) && isOpen(conv)) {
        const author =
          p.kind === 'customer'
            ? { role: 'customer' as const, id: p.customerId }
            : { role: 'agent' as const, id: p.userId };
        // Block-level compliance findings stop a staff send here (422), before anything is stored.
        await deps.compliance?.beforeMessage(conv, p, input);
        // A retried client id inserts nothing and comes back as the stored message.
        const result = await insertMessage(conv, author, input);
        await assertSameText(result.message, input);
        return result;
      }
      // Not writable (any more): a retry of a message that made it still gets its answer.
      const existing = await loadByClientId.get({
        conversationId: conv.id,
        clientMessageId: input.clientMessageId,
      });
      if (existing) {
        await assertSameText(existing, input);
        return { message: existing, created: false };
      }
      if (!canWrite(p, conv)) {
        throw new AppError(
          'forbidden',
          'Only the customer and the assigned agent may write to this conversation.',
        );
      }
      throw new AppError('conflict', `The conversation is ${conv.state}.`);
    },

    async messagesAfter(
      p: Principal,
      conversationId: string,
      after: number,
      limit: number,
    ): Promise<Message[]> {
      const conv = await getReadable(p, conversationId);
      return db
        .select()
        .from(messages)
        .where(and(eq(messages.conversationId, conv.id), gt(messages.seq, after)))
        .orderBy(asc(messages.seq))
        .limit(limit);
    },

    /** Conversations the caller can see, newest activity first. */
    async list(p: StaffPrincipal, filter: { states?: ConversationState[]; mine?: boolean; limit: number }) {
      const clauses = [eq(conversations.tenantId, p.tenantId)];
      if (filter.states?.length) clauses.push(inArray(conversations.state, filter.states));
      if (filter.mine) clauses.push(eq(conversations.assigneeId, p.userId));
      const rows = await db
        .select()
        .from(conversations)
        .where(and(...clauses))
        .orderBy(desc(conversations.updatedAt))
        .limit(filter.limit);
      return rows.filter((c) => canRead(p, c));
    },

    /**
     * Manual claim of a queued conversation; exactly one concurrent claimer wins. With a live
     * dispatcher only supervisors and admins claim (an override that withdraws any offer);
     * agents accept what they are offered. Without one (Workers) agents claim from the queue.
     */
    async claim(p: StaffPrincipal, conversationId: string): Promise<Conversation> {
      if (deps.dispatch.mode === 'live') {
        if (p.role !== 'supervisor' && p.role !== 'admin') {
          await getReadable(p, conversationId);
          throw new AppError(
            'forbidden',
            'Conversations are offered by the dispatcher: accept an offer with POST /api/v1/conversations/{id}/accept. Claiming is a supervisor override.',
          );
        }
        return deps.dispatch.claim(p, conversationId);
      }
      const conv = await getReadable(p, conversationId);
      if (conv.assigneeId === p.userId && conv.state === 'assigned') return conv;
      const now = clock.now();
      const before = await lastEventSeq(conv.id);
      await db.batch([
        db.run(sql`update ${conversations} set state = 'assigned', assignee_id = ${p.userId}, assigned_at = ${now}, updated_at = ${now}
          where id = ${conv.id} and tenant_id = ${p.tenantId} and state = 'queued'`),
        db.run(sql`insert into ${events} (tenant_id, conversation_id, seq, type, actor_id, payload, created_at)
          select c.tenant_id, c.id, ${nextEventSeq(conv.id)}, ${EVENT_TYPES.conversationAssigned}, ${p.userId},
            json_object('conversationId', c.id, 'assigneeId', c.assignee_id, 'state', c.state), ${now}
          from ${conversations} c where c.id = ${conv.id} and changes() = 1`),
      ]);
      const [after] = await db.select().from(conversations).where(eq(conversations.id, conv.id));
      if (!after || after.assigneeId !== p.userId) {
        throw new AppError('conflict', 'The conversation was already taken or closed.');
      }
      await publishSince(conv.id, before);
      return after;
    },

    /** Marks an assigned conversation resolved (the assignee, a supervisor or an admin). */
    async resolve(p: StaffPrincipal, conversationId: string): Promise<Conversation> {
      const conv = await getReadable(p, conversationId);
      if (conv.state === 'resolved') return conv;
      const oversight = p.role === 'supervisor' || p.role === 'admin';
      if (conv.assigneeId !== p.userId && !oversight) {
        throw new AppError(
          'forbidden',
          'Only the assigned agent or a supervisor may resolve this conversation.',
        );
      }
      if (!isOpen(conv)) throw new AppError('conflict', `The conversation is ${conv.state}.`);
      const now = clock.now();
      const before = await lastEventSeq(conv.id);
      await db.batch([
        db.run(sql`update ${conversations} set state = 'resolved', resolved_at = ${now}, updated_at = ${now}
          where id = ${conv.id} and state in ('queued', 'assigned')`),
        db.run(sql`insert into ${events} (tenant_id, conversation_id, seq, type, actor_id, payload, created_at)
          select c.tenant_id, c.id, ${nextEventSeq(conv.id)}, ${EVENT_TYPES.conversationResolved}, ${p.userId},
            json_object('conversationId', c.id, 'state', c.state), ${now}
          from ${conversations} c where c.id = ${conv.id} and changes() = 1`),
      ]);
      await publishSince(conv.id, before);
      await deps.dispatch.conversationClosed(conv.tenantId, conv.id);
      const [after] = await db.select().from(conversations).where(eq(conversations.id, conv.id));
      return after ?? conv;
    },
  };
}

export type ConversationService = ReturnType<typeof createConversationService>;
