import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationDto } from '#routes/conversations/conversations.routes.ts';
import { createDispatchTestApp, type DispatchTestApp } from '../../../test/helpers/dispatch-app.ts';

let t: DispatchTestApp;
beforeEach(async () => {
  t = await createDispatchTestApp();
});
afterEach(() => t.close());

const INVOICE = '我需要开发票，订单号 12345';

async function eventsOf(conversationId: string) {
  return t.deps.db.all<{ type: string; seq: number | null; recipient_id: string | null; payload: string }>(
    sql`select type, seq, recipient_id, payload from events where conversation_id = ${conversationId} order by id`,
  );
}

async function conv(id: string, token: string) {
  return (await (await t.call('GET', `/api/v1/conversations/${id}`, { token })).json()) as ConversationDto;
}

describe('live dispatch: intent → SOP → offer → accept', () => {
  it('classifies a new conversation to its SOP and offers it to the online certified agent', async () => {
    const agent1 = await t.login('agent1@demo.test');
    await t.online(agent1);
    const created = await t.open(INVOICE);
    const a1 = await t.userId('agent1@demo.test');
    expect(created).toMatchObject({ state: 'queued', triage: false, offeredTo: a1, requiredLevel: 2 });
    expect(created.sopId).not.toBeNull();

    const offers = (await (await t.call('GET', '/api/v1/agents/me/offers', { token: agent1 })).json()) as {
      items: ConversationDto[];
    };
    expect(offers.items.map((c) => c.id)).toEqual([created.id]);

    const accepted = await t.call('POST', `/api/v1/conversations/${created.id}/accept`, { token: agent1 });
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ state: 'assigned', assigneeId: a1, offeredTo: null });
    const reply = await t.call('POST', `/api/v1/conversations/${created.id}/messages`, {
      token: agent1,
      body: { text: '您好，请提供发票抬头', clientMessageId: 'a-1' },
    });
    expect(reply.status).toBe(201);

    // Other features log their own events on the conversation too; these are the routing story.
    const log = (await eventsOf(created.id)).filter((e) => /^(conversation|message|dispatch)\./.test(e.type));
    expect(log.map((e) => e.type)).toEqual([
      'conversation.created',
      'message.created',
      'conversation.classified',
      'dispatch.offered',
      'conversation.assigned',
      'message.created',
    ]);
    // Routing events stay out of the customer's timeline (no seq); the offer names its agent.
    expect(
      log
        .filter((e) => e.type.startsWith('dispatch.') || e.type === 'conversation.classified')
        .every((e) => e.seq === null),
    ).toBe(true);
    expect(log.find((e) => e.type === 'dispatch.offered')?.recipient_id).toBe(a1);
    expect(JSON.parse(log.find((e) => e.type === 'conversation.classified')!.payload)).toMatchObject({
      sopKey: 'invoice',
      skill: 'ecommerce.billing',
      level: 2,
    });
    // Accepting twice is a no-op; another agent cannot accept it.
    expect(
      (await t.call('POST', `/api/v1/conversations/${created.id}/accept`, { token: agent1 })).status,
    ).toBe(200);
    const agent4 = await t.login('agent4@demo.test');
    expect(
      (await t.call('POST', `/api/v1/conversations/${created.id}/accept`, { token: agent4 })).status,
    ).toBe(404);
  });

  it('waits in the queue when no certified agent is online, and is offered as soon as one comes online', async () => {
    const created = await t.open(INVOICE);
    expect(created.offeredTo).toBeNull();
    expect((await eventsOf(created.id)).map((e) => e.type)).toContain('dispatch.unstaffed');
    const agent4 = await t.login('agent4@demo.test');
    await t.online(agent4);
    expect((await conv(created.id, agent4)).offeredTo).toBe(await t.userId('agent4@demo.test'));
  });

  it('an agent’s claim is replaced by accept (403); a supervisor claim overrides and withdraws the offer', async () => {
    const agent1 = await t.login('agent1@demo.test');
    await t.online(agent1);
    const created = await t.open(INVOICE);
    const claim = await t.call('POST', `/api/v1/conversations/${created.id}/claim`, { token: agent1 });
    expect(claim.status).toBe(403);
    expect(((await claim.json()) as { detail: string }).detail).toContain('/accept');

    const sup = await t.login('supervisor@demo.test');
    const taken = await t.call('POST', `/api/v1/conversations/${created.id}/claim`, { token: sup });
    expect(taken.status).toBe(200);
    expect(await taken.json()).toMatchObject({
      state: 'assigned',
      assigneeId: await t.userId('supervisor@demo.test'),
      offeredTo: null,
    });
    const withdrawn = (await eventsOf(created.id)).find((e) => e.type === 'dispatch.offer_expired');
    expect(JSON.parse(withdrawn!.payload)).toMatchObject({ reason: 'claimed' });
    expect(
      (await t.call('POST', `/api/v1/conversations/${created.id}/accept`, { token: agent1 })).status,
    ).toBe(404);
    // The agent's slot is free again: the next conversation is offered to them.
    const next = await t.open('I need an invoice for my order', 'open-2');
    expect(next.offeredTo).toBe(await t.userId('agent1@demo.test'));
  });

  it('a declined offer goes to the next agent; an offer not accepted in time is re-offered elsewhere', async () => {
    const agent1 = await t.login('agent1@demo.test');
    const agent4 = await t.login('agent4@demo.test');
    await t.online(agent1);
    t.clock.advance(1000);
    await t.online(agent4);
    const [a1, a4] = [await t.userId('agent1@demo.test'), await t.userId('agent4@demo.test')];
    const first = await t.open(INVOICE);
    expect(first.offeredTo).toBe(a1); // longest idle
    expect(
      (await t.call('POST', `/api/v1/conversations/${first.id}/decline`, { token: agent1 })).status,
    ).toBe(204);
    expect((await conv(first.id, agent4)).offeredTo).toBe(a4);
    expect(
      (await t.call('POST', `/api/v1/conversations/${first.id}/decline`, { token: agent1 })).status,
    ).toBe(409);

    const second = await t.open('Please issue a VAT invoice', 'open-2');
    expect(second.offeredTo).toBe(a1);
    await t.advance(19_000);
    expect((await conv(second.id, agent1)).offeredTo).toBe(a1);
    await t.advance(2_000);
    expect((await conv(second.id, agent4)).offeredTo).toBe(a4);
    const expired = (await eventsOf(second.id)).filter((e) => e.type === 'dispatch.offer_expired');
    expect(expired.map((e) => JSON.parse(e.payload).reason)).toEqual(['timeout']);
    expect(
      (await t.call('POST', `/api/v1/conversations/${second.id}/accept`, { token: agent1 })).status,
    ).toBe(409);
    expect(
      (await t.call('POST', `/api/v1/conversations/${second.id}/accept`, { token: agent4 })).status,
    ).toBe(200);
  });
});

