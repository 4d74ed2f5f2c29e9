import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requiredAgents } from '#src/core/staffing/erlang-c.ts';
import { createDispatchTestApp, type DispatchTestApp } from '../../../test/helpers/dispatch-app.ts';
import { forecastSeries, intervalStart } from './forecast.ts';
import { defaultSettings } from './settings.ts';

const HALF_HOUR = 30 * 60_000;

describe('forecastSeries', () => {
  it('seasonal naive reproduces a perfectly periodic day; both methods are scored by MASE', () => {
    const day = Array.from({ length: 48 }, (_, k) => (k >= 18 && k < 40 ? 10 + (k % 5) : 1));
    const f = forecastSeries([...day, ...day, ...day], 48, 48);
    expect(f.sn).toEqual(day);
    expect(f.mase.seasonalNaive).toBe(0);
    expect(f.chosen).toHaveLength(48);
  });

  it('picks the method with the lower MASE on the held-out last day', () => {
    let seed = 7;
    const noise = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return (seed / 2 ** 31 - 0.5) * 4;
    };
    // A tidal day whose level grows a little each day: smoothing tracks it, naive lags one day.
    const history = Array.from({ length: 48 * 10 }, (_, t) => {
      const k = t % 48;
      const base = k >= 18 && k < 40 ? 30 : 5;
      return Math.max(0, Math.round(base * (1 + 0.05 * Math.floor(t / 48)) + noise()));
    });
    const f = forecastSeries(history, 48, 4);
    expect(f.mase.holtWinters).not.toBeNull();
    expect(f.mase.seasonalNaive).not.toBeNull();
    const best = f.mase.holtWinters! <= f.mase.seasonalNaive! ? 'holt-winters' : 'seasonal-naive';
    expect(f.method).toBe(best);
  });

  it('with less than a day of history it falls back to the recent mean', () => {
    const f = forecastSeries([2, 4, 6], 48, 2);
    expect(f).toMatchObject({ method: 'recent-mean', chosen: [4, 4] });
  });
});

