/**
 * @module One tenant's live dispatch: the pure dispatcher plus everything around it — state
 * rebuilt from the database, decisions written and published, timers armed at the dispatcher's
 * next deadline and at the next missed heartbeat. Every operation runs one at a time (a promise
 * chain per tenant), so the dispatcher and the database never disagree halfway through a change
 * and no conversation can be assigned twice, however many requests arrive at once.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { StaffPrincipal } from '#src/core/auth/principal.ts';
import { createDispatcher, type Dispatcher } from '#src/core/dispatch/dispatcher.ts';
import type { Decision, Presence, TaskInput } from '#src/core/dispatch/types.ts';
import type { Db } from '#src/db/client.ts';
import { type Conversation, conversations } from '#src/db/schema/conversations.ts';
import { skills } from '#src/db/schema/skills.ts';
import { AppError, notFound } from '#src/http/problem.ts';
import type { Clock } from '#src/ports/clock.ts';
import type { Ids } from '#src/ports/ids.ts';
import type { Logger } from '#src/ports/logger.ts';
import type { EventBus } from '#src/realtime/bus.ts';
import { type AgentRecord, loadAgents } from './agents.ts';
import {
  isOversight,
  loadConversation,
  readableConversation,
  skillByKey,
  writeAssignment,
  writeClassification,
  writeTransfer,
} from './conversation-writes.ts';
import { DISPATCH_EVENTS } from './events.ts';
import type { Classification } from './intent-router.ts';
import { createLogBatch, type LogBatch } from './log-batch.ts';
import type { TransferInput } from './port.ts';
import { type PresenceView, presenceView, readPresence, touchHeartbeat } from './presence-store.ts';
import { planRebuild, taskOf } from './rebuild-plan.ts';
import { recordDecision, recordUnstaffed, withdrawOffer } from './record-decisions.ts';
import { createRoster, type PresenceChangeOptions } from './roster.ts';
import type { Scheduler } from './scheduler.ts';
import { corePolicy, type DispatchSettings, loadSettings } from './settings.ts';

export interface TenantDispatchDeps {
  db: Db;
  clock: Clock;
  ids: Ids;
  events: EventBus;
  logger: Logger;
  scheduler: Scheduler;
}

/** What the staffing (call-in) step may use while it holds the tenant's turn. */
export interface StaffingContext {
  tenantId: string;
  now: number;
  settings: DispatchSettings;
  batch: LogBatch;
  dispatcher: Dispatcher;
  agents: ReadonlyMap<string, AgentRecord>;
  presenceOf(userId: string): Presence;
  skillKey(id: string): string;
  /** Changes an agent's presence as the system (shift accepted or released). */
  setPresence(userId: string, status: Presence, reason: string): Promise<void>;
}

interface Timer {
  at: number | null;
  cancel: () => void;
}
const idle = (): Timer => ({ at: null, cancel: () => {} });

export type TenantDispatch = ReturnType<typeof createTenantDispatch>;

