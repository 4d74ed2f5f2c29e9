/**
 * @module The tidal-day experiment (DOMAIN.md §3.4): the same rostered headcount routed three
 * ways — `team` (agents partitioned by skill), `individual` (each agent certified in a primary
 * skill plus the next one in a chain, longest-idle dispatch) and `elastic` (individual plus
 * on-demand agents called in at each interval boundary to cover the pooled Erlang requirement).
 */
import { offeredLoad, requiredAgents } from '#src/core/staffing/erlang-c.ts';
import { rates, type SimAgent, type SimResult, simulate } from './contact-centre.ts';
import { peakWindowStart, type TidalDay, tidalDay } from './tidal-day.ts';

export const MODES = ['team', 'individual', 'elastic'] as const;
export type Mode = (typeof MODES)[number];

export interface TidalOptions {
  rosterCap: number;
  seeds: number;
  aht?: number;
  patience?: number;
  threshold?: number;
  target?: number;
  day?: TidalDay;
}

export interface ModeMetrics {
  peakAnswerRate: number;
  answerRate: number;
  serviceLevel: number;
  peakServiceLevel: number;
  abandonRate: number;
  occupancy: number;
  peakOccupancy: number;
  agentHours: number;
  rosterHours: number;
  onDemandHours: number;
  asa: number;
  /** Per-interval answer rate (mean over seeds) for the chart. */
  intervalAnswerRate: number[];
}

export interface TidalReport {
  rosterCap: number;
  seeds: number;
  peakWindow: { fromInterval: number; toInterval: number };
  requirement: { teamAgentIntervals: number; pooledAgentIntervals: number };
  modes: Record<Mode, ModeMetrics>;
}

/** Per-interval, per-skill Erlang C requirement and the capped roster derived from it. */
export function plan(
  day: TidalDay,
  o: Required<Pick<TidalOptions, 'rosterCap' | 'aht' | 'threshold' | 'target'>>,
) {
  const target = { serviceLevel: o.target, threshold: o.threshold };
  const req = day.volumes.map((row) =>
    row.map((v) => requiredAgents({ arrivalRate: v / day.intervalSeconds, aht: o.aht }, target)),
  );
  // Shift rosters cannot follow a 6× swing: the day's headcount is capped at a share of the
  // peak total requirement, and each interval's capped headcount is split by skill requirement.
  const totals = req.map((r) => r.reduce((a, b) => a + b, 0));
  const cap = Math.round(o.rosterCap * Math.max(...totals));
  const roster = req.map((r, i) => (totals[i]! <= cap ? r : apportion(r, cap)));
  const pooled = day.volumes.map((row) =>
    requiredAgents({ arrivalRate: row.reduce((a, b) => a + b, 0) / day.intervalSeconds, aht: o.aht }, target),
  );
  return { req, roster, pooled };
}

/** Split `total` across `weights` proportionally (largest remainder), as whole agents. */
function apportion(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const exact = weights.map((w) => (w / sum) * total);
  const counts = exact.map(Math.floor);
  const order = exact.map((e, k) => ({ k, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r);
  for (let i = 0; counts.reduce((a, b) => a + b, 0) < total; i++) counts[order[i % order.length]!.k]!++;
  return counts;
}

function rosterFor(mode: Mode, day: TidalDay, p: ReturnType<typeof plan>, interval: number): SimAgent[] {
  const skills = day.skills;
  const agents: SimAgent[] = [];
  const row = p.roster[interval]!;
  row.forEach((count, k) => {
    for (let j = 0; j < count; j++) {
      const primary = { skill: skills[k]!, level: 3 };
      const secondary = { skill: skills[(k + 1) % skills.length]!, level: 3 };
      agents.push({
        id: `staff-${k}-${j}`,
        skills: mode === 'team' ? [primary] : [primary, secondary],
        pool: 'staff',
      });
    }
  });
  if (mode === 'elastic') {
    const shortfall = Math.max(0, p.pooled[interval]! - row.reduce((a, b) => a + b, 0));
    // Primary skills in proportion to each skill's unmet requirement.
    const counts = apportion(
      p.req[interval]!.map((n, k) => Math.max(0, n - row[k]!)),
      shortfall,
    );
    counts.forEach((count, k) => {
      for (let j = 0; j < count; j++) {
        agents.push({
          id: `ondemand-${interval}-${k}-${j}`,
          skills: [
            { skill: skills[k]!, level: 3 },
            { skill: skills[(k + 1) % skills.length]!, level: 3 },
          ],
          pool: 'on-demand',
        });
      }
    });
  }
  return agents;
}

export function runTidal(options: TidalOptions): TidalReport {
  const o = { aht: 300, patience: 120, threshold: 20, target: 0.8, ...options };
  const day = o.day ?? tidalDay();
  const p = plan(day, o);
  const peakFrom = peakWindowStart(day);
  const window: [number, number] = [peakFrom * day.intervalSeconds, (peakFrom + 6) * day.intervalSeconds];
  const modes = {} as Record<Mode, ModeMetrics>;
  for (const mode of MODES) {
    const runs: SimResult[] = [];
    for (let s = 0; s < o.seeds; s++) {
      runs.push(
        simulate({
          intervalSeconds: day.intervalSeconds,
          intervals: day.volumes.length,
          rates: day.volumes.map((row) => row.map((v) => v / day.intervalSeconds)),
          skills: day.skills,
          aht: o.aht,
          patience: o.patience,
          threshold: o.threshold,
          roster: (i) => rosterFor(mode, day, p, i),
          seed: 1000 + s,
          window,
        }),
      );
    }
    const mean = (f: (r: SimResult) => number) => runs.reduce((a, r) => a + f(r), 0) / runs.length;
    modes[mode] = {
      peakAnswerRate: mean((r) => rates(r.window).answerRate),
      answerRate: mean((r) => rates(r.all).answerRate),
      serviceLevel: mean((r) => rates(r.all).serviceLevel),
      peakServiceLevel: mean((r) => rates(r.window).serviceLevel),
      abandonRate: mean((r) => rates(r.all).abandonRate),
      occupancy: mean((r) => r.busySeconds / r.scheduledSeconds),
      peakOccupancy: mean((r) => r.windowBusySeconds / r.windowScheduledSeconds),
      agentHours: mean((r) => r.agentHours.staff + r.agentHours.onDemand),
      rosterHours: mean((r) => r.agentHours.staff),
      onDemandHours: mean((r) => r.agentHours.onDemand),
      asa: mean((r) => rates(r.all).asa),
      intervalAnswerRate: day.volumes.map((_, i) => mean((r) => rates(r.perInterval[i]!).answerRate)),
    };
  }
  return {
    rosterCap: o.rosterCap,
    seeds: o.seeds,
    peakWindow: { fromInterval: peakFrom, toInterval: peakFrom + 6 },
    requirement: {
      teamAgentIntervals: p.req.reduce((a, r) => a + r.reduce((x, y) => x + y, 0), 0),
      pooledAgentIntervals: p.pooled.reduce((a, b) => a + b, 0),
    },
    modes,
  };
}

/** Offered load per interval (for charts and sanity checks). */
export const loadPerInterval = (day: TidalDay, aht: number) =>
  day.volumes.map((row) =>
    offeredLoad({ arrivalRate: row.reduce((a, b) => a + b, 0) / day.intervalSeconds, aht }),
  );
