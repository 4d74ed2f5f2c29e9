/**
 * @module The in-process dispatch adapter (Node, Deno): one live tenant runtime per tenant,
 * rebuilt from the database on first use or at start, an intent router that classifies new
 * conversations, and a staffing step at every interval boundary (forecast + elastic call-in).
 * Time comes from the clock and timers from the scheduler port, so tests drive it all.
 */
import type { StaffPrincipal } from '#src/core/auth/principal.ts';
import type { Db } from '#src/db/client.ts';
import type { Conversation } from '#src/db/schema/conversations.ts';
import { tenants as tenantTable } from '#src/db/schema/tenants.ts';
import { AppError } from '#src/http/problem.ts';
import type { Clock } from '#src/ports/clock.ts';
import type { Ids } from '#src/ports/ids.ts';
import type { Logger } from '#src/ports/logger.ts';
import type { EventBus } from '#src/realtime/bus.ts';
import { ROUTABLE_ROLE } from './agents.ts';
import { type CallInOutcome, respondToShift, runCallIn } from './call-in.ts';
import { loadConversation, openingText } from './conversation-writes.ts';
import { forecastTenant, intervalStart } from './forecast.ts';
import { type Classification, createIntentRouter, type IntentModelCache } from './intent-router.ts';
import type { DispatchPort } from './port.ts';
import { type Scheduler, timerScheduler } from './scheduler.ts';
import { createTenantDispatch, type TenantDispatch } from './tenant-dispatch.ts';

export interface InProcessDispatchDeps {
  db: Db;
  clock: Clock;
  ids: Ids;
  events: EventBus;
  logger: Logger;
}

export interface InProcessDispatchOptions {
  /** Timers; defaults to real timers on the clock. Tests pass the manual scheduler. */
  scheduler?: Scheduler;
  /** Share trained intent models between instances (tests build many apps with the same SOPs). */
  intentModels?: IntentModelCache;
  /** Train every tenant's classifier in the background after start (default true). */
  warmClassifiers?: boolean;
}

export interface InProcessDispatch extends DispatchPort {
  /** The tenant's runtime (rebuilt from the database on first use). */
  tenant(tenantId: string): Promise<TenantDispatch>;
  /** Runs the interval step now: forecast, then call-in/release. */
  runStaffing(tenantId: string): Promise<CallInOutcome[]>;
  /** Resolves when every operation started so far has finished (tests). */
  idle(): Promise<void>;
}

function requireAgent(p: StaffPrincipal) {
  if (p.role !== ROUTABLE_ROLE) {
    throw new AppError('forbidden', 'Presence is for agents: dispatch offers conversations to agents only.');
  }
}

