import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationDto } from '#routes/conversations/conversations.routes.ts';
import { createDispatchTestApp, type DispatchTestApp } from '../../../test/helpers/dispatch-app.ts';

let t: DispatchTestApp;
beforeEach(async () => {
  t = await createDispatchTestApp();
});
afterEach(() => t.close());

const TEXTS = ['我需要开发票', 'I need an invoice for my order', 'Please issue a VAT invoice', '我要开发票'];

async function offersOf(token: string) {
  const res = await t.call('GET', '/api/v1/agents/me/offers', { token });
  return ((await res.json()) as { items: ConversationDto[] }).items.map((c) => c.id);
}

async function openInOrder(n: number) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    t.clock.advance(1_000);
    ids.push((await t.open(TEXTS[i % TEXTS.length]!, `o-${i}`)).id);
  }
  return ids;
}

describe('restart: state rebuilt from the database', () => {
  it('rebuilds the queue in created_at order; held conversations count as load', async () => {
    const agent1 = await t.login('agent1@demo.test'); // billing L3, two chats at once
    await t.online(agent1);
    const ids = await openInOrder(4); // 0 and 1 offered to agent1, 2 and 3 wait
    expect(await t.call('POST', `/api/v1/conversations/${ids[0]}/accept`, { token: agent1 })).toHaveProperty(
      'status',
      200,
    );
    expect(await offersOf(agent1)).toEqual([ids[1]]);

    await t.restart();
    t.clock.advance(1_000);
    await t.call('POST', '/api/v1/agents/me/heartbeat', { token: agent1 });
    // agent1 still holds ids[0] (load 1 of 2): the rebuilt offer of ids[1] is their second slot.
    expect(await offersOf(agent1)).toEqual([ids[1]]);
    const withdrawn = await t.deps.db.all<{ payload: string }>(
      sql`select payload from events where conversation_id = ${ids[1]} and type = 'dispatch.offer_expired'`,
    );
    expect(withdrawn.map((r) => JSON.parse(r.payload).reason)).toEqual(['rebuilt']);

    // The next agent gets the waiting ones oldest first.
    const agent4 = await t.login('agent4@demo.test');
    await t.online(agent4);
    expect(await offersOf(agent4)).toEqual([ids[2], ids[3]]);
    const held = (await (
      await t.call('GET', `/api/v1/conversations/${ids[0]}`, { token: agent1 })
    ).json()) as ConversationDto;
    expect(held).toMatchObject({ state: 'assigned', assigneeId: await t.userId('agent1@demo.test') });
  });

  it('an agent whose heartbeats stopped while the process was down goes offline at restart and their work goes back first', async () => {
    const agent4 = await t.login('agent4@demo.test');
    await t.online(agent4);
    const [first, second, third] = await openInOrder(3);
    await t.call('POST', `/api/v1/conversations/${first}/accept`, { token: agent4 });
    await t.call('POST', `/api/v1/conversations/${second}/accept`, { token: agent4 });
    // Down for a minute: nobody heartbeats.
    t.dispatch.stop();
    t.clock.advance(60_000);
    await t.restart();
    const presence = (await (
      await t.call('GET', '/api/v1/agents/me/presence', { token: agent4 })
    ).json()) as {
      status: string;
      reason: string;
    };
    expect(presence).toMatchObject({ status: 'offline', reason: 'heartbeat-timeout' });
    const agent1 = await t.login('agent1@demo.test');
    await t.online(agent1);
    // Requeued ones (older) ahead of the one that was already waiting.
    expect(await offersOf(agent1)).toEqual([first, second]);
    const requeued = await t.deps.db.all<{ conversation_id: string }>(
      sql`select conversation_id from events where type = 'dispatch.requeued' order by id`,
    );
    expect(requeued.map((r) => r.conversation_id)).toEqual([first, second]);
    expect(third).toBeDefined();
  });

  it('routes conversations that were never classified (opened before a crash or before dispatch)', async () => {
    const customer = await t.customer();
    // Written through an app without live dispatch (the queue-only path): no skill, no triage.
    const plain = await import('#src/app.ts').then(({ createApp }) => createApp(t.deps));
    const opened = await plain.request('/api/v1/conversations', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${customer}` },
      body: JSON.stringify({ text: '我需要开发票', clientMessageId: 'legacy-1' }),
    });
    const conv = (await opened.json()) as ConversationDto;
    expect(conv).toMatchObject({ skillId: null, triage: false });
    await t.restart();
    await t.settle();
    const after = await t.deps.db.all<{ skill_id: string | null; sop_id: string | null }>(
      sql`select skill_id, sop_id from conversations where id = ${conv.id}`,
    );
    expect(after[0]?.skill_id).not.toBeNull();
    expect(after[0]?.sop_id).not.toBeNull();
  });
});
