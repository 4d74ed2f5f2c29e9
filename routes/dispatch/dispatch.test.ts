import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { createDispatchTestApp, type DispatchTestApp } from '../../test/helpers/dispatch-app.ts';

describe('GET/PUT /api/v1/dispatch/policy', () => {
  let t: DispatchTestApp;
  beforeEach(async () => {
    t = await createDispatchTestApp();
  });
  afterEach(() => t.close());

  it('returns the defaults, stores a valid policy and rebuilds the dispatcher with it', async () => {
    const admin = await t.login('admin@demo.test');
    const before = (await (
      await t.call('GET', '/api/v1/dispatch/policy', { token: admin })
    ).json()) as Record<string, unknown>;
    expect(before).toMatchObject({
      strategy: 'longest-idle',
      offerTimeoutSeconds: 20,
      heartbeatTimeoutSeconds: 45,
    });
    const put = await t.call('PUT', '/api/v1/dispatch/policy', {
      token: admin,
      body: {
        strategy: 'most-proficient',
        widenEverySeconds: 15,
        levelFloor: 2,
        overflowSkills: { 'ecommerce.billing': ['ecommerce.account'] },
        offerTimeoutSeconds: 10,
      },
    });
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({
      strategy: 'most-proficient',
      levelFloor: 2,
      slaRiskSeconds: 60,
    });
    const sup = await t.login('supervisor@demo.test');
    expect(await (await t.call('GET', '/api/v1/dispatch/policy', { token: sup })).json()).toMatchObject({
      strategy: 'most-proficient',
      overflowSkills: { 'ecommerce.billing': ['ecommerce.account'] },
    });

    // Most proficient now: agent4 (billing L5) over agent1 (L3), though agent1 came online first.
    await t.online(await t.login('agent1@demo.test'));
    t.clock.advance(1_000);
    await t.online(await t.login('agent4@demo.test'));
    const conv = await t.open('我需要开发票');
    expect(conv.offeredTo).toBe(await t.userId('agent4@demo.test'));
    // And the 10 s offer timeout applies.
    await t.advance(10_000);
    const [row] = await t.deps.db.all<{ offered_to: string }>(
      sql`select offered_to from conversations where id = ${conv.id}`,
    );
    expect(row?.offered_to).toBe(await t.userId('agent1@demo.test'));
  });

  it('refuses unknown skills, unknown fields and bad values with 422 and field paths', async () => {
    const admin = await t.login('admin@demo.test');
    const put = (body: unknown) => t.call('PUT', '/api/v1/dispatch/policy', { token: admin, body });
    const unknownSkill = await put({ overflowSkills: { 'ecommerce.billing': ['no.such'] } });
    expect(unknownSkill.status).toBe(422);
    expect(((await unknownSkill.json()) as { errors: { path: string }[] }).errors).toEqual([
      expect.objectContaining({ path: 'body.overflowSkills.ecommerce.billing.0' }),
    ]);
    const typo = await put({ stratgy: 'longest-idle' });
    expect(typo.status).toBe(422);
    const strategy = await put({ strategy: 'random' });
    expect(strategy.status).toBe(422);
    expect(((await strategy.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe('body.strategy');
    expect((await put({ levelFloor: 7 })).status).toBe(422);
    expect((await put({ intervalMinutes: 7 })).status).toBe(422);
    expect((await put({ serviceLevelTarget: 1.5 })).status).toBe(422);
  });

  it('is admin-only to change and staff-with-oversight to read', async () => {
    const agent = await t.login('agent1@demo.test');
    const sup = await t.login('supervisor@demo.test');
    expect((await t.call('GET', '/api/v1/dispatch/policy', { token: agent })).status).toBe(403);
    expect((await t.call('PUT', '/api/v1/dispatch/policy', { token: sup, body: {} })).status).toBe(403);
    expect((await t.call('GET', '/api/v1/dispatch/policy')).status).toBe(401);
    expect((await t.call('GET', '/api/v1/dispatch/wall', { token: agent })).status).toBe(403);
  });

  it('keeps tenants apart: another tenant’s policy and wall are its own', async () => {
    const admin = await t.login('admin@demo.test');
    await t.call('PUT', '/api/v1/dispatch/policy', { token: admin, body: { strategy: 'least-occupied' } });
    const foreign = await t.login('admin@northwind.test');
    expect(await (await t.call('GET', '/api/v1/dispatch/policy', { token: foreign })).json()).toMatchObject({
      strategy: 'longest-idle',
    });
    const wall = (await (await t.call('GET', '/api/v1/dispatch/wall', { token: foreign })).json()) as {
      skills: { skill: string }[];
      agents: unknown[];
    };
    expect(wall.skills.map((s) => s.skill)).toEqual(['outdoor.orders']);
    expect(wall.agents).toHaveLength(1);
  });
});

describe('GET /api/v1/dispatch/wall', () => {
  let t: DispatchTestApp;
  beforeEach(async () => {
    t = await createDispatchTestApp();
  });
  afterEach(() => t.close());

  it('counts waiting, longest wait, service level today and agents by level per skill', async () => {
    const agent4 = await t.login('agent4@demo.test'); // billing L5 + account L3, two chats
    await t.online(agent4);
    const fast = await t.open('我需要开发票', 'a');
    await t.advance(5_000);
    await t.call('POST', `/api/v1/conversations/${fast.id}/accept`, { token: agent4 }); // answered in 5 s
    const slow = await t.open('I need an invoice for my order', 'b'); // offered to agent4 (now full)
    expect(slow.offeredTo).toBe(await t.userId('agent4@demo.test'));
    await t.advance(19_000);
    await t.call('POST', '/api/v1/agents/me/heartbeat', { token: agent4 });
    await t.advance(11_000); // the offer of `slow` timed out at 20 s: it waits, agent4 was skipped
    t.clock.advance(1_000);
    await t.open('Please issue a VAT invoice', 'c'); // waiting, under 20 s: outcome unknown
    const sup = await t.login('supervisor@demo.test');
    const wall = (await (await t.call('GET', '/api/v1/dispatch/wall', { token: sup })).json()) as {
      skills: {
        skill: string;
        waiting: number;
        longestWaitSeconds: number | null;
        arrivalsToday: number;
        serviceLevel: number | null;
        agentsAvailableByLevel: number[];
        agentsBusyByLevel: number[];
      }[];
      totals: { online: number; busy: number };
    };
    const billing = wall.skills.find((s) => s.skill === 'ecommerce.billing')!;
    // agent4 holds one and was offered the newest: full (2 of 2) → busy at level 5.
    expect(billing.agentsBusyByLevel).toEqual([0, 0, 0, 0, 1]);
    expect(billing.arrivalsToday).toBe(3);
    expect(billing.waiting).toBe(2);
    expect(billing.longestWaitSeconds).toBe(31);
    // Known outcomes: fast (answered in 5 s) and slow (waiting 31 s > 20 s) → 1 of 2.
    expect(billing.serviceLevel).toBe(0.5);
    const account = wall.skills.find((s) => s.skill === 'ecommerce.account')!;
    expect(account.agentsBusyByLevel).toEqual([0, 0, 1, 0, 0]);
    expect(wall.totals).toMatchObject({ online: 1, busy: 1 });
  });
});

describe('without a live dispatcher (the queue-only adapter, as on Workers)', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.close());

  it('agents still claim; accept answers 409; presence, transfer, wall and forecast work from the database', async () => {
    const customer = await t.customer();
    const conv = (await (
      await t.call('POST', '/api/v1/conversations', {
        token: customer,
        body: { text: '我需要开发票', clientMessageId: 'q' },
      })
    ).json()) as { id: string; skillId: string | null };
    expect(conv.skillId).toBeNull();
    const agent = await t.login('agent1@demo.test');
    const presence = await t.call('POST', '/api/v1/agents/me/presence', {
      token: agent,
      body: { status: 'online' },
    });
    expect(await presence.json()).toMatchObject({ status: 'online', dispatch: 'queue-only' });
    expect((await t.call('POST', `/api/v1/conversations/${conv.id}/accept`, { token: agent })).status).toBe(
      409,
    );
    expect((await t.call('POST', `/api/v1/conversations/${conv.id}/claim`, { token: agent })).status).toBe(
      200,
    );
    const moved = await t.call('POST', `/api/v1/conversations/${conv.id}/transfer`, {
      token: agent,
      body: { skill: 'ecommerce.refund' },
    });
    expect(await moved.json()).toMatchObject({ state: 'queued', assigneeId: null });
    const sup = await t.login('supervisor@demo.test');
    const wall = (await (await t.call('GET', '/api/v1/dispatch/wall', { token: sup })).json()) as {
      totals: { online: number };
      skills: { skill: string; waiting: number }[];
    };
    expect(wall.totals.online).toBe(1);
    expect(wall.skills.find((s) => s.skill === 'ecommerce.refund')?.waiting).toBe(1);
    expect((await t.call('GET', '/api/v1/dispatch/forecast', { token: sup })).status).toBe(200);
  });
});