export function createInProcessDispatch(
  deps: InProcessDispatchDeps,
  options: InProcessDispatchOptions = {},
): InProcessDispatch {
  const { db, clock, logger } = deps;
  const scheduler = options.scheduler ?? timerScheduler(clock);
  const intent = createIntentRouter(db, logger, options.intentModels);
  const runtimes = new Map<string, Promise<TenantDispatch>>();
  const staffingTimers = new Map<string, () => void>();
  const inFlight = new Set<Promise<unknown>>();
  let stopped = false;

  const track = <T>(p: Promise<T>): Promise<T> => {
    inFlight.add(p);
    const done = () => inFlight.delete(p);
    p.then(done, done);
    return p;
  };

  function tenant(tenantId: string): Promise<TenantDispatch> {
    let rt = runtimes.get(tenantId);
    if (!rt) {
      rt = (async () => {
        const created = createTenantDispatch({ ...deps, scheduler }, tenantId);
        const { unclassified } = await created.rebuild();
        armStaffing(created);
        if (unclassified.length) track(classifyPending(created, unclassified));
        return created;
      })();
      runtimes.set(tenantId, rt);
      rt.catch((err) => {
        runtimes.delete(tenantId);
        logger.error('dispatch rebuild failed', { tenantId, error: String(err) });
      });
    }
    return rt;
  }

  /** Conversations left unclassified (opened before a crash, or before dispatch existed). */
  async function classifyPending(rt: TenantDispatch, ids: string[]) {
    for (const id of ids) {
      const conv = await loadConversation(db, rt.tenantId, id);
      const text = conv ? await openingText(db, id) : null;
      if (conv && text !== null) await route(rt, conv, text);
    }
  }

  async function classify(rt: TenantDispatch, text: string): Promise<Classification> {
    try {
      return await intent.classify(rt.tenantId, text, rt.settings.triageBelowConfidence);
    } catch (err) {
      logger.error('intent classification failed', { tenantId: rt.tenantId, error: String(err) });
      return {
        sop: null,
        label: 'none',
        confidence: 0,
        ranked: [],
        provider: 'embedded',
        reason: 'the classifier failed; a supervisor routes this conversation',
      };
    }
  }

  async function route(rt: TenantDispatch, conv: Conversation, text: string) {
    if (conv.state !== 'queued' || conv.skillId || conv.triage) return;
    await rt.route(conv, await classify(rt, text));
  }

  function armStaffing(rt: TenantDispatch) {
    staffingTimers.get(rt.tenantId)?.();
    if (stopped) return;
    const size = rt.settings.intervalMinutes * 60_000;
    const at = intervalStart(clock.now(), rt.settings) + size;
    staffingTimers.set(
      rt.tenantId,
      scheduler.at(at, () => {
        staffingTimers.delete(rt.tenantId);
        track(
          runStaffing(rt.tenantId)
            .catch((err) =>
              logger.error('staffing step failed', { tenantId: rt.tenantId, error: String(err) }),
            )
            .finally(() => armStaffing(rt)),
        );
      }),
    );
  }

  async function runStaffing(tenantId: string): Promise<CallInOutcome[]> {
    const rt = await tenant(tenantId);
    const report = await forecastTenant(db, tenantId, rt.settings, clock.now(), 1);
    return rt.staffing((c) => runCallIn(c, deps, report));
  }

  return {
    mode: 'live',
    tenant,
    runStaffing,

    async conversationCreated(conv, firstText) {
      // The conversation is already durable: a routing failure must not fail its creation. It
      // is logged, and the next rebuild (or a retry of the create) routes it.
      await track(tenant(conv.tenantId).then((rt) => route(rt, conv, firstText))).catch((err) =>
        logger.error('routing a new conversation failed', {
          tenantId: conv.tenantId,
          conversationId: conv.id,
          error: String(err),
        }),
      );
    },
    async conversationClosed(tenantId, conversationId) {
      await track((await tenant(tenantId)).closed(conversationId));
    },
    async accept(p, id) {
      return (await tenant(p.tenantId)).accept(p, id);
    },
    async decline(p, id) {
      await (await tenant(p.tenantId)).decline(p, id);
    },
    async transfer(p, id, input) {
      return (await tenant(p.tenantId)).transfer(p, id, input);
    },
    async claim(p, id) {
      return (await tenant(p.tenantId)).claim(p, id);
    },
    async presence(p) {
      return (await tenant(p.tenantId)).presence(p);
    },
    async setPresence(p, status) {
      requireAgent(p);
      return (await tenant(p.tenantId)).setPresence(p, status);
    },
    async heartbeat(p, sentAt) {
      requireAgent(p);
      return (await tenant(p.tenantId)).heartbeat(p, sentAt);
    },
    async respondToShift(p, offerId, accept) {
      requireAgent(p);
      const rt = await tenant(p.tenantId);
      return rt.staffing((c) => respondToShift(c, db, p.userId, offerId, accept));
    },
    async settingsChanged(tenantId) {
      const rt = await tenant(tenantId);
      const { unclassified } = await rt.rebuild();
      armStaffing(rt);
      if (unclassified.length) track(classifyPending(rt, unclassified));
    },
    async agentChanged(tenantId, userId) {
      await (await tenant(tenantId)).agentChanged(userId);
    },
    sopsChanged(tenantId) {
      intent.invalidate(tenantId);
    },

    async start() {
      const rows = await db.select({ id: tenantTable.id }).from(tenantTable);
      for (const { id } of rows) await tenant(id);
      if (options.warmClassifiers ?? true) {
        // One tenant at a time, yielding in between: training is CPU-bound.
        track(
          (async () => {
            for (const { id } of rows) {
              if (stopped) return;
              await new Promise((r) => setTimeout(r, 0));
              await intent
                .warm(id)
                .catch((err) => logger.warn('intent warm-up failed', { tenantId: id, error: String(err) }));
            }
          })(),
        );
      }
    },

    stop() {
      stopped = true;
      for (const cancel of staffingTimers.values()) cancel();
      staffingTimers.clear();
      for (const rt of runtimes.values()) rt.then((r) => r.stop()).catch(() => {});
    },

    async idle() {
      for (;;) {
        const pending = [...inFlight];
        const all = await Promise.all([...runtimes.values()].map((r) => r.catch(() => null)));
        await Promise.all([...pending.map((p) => p.catch(() => {})), ...all.map((r) => r?.idle())]);
        if (inFlight.size === 0 && pending.length === 0) {
          const again = await Promise.all([...runtimes.values()].map((r) => r.catch(() => null)));
          await Promise.all(again.map((r) => r?.idle()));
          if (inFlight.size === 0) return;
        }
      }
    },
  };
}