export function createTenantDispatch(deps: TenantDispatchDeps, tenantId: string) {
  const { db, clock, logger, scheduler } = deps;
  let settings: DispatchSettings;
  let dispatcher: Dispatcher = createDispatcher();
  let skillKeys = new Map<string, string>();
  const roster = createRoster(tenantId);
  let dispatchTimer = idle();
  let sweepTimer = idle();
  let stopped = false;
  let chain: Promise<unknown> = Promise.resolve();

  const timeoutMs = () => settings.heartbeatTimeoutSeconds * 1000;
  const skillKey = (id: string) => (id === '*' ? '*' : (skillKeys.get(id) ?? id));
  const batch = () => createLogBatch(db, deps.events);
  const ctx = (now: number) => ({ tenantId, settings, now, skillKey });

  /** Runs `fn` after every earlier operation of this tenant; timers are re-armed afterwards. */
  function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = chain.then(async () => {
      try {
        return await fn();
      } finally {
        if (!stopped) arm();
      }
    });
    chain = run.catch(() => {});
    return run;
  }

  function record(b: LogBatch, decisions: Decision[], now: number) {
    const c = ctx(now);
    for (const d of decisions) recordDecision(b, d, c);
  }

  function arm() {
    const next = dispatcher.nextTimerAt();
    if (next !== dispatchTimer.at) {
      dispatchTimer.cancel();
      dispatchTimer =
        next === null
          ? idle()
          : {
              at: next,
              cancel: scheduler.at(next, () => {
                dispatchTimer = idle();
                void exclusive(onTick).catch((err) => logger.error('dispatch tick failed', errFields(err)));
              }),
            };
    }
    const earliest = roster.earliestBeat();
    if (sweepTimer.at === null && earliest !== null) {
      const at = earliest + timeoutMs();
      sweepTimer = {
        at,
        cancel: scheduler.at(at, () => {
          sweepTimer = idle();
          void exclusive(onSweep).catch((err) => logger.error('heartbeat sweep failed', errFields(err)));
        }),
      };
    }
  }

  async function onTick() {
    const now = clock.now();
    const b = batch();
    record(b, dispatcher.tick(now), now);
    await b.commit();
  }

  /** Agents whose heartbeat is older than the timeout (server time) go offline; their work is requeued. */
  async function onSweep() {
    const now = clock.now();
    const b = batch();
    for (const [userId, beat] of roster.due(now, timeoutMs())) {
      await applyPresence(b, userId, 'offline', 'heartbeat-timeout', now, { keepChoice: true, beat });
    }
    await b.commit();
  }

  function enqueue(b: LogBatch, task: TaskInput, now: number) {
    const decisions = dispatcher.enqueue(task, now);
    record(b, decisions, now);
    const offered = decisions.some((d) => d.type === 'offered' && d.taskId === task.id);
    if (!offered && !roster.staffed(task.skill, now)) {
      recordUnstaffed(b, { tenantId, conversationId: task.id, now }, skillKey(task.skill));
    }
  }

  /** Writes a presence change and applies it to the dispatcher (requeues on offline). */
  async function applyPresence(
    b: LogBatch,
    userId: string,
    status: Presence,
    reason: string,
    now: number,
    opts: PresenceChangeOptions & { refresh?: boolean } = {},
  ) {
    if (!roster.agents.has(userId) || opts.refresh) {
      // Coming online is when certifications and limits are re-read (they change between shifts).
      const [loaded] = await loadAgents(db, tenantId, userId);
      if (!loaded) throw new AppError('forbidden', 'Only agents take part in dispatch.');
      roster.put(loaded);
    }
    record(b, dispatcher.upsertAgent(roster.change(b, userId, status, reason, now, opts), now), now);
  }

  async function rebuild(): Promise<{ unclassified: string[] }> {
    settings = await loadSettings(db, tenantId);
    const skillRows = await db
      .select({ id: skills.id, key: skills.key })
      .from(skills)
      .where(eq(skills.tenantId, tenantId));
    skillKeys = new Map(skillRows.map((s) => [s.id, s.key]));
    const idOfKey = new Map(skillRows.map((s) => [s.key, s.id]));
    dispatcher = createDispatcher(corePolicy(settings, (k) => idOfKey.get(k)));
    dispatchTimer.cancel();
    dispatchTimer = idle();
    sweepTimer.cancel();
    sweepTimer = idle();

    const now = clock.now();
    const b = batch();
    for (const input of roster.reset(await loadAgents(db, tenantId), now, timeoutMs(), b)) {
      dispatcher.upsertAgent(input, now);
    }

    const open = await db
      .select()
      .from(conversations)
      .where(and(eq(conversations.tenantId, tenantId), inArray(conversations.state, ['queued', 'assigned'])))
      .orderBy(asc(conversations.createdAt), asc(conversations.id));
    const plan = planRebuild(open, roster.statuses);
    for (const { task, holderId } of plan.adopt) dispatcher.adopt(task, holderId, now);
    for (const { conversationId, agentId } of plan.requeue) {
      // Its agent is gone: back to the queue, at its place in created_at order.
      recordDecision(
        b,
        { type: 'requeued', taskId: conversationId, agentId, at: now, reason: 'agent-offline' },
        ctx(now),
      );
    }
    for (const { conversationId, agentId } of plan.withdraw) {
      withdrawOffer(
        b,
        { tenantId, conversationId, agentId, now },
        'rebuilt',
        'the dispatcher was rebuilt (restart or policy change); the conversation is offered again',
      );
    }
    for (const task of plan.enqueue) record(b, dispatcher.enqueue(task, now), now);
    const { unclassified } = plan;
    await b.commit();
    logger.info('dispatch rebuilt', {
      tenantId,
      agents: roster.agents.size,
      online: [...roster.statuses.values()].filter((s) => s === 'online').length,
      waiting: dispatcher.waitingCount,
      unclassified: unclassified.length,
    });
    return { unclassified };
  }

  /** 404 for conversations the caller cannot see, 409 for an offer that is not theirs. */
  async function offerNotYours(p: StaffPrincipal, conversationId: string): Promise<never> {
    await readableConversation(db, p, conversationId);
    throw new AppError(
      'conflict',
      'There is no open offer of this conversation for you: it expired, was declined or went to someone else.',
    );
  }

  return {
    tenantId,
    get settings() {
      return settings;
    },
    get dispatcher() {
      return dispatcher;
    },
    exclusive,

    rebuild: () => exclusive(rebuild),

    /** Writes the classifier's verdict and queues the conversation. */
    route(conv: Conversation, cls: Classification) {
      return exclusive(async () => {
        const fresh = await loadConversation(db, tenantId, conv.id);
        if (fresh?.state !== 'queued' || fresh.skillId || fresh.triage) return;
        const now = clock.now();
        const b = batch();
        writeClassification(b, {
          tenantId,
          conversationId: conv.id,
          cls,
          skillKey: cls.sop ? skillKey(cls.sop.skillId) : null,
          now,
        });
        if (cls.sop) {
          enqueue(b, taskOf({ ...fresh, skillId: cls.sop.skillId, requiredLevel: cls.sop.minLevel }), now);
        }
        await b.commit();
      });
    },

    closed(conversationId: string) {
      return exclusive(async () => {
        const before = dispatcher.taskOf(conversationId);
        if (!before) return;
        const now = clock.now();
        const b = batch();
        if (before.status === 'offered' && before.agentId) {
          withdrawOffer(
            b,
            { tenantId, conversationId, agentId: before.agentId, now },
            'closed',
            'the conversation was resolved',
          );
        }
        record(b, dispatcher.release(conversationId, now), now);
        await b.commit();
      });
    },

    accept(p: StaffPrincipal, conversationId: string) {
      return exclusive(async () => {
        const t = dispatcher.taskOf(conversationId);
        if (t?.status !== 'offered' || t.agentId !== p.userId) {
          const conv = await readableConversation(db, p, conversationId);
          if (conv.state === 'assigned' && conv.assigneeId === p.userId) return conv;
          return offerNotYours(p, conversationId);
        }
        const now = clock.now();
        const b = batch();
        writeAssignment(b, { tenantId, conversationId, userId: p.userId, now, via: 'dispatch' });
        const written = await b.commit();
        if (!written.some((e) => e.type === 'conversation.assigned')) {
          // The database moved on (resolved meanwhile): forget the task and say so.
          const after = batch();
          record(after, dispatcher.release(conversationId, now), now);
          await after.commit();
          throw new AppError(
            'conflict',
            'The conversation was closed or taken before the offer was accepted.',
          );
        }
        dispatcher.accept(conversationId, p.userId, now);
        const conv = await loadConversation(db, tenantId, conversationId);
        if (!conv) throw notFound('conversation');
        return conv;
      });
    },

    decline(p: StaffPrincipal, conversationId: string) {
      return exclusive(async () => {
        const t = dispatcher.taskOf(conversationId);
        if (t?.status !== 'offered' || t.agentId !== p.userId) return offerNotYours(p, conversationId);
        const now = clock.now();
        const b = batch();
        record(b, dispatcher.decline(conversationId, p.userId, now), now);
        await b.commit();
      });
    },

    transfer(p: StaffPrincipal, conversationId: string, input: TransferInput) {
      return exclusive(async () => {
        const conv = await readableConversation(db, p, conversationId);
        if (conv.assigneeId !== p.userId && !isOversight(p)) {
          throw new AppError(
            'forbidden',
            'Only the assigned agent or a supervisor may transfer this conversation.',
          );
        }
        if (conv.state !== 'queued' && conv.state !== 'assigned') {
          throw new AppError('conflict', `The conversation is ${conv.state}.`);
        }
        const to = await skillByKey(db, tenantId, input.skill);
        const level = input.level ?? 1;
        const now = clock.now();
        const b = batch();
        writeTransfer(b, {
          tenantId,
          conversation: conv,
          to,
          fromKey: conv.skillId ? skillKey(conv.skillId) : null,
          level,
          by: p.userId,
          reason: input.reason ?? null,
          now,
        });
        // A held or offered task is requeued by the dispatcher (its agent is told); a triage
        // conversation enters the dispatcher here for the first time.
        if (dispatcher.taskOf(conversationId)) {
          record(b, dispatcher.transfer(conversationId, to.id, level, now), now);
        } else enqueue(b, taskOf({ ...conv, skillId: to.id, requiredLevel: level }), now);
        await b.commit();
        const after = await loadConversation(db, tenantId, conversationId);
        if (!after) throw notFound('conversation');
        return after;
      });
    },

    claim(p: StaffPrincipal, conversationId: string) {
      return exclusive(async () => {
        const conv = await readableConversation(db, p, conversationId);
        if (conv.state === 'assigned' && conv.assigneeId === p.userId) return conv;
        const now = clock.now();
        const b = batch();
        writeAssignment(b, { tenantId, conversationId, userId: p.userId, now, via: 'claim' });
        const before = dispatcher.taskOf(conversationId);
        if (before?.status === 'offered' && before.agentId) {
          // Only if the claim went through (the assignment event right before was inserted).
          b.event({
            tenantId,
            conversationId,
            type: DISPATCH_EVENTS.offerExpired,
            recipientId: before.agentId,
            at: now,
            ifChanged: true,
            payload: {
              agentId: before.agentId,
              reason: 'claimed',
              detail: 'a supervisor took the conversation',
            },
          });
        }
        const written = await b.commit();
        if (!written.some((e) => e.type === 'conversation.assigned')) {
          throw new AppError('conflict', 'The conversation was already taken or closed.');
        }
        const after = batch();
        if (before) record(after, dispatcher.release(conversationId, now), now);
        if (conv.skillId) dispatcher.adopt(taskOf(conv), p.userId, now);
        await after.commit();
        const fresh = await loadConversation(db, tenantId, conversationId);
        if (!fresh) throw notFound('conversation');
        return fresh;
      });
    },

    setPresence(p: StaffPrincipal, status: Presence) {
      return exclusive(async () => {
        const now = clock.now();
        const b = batch();
        await applyPresence(b, p.userId, status, 'agent', now, { refresh: true });
        await b.commit();
        return presenceView(
          roster.agents.get(p.userId)?.presence ?? null,
          now,
          settings.heartbeatTimeoutSeconds,
          'live',
        );
      });
    },

    heartbeat(p: StaffPrincipal, sentAt?: number) {
      return exclusive(async (): Promise<PresenceView> => {
        const now = clock.now();
        const row = await readPresence(db, p.userId);
        const b = batch();
        if (row && roster.statusOf(p.userId) === 'offline' && row.chosen !== 'offline') {
          // Back after a missed-heartbeat timeout: restore what the agent had chosen.
          await applyPresence(b, p.userId, row.chosen, 'heartbeat-resumed', now);
        } else if (row) {
          touchHeartbeat(b, p.userId, now);
          roster.touch(p.userId, now);
        }
        await b.commit();
        const fresh = await readPresence(db, p.userId);
        return presenceView(fresh, now, settings.heartbeatTimeoutSeconds, 'live', sentAt);
      });
    },

    presence(p: StaffPrincipal) {
      return exclusive(async () =>
        presenceView(await readPresence(db, p.userId), clock.now(), settings.heartbeatTimeoutSeconds, 'live'),
      );
    },

    agentChanged(userId: string) {
      return exclusive(async () => {
        const [loaded] = await loadAgents(db, tenantId, userId);
        if (!loaded) return;
        const now = clock.now();
        const b = batch();
        record(b, dispatcher.upsertAgent(roster.put(loaded), now), now);
        await b.commit();
      });
    },

    /** Runs a staffing step (call-in) with the tenant's turn held. */
    staffing<T>(fn: (c: StaffingContext) => Promise<T>): Promise<T> {
      return exclusive(async () => {
        const now = clock.now();
        const b = batch();
        const result = await fn({
          tenantId,
          now,
          settings,
          batch: b,
          dispatcher,
          agents: roster.agents,
          presenceOf: roster.statusOf,
          skillKey,
          setPresence: (userId, status, reason) => applyPresence(b, userId, status, reason, now),
        });
        await b.commit();
        return result;
      });
    },

    /** Resolves once every operation queued so far has finished. */
    async idle() {
      for (;;) {
        const seen = chain;
        await seen;
        if (seen === chain) return;
      }
    },

    stop() {
      stopped = true;
      dispatchTimer.cancel();
      sweepTimer.cancel();
    },
  };
}

function errFields(err: unknown) {
  return { error: String(err), stack: (err as Error | undefined)?.stack };
}
