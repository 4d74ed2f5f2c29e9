/**
 * @module A discrete-event simulation of a chat/call centre that drives the real dispatcher
 * (src/core/dispatch): arrivals are piecewise-constant Poisson per skill and interval, handle
 * times and patience exponential, agents come and go with a roster per interval. Simulated
 * agents accept every offer at once; a shift change lets agents finish their current contact.
 */
import { createDispatcher } from '#src/core/dispatch/dispatcher.ts';
import { Heap } from '#src/core/dispatch/heap.ts';
import type { Decision, DispatchPolicy } from '#src/core/dispatch/types.ts';
import { createRandom } from './random.ts';

export interface SimAgent {
  id: string;
  skills: { skill: string; level: number }[];
  pool: 'staff' | 'on-demand';
}

export interface SimConfig {
  intervalSeconds: number;
  intervals: number;
  /** Arrival rate per second for each skill in each interval: rates[interval][skillIndex]. */
  rates: number[][];
  skills: string[];
  aht: number;
  /** Mean patience in seconds; null = infinite (Erlang C). */
  patience: number | null;
  /** Service-level threshold in seconds (answered within T). */
  threshold: number;
  /** Agents on duty in each interval. */
  roster: (interval: number) => SimAgent[];
  policy?: Partial<DispatchPolicy>;
  seed: number;
  /** Ignore arrivals before this time (seconds) in the statistics (warm-up). */
  warmupSeconds?: number;
  /** Optional window [from, to) in seconds reported separately (e.g. the peak 3 hours). */
  window?: [number, number];
}

export interface SimCounts {
  offered: number;
  answered: number;
  answeredWithin: number;
  abandoned: number;
  totalWait: number;
}

export interface SimResult {
  all: SimCounts;
  window: SimCounts;
  perInterval: SimCounts[];
  /** Busy agent-seconds and scheduled agent-seconds, overall and in the window. */
  busySeconds: number;
  scheduledSeconds: number;
  windowBusySeconds: number;
  windowScheduledSeconds: number;
  /** Scheduled agent-hours by pool. */
  agentHours: { staff: number; onDemand: number };
}

type SimEvent =
  | { at: number; kind: 'arrival'; id: number; skill: number }
  | { at: number; kind: 'complete'; id: number; agentId: string; startedAt: number }
  | { at: number; kind: 'abandon'; id: number }
  | { at: number; kind: 'boundary'; interval: number };

const emptyCounts = (): SimCounts => ({
  offered: 0,
  answered: 0,
  answeredWithin: 0,
  abandoned: 0,
  totalWait: 0,
});

