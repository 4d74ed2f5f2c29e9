/**
 * @module The dispatch port without a dispatcher, for runtimes that cannot host a long-lived one
 * yet (Workers, until a Durable Object per tenant hosts the tenant runtime). Conversations stay
 * in the queue unclassified and agents claim them by hand; presence, transfer and the wall work
 * on the database alone. Accept and decline answer 409: nothing is ever offered here.
 */
import type { Db } from '#src/db/client.ts';
import { AppError, notFound } from '#src/http/problem.ts';
import type { Clock } from '#src/ports/clock.ts';
import type { EventBus } from '#src/realtime/bus.ts';
import { effectivePresence, ROUTABLE_ROLE } from './agents.ts';
import {
  isOversight,
  loadConversation,
  readableConversation,
  skillByKey,
  writeAssignment,
  writeTransfer,
} from './conversation-writes.ts';
import { createLogBatch } from './log-batch.ts';
import type { DispatchPort } from './port.ts';
import { presenceView, readPresence, touchHeartbeat, writePresence } from './presence-store.ts';
import { loadSettings } from './settings.ts';

const NO_DISPATCHER = 'No live dispatcher runs on this runtime: conversations are claimed from the queue.';

export function createQueueOnlyDispatch(deps: { db: Db; clock: Clock; events: EventBus }): DispatchPort {
  const { db, clock } = deps;
  const batch = () => createLogBatch(db, deps.events);
  const agentOnly = (role: string) => {
    if (role !== ROUTABLE_ROLE) throw new AppError('forbidden', 'Presence is for agents.');
  };

  return {
    mode: 'queue-only',
    async conversationCreated() {},
    async conversationClosed() {},
    async accept() {
      throw new AppError('conflict', NO_DISPATCHER);
    },
    async decline() {
      throw new AppError('conflict', NO_DISPATCHER);
    },
    async transfer(p, id, input) {
      const conv = await readableConversation(db, p, id);
      if (conv.assigneeId !== p.userId && !isOversight(p)) {
        throw new AppError(
          'forbidden',
          'Only the assigned agent or a supervisor may transfer this conversation.',
        );
      }
      if (conv.state !== 'queued' && conv.state !== 'assigned') {
        throw new AppError('conflict', `The conversation is ${conv.state}.`);
      }
      const to = await skillByKey(db, p.tenantId, input.skill);
      const b = batch();
      writeTransfer(b, {
        tenantId: p.tenantId,
        conversation: conv,
        to,
        fromKey: null,
        level: input.level ?? 1,
        by: p.userId,
        reason: input.reason ?? null,
        now: clock.now(),
      });
      await b.commit();
      const after = await loadConversation(db, p.tenantId, id);
      if (!after) throw notFound('conversation');
      return after;
    },
    async claim(p, id) {
      const conv = await readableConversation(db, p, id);
      if (conv.state === 'assigned' && conv.assigneeId === p.userId) return conv;
      const b = batch();
      writeAssignment(b, {
        tenantId: p.tenantId,
        conversationId: id,
        userId: p.userId,
        now: clock.now(),
        via: 'claim',
      });
      const written = await b.commit();
      if (!written.length) throw new AppError('conflict', 'The conversation was already taken or closed.');
      const after = await loadConversation(db, p.tenantId, id);
      if (!after) throw notFound('conversation');
      return after;
    },
    async presence(p) {
      const settings = await loadSettings(db, p.tenantId);
      return presenceView(
        await readPresence(db, p.userId),
        clock.now(),
        settings.heartbeatTimeoutSeconds,
        'queue-only',
      );
    },
    async setPresence(p, status) {
      agentOnly(p.role);
      const settings = await loadSettings(db, p.tenantId);
      const now = clock.now();
      const row = await readPresence(db, p.userId);
      const b = batch();
      writePresence(b, {
        tenantId: p.tenantId,
        userId: p.userId,
        status,
        reason: 'agent',
        now,
        previous: effectivePresence(row, now, settings.heartbeatTimeoutSeconds * 1000),
      });
      await b.commit();
      return presenceView(
        await readPresence(db, p.userId),
        now,
        settings.heartbeatTimeoutSeconds,
        'queue-only',
      );
    },
    async heartbeat(p, sentAt) {
      agentOnly(p.role);
      const settings = await loadSettings(db, p.tenantId);
      const now = clock.now();
      const row = await readPresence(db, p.userId);
      const b = batch();
      const current = effectivePresence(row, now, settings.heartbeatTimeoutSeconds * 1000);
      if (row && current === 'offline' && row.chosen !== 'offline') {
        writePresence(b, {
          tenantId: p.tenantId,
          userId: p.userId,
          status: row.chosen,
          reason: 'heartbeat-resumed',
          now,
          previous: current,
        });
      } else if (row) touchHeartbeat(b, p.userId, now);
      await b.commit();
      return presenceView(
        await readPresence(db, p.userId),
        now,
        settings.heartbeatTimeoutSeconds,
        'queue-only',
        sentAt,
      );
    },
    async respondToShift() {
      throw notFound('shift offer');
    },
    async settingsChanged() {},
    async agentChanged() {},
    sopsChanged() {},
    async start() {},
    stop() {},
  };
}