describe('elastic call-in and forecast (live)', () => {
  let t: DispatchTestApp;
  beforeEach(async () => {
    t = await createDispatchTestApp();
  });
  afterEach(() => t.close());

  const INVOICE = '我需要开发票';

  async function events(type: string): Promise<Record<string, unknown>[]> {
    const rows = await t.deps.db.all<{ recipient_id: string | null; payload: string }>(
      sql`select recipient_id, payload from events where type = ${type} order by id`,
    );
    return rows.map((r) => ({
      recipient: r.recipient_id,
      ...(JSON.parse(r.payload) as Record<string, unknown>),
    }));
  }

  it('offers shifts to certified on-demand agents when the queue exceeds capacity, and releases them when it falls', async () => {
    // Half-hour steps without heartbeats in between: keep the agents online across them. One day
    // of history: seasonal naive forecasts the next interval from the same interval yesterday (0).
    const admin = await t.login('admin@demo.test');
    const policy = await t.call('PUT', '/api/v1/dispatch/policy', {
      token: admin,
      body: { heartbeatTimeoutSeconds: 3600, forecastHistoryDays: 1 },
    });
    expect(policy.status).toBe(200);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await t.open(INVOICE, `o-${i}`)).id);
    // The interval boundary fires the staffing step by itself.
    const next = intervalStart(t.clock.now(), defaultSettings()) + HALF_HOUR;
    await t.advance(next - t.clock.now());
    const offered = await events('staffing.shift_offered');
    const [a17, a18] = [await t.userId('agent17@demo.test'), await t.userId('agent18@demo.test')];
    // Most proficient first: agent18 (billing L2, 4 chats) then agent17 (L1, 3 chats) cover 5.
    expect(offered.map((o) => o.recipient)).toEqual([a18, a17]);
    expect(String(offered[0]!.reason)).toMatch(/queue 5 vs 0 free slots/);
    const callIn = await events('staffing.call_in');
    expect(callIn.at(-1)).toMatchObject({
      skill: 'ecommerce.billing',
      waiting: 5,
      shortfall: 5,
      offered: [a18, a17],
    });

    const agent18 = await t.login('agent18@demo.test');
    const mine = (await (
      await t.call('GET', '/api/v1/agents/me/shift-offers', { token: agent18 })
    ).json()) as {
      items: { id: string; status: string }[];
    };
    expect(mine.items).toHaveLength(1);
    const accepted = await t.call('POST', `/api/v1/agents/me/shift-offers/${mine.items[0]!.id}/accept`, {
      token: agent18,
    });
    expect(await accepted.json()).toMatchObject({ status: 'accepted' });
    const presence = (await (
      await t.call('GET', '/api/v1/agents/me/presence', { token: agent18 })
    ).json()) as {
      status: string;
      reason: string;
    };
    expect(presence).toMatchObject({ status: 'online', reason: 'shift-accepted' });
    const offers = (await (await t.call('GET', '/api/v1/agents/me/offers', { token: agent18 })).json()) as {
      items: { id: string }[];
    };
    expect(offers.items.map((c) => c.id)).toEqual(ids.slice(0, 4));

    const agent17 = await t.login('agent17@demo.test');
    const theirs = (await (
      await t.call('GET', '/api/v1/agents/me/shift-offers', { token: agent17 })
    ).json()) as {
      items: { id: string }[];
    };
    const declined = await t.call('POST', `/api/v1/agents/me/shift-offers/${theirs.items[0]!.id}/decline`, {
      token: agent17,
    });
    expect(await declined.json()).toMatchObject({ status: 'declined' });

    // Demand falls: everything is resolved, nothing is forecast.
    const sup = await t.login('supervisor@demo.test');
    for (const id of ids) {
      expect((await t.call('POST', `/api/v1/conversations/${id}/resolve`, { token: sup })).status).toBe(200);
    }
    await t.call('POST', '/api/v1/agents/me/heartbeat', { token: agent18 });
    await t.advance(HALF_HOUR);
    const released = await events('staffing.shift_released');
    expect(released).toEqual([
      expect.objectContaining({ recipient: a18, reason: expect.stringMatching(/demand fell/) }),
    ]);
    const after = (await (await t.call('GET', '/api/v1/agents/me/presence', { token: agent18 })).json()) as {
      status: string;
      reason: string;
    };
    expect(after).toMatchObject({ status: 'offline', reason: 'shift-released' });
  });

  it('calls agents in when the forecast for the next interval exceeds online capacity (empty queue)', async () => {
    const admin = await t.login('admin@demo.test');
    await t.call('PUT', '/api/v1/dispatch/policy', { token: admin, body: { forecastHistoryDays: 1 } });
    const tenantId = await t.tenantId();
    const [billing] = await t.deps.db.all<{ id: string }>(
      sql`select id from skills where tenant_id = ${tenantId} and key = 'ecommerce.billing'`,
    );
    await t.deps.db.run(
      sql`insert into customers (id, tenant_id, created_at) values ('cus_f', ${tenantId}, 0)`,
    );
    // Yesterday, in the interval that comes next, 20 invoice chats.
    const yesterday = intervalStart(t.clock.now(), defaultSettings()) - 86_400_000 + 60_000;
    for (let i = 0; i < 20; i++) {
      await t.deps.db.run(sql`insert into conversations (id, tenant_id, customer_id, open_client_message_id, state, skill_id, subject, created_at, updated_at)
        values (${`conv_f${i}`}, ${tenantId}, 'cus_f', ${`f${i}`}, 'resolved', ${billing!.id}, 'history', ${yesterday}, ${yesterday})`);
    }
    const outcomes = await t.dispatch.runStaffing(tenantId);
    const b = outcomes.find((o) => o.skill === 'ecommerce.billing')!;
    const required = requiredAgents(
      { arrivalRate: 20 / 1800, aht: 300 },
      { serviceLevel: 0.8, threshold: 20, maxOccupancy: 0.85 },
    );
    expect(b).toMatchObject({ waiting: 0, forecastVolume: 20, requiredSlots: required, shortfall: required });
    expect(b.offered).toEqual([await t.userId('agent18@demo.test'), await t.userId('agent17@demo.test')]);
    const [call] = await events('staffing.call_in');
    expect(String(call!.reason)).toMatch(`forecast 20.0 chats needs ${required} slots vs 0 online`);
  });

  it('an offer not accepted before its interval ends expires; shift answers are for the offered agent only', async () => {
    await t.open(INVOICE);
    const outcomes = await t.dispatch.runStaffing(await t.tenantId());
    expect(outcomes.find((o) => o.skill === 'ecommerce.billing')?.offered.length).toBeGreaterThan(0);
    const [offer] = await t.deps.db.all<{ id: string; interval_end: number }>(
      sql`select id, interval_end from agent_shift_offers order by created_at limit 1`,
    );
    const stranger = await t.login('agent1@demo.test');
    expect(
      (await t.call('POST', `/api/v1/agents/me/shift-offers/${offer!.id}/accept`, { token: stranger }))
        .status,
    ).toBe(404);
    t.clock.set(offer!.interval_end + 1);
    await t.dispatch.runStaffing(await t.tenantId());
    expect((await events('staffing.shift_expired')).length).toBeGreaterThan(0);
  });

  it('GET /dispatch/forecast returns per-skill intervals with Erlang C slots and MASE from history', async () => {
    const tenantId = await t.tenantId();
    const [billing] = await t.deps.db.all<{ id: string }>(
      sql`select id from skills where tenant_id = ${tenantId} and key = 'ecommerce.billing'`,
    );
    await t.deps.db.run(
      sql`insert into customers (id, tenant_id, created_at) values ('cus_hist', ${tenantId}, 0)`,
    );
    const start = intervalStart(t.clock.now(), defaultSettings());
    // Three days of history with the same daily shape: 1–4 conversations per interval.
    let n = 0;
    for (let k = 48 * 3; k >= 1; k--) {
      const at = start - k * HALF_HOUR + 60_000;
      const count = 1 + (k % 4);
      for (let j = 0; j < count; j++) {
        n++;
        await t.deps.db.run(sql`insert into conversations (id, tenant_id, customer_id, open_client_message_id, state, skill_id, subject, created_at, updated_at)
          values (${`conv_h${n}`}, ${tenantId}, 'cus_hist', ${`h${n}`}, 'resolved', ${billing!.id}, 'history', ${at}, ${at})`);
      }
    }
    const agent = await t.login('agent1@demo.test');
    expect((await t.call('GET', '/api/v1/dispatch/forecast', { token: agent })).status).toBe(403);
    const sup = await t.login('supervisor@demo.test');
    const res = await t.call('GET', '/api/v1/dispatch/forecast?intervals=4', { token: sup });
    expect(res.status).toBe(200);
    const report = (await res.json()) as {
      season: number;
      skills: {
        skill: string;
        method: string;
        historyVolume: number;
        mase: { seasonalNaive: number | null; holtWinters: number | null };
        intervals: {
          start: number;
          volume: number;
          seasonalNaive: number | null;
          requiredSlots: number;
          scheduledSlots: number;
        }[];
      }[];
    };
    expect(report.season).toBe(48);
    const b = report.skills.find((s) => s.skill === 'ecommerce.billing')!;
    expect(b.historyVolume).toBe(n);
    expect(b.intervals.map((i) => i.start)).toEqual([0, 1, 2, 3].map((k) => start + k * HALF_HOUR));
    // The next interval is k = 48·3 − 48 = 96 intervals after the first: same shape as a day ago.
    expect(b.intervals.map((i) => i.seasonalNaive)).toEqual([0, 1, 2, 3].map((k) => 1 + ((48 - k) % 4)));
    expect(b.mase.seasonalNaive).toBe(0);
    for (const i of b.intervals) {
      expect(i.requiredSlots).toBe(
        requiredAgents(
          { arrivalRate: i.volume / 1800, aht: 300 },
          { serviceLevel: 0.8, threshold: 20, maxOccupancy: 0.85 },
        ),
      );
      expect(i.scheduledSlots).toBe(Math.ceil(i.requiredSlots / 0.7 - 1e-9));
    }
    expect(report.skills.find((s) => s.skill === 'ecommerce.refund')).toMatchObject({ historyVolume: 0 });
  });
});
