import { describe, expect, it } from 'vitest';
import { erlangA, erlangAServiceLevel } from './erlang-a.ts';
import {
  erlangB,
  erlangC,
  requiredAgents,
  serviceLevel,
  squareRootStaffing,
  withShrinkage,
} from './erlang-c.ts';
import { holtWinters, initialState, mape, mase, seasonalNaive, wape } from './forecast.ts';

const P = 4; // probabilities to 1e-4 as DOMAIN.md §11 states them
const perInterval = (calls: number, seconds: number, aht: number) => ({ arrivalRate: calls / seconds, aht });

describe('Erlang C (DOMAIN.md §11 vectors)', () => {
  it('Erlang B and C for A = 5, N = 10', () => {
    expect(erlangB(5, 10)).toBeCloseTo(0.018385, 6);
    const c = erlangC({ arrivalRate: 5, aht: 1 }, 10);
    expect(c.probWait).toBeCloseTo(0.036105, 6);
  });

  it('360 calls / 30 min, AHT 240 s, 55 agents', () => {
    const t = perInterval(360, 1800, 240);
    const r = erlangC(t, 55);
    if (!r.stable) throw new Error('expected stable');
    expect(r.load).toBeCloseTo(48, 9);
    expect(r.occupancy).toBeCloseTo(0.872727, 6);
    expect(r.erlangB).toBeCloseTo(0.038374, 6);
    expect(r.probWait).toBeCloseTo(0.238701, 6);
    expect(r.asa).toBeCloseTo(8.184, 3);
    expect(serviceLevel(t, 55, 15)).toBeCloseTo(0.845883, 6);
  });

  it('same traffic with 54 agents and the minimum agents for 80/20, 80/15, 90/15', () => {
    const t = perInterval(360, 1800, 240);
    const r = erlangC(t, 54);
    if (!r.stable) throw new Error('expected stable');
    expect(r.probWait).toBeCloseTo(0.301308, 6);
    expect(r.asa).toBeCloseTo(12.0523, 3);
    expect(serviceLevel(t, 54, 20)).toBeCloseTo(0.817248, 6);
    expect(requiredAgents(t, { serviceLevel: 0.8, threshold: 20 })).toBe(54);
    expect(requiredAgents(t, { serviceLevel: 0.8, threshold: 15 })).toBe(55);
    expect(requiredAgents(t, { serviceLevel: 0.9, threshold: 15 })).toBe(57);
  });

  it.each([
    { calls: 300, secs: 900, aht: 180, n: 65, T: 45, load: 60, c: 0.420072, asa: 15.1226, sl: 0.879647 },
    { calls: 650, secs: 3600, aht: 150, n: 34, T: 30, load: 27.0833, c: 0.143013, asa: 3.1015, sl: 0.964141 },
    { calls: 100, secs: 1800, aht: 180, n: 12, T: 20, load: 10, c: 0.449388, asa: 40.4449, sl: 0.640158 },
  ])('$calls calls / $secs s, AHT $aht, N $n', (v) => {
    const t = perInterval(v.calls, v.secs, v.aht);
    const r = erlangC(t, v.n);
    if (!r.stable) throw new Error('expected stable');
    expect(r.load).toBeCloseTo(v.load, P);
    expect(r.probWait).toBeCloseTo(v.c, 6);
    expect(r.asa).toBeCloseTo(v.asa, 2);
    expect(serviceLevel(t, v.n, v.T)).toBeCloseTo(v.sl, 6);
  });

  it('N ≤ A is unstable: C = 1, no service level, never a negative wait', () => {
    const t = { arrivalRate: 1, aht: 10 };
    const r = erlangC(t, 10);
    expect(r.stable).toBe(false);
    expect(r.probWait).toBe(1);
    expect(serviceLevel(t, 9, 20)).toBeNull();
  });

  it('square-root staffing and shrinkage', () => {
    expect(squareRootStaffing(100, 1)).toBe(110);
    expect(withShrinkage(100, 0.3)).toBe(143);
    expect(withShrinkage(100, 0.4)).toBe(167);
    expect(() => withShrinkage(100, 1)).toThrow(RangeError);
  });
});

