import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '#src/app.ts';
import { createInProcessBus } from '#src/realtime/in-process.ts';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { type Listening, listen } from '../../test/helpers/listen.ts';
import { connectSse, type SseConnection } from '../../test/helpers/sse.ts';

let t: TestApp;
let server: Listening;
const open: SseConnection[] = [];

beforeEach(async () => {
  t = await createTestApp({ sseKeepAliveMs: 200 });
  server = await listen(t.app.fetch);
});
afterEach(async () => {
  for (const c of open.splice(0)) c.close();
  await server.close();
  t.close();
});

async function sse(path: string, token: string, lastEventId?: string) {
  const conn = await connectSse(`${server.url}${path}`, {
    authorization: `Bearer ${token}`,
    ...(lastEventId ? { 'last-event-id': lastEventId } : {}),
  });
  open.push(conn);
  return conn;
}

async function openConversation(customer: string, text = 'Where is my parcel?') {
  const res = await t.call('POST', '/api/v1/conversations', {
    token: customer,
    body: { text, clientMessageId: 'open-1' },
  });
  return ((await res.json()) as { id: string }).id;
}

const ids = (c: SseConnection) => c.events.map((e) => Number(e.id));
const types = (c: SseConnection) => c.events.map((e) => e.event);

describe('GET /conversations/{id}/events', () => {
  it('replays the log, then delivers live events with id = per-conversation seq', async () => {
    const customer = await t.customer();
    const agent = await t.login('agent1@demo.test');
    const id = await openConversation(customer);
    const stream = await sse(`/api/v1/conversations/${id}/events`, customer);
    await stream.waitFor((e) => e.length >= 2);
    expect(types(stream)).toEqual(['conversation.created', 'message.created']);

    await t.call('POST', `/api/v1/conversations/${id}/claim`, { token: agent });
    await t.call('POST', `/api/v1/conversations/${id}/messages`, {
      token: agent,
      body: { text: 'Hello, let me check.', clientMessageId: 'a-1' },
    });
    await stream.waitFor((e) => e.length >= 4);
    expect(ids(stream)).toEqual([1, 2, 3, 4]);
    const reply = JSON.parse(stream.events[3]!.data) as { message: { text: string; seq: number } };
    expect(reply.message).toMatchObject({ text: 'Hello, let me check.', seq: 2 });
  });

  it('reconnecting with Last-Event-ID replays exactly what was missed', async () => {
    const customer = await t.customer();
    const id = await openConversation(customer);
    for (let i = 0; i < 5; i++) {
      await t.call('POST', `/api/v1/conversations/${id}/messages`, {
        token: customer,
        body: { text: `msg ${i}`, clientMessageId: `m-${i}` },
      });
    }
    const resumed = await sse(`/api/v1/conversations/${id}/events`, customer, '4');
    await resumed.waitFor((e) => e.length >= 3);
    // Give any duplicate a chance to show up before asserting exactly-once.
    await new Promise((r) => setTimeout(r, 100));
    expect(ids(resumed)).toEqual([5, 6, 7]);
  });

  it('resumes from the database after a restart (new app, new bus, same file)', async () => {
    const customer = await t.customer();
    const id = await openConversation(customer);
    const first = await sse(`/api/v1/conversations/${id}/events`, customer);
    await first.waitFor((e) => e.length >= 2);
    const lastSeen = first.events.at(-1)!.id!;
    first.close();
    await server.close();

    // "Restart": everything in memory is new; only the database file carries over.
    const restarted = createApp({ ...t.deps, events: createInProcessBus() });
    server = await listen(restarted.fetch);
    await t.call('POST', `/api/v1/conversations/${id}/messages`, {
      token: customer,
      body: { text: 'sent while the stream was down', clientMessageId: 'down-1' },
    });
    const again = await sse(`/api/v1/conversations/${id}/events`, customer, lastSeen);
    await again.waitFor((e) => e.length >= 1);
    expect(ids(again)).toEqual([3]);
    expect(JSON.parse(again.events[0]!.data).message.text).toBe('sent while the stream was down');
  });

  it('is a 404 for another customer and for another tenant', async () => {
    const customer = await t.customer();
    const id = await openConversation(customer);
    const stranger = await t.customer();
    const foreign = await t.login('admin@northwind.test');
    expect((await sse(`/api/v1/conversations/${id}/events`, stranger)).status).toBe(404);
    expect((await sse(`/api/v1/conversations/${id}/events`, foreign)).status).toBe(404);
  });

  it('accepts ?access_token= for EventSource clients', async () => {
    const customer = await t.customer();
    const id = await openConversation(customer);
    const conn = await connectSse(`${server.url}/api/v1/conversations/${id}/events?access_token=${customer}`);
    open.push(conn);
    await conn.waitFor((e) => e.length >= 2);
    expect(conn.status).toBe(200);
  });
});

describe('GET /agents/me/events', () => {
  it('delivers queue changes to every agent and messages only to the assignee', async () => {
    const a1 = await t.login('agent1@demo.test');
    const a2 = await t.login('agent2@demo.test');
    const inbox1 = await sse('/api/v1/agents/me/events', a1);
    const inbox2 = await sse('/api/v1/agents/me/events', a2);
    const customer = await t.customer();
    const id = await openConversation(customer);
    await inbox1.waitFor((e) => e.some((x) => x.event === 'conversation.created'));
    await inbox2.waitFor((e) => e.some((x) => x.event === 'conversation.created'));

    await t.call('POST', `/api/v1/conversations/${id}/claim`, { token: a1 });
    await t.call('POST', `/api/v1/conversations/${id}/messages`, {
      token: customer,
      body: { text: 'are you there?', clientMessageId: 'c-2' },
    });
    await inbox1.waitFor((e) =>
      e.some((x) => x.event === 'message.created' && x.data.includes('are you there?')),
    );
    await inbox2.waitFor((e) => e.some((x) => x.event === 'conversation.assigned'));
    await new Promise((r) => setTimeout(r, 100));
    expect(inbox2.events.some((x) => x.data.includes('are you there?'))).toBe(false);
    // Ids are global and strictly increasing.
    const seen = ids(inbox1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('resumes the inbox from Last-Event-ID', async () => {
    const a1 = await t.login('agent1@demo.test');
    const customer = await t.customer();
    const id = await openConversation(customer);
    await t.call('POST', `/api/v1/conversations/${id}/claim`, { token: a1 });
    const first = await sse('/api/v1/agents/me/events', a1);
    await first.waitFor((e) => e.some((x) => x.event === 'conversation.assigned'));
    const last = first.events.at(-1)!.id!;
    first.close();
    await t.call('POST', `/api/v1/conversations/${id}/messages`, {
      token: customer,
      body: { text: 'missed one', clientMessageId: 'c-9' },
    });
    const resumed = await sse('/api/v1/agents/me/events', a1, last);
    await resumed.waitFor((e) => e.length >= 1);
    expect(resumed.events.map((e) => e.event)).toEqual(['message.created']);
  });

  it('a supervisor sees every event of the tenant, another tenant sees none', async () => {
    const sup = await t.login('supervisor@demo.test');
    const foreign = await t.login('admin@northwind.test');
    const supInbox = await sse('/api/v1/agents/me/events', sup);
    const foreignInbox = await sse('/api/v1/agents/me/events', foreign);
    const customer = await t.customer();
    await openConversation(customer, '我要退款');
    await supInbox.waitFor((e) =>
      e.some((x) => x.event === 'message.created' && x.data.includes('我要退款')),
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(foreignInbox.events).toHaveLength(0);
  });
});
