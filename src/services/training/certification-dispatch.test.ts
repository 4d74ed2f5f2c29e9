/**
 * The whole chain with the live dispatcher: trainee1 passes the Chinese refund scenarios with the
 * bot and a supervisor's live test → a simulator+live certification row → trainee1 (now an agent)
 * comes online and a new refund conversation is offered to them, the only certified agent online.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationDto } from '#routes/conversations/conversations.routes.ts';
import { certifications, skills } from '#src/db/schema/skills.ts';
import { createDispatchTestApp, type DispatchTestApp } from '../../../test/helpers/dispatch-app.ts';
import { goodScript } from './testing/scripted-trainee.ts';

let t: DispatchTestApp;
beforeAll(async () => {
  t = await createDispatchTestApp();
});
afterAll(() => t.close());

async function ok<T>(res: Response, status = 200): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as T;
}

async function passScenario(token: string, cardId: string) {
  const { id } = await ok<{ id: string }>(
    await t.call('POST', '/api/v1/training/sessions', { token, body: { cardId } }),
    201,
  );
  let last: { ended: boolean; verdict: { passed: boolean } | null } | null = null;
  for (const [i, text] of goodScript(cardId).entries()) {
    last = await ok(
      await t.call('POST', `/api/v1/training/sessions/${id}/turns`, {
        token,
        body: { text, clientTurnId: `${cardId}-${i}` },
      }),
    );
    if (last!.ended) break;
  }
  expect(last?.verdict?.passed).toBe(true);
}

describe('certification → dispatch', () => {
  it('passed scenarios + live test certify trainee1, and the dispatcher offers them the next refund conversation', async () => {
    const trainee1Id = await t.userId('trainee1@demo.test');
    let trainee1 = await t.login('trainee1@demo.test');
    const supervisor = await t.login('supervisor@demo.test');

    // A trainee is not routable: the dispatcher's presence is for agents only.
    expect(
      (await t.call('POST', '/api/v1/agents/me/presence', { token: trainee1, body: { status: 'online' } }))
        .status,
    ).toBe(403);

    // N = 3 passes over the two Chinese refund cards (each counts at most twice).
    await passScenario(trainee1, 'refund-unshipped-zh');
    await passScenario(trainee1, 'refund-unshipped-zh');
    await passScenario(trainee1, 'refund-credit-card-late-zh');

    const live = await ok<{ id: string }>(
      await t.call('POST', '/api/v1/training/live-tests', {
        token: supervisor,
        body: { traineeId: trainee1Id, cardId: 'refund-unshipped-zh' },
      }),
      201,
    );
    await ok(
      await t.call('POST', `/api/v1/training/sessions/${live.id}/customer`, {
        token: supervisor,
        body: { text: '你好，我昨天的订单还没发货，想取消退款。', clientTurnId: 's-1' },
      }),
    );
    await ok(
      await t.call('POST', `/api/v1/training/sessions/${live.id}/turns`, {
        token: trainee1,
        body: { text: '您好，很高兴为您服务！麻烦提供一下订单号，我帮您查看。', clientTurnId: 't-1' },
      }),
    );
    const recorded = await ok<{ certified: { skill: string; level: number }[] }>(
      await t.call('POST', `/api/v1/training/sessions/${live.id}/live-result`, {
        token: supervisor,
        body: { passed: true, note: 'OK' },
      }),
    );
    expect(recorded.certified).toEqual([expect.objectContaining({ skill: 'ecommerce.refund', level: 2 })]);
    await t.settle();

    const [refund] = await t.deps.db
      .select()
      .from(skills)
      .where(and(eq(skills.key, 'ecommerce.refund'), eq(skills.tenantId, await t.tenantId())));
    const [cert] = await t.deps.db
      .select()
      .from(certifications)
      .where(and(eq(certifications.userId, trainee1Id), eq(certifications.skillId, refund!.id)));
    expect(cert).toMatchObject({ source: 'simulator+live', level: 2 });
    expect(cert!.expiresAt).toBeGreaterThan(t.clock.now());

    // Signed in again (the role is in the session token), trainee1 goes online as an agent.
    trainee1 = await t.login('trainee1@demo.test');
    await t.online(trainee1);
    const created = await t.open('我要退款，订单还没发货，帮我退一下钱', 'refund-after-cert');
    await t.settle();
    expect(created).toMatchObject({ state: 'queued', offeredTo: trainee1Id });
    const offers = await ok<{ items: ConversationDto[] }>(
      await t.call('GET', '/api/v1/agents/me/offers', { token: trainee1 }),
    );
    expect(offers.items.map((c) => c.id)).toEqual([created.id]);
    const accepted = await t.call('POST', `/api/v1/conversations/${created.id}/accept`, { token: trainee1 });
    expect(await ok(accepted)).toMatchObject({ state: 'assigned', assigneeId: trainee1Id });

    // Certified for a second skill while online: the dispatcher is told at once (agentChanged), no
    // new sign-in or presence change needed, and the next account conversation is offered to them.
    // One Chinese account card: it must be passed three times.
    for (let i = 0; i < 3; i++) await passScenario(trainee1, 'account-locked-urgent-zh');
    const live2 = await ok<{ id: string }>(
      await t.call('POST', '/api/v1/training/live-tests', {
        token: supervisor,
        body: { traineeId: trainee1Id, cardId: 'account-locked-urgent-zh' },
      }),
      201,
    );
    const second = await ok<{ certified: { skill: string }[] }>(
      await t.call('POST', `/api/v1/training/sessions/${live2.id}/live-result`, {
        token: supervisor,
        body: { passed: true, note: '' },
      }),
    );
    expect(second.certified.map((c) => c.skill)).toEqual(['ecommerce.account']);
    await t.settle();
    const locked = await t.open('我的账号被锁了，登录不上，怎么解锁？', 'account-after-cert');
    await t.settle();
    expect(locked).toMatchObject({ state: 'queued', offeredTo: trainee1Id });
  });
});