describe('Erlang A (DOMAIN.md §11 vectors)', () => {
  const lambda = 0.2;
  const aht = 240;
  it.each([
    { patience: 120, n: 50, pw: 0.3423, pab: 0.048, ew: 5.76, occ: 0.9139, sl: 0.8506 },
    { patience: 120, n: 52, pw: 0.2558, pab: 0.0328, ew: 3.94, occ: 0.8928, sl: 0.9 },
    { patience: 120, n: 55, pw: 0.1501, pab: 0.017, ew: 2.04, occ: 0.8579, sl: 0.9505 },
    { patience: 180, n: 52, pw: 0.282, pab: 0.0287, ew: 5.17, occ: 0.8966, sl: 0.8765 },
    { patience: 60, n: 48, pw: 0.3601, pab: 0.0765, ew: 4.59, occ: 0.9235, sl: null },
  ])('patience $patience s, N $n', (v) => {
    const input = { arrivalRate: lambda, aht, agents: v.n, patience: v.patience };
    const r = erlangA(input);
    expect(r.probWait).toBeCloseTo(v.pw, P);
    expect(r.probAbandon).toBeCloseTo(v.pab, P);
    expect(r.meanWait).toBeCloseTo(v.ew, 2);
    expect(r.occupancy).toBeCloseTo(v.occ, P);
    // P(Ab) = θ·E[W] exactly for exponential patience.
    expect(Math.abs(r.probAbandon - r.meanWait / v.patience)).toBeLessThan(1e-12);
    if (v.sl !== null) expect(erlangAServiceLevel(input, 20, r)).toBeCloseTo(v.sl, P);
  });

  it('θ → 0 reproduces Erlang C (N 55, A 48, T 15)', () => {
    const input = { arrivalRate: lambda, aht, agents: 55, patience: 1e9 };
    expect(erlangAServiceLevel(input, 15)).toBeCloseTo(0.845883, 5);
    expect(erlangA(input).probWait).toBeCloseTo(0.238701, 5);
  });

  it('θ = μ makes the number in system Poisson(A)', () => {
    const r = erlangA({ arrivalRate: lambda, aht, agents: 50, patience: aht });
    expect(r.probWait).toBeCloseTo(0.405404, 6);
  });
});

describe('forecast accuracy', () => {
  it('WAPE and MAPE vectors', () => {
    expect(wape([50, 100, 400], [60, 90, 360])).toBeCloseTo(0.109091, 6);
    expect(mape([50, 100, 400], [60, 90, 360])).toBeCloseTo(0.133333, 6);
    expect(mape([0, 1], [1, 1])).toBeNull();
  });

  it('seasonal naive reproduces a periodic series exactly', () => {
    const season = [5, 10, 30, 12];
    const history = [...season, ...season, ...season];
    const f = seasonalNaive(history, 4, 8);
    expect(wape([...season, ...season], f)).toBe(0);
  });

  it('Holt–Winters with α = β = γ = 0 returns the initial seasonal profile', () => {
    const history = [10, 20, 30, 20, 10, 20, 30, 20];
    const init = initialState(history, 4);
    const f = holtWinters(history, { alpha: 0, beta: 0, gamma: 0, season: 4 }, 4, init);
    expect(f.map((v) => Math.round(v * 1e9) / 1e9)).toEqual(init.seasonal.map((s) => init.level + s));
  });

  it('MASE < 1 when a forecast beats seasonal naive', () => {
    const history = [10, 20, 30, 20, 12, 22, 32, 22, 14, 24, 34, 24];
    const actual = [16, 26, 36, 26];
    const naive = seasonalNaive(history, 4, 4);
    const trended = holtWinters(history, { alpha: 0.5, beta: 0.3, gamma: 0.1, season: 4 }, 4);
    expect(mase(actual, naive, history, 4)).toBeCloseTo(1, 9);
    expect(mase(actual, trended, history, 4)).toBeLessThan(1);
  });
});
