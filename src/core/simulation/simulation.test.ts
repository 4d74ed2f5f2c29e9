import { describe, expect, it } from 'vitest';
import { erlangA, erlangAServiceLevel } from '#src/core/staffing/erlang-a.ts';
import { erlangC, serviceLevel } from '#src/core/staffing/erlang-c.ts';
import { rates, type SimAgent, simulate } from './contact-centre.ts';
import { runTidal } from './tidal.ts';
import { peakWindowStart, tidalDay } from './tidal-day.ts';

/** Stationary M/M/N(+M) with one skill, `reps` replications: mean and standard error of a metric. */
function replicate(opts: { agents: number; patience: number | null; threshold: number; reps: number }) {
  const lambda = 0.2;
  const aht = 240;
  const staff: SimAgent[] = Array.from({ length: opts.agents }, (_, i) => ({
    id: `a${i}`,
    skills: [{ skill: 's', level: 3 }],
    pool: 'staff',
  }));
  const results = Array.from({ length: opts.reps }, (_, r) =>
    simulate({
      intervalSeconds: 3600,
      intervals: 30,
      rates: Array.from({ length: 30 }, () => [lambda]),
      skills: ['s'],
      aht,
      patience: opts.patience,
      threshold: opts.threshold,
      roster: () => staff,
      seed: 7 + r,
      warmupSeconds: 3600,
    }),
  );
  const stat = (f: (x: (typeof results)[number]) => number) => {
    const xs = results.map(f);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1));
    return { mean, se: sd / Math.sqrt(xs.length) };
  };
  return { stat, lambda, aht };
}

const within3se = (s: { mean: number; se: number }, expected: number) => {
  // A floor on the SE keeps a lucky, near-identical set of replications from failing on noise.
  expect(Math.abs(s.mean - expected), `mean ${s.mean} vs ${expected} (se ${s.se})`).toBeLessThanOrEqual(
    3 * Math.max(s.se, 0.002),
  );
};

describe('the simulator validates against theory (±3 standard errors, 5 replications)', () => {
  it('M/M/55 with A = 48 matches Erlang C (SL15, occupancy)', () => {
    const { stat, lambda, aht } = replicate({ agents: 55, patience: null, threshold: 15, reps: 5 });
    const c = erlangC({ arrivalRate: lambda, aht }, 55);
    within3se(
      stat((r) => rates(r.all).serviceLevel),
      serviceLevel({ arrivalRate: lambda, aht }, 55, 15)!,
    );
    within3se(
      stat((r) => r.busySeconds / r.scheduledSeconds),
      c.occupancy,
    );
  });

  it('M/M/52+M with patience 120 s matches Erlang A (SL20, P(abandon))', () => {
    const { stat, lambda, aht } = replicate({ agents: 52, patience: 120, threshold: 20, reps: 5 });
    const input = { arrivalRate: lambda, aht, agents: 52, patience: 120 };
    const a = erlangA(input);
    within3se(
      stat((r) => rates(r.all).serviceLevel),
      erlangAServiceLevel(input, 20, a),
    );
    within3se(
      stat((r) => rates(r.all).abandonRate),
      a.probAbandon,
    );
  });
});

describe('the tidal day', () => {
  it('has 48 intervals, 13,277 contacts and a peak/trough ratio of exactly 6', () => {
    const day = tidalDay();
    const totals = day.volumes.map((r) => r.reduce((a, b) => a + b, 0));
    expect(totals).toHaveLength(48);
    expect(totals.reduce((a, b) => a + b, 0)).toBeCloseTo(13_277, 6);
    expect(Math.max(...totals) / Math.min(...totals)).toBeCloseTo(6, 9);
    const peak = peakWindowStart(day);
    expect(peak * 0.5).toBeGreaterThanOrEqual(17); // the evening hump is the higher one
  });

  it('reproduces the orderings: individual ≥ team at full roster; elastic ≥ individual ≥ team at the peak when under-rostered', () => {
    const full = runTidal({ rosterCap: 1, seeds: 1 });
    expect(full.modes.individual.peakAnswerRate).toBeGreaterThanOrEqual(full.modes.team.peakAnswerRate);
    expect(full.requirement.pooledAgentIntervals).toBeLessThan(full.requirement.teamAgentIntervals);
    const half = runTidal({ rosterCap: 0.5, seeds: 1 });
    expect(half.modes.elastic.peakAnswerRate).toBeGreaterThanOrEqual(half.modes.individual.peakAnswerRate);
    expect(half.modes.individual.peakAnswerRate).toBeGreaterThanOrEqual(
      half.modes.team.peakAnswerRate - 0.02,
    );
    expect(half.modes.elastic.peakAnswerRate / half.modes.team.peakAnswerRate).toBeGreaterThanOrEqual(1.3);
    // Elastic supply uses fewer agent-hours than rostering for the peak all day.
    expect(half.modes.elastic.agentHours).toBeLessThan(full.modes.team.agentHours);
  });
});