export function simulate(cfg: SimConfig): SimResult {
  const rng = createRandom(cfg.seed);
  const events = new Heap<SimEvent>((a, b) => a.at < b.at);
  const horizon = cfg.intervals * cfg.intervalSeconds;
  const ms = (s: number) => Math.round(s * 1000);
  const dispatcher = createDispatcher({
    strategy: 'longest-idle',
    widenToAnyAgent: false,
    widenEverySeconds: 1e9,
    offerTimeoutSeconds: 1e9,
    slaRiskSeconds: 1e9,
    ...cfg.policy,
  });

  // Arrivals: exact piecewise-constant Poisson, interval by interval.
  let nextId = 0;
  for (let i = 0; i < cfg.intervals; i++) {
    const start = i * cfg.intervalSeconds;
    cfg.skills.forEach((_, k) => {
      const rate = cfg.rates[i]?.[k] ?? 0;
      if (rate <= 0) return;
      let t = start + rng.exponential(1 / rate);
      while (t < start + cfg.intervalSeconds) {
        events.push({ at: t, kind: 'arrival', id: nextId++, skill: k });
        t += rng.exponential(1 / rate);
      }
    });
    events.push({ at: start, kind: 'boundary', interval: i });
  }

  const arrivals = new Map<number, { at: number; counted: boolean; inWindow: boolean; interval: number }>();
  const resolved = new Set<number>();
  const all = emptyCounts();
  const win = emptyCounts();
  const perInterval = Array.from({ length: cfg.intervals }, emptyCounts);
  const onDuty = new Map<string, SimAgent>();
  const leaving = new Set<string>();
  const agentTasks = new Map<string, number>();
  let busySeconds = 0;
  let scheduledSeconds = 0;
  let windowBusySeconds = 0;
  let windowScheduledSeconds = 0;
  const agentHours = { staff: 0, onDemand: 0 };
  const [wFrom, wTo] = cfg.window ?? [0, 0];
  const overlap = (a: number, b: number) => Math.max(0, Math.min(b, wTo) - Math.max(a, wFrom));

  const bucketsOf = (id: number) => {
    const a = arrivals.get(id)!;
    if (!a.counted) return [] as SimCounts[];
    return a.inWindow ? [all, win, perInterval[a.interval]!] : [all, perInterval[a.interval]!];
  };

  function apply(decisions: Decision[], now: number) {
    for (const d of decisions) {
      if (d.type !== 'offered') continue;
      dispatcher.accept(d.taskId, d.agentId, ms(now));
      const id = Number(d.taskId);
      const a = arrivals.get(id)!;
      resolved.add(id);
      const wait = now - a.at;
      for (const c of bucketsOf(id)) {
        c.answered++;
        c.totalWait += wait;
        if (wait <= cfg.threshold) c.answeredWithin++;
      }
      agentTasks.set(d.agentId, (agentTasks.get(d.agentId) ?? 0) + 1);
      events.push({
        at: now + rng.exponential(cfg.aht),
        kind: 'complete',
        id,
        agentId: d.agentId,
        startedAt: now,
      });
    }
  }

  function bringOnline(agent: SimAgent, now: number) {
    leaving.delete(agent.id);
    apply(
      dispatcher.upsertAgent(
        {
          id: agent.id,
          presence: 'online',
          maxConcurrent: 1,
          pool: agent.pool,
          certifications: agent.skills.map((s) => ({ skill: s.skill, level: s.level, expiresAt: null })),
        },
        ms(now),
      ),
      now,
    );
  }

  while (events.size > 0) {
    const ev = events.pop()!;
    const now = ev.at;
    if (ev.kind === 'boundary') {
      const plan = cfg.roster(ev.interval);
      const planned = new Map(plan.map((a) => [a.id, a]));
      for (const [id] of onDuty) {
        if (planned.has(id)) continue;
        onDuty.delete(id);
        if ((agentTasks.get(id) ?? 0) > 0) {
          leaving.add(id);
          apply(dispatcher.setPresence(id, 'away', ms(now)), now);
        } else apply(dispatcher.setPresence(id, 'offline', ms(now)), now);
      }
      for (const agent of plan) {
        const end = now + cfg.intervalSeconds;
        scheduledSeconds += cfg.intervalSeconds;
        windowScheduledSeconds += overlap(now, end);
        if (agent.pool === 'staff') agentHours.staff += cfg.intervalSeconds / 3600;
        else agentHours.onDemand += cfg.intervalSeconds / 3600;
        if (!onDuty.has(agent.id)) {
          onDuty.set(agent.id, agent);
          bringOnline(agent, now);
        }
      }
      continue;
    }
    if (ev.kind === 'arrival') {
      const inWindow = now >= wFrom && now < wTo;
      const interval = Math.min(cfg.intervals - 1, Math.floor(now / cfg.intervalSeconds));
      const counted = now >= (cfg.warmupSeconds ?? 0) && now < horizon;
      arrivals.set(ev.id, { at: now, counted, inWindow, interval });
      for (const c of bucketsOf(ev.id)) c.offered++;
      if (cfg.patience !== null)
        events.push({ at: now + rng.exponential(cfg.patience), kind: 'abandon', id: ev.id });
      apply(
        dispatcher.enqueue(
          {
            id: String(ev.id),
            skill: cfg.skills[ev.skill]!,
            requiredLevel: 1,
            priority: 0,
            enqueuedAt: ms(now),
          },
          ms(now),
        ),
        now,
      );
      continue;
    }
    if (ev.kind === 'abandon') {
      if (resolved.has(ev.id)) continue;
      resolved.add(ev.id);
      for (const c of bucketsOf(ev.id)) c.abandoned++;
      dispatcher.release(String(ev.id), ms(now));
      continue;
    }
    // complete
    busySeconds += now - ev.startedAt;
    windowBusySeconds += overlap(ev.startedAt, now);
    agentTasks.set(ev.agentId, (agentTasks.get(ev.agentId) ?? 1) - 1);
    apply(dispatcher.release(String(ev.id), ms(now)), now);
    if (leaving.has(ev.agentId) && (agentTasks.get(ev.agentId) ?? 0) === 0) {
      leaving.delete(ev.agentId);
      apply(dispatcher.setPresence(ev.agentId, 'offline', ms(now)), now);
    }
  }
  return {
    all,
    window: win,
    perInterval,
    busySeconds,
    scheduledSeconds,
    windowBusySeconds,
    windowScheduledSeconds,
    agentHours,
  };
}

/** Answer rate, service level and abandonment from counts (NaN-safe: 0 offered → 0). */
export function rates(c: SimCounts) {
  const d = c.offered || 1;
  return {
    answerRate: c.answered / d,
    serviceLevel: c.answeredWithin / d,
    abandonRate: c.abandoned / d,
    asa: c.answered ? c.totalWait / c.answered : 0,
  };
}
