/**
 * @module Erlang A (M/M/N+M): Erlang C with exponential customer patience. Solved exactly as a
 * birth–death chain truncated where probabilities fall below 1e-15; the service level comes from
 * the absorption probability of a tagged arrival's path to service, by uniformization.
 */
import type { Traffic } from './erlang-c.ts';

export interface ErlangAInput extends Traffic {
  agents: number;
  /** Mean patience in seconds (θ = 1 / patience). */
  patience: number;
}

export interface ErlangAResult {
  probWait: number;
  probAbandon: number;
  /** Mean wait over all arrivals, seconds. */
  meanWait: number;
  meanQueue: number;
  occupancy: number;
  /** Stationary distribution of the number in system (truncated). */
  distribution: number[];
}

const EPS = 1e-15;

export function erlangA(input: ErlangAInput): ErlangAResult {
  const { arrivalRate: lambda, aht, agents: n, patience } = input;
  const mu = 1 / aht;
  const theta = 1 / patience;
  const death = (k: number) => mu * Math.min(k, n) + theta * Math.max(k - n, 0);
  // Unnormalised π_k built in log space would be overkill; scale as we go instead.
  const weights: number[] = [1];
  let total = 1;
  let k = 0;
  for (;;) {
    k++;
    const w = (weights[k - 1]! * lambda) / death(k);
    weights.push(w);
    total += w;
    if (k > n && w / total < EPS) break;
    if (k > 1_000_000) throw new RangeError('Erlang A did not converge (patience too long for the load)');
  }
  const pi = weights.map((w) => w / total);
  let probWait = 0;
  let meanQueue = 0;
  for (let i = n; i < pi.length; i++) {
    probWait += pi[i]!;
    meanQueue += (i - n) * pi[i]!;
  }
  const probAbandon = (theta * meanQueue) / lambda;
  return {
    probWait,
    probAbandon,
    meanWait: meanQueue / lambda,
    meanQueue,
    occupancy: (lambda * (1 - probAbandon) * aht) / n,
    distribution: pi,
  };
}

/** P(Poisson(m) = n) for n = 0…count−1, computed iteratively (no factorial overflow). */
function poissonWeights(m: number, count: number): number[] {
  const out: number[] = [];
  // Start in log space: the first term e^{-m} underflows for large m.
  let logP = -m;
  for (let i = 0; i < count; i++) {
    if (i > 0) logP += Math.log(m) - Math.log(i);
    out.push(Math.exp(logP));
  }
  return out;
}

/**
 * Service level: answered within `threshold` seconds ÷ offered (abandoners count as not answered).
 * An arrival finding j ≥ 0 queued ahead moves to the head through stages at rates Nμ + iθ and
 * is then served at rate Nμ, abandoning at rate θ throughout.
 */
export function erlangAServiceLevel(input: ErlangAInput, threshold: number, result = erlangA(input)): number {
  const { agents: n, aht, patience } = input;
  const mu = 1 / aht;
  const theta = 1 / patience;
  const pi = result.distribution;
  const maxAhead = pi.length - n; // j = 0 … maxAhead−1
  let sl = 0;
  for (let k = 0; k < Math.min(n, pi.length); k++) sl += pi[k]!;
  if (maxAhead <= 0) return sl;
  const rate = (i: number) => n * mu + i * theta; // leaving stage i (i ahead) toward the head
  const uniform = rate(maxAhead) + theta;
  const m = uniform * threshold;
  const steps = Math.ceil(m + 10 * Math.sqrt(m) + 20);
  const poisson = poissonWeights(m, steps + 1);
  // g[i] = P(served within s DTMC steps | i customers ahead), updated in place backwards over i.
  let g = new Float64Array(maxAhead);
  const served = new Float64Array(maxAhead);
  for (let s = 0; s <= steps; s++) {
    const w = poisson[s]!;
    for (let i = 0; i < maxAhead; i++) served[i]! += w * g[i]!;
    const next = new Float64Array(maxAhead);
    for (let i = 0; i < maxAhead; i++) {
      const down = rate(i) / uniform;
      const stay = 1 - down - theta / uniform;
      next[i] = (i === 0 ? down : down * g[i - 1]!) + stay * g[i]!;
    }
    g = next;
  }
  for (let j = 0; j < maxAhead; j++) sl += pi[n + j]! * served[j]!;
  return sl;
}
