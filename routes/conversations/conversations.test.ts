import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

async function open(customer: string, text = '我的快递三天没动了', clientMessageId = 'c-open-1') {
  const res = await t.call('POST', '/api/v1/conversations', {
    token: customer,
    body: { text, clientMessageId },
  });
  return { res, body: (await res.json()) as { id: string; state: string } };
}

describe('conversations', () => {
  it('POST /conversations opens a queued conversation with the first message as seq 1', async () => {
    const customer = await t.customer();
    const { res, body } = await open(customer);
    expect(res.status).toBe(201);
    expect(body.state).toBe('queued');
    const msgs = await t.call('GET', `/api/v1/conversations/${body.id}/messages`, { token: customer });
    const list = (await msgs.json()) as { items: { seq: number; text: string; authorRole: string }[] };
    expect(list.items).toEqual([
      expect.objectContaining({ seq: 1, text: '我的快递三天没动了', authorRole: 'customer' }),
    ]);
  });

  it('POST /conversations with the same clientMessageId returns the original with 200', async () => {
    const customer = await t.customer();
    const first = await open(customer);
    const again = await open(customer);
    expect(again.res.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
  });

  it('POST /messages is idempotent on clientMessageId and 409s on different text', async () => {
    const customer = await t.customer();
    const { body: conv } = await open(customer);
    const send = (text: string) =>
      t.call('POST', `/api/v1/conversations/${conv.id}/messages`, {
        token: customer,
        body: { text, clientMessageId: 'c-2' },
      });
    const a = await send('Any update?');
    expect(a.status).toBe(201);
    const b = await send('Any update?');
    expect(b.status).toBe(200);
    expect(((await b.json()) as { seq: number }).seq).toBe(2);
    const c = await send('Different text');
    expect(c.status).toBe(409);
    expect(c.headers.get('content-type')).toContain('application/problem+json');
    const msgs = (await (
      await t.call('GET', `/api/v1/conversations/${conv.id}/messages`, { token: customer })
    ).json()) as {
      items: unknown[];
    };
    expect(msgs.items).toHaveLength(2);
  });

  it('an agent claims, replies, and the customer reads the reply after seq', async () => {
    const customer = await t.customer();
    const agent = await t.login('agent1@demo.test');
    const { body: conv } = await open(customer);
    const claim = await t.call('POST', `/api/v1/conversations/${conv.id}/claim`, { token: agent });
    expect(claim.status).toBe(200);
    const reply = await t.call('POST', `/api/v1/conversations/${conv.id}/messages`, {
      token: agent,
      body: { text: '您好，请提供订单号', clientMessageId: 'a-1' },
    });
    expect(reply.status).toBe(201);
    const after = (await (
      await t.call('GET', `/api/v1/conversations/${conv.id}/messages?after=1`, { token: customer })
    ).json()) as {
      items: { seq: number; authorRole: string }[];
    };
    expect(after.items).toEqual([expect.objectContaining({ seq: 2, authorRole: 'agent' })]);
  });

  it('a second agent cannot claim an assigned conversation (409) nor write to it (404 once hidden)', async () => {
    const customer = await t.customer();
    const a1 = await t.login('agent1@demo.test');
    const a2 = await t.login('agent2@demo.test');
    const { body: conv } = await open(customer);
    expect((await t.call('POST', `/api/v1/conversations/${conv.id}/claim`, { token: a1 })).status).toBe(200);
    expect((await t.call('POST', `/api/v1/conversations/${conv.id}/claim`, { token: a2 })).status).toBe(404);
    const write = await t.call('POST', `/api/v1/conversations/${conv.id}/messages`, {
      token: a2,
      body: { text: 'hi', clientMessageId: 'x' },
    });
    expect(write.status).toBe(404);
  });

  it('concurrent claims: exactly one agent wins', async () => {
    const customer = await t.customer();
    const { body: conv } = await open(customer);
    const tokens = await Promise.all([1, 2, 3, 4, 5, 6].map((i) => t.login(`agent${i}@demo.test`)));
    const results = await Promise.all(
      tokens.map((token) => t.call('POST', `/api/v1/conversations/${conv.id}/claim`, { token })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.every((r) => r.status === 200 || r.status === 409 || r.status === 404)).toBe(true);
  });

  it('another tenant sees a 404, never data', async () => {
    const customer = await t.customer();
    const { body: conv } = await open(customer);
    const foreign = await t.login('admin@northwind.test');
    const res = await t.call('GET', `/api/v1/conversations/${conv.id}`, { token: foreign });
    expect(res.status).toBe(404);
    const list = (await (await t.call('GET', '/api/v1/conversations', { token: foreign })).json()) as {
      items: unknown[];
    };
    expect(list.items).toHaveLength(0);
  });
});