describe('live dispatch: presence, heartbeats, requeue', () => {
  it('an agent going offline returns their conversations to the queue ahead of newer ones', async () => {
    const agent4 = await t.login('agent4@demo.test'); // billing L5, two chats at once
    await t.online(agent4);
    const ids: string[] = [];
    for (const [i, text] of [
      INVOICE,
      'I need an invoice for my order',
      'Please issue a VAT invoice',
    ].entries()) {
      t.clock.advance(1000);
      ids.push((await t.open(text, `open-${i}`)).id);
    }
    for (const id of ids.slice(0, 2)) {
      expect((await t.call('POST', `/api/v1/conversations/${id}/accept`, { token: agent4 })).status).toBe(
        200,
      );
    }
    expect((await conv(ids[2]!, agent4)).offeredTo).toBeNull(); // agent4 is full
    await t.online(agent4, 'offline');
    const a1 = await t.login('agent1@demo.test'); // billing L3, two chats at once
    await t.online(a1);
    const mine = (await (await t.call('GET', '/api/v1/agents/me/offers', { token: a1 })).json()) as {
      items: ConversationDto[];
    };
    expect(mine.items.map((c) => c.id)).toEqual(ids.slice(0, 2));
    const requeued = (await eventsOf(ids[0]!)).find((e) => e.type === 'dispatch.requeued');
    expect(JSON.parse(requeued!.payload)).toMatchObject({ reason: 'agent-offline' });
    // Nothing lost: the customer's messages are all there.
    const msgs = (await (
      await t.call('GET', `/api/v1/conversations/${ids[0]}/messages`, { token: a1 })
    ).json()) as {
      items: unknown[];
    };
    expect(msgs.items).toHaveLength(1);
  });

  it('missing heartbeats take the agent offline and requeue; the next heartbeat restores their choice', async () => {
    const agent4 = await t.login('agent4@demo.test');
    await t.online(agent4);
    const c = await t.open(INVOICE);
    await t.call('POST', `/api/v1/conversations/${c.id}/accept`, { token: agent4 });
    await t.advance(30_000);
    await t.call('POST', '/api/v1/agents/me/heartbeat', { token: agent4 });
    await t.advance(44_000);
    expect(
      (
        (await (await t.call('GET', '/api/v1/agents/me/presence', { token: agent4 })).json()) as {
          status: string;
        }
      ).status,
    ).toBe('online');
    expect((await conv(c.id, agent4)).state).toBe('assigned');
    await t.advance(1_000); // 45 s since the last heartbeat
    const presence = (await (
      await t.call('GET', '/api/v1/agents/me/presence', { token: agent4 })
    ).json()) as {
      status: string;
      chosen: string;
      reason: string;
    };
    expect(presence).toMatchObject({ status: 'offline', chosen: 'online', reason: 'heartbeat-timeout' });
    expect(await conv(c.id, agent4)).toMatchObject({ state: 'queued', assigneeId: null });

    const back = await t.call('POST', '/api/v1/agents/me/heartbeat', { token: agent4 });
    expect(await back.json()).toMatchObject({ status: 'online', reason: 'heartbeat-resumed' });
    expect((await conv(c.id, agent4)).offeredTo).toBe(await t.userId('agent4@demo.test'));
  });

  it('uses server time only: a client clock hours off neither keeps an agent online nor drops it', async () => {
    const agent4 = await t.login('agent4@demo.test');
    await t.online(agent4);
    for (const skew of [3, -3, 24, -24]) {
      await t.advance(30_000);
      const res = await t.call('POST', '/api/v1/agents/me/heartbeat', {
        token: agent4,
        body: { sentAt: t.clock.now() + skew * 3_600_000 },
      });
      expect(await res.json()).toMatchObject({ status: 'online', skewMs: -skew * 3_600_000 });
    }
    // A heartbeat claiming to come from far in the future buys no extra time.
    await t.call('POST', '/api/v1/agents/me/heartbeat', {
      token: agent4,
      body: { sentAt: t.clock.now() + 86_400_000 },
    });
    await t.advance(45_000);
    const after = (await (await t.call('GET', '/api/v1/agents/me/presence', { token: agent4 })).json()) as {
      status: string;
    };
    expect(after.status).toBe('offline');
    // An empty heartbeat body is fine too.
    expect((await t.call('POST', '/api/v1/agents/me/heartbeat', { token: agent4 })).status).toBe(200);
  });

  it('only agents set presence (supervisors get 403); bad status is a 422', async () => {
    const sup = await t.login('supervisor@demo.test');
    expect(
      (await t.call('POST', '/api/v1/agents/me/presence', { token: sup, body: { status: 'online' } })).status,
    ).toBe(403);
    const agent1 = await t.login('agent1@demo.test');
    const bad = await t.call('POST', '/api/v1/agents/me/presence', {
      token: agent1,
      body: { status: 'asleep' },
    });
    expect(bad.status).toBe(422);
    expect((await t.call('GET', '/api/v1/agents/me/presence', { token: agent1 })).status).toBe(200);
  });
});

