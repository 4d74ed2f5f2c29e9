/**
 * @module Erlang C (M/M/N): probability of waiting, service level, ASA, occupancy and the minimum
 * agents for a service-level target. Uses the Erlang B recursion, which needs no factorials and
 * stays stable for hundreds of agents.
 */

export interface Traffic {
  /** Contacts per second. */
  arrivalRate: number;
  /** Mean handle time in seconds. */
  aht: number;
}

export type ErlangCResult =
  | {
      stable: true;
      /** Offered load in Erlangs (λ·AHT). */
      load: number;
      agents: number;
      /** Erlang B blocking probability with `agents` servers. */
      erlangB: number;
      /** P(wait > 0). */
      probWait: number;
      /** Mean wait over all arrivals, seconds. */
      asa: number;
      /** Mean wait of those who wait, seconds. */
      waitOfWaiters: number;
      occupancy: number;
    }
  | { stable: false; load: number; agents: number; probWait: 1; occupancy: number };

/** Offered load A = λ·AHT; per interval A = V·AHT / I. */
export const offeredLoad = (t: Traffic): number => t.arrivalRate * t.aht;

export function erlangB(load: number, agents: number): number {
  let b = 1;
  for (let n = 1; n <= agents; n++) b = (load * b) / (n + load * b);
  return b;
}

export function erlangC(t: Traffic, agents: number): ErlangCResult {
  const load = offeredLoad(t);
  if (!(agents > load)) return { stable: false, load, agents, probWait: 1, occupancy: load / agents };
  const b = erlangB(load, agents);
  const c = (agents * b) / (agents - load * (1 - b));
  return {
    stable: true,
    load,
    agents,
    erlangB: b,
    probWait: c,
    asa: (c * t.aht) / (agents - load),
    waitOfWaiters: t.aht / (agents - load),
    occupancy: load / agents,
  };
}

/** Share of arrivals answered within `threshold` seconds; null when the system is unstable. */
export function serviceLevel(t: Traffic, agents: number, threshold: number): number | null {
  const r = erlangC(t, agents);
  if (!r.stable) return null;
  return 1 - r.probWait * Math.exp((-(agents - r.load) * threshold) / t.aht);
}

export interface StaffingTarget {
  /** e.g. 0.8 for 80 % … */
  serviceLevel: number;
  /** … answered within this many seconds (e.g. 20). */
  threshold: number;
  /** Optional cap on occupancy A/N, e.g. 0.85. */
  maxOccupancy?: number;
}

/** Minimum agents meeting the target (0 when there is no traffic). */
export function requiredAgents(t: Traffic, target: StaffingTarget): number {
  const load = offeredLoad(t);
  if (load <= 0) return 0;
  let n = Math.max(1, Math.floor(load) + 1);
  if (target.maxOccupancy) n = Math.max(n, Math.ceil(load / target.maxOccupancy));
  for (; ; n++) {
    const sl = serviceLevel(t, n, target.threshold);
    if (sl !== null && sl >= target.serviceLevel) return n;
  }
}

/** Scheduled = Required / (1 − shrinkage), rounded up (never Required × (1 + shrinkage)). */
export function withShrinkage(required: number, shrinkage: number): number {
  if (shrinkage < 0 || shrinkage >= 1) throw new RangeError('shrinkage must be in [0, 1)');
  // Round away floating noise before ceil so 100 / 0.5 stays 200.
  return Math.ceil(Number((required / (1 - shrinkage)).toFixed(9)));
}

/** Halfin–Whitt square-root staffing N = A + β√A (a sanity check, not the production rule). */
export function squareRootStaffing(load: number, beta: number): number {
  return Math.ceil(load + beta * Math.sqrt(load));
}
