/**
 * Never double-assign, over real HTTP on 127.0.0.1: every agent and three supervisors try to take
 * the same conversations at once (accept and claim racing), and the offered agent's inbox stream
 * carries the offer while nobody else's does.
 */
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatchTestApp, type DispatchTestApp } from '../../../test/helpers/dispatch-app.ts';
import { type Listening, listen } from '../../../test/helpers/listen.ts';
import { connectSse } from '../../../test/helpers/sse.ts';

let t: DispatchTestApp;
let server: Listening;
beforeEach(async () => {
  t = await createDispatchTestApp({ sseKeepAliveMs: 200 });
  server = await listen((req) => t.app.fetch(req));
});
afterEach(async () => {
  await server.close();
  t.close();
});

async function http(method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

async function login(email: string) {
  const res = await http('POST', '/api/v1/auth/token', undefined, { email, password: 'tidedesk-demo' });
  return { token: String(res.body.token), id: String((res.body.user as { id: string }).id) };
}

describe('concurrency over a real listener', () => {
  it('accepts and claims racing from every agent and three supervisors: exactly one holder each', async () => {
    const agents = await Promise.all(Array.from({ length: 20 }, (_, i) => login(`agent${i + 1}@demo.test`)));
    const bosses = await Promise.all(
      ['supervisor@demo.test', 'supervisor2@demo.test', 'admin@demo.test'].map(login),
    );
    const online = await Promise.all(
      agents.map((a) => http('POST', '/api/v1/agents/me/presence', a.token, { status: 'online' })),
    );
    expect(online.every((r) => r.status === 200)).toBe(true);

    const texts = ['我需要开发票', 'I need an invoice for my order', '我要退款', 'My account is locked'];
    const opened = await Promise.all(
      Array.from({ length: 16 }, async (_, i) => {
        const session = await http('POST', '/api/v1/widget/sessions', undefined, { tenant: 'demo' });
        const res = await http('POST', '/api/v1/conversations', String(session.body.token), {
          text: texts[i % texts.length],
          clientMessageId: `c-${i}`,
        });
        expect(res.status).toBe(201);
        return String(res.body.id);
      }),
    );

    // Everyone grabs everything at once.
    const attempts = opened.flatMap((id) => [
      ...agents.map((a) => ({
        id,
        who: a.id,
        call: http('POST', `/api/v1/conversations/${id}/accept`, a.token),
      })),
      ...bosses.map((b) => ({
        id,
        who: b.id,
        call: http('POST', `/api/v1/conversations/${id}/claim`, b.token),
      })),
    ]);
    const results = await Promise.all(attempts.map(async (a) => ({ ...a, res: await a.call })));
    for (const r of results) expect([200, 403, 404, 409]).toContain(r.res.status);

    const maxOf = new Map(
      (
        await t.deps.db.all<{ id: string; max_concurrent: number }>(sql`select id, max_concurrent from users`)
      ).map((u) => [u.id, u.max_concurrent]),
    );
    const held = new Map<string, number>();
    for (const id of opened) {
      const winners = new Set(
        results.filter((r) => r.id === id && r.res.status === 200).map((r) => String(r.res.body.assigneeId)),
      );
      const [row] = await t.deps.db.all<{ assignee_id: string; state: string }>(
        sql`select assignee_id, state from conversations where id = ${id}`,
      );
      expect(winners.size, `conversation ${id} has one holder`).toBe(1);
      expect(row).toMatchObject({ state: 'assigned', assignee_id: [...winners][0] });
      const assigned = await t.deps.db.all<{ n: number }>(
        sql`select count(*) as n from events where conversation_id = ${id} and type = 'conversation.assigned'`,
      );
      expect(assigned[0]?.n).toBe(1);
      held.set(row!.assignee_id, (held.get(row!.assignee_id) ?? 0) + 1);
    }
    // Agents never hold more than their limit (supervisors are not limited: claiming is an override).
    for (const a of agents) expect(held.get(a.id) ?? 0).toBeLessThanOrEqual(maxOf.get(a.id)!);
  });

  it('delivers the offer on the offered agent’s inbox stream only', async () => {
    const a4 = await login('agent4@demo.test');
    const a1 = await login('agent1@demo.test');
    await http('POST', '/api/v1/agents/me/presence', a4.token, { status: 'online' });
    const inbox4 = await connectSse(`${server.url}/api/v1/agents/me/events`, {
      authorization: `Bearer ${a4.token}`,
    });
    const inbox1 = await connectSse(`${server.url}/api/v1/agents/me/events`, {
      authorization: `Bearer ${a1.token}`,
    });
    try {
      const session = await http('POST', '/api/v1/widget/sessions', undefined, { tenant: 'demo' });
      const created = await http('POST', '/api/v1/conversations', String(session.body.token), {
        text: '我需要开发票',
        clientMessageId: 'sse-1',
      });
      const events = await inbox4.waitFor((e) => e.some((x) => x.event === 'dispatch.offered'));
      const offered = JSON.parse(events.find((x) => x.event === 'dispatch.offered')!.data) as Record<
        string,
        unknown
      >;
      expect(offered).toMatchObject({
        conversationId: created.body.id,
        agentId: a4.id,
        subject: '我需要开发票',
      });
      expect(typeof offered.expiresAt).toBe('number');
      await inbox1.waitFor((e) => e.some((x) => x.event === 'conversation.created'));
      await new Promise((r) => setTimeout(r, 200));
      expect(inbox1.events.some((x) => x.event === 'dispatch.offered')).toBe(false);
      // Accepting is seen by everyone (the queue changes).
      await http('POST', `/api/v1/conversations/${created.body.id}/accept`, a4.token);
      await inbox1.waitFor((e) => e.some((x) => x.event === 'conversation.assigned'));
    } finally {
      inbox4.close();
      inbox1.close();
    }
  });
});