describe('live dispatch: failure cases', () => {
  it('a certification that expires mid-shift: the held conversation stays, new ones are not offered', async () => {
    const a4 = await t.userId('agent4@demo.test');
    await t.deps.db.run(
      sql`update certifications set expires_at = ${t.clock.now() + 60_000} where user_id = ${a4} and skill_id = (select id from skills where key = 'ecommerce.billing' and tenant_id = (select tenant_id from users where id = ${a4}))`,
    );
    const agent4 = await t.login('agent4@demo.test');
    await t.online(agent4);
    const held = await t.open(INVOICE);
    expect(held.offeredTo).toBe(a4);
    await t.call('POST', `/api/v1/conversations/${held.id}/accept`, { token: agent4 });
    await t.advance(20_000);
    await t.call('POST', '/api/v1/agents/me/heartbeat', { token: agent4 });
    await t.advance(41_000); // the certification has expired
    await t.call('POST', '/api/v1/agents/me/heartbeat', { token: agent4 });
    const later = await t.open('I need an invoice for my order', 'open-2');
    expect(later.offeredTo).toBeNull();
    expect((await eventsOf(later.id)).map((e) => e.type)).toContain('dispatch.unstaffed');
    expect(await conv(held.id, agent4)).toMatchObject({ state: 'assigned', assigneeId: a4 });
    const reply = await t.call('POST', `/api/v1/conversations/${held.id}/messages`, {
      token: agent4,
      body: { text: 'still here', clientMessageId: 'a-late' },
    });
    expect(reply.status).toBe(201);
    const sup = await t.login('supervisor@demo.test');
    const wall = (await (await t.call('GET', '/api/v1/dispatch/wall', { token: sup })).json()) as {
      alerts: { kind: string; skill: string }[];
      agents: { id: string; skills: { skill: string; expired: boolean }[] }[];
    };
    expect(wall.alerts).toContainEqual(
      expect.objectContaining({ kind: 'unstaffed', skill: 'ecommerce.billing' }),
    );
    expect(wall.agents.find((a) => a.id === a4)?.skills).toContainEqual({
      skill: 'ecommerce.billing',
      level: 5,
      expired: true,
    });
  });

  it('an SOP whose skill no one holds: the task waits, supervisors are alerted, widening finally serves it', async () => {
    const tenantId = await t.tenantId();
    await t.deps.db.run(
      sql`insert into skills (id, tenant_id, key, name_zh, name_en, created_at) values ('skl_rare', ${tenantId}, 'ecommerce.rare', '稀有', 'Rare', 0)`,
    );
    await t.deps.db.run(
      sql`update sops set skill_id = 'skl_rare' where key = 'coupon' and tenant_id = ${tenantId}`,
    );
    const agent5 = await t.login('agent5@demo.test');
    await t.online(agent5);
    const sup = await t.login('supervisor@demo.test');
    const c = await t.open('优惠券用不了');
    expect(c).toMatchObject({ skillId: 'skl_rare', offeredTo: null, state: 'queued' });
    const wall = (await (await t.call('GET', '/api/v1/dispatch/wall', { token: sup })).json()) as {
      alerts: { kind: string; skill: string }[];
      skills: { skill: string; waiting: number }[];
    };
    expect(wall.alerts).toContainEqual(
      expect.objectContaining({ kind: 'unstaffed', skill: 'ecommerce.rare' }),
    );
    expect(wall.skills.find((s) => s.skill === 'ecommerce.rare')?.waiting).toBe(1);
    // Heartbeats keep agent5 online while the task waits; widening reaches "any agent" after Δ.
    await t.advance(15_000);
    await t.call('POST', '/api/v1/agents/me/heartbeat', { token: agent5 });
    await t.advance(15_000);
    const log = await eventsOf(c.id);
    expect(log.map((e) => e.type)).toEqual(
      expect.arrayContaining(['dispatch.unstaffed', 'dispatch.widened', 'dispatch.offered']),
    );
    expect(JSON.parse(log.find((e) => e.type === 'dispatch.widened')!.payload)).toMatchObject({ any: true });
    expect((await conv(c.id, agent5)).offeredTo).toBe(await t.userId('agent5@demo.test'));
  });

  it('a message no SOP matches goes to triage; a supervisor routes it by transfer', async () => {
    const agent4 = await t.login('agent4@demo.test');
    await t.online(agent4);
    const c = await t.open('hello');
    expect(c).toMatchObject({ triage: true, skillId: null, state: 'queued', offeredTo: null });
    const sup = await t.login('supervisor@demo.test');
    const wall = (await (await t.call('GET', '/api/v1/dispatch/wall', { token: sup })).json()) as {
      triage: { waiting: number };
      alerts: { kind: string }[];
    };
    expect(wall.triage.waiting).toBe(1);
    expect(wall.alerts.map((a) => a.kind)).toContain('triage');
    const triaged = (await eventsOf(c.id)).find((e) => e.type === 'dispatch.triaged');
    expect(JSON.parse(triaged!.payload).reason).toMatch(/no SOP matched/);

    const routed = await t.call('POST', `/api/v1/conversations/${c.id}/transfer`, {
      token: sup,
      body: { skill: 'ecommerce.billing', level: 2, reason: 'asks about an invoice' },
    });
    expect(routed.status).toBe(200);
    expect(await routed.json()).toMatchObject({
      triage: false,
      offeredTo: await t.userId('agent4@demo.test'),
    });
  });

  it('transfer to another skill keeps the same conversation and its history', async () => {
    const agent4 = await t.login('agent4@demo.test');
    await t.online(agent4);
    const c = await t.open(INVOICE);
    await t.call('POST', `/api/v1/conversations/${c.id}/accept`, { token: agent4 });
    await t.call('POST', `/api/v1/conversations/${c.id}/messages`, {
      token: agent4,
      body: { text: 'Let me pass you to refunds.', clientMessageId: 'a-1' },
    });
    const agent8 = await t.login('agent8@demo.test'); // refund L2
    await t.online(agent8);
    const stranger = await t.login('agent1@demo.test');
    expect(
      (
        await t.call('POST', `/api/v1/conversations/${c.id}/transfer`, {
          token: stranger,
          body: { skill: 'ecommerce.refund' },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await t.call('POST', `/api/v1/conversations/${c.id}/transfer`, {
          token: agent4,
          body: { skill: 'no.such' },
        })
      ).status,
    ).toBe(422);
    const moved = await t.call('POST', `/api/v1/conversations/${c.id}/transfer`, {
      token: agent4,
      body: { skill: 'ecommerce.refund' },
    });
    expect(moved.status).toBe(200);
    const a8 = await t.userId('agent8@demo.test');
    expect(await moved.json()).toMatchObject({ id: c.id, state: 'queued', assigneeId: null, offeredTo: a8 });
    expect((await t.call('POST', `/api/v1/conversations/${c.id}/accept`, { token: agent8 })).status).toBe(
      200,
    );
    const msgs = (await (
      await t.call('GET', `/api/v1/conversations/${c.id}/messages`, { token: agent8 })
    ).json()) as {
      items: { text: string }[];
    };
    expect(msgs.items.map((m) => m.text)).toEqual([INVOICE, 'Let me pass you to refunds.']);
    const log = await eventsOf(c.id);
    const transferred = log.find((e) => e.type === 'conversation.transferred');
    expect(transferred?.seq).not.toBeNull();
    expect(JSON.parse(transferred!.payload)).toMatchObject({
      fromSkill: 'ecommerce.billing',
      toSkill: 'ecommerce.refund',
    });
    // agent4's slot was freed by the transfer.
    const next = await t.open('I need an invoice for my order', 'open-2');
    expect(next.offeredTo).toBe(await t.userId('agent4@demo.test'));
  });

  it('resolving frees the agent for the next waiting conversation', async () => {
    const agent1 = await t.login('agent1@demo.test'); // two chats at once
    await t.online(agent1);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      t.clock.advance(1000);
      ids.push((await t.open(INVOICE, `o-${i}`)).id);
    }
    for (const id of ids.slice(0, 2))
      await t.call('POST', `/api/v1/conversations/${id}/accept`, { token: agent1 });
    expect((await conv(ids[2]!, agent1)).offeredTo).toBeNull();
    expect((await t.call('POST', `/api/v1/conversations/${ids[0]}/resolve`, { token: agent1 })).status).toBe(
      200,
    );
    expect((await conv(ids[2]!, agent1)).offeredTo).toBe(await t.userId('agent1@demo.test'));
  });
});
