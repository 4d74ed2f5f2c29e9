import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { events } from '#src/db/schema/conversations.ts';
import { users } from '#src/db/schema/users.ts';
import type { StreamEvent } from '#src/realtime/bus.ts';
import { inboxEventsAfter, inboxWants } from '#src/services/conversations/event-log.ts';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import type { RiskDto, RiskListItemDto } from './compliance.routes.ts';
import { json, openAssigned, send } from './test-helpers.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

async function riskOf(token: string, conversationId: string) {
  return json<RiskDto>(
    await t.call('GET', `/api/v1/conversations/${conversationId}/compliance/risk`, { token }),
  );
}

async function riskEvents(conversationId: string) {
  return t.deps.db
    .select()
    .from(events)
    .where(and(eq(events.conversationId, conversationId), eq(events.type, 'compliance.risk')));
}

describe('complaint risk', () => {
  it('a calm conversation stays low', async () => {
    const { agent, customer, conversationId } = await openAssigned(t, '请问我的快递到哪里了？');
    await send(t, agent, conversationId, '您好，我马上为您查询。', 'a-1');
    await send(t, customer, conversationId, '好的，谢谢', 'c-2');
    const risk = await riskOf(agent, conversationId);
    expect(risk).toMatchObject({ level: 'low', messages: 3, alerted: false });
    expect(await riskEvents(conversationId)).toEqual([]);
  });

  it('a threat to complain raises one compliance.risk alert, logged and published, that supervisors receive', async () => {
    const published: StreamEvent[] = [];
    const { agent, customer, conversationId } = await openAssigned(t, '快递一周了还没到');
    const [conv] = await t.deps.db
      .select({ tenantId: events.tenantId })
      .from(events)
      .where(eq(events.conversationId, conversationId));
    const stop = t.deps.events.subscribe(conv!.tenantId, (ev) => {
      if (ev.type === 'compliance.risk') published.push(ev);
    });
    expect((await send(t, customer, conversationId, '再不处理我就去12315投诉你们！！', 'c-2')).status).toBe(
      201,
    );
    // Still high on the next angry message: no second alert.
    await send(t, customer, conversationId, '太离谱了', 'c-3');
    stop();

    const risk = await riskOf(agent, conversationId);
    expect(risk.level).toBe('high');
    expect(risk.alerted).toBe(true);
    expect(risk.reasons).toContain('complaint_threat');
    const logged = await riskEvents(conversationId);
    expect(logged).toHaveLength(1);
    expect(logged[0]!.seq).toBeNull();
    expect(logged[0]!.payload).toMatchObject({
      conversationId,
      level: 'high',
      reasons: expect.arrayContaining(['complaint_threat']),
    });
    expect(published.map((e) => e.id)).toEqual([logged[0]!.id]);

    const [supervisor] = await t.deps.db.select().from(users).where(eq(users.email, 'supervisor@demo.test'));
    const [other] = await t.deps.db.select().from(users).where(eq(users.email, 'agent2@demo.test'));
    const inbox = await inboxEventsAfter(t.deps.db, supervisor!.tenantId, supervisor!.id, true, 0);
    expect(inbox.map((e) => e.type)).toContain('compliance.risk');
    expect(inboxWants(published[0]!, supervisor!.id, true)).toBe(true);
    expect(inboxWants(published[0]!, other!.id, false)).toBe(false);

    const supToken = await t.login('supervisor@demo.test');
    const board = await json<{ items: RiskListItemDto[]; threshold: number }>(
      await t.call('GET', '/api/v1/compliance/risk?minScore=0.6', { token: supToken }),
    );
    expect(board.items.map((i) => i.conversationId)).toEqual([conversationId]);
    expect(board.items[0]!.subject).toBe('快递一周了还没到');
  });

  it('counts a retried message once', async () => {
    const { agent, customer, conversationId } = await openAssigned(t);
    await send(t, customer, conversationId, '太离谱了！！', 'c-2');
    const once = await riskOf(agent, conversationId);
    expect((await send(t, customer, conversationId, '太离谱了！！', 'c-2')).status).toBe(200);
    expect(await riskOf(agent, conversationId)).toEqual(once);
  });

  it('adds what the agent sent: a warn-level tone finding raises the risk', async () => {
    const { agent, conversationId } = await openAssigned(t, 'Where is my order?');
    const before = (await riskOf(agent, conversationId)).score;
    expect(
      (
        await send(
          t,
          agent,
          conversationId,
          'Seriously? Obviously you should have checked the tracking page.',
          'a-1',
        )
      ).status,
    ).toBe(201);
    const after = await riskOf(agent, conversationId);
    expect(after.score).toBeGreaterThan(before);
    expect(after.reasons).toContain('agent_tone');
  });

  it('the check reports the conversation risk; agents off the conversation and other tenants get 404', async () => {
    const { agent, customer, conversationId } = await openAssigned(t);
    await send(t, customer, conversationId, '我要投诉！', 'c-2');
    const checked = await t.call('POST', '/api/v1/compliance/check', {
      token: agent,
      body: { text: '非常抱歉', conversationId },
    });
    expect(await json<{ riskScore: number; riskLevel: string }>(checked)).toMatchObject({
      riskLevel: 'high',
    });
    const colleague = await t.login('agent2@demo.test');
    expect(
      (await t.call('GET', `/api/v1/conversations/${conversationId}/compliance/risk`, { token: colleague }))
        .status,
    ).toBe(404);
    const foreign = await t.login('admin@northwind.test');
    expect(
      (await t.call('GET', `/api/v1/conversations/${conversationId}/compliance/risk`, { token: foreign }))
        .status,
    ).toBe(404);
    const board = await json<{ items: unknown[] }>(
      await t.call('GET', '/api/v1/compliance/risk?minScore=0', { token: foreign }),
    );
    expect(board.items).toEqual([]);
    expect((await t.call('GET', '/api/v1/compliance/risk', { token: agent })).status).toBe(403);
  });
});
