/**
 * @module Elastic call-in. At each interval boundary, per skill: when the queue is longer than
 * the free chat slots of online certified agents, or the next interval's forecast needs more
 * slots than are online, shifts are offered to certified on-demand agents who are not online
 * (most proficient first) until the shortfall is covered. Agents called in earlier are released
 * when capacity without them still covers both the queue and the forecast and they hold no
 * conversation. Every decision is a row plus an event that says why, with the numbers.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { type AgentShiftOffer, agentShiftOffers } from '#src/db/schema/dispatch.ts';
import { AppError, notFound } from '#src/http/problem.ts';
import type { Ids } from '#src/ports/ids.ts';
import { certValid } from './agents.ts';
import { DISPATCH_EVENTS } from './events.ts';
import type { ForecastReport } from './forecast.ts';
import type { StaffingContext } from './tenant-dispatch.ts';

export interface CallInOutcome {
  skill: string;
  waiting: number;
  onlineSlots: number;
  freeSlots: number;
  forecastVolume: number;
  requiredSlots: number;
  shortfall: number;
  offered: string[];
  released: string[];
}

async function openOffers(db: Db, tenantId: string): Promise<AgentShiftOffer[]> {
  return db
    .select()
    .from(agentShiftOffers)
    .where(
      and(eq(agentShiftOffers.tenantId, tenantId), inArray(agentShiftOffers.status, ['offered', 'accepted'])),
    );
}

function shiftEvent(
  c: StaffingContext,
  type: string,
  offer: { id: string; userId: string },
  payload: object,
) {
  c.batch.event({
    tenantId: c.tenantId,
    conversationId: null,
    type,
    recipientId: offer.userId,
    at: c.now,
    payload: { offerId: offer.id, userId: offer.userId, ...payload },
  });
  c.batch.checkpoint();
}

export async function runCallIn(
  c: StaffingContext,
  deps: { db: Db; ids: Ids },
  forecast: ForecastReport,
): Promise<CallInOutcome[]> {
  const { now } = c;
  const offers = await openOffers(deps.db, c.tenantId);
  const live: AgentShiftOffer[] = [];
  for (const o of offers) {
    if (o.status === 'offered' && o.intervalEnd <= now) {
      c.batch.run(
        sql`update ${agentShiftOffers} set status = 'expired', responded_at = ${now} where id = ${o.id} and status = 'offered'`,
      );
      shiftEvent(c, DISPATCH_EVENTS.shiftExpired, o, { reason: 'not accepted before the interval ended' });
    } else live.push(o);
  }
  const waitingBySkill = new Map(c.dispatcher.stats(now).map((s) => [s.skill, s.waiting]));
  const loadOf = (id: string) => c.dispatcher.agentLoad(id) ?? 0;
  const outcomes: CallInOutcome[] = [];

  for (const f of forecast.skills) {
    const next = f.intervals[0];
    if (!next) continue;
    const holders = [...c.agents.values()].filter((a) =>
      a.certifications.some((x) => x.skillId === f.skillId && certValid(x, now)),
    );
    const online = holders.filter((a) => c.presenceOf(a.id) === 'online');
    let onlineSlots = online.reduce((n, a) => n + a.maxConcurrent, 0);
    let freeSlots = online.reduce((n, a) => n + Math.max(0, a.maxConcurrent - loadOf(a.id)), 0);
    const waiting = waitingBySkill.get(f.skillId) ?? 0;
    const required = next.requiredSlots;
    const shortfall = Math.max(0, required - onlineSlots, waiting - freeSlots);
    const outcome: CallInOutcome = {
      skill: f.skill,
      waiting,
      onlineSlots,
      freeSlots,
      forecastVolume: next.volume,
      requiredSlots: required,
      shortfall,
      offered: [],
      released: [],
    };
    const numbers = `queue ${waiting} vs ${freeSlots} free slots; forecast ${next.volume.toFixed(1)} chats needs ${required} slots vs ${onlineSlots} online`;

    if (shortfall > 0 && c.settings.callIn) {
      const busy = new Set(live.map((o) => o.userId));
      const levelOf = (a: (typeof holders)[number]) =>
        Math.max(...a.certifications.filter((x) => x.skillId === f.skillId).map((x) => x.level));
      const candidates = holders
        .filter((a) => a.pool === 'on-demand' && c.presenceOf(a.id) !== 'online' && !busy.has(a.id))
        .sort((x, y) => levelOf(y) - levelOf(x) || (x.id < y.id ? -1 : 1));
      let covered = 0;
      for (const a of candidates) {
        if (covered >= shortfall) break;
        const id = deps.ids.next('shf');
        const reason = `${f.skill}: ${numbers} (short by ${shortfall})`;
        c.batch.run(sql`insert into ${agentShiftOffers} (id, tenant_id, user_id, skill_id, status, reason, interval_start, interval_end, created_at)
          values (${id}, ${c.tenantId}, ${a.id}, ${f.skillId}, 'offered', ${reason}, ${next.start}, ${next.end}, ${now})`);
        shiftEvent(
          c,
          DISPATCH_EVENTS.shiftOffered,
          { id, userId: a.id },
          {
            skill: f.skill,
            intervalStart: next.start,
            intervalEnd: next.end,
            reason,
          },
        );
        live.push({
          id,
          tenantId: c.tenantId,
          userId: a.id,
          skillId: f.skillId,
          status: 'offered',
          reason,
          intervalStart: next.start,
          intervalEnd: next.end,
          createdAt: now,
          respondedAt: null,
          releasedAt: null,
          releaseReason: null,
        });
        outcome.offered.push(a.id);
        covered += a.maxConcurrent;
      }
    }

    // Release called-in agents this skill no longer needs, idle ones only.
    for (const o of live.filter((x) => x.status === 'accepted' && x.skillId === f.skillId)) {
      const agent = c.agents.get(o.userId);
      if (!agent) continue;
      const status = c.presenceOf(o.userId);
      const load = loadOf(o.userId);
      const without = {
        online: onlineSlots - (status === 'online' ? agent.maxConcurrent : 0),
        free: freeSlots - (status === 'online' ? agent.maxConcurrent - load : 0),
      };
      const wentOffline = status === 'offline';
      if (!wentOffline && (load > 0 || without.online < required || without.free < waiting)) continue;
      const reason = wentOffline
        ? 'the agent went offline'
        : `demand fell: ${f.skill} needs ${required} slots and has ${without.online} online without this agent; queue ${waiting}`;
      c.batch.run(sql`update ${agentShiftOffers} set status = 'released', released_at = ${now}, release_reason = ${reason}
        where id = ${o.id} and status = 'accepted'`);
      shiftEvent(c, DISPATCH_EVENTS.shiftReleased, o, { skill: f.skill, reason });
      if (!wentOffline) await c.setPresence(o.userId, 'offline', 'shift-released');
      onlineSlots = without.online;
      freeSlots = without.free;
      o.status = 'released';
      outcome.released.push(o.userId);
    }

    if (outcome.offered.length || outcome.released.length || shortfall > 0) {
      c.batch.event({
        tenantId: c.tenantId,
        conversationId: null,
        type: DISPATCH_EVENTS.callIn,
        at: now,
        payload: {
          ...outcome,
          intervalStart: next.start,
          intervalEnd: next.end,
          reason:
            shortfall > 0
              ? `${numbers}: short by ${shortfall} slots${c.settings.callIn ? '' : ' (call-in is switched off)'}`
              : `${numbers}: capacity covers demand`,
        },
      });
      c.batch.checkpoint();
    }
    outcomes.push(outcome);
  }
  return outcomes;
}

/** The agent answers a shift offer; accepting brings them online at once. */
export async function respondToShift(
  c: StaffingContext,
  db: Db,
  userId: string,
  offerId: string,
  accept: boolean,
): Promise<AgentShiftOffer> {
  const [offer] = await db
    .select()
    .from(agentShiftOffers)
    .where(
      and(
        eq(agentShiftOffers.id, offerId),
        eq(agentShiftOffers.tenantId, c.tenantId),
        eq(agentShiftOffers.userId, userId),
      ),
    );
  if (!offer) throw notFound('shift offer');
  const wanted = accept ? 'accepted' : 'declined';
  if (offer.status === wanted) return offer;
  if (offer.status !== 'offered') throw new AppError('conflict', `The shift offer is ${offer.status}.`);
  if (offer.intervalEnd <= c.now) {
    c.batch.run(
      sql`update ${agentShiftOffers} set status = 'expired', responded_at = ${c.now} where id = ${offer.id}`,
    );
    shiftEvent(c, DISPATCH_EVENTS.shiftExpired, offer, { reason: 'answered after the interval ended' });
    await c.batch.commit();
    throw new AppError('conflict', 'The shift offer expired.');
  }
  c.batch.run(sql`update ${agentShiftOffers} set status = ${wanted}, responded_at = ${c.now}
    where id = ${offer.id} and status = 'offered'`);
  shiftEvent(c, accept ? DISPATCH_EVENTS.shiftAccepted : DISPATCH_EVENTS.shiftDeclined, offer, {
    skill: c.skillKey(offer.skillId),
    reason: accept ? 'accepted by the agent' : 'declined by the agent',
  });
  if (accept) await c.setPresence(userId, 'online', 'shift-accepted');
  return { ...offer, status: wanted, respondedAt: c.now };
}
