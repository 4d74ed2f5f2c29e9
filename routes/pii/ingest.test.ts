/**
 * Masking at the source: what the conversation API stores, returns and streams carries only
 * display masks plus entity metadata; raw values exist only sealed in the vault.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { conversations, events, messages } from '#src/db/schema/conversations.ts';
import { piiVault } from '#src/db/schema/pii.ts';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { type Listening, listen } from '../../test/helpers/listen.ts';
import { connectSse } from '../../test/helpers/sse.ts';
import {
  ADDRESS,
  approveOverride,
  CARD,
  CN_ID,
  claim,
  EMAIL,
  entityOf,
  json,
  messagesOf,
  openConversation,
  PHONE,
  post,
} from './test-helpers.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const OPENING = `我想改收货地址，手机${PHONE}，新地址${ADDRESS}`;

describe('messages are stored masked', () => {
  it('POST /conversations stores the opening message and the subject masked, with entity metadata', async () => {
    const customer = await t.customer();
    const conv = await openConversation(t, customer, OPENING);
    expect(conv.subject).not.toContain(PHONE);
    expect(conv.subject).toContain('138****5678');
    const [m] = await messagesOf(t, customer, conv.id);
    expect(m!.text).toBe('我想改收货地址，手机138****5678，新地址上海市浦东新区****');
    const phone = entityOf(m!, 'PHONE');
    expect(m!.text.slice(phone.start, phone.end)).toBe('138****5678');
    const address = entityOf(m!, 'ADDRESS');
    expect(m!.text.slice(address.start, address.end)).toBe('上海市浦东新区****');
    // The stored row itself, not just the API view.
    const [row] = await t.deps.db.select().from(messages).where(eq(messages.id, m!.id));
    expect(row!.text).toBe(m!.text);
    const [stored] = await t.deps.db.select().from(conversations).where(eq(conversations.id, conv.id));
    expect(stored!.subject).not.toContain(PHONE);
  });

  it('seals each raw value in the vault under the tenant key; the ciphertext holds no raw value', async () => {
    const customer = await t.customer();
    const conv = await openConversation(t, customer, `身份证${CN_ID}，卡号${CARD}，邮箱${EMAIL}`);
    const [m] = await messagesOf(t, customer, conv.id);
    expect(m!.text).toBe('身份证**************002X，卡号***************0128，邮箱z***@example.com');
    const rows = await t.deps.db.select().from(piiVault).where(eq(piiVault.conversationId, conv.id));
    expect(rows.map((r) => r.type).sort()).toEqual(['BANK_CARD', 'CN_ID', 'EMAIL']);
    expect(rows.map((r) => r.id).sort()).toEqual(m!.pii!.entities.map((e) => e.id).sort());
    for (const r of rows) {
      expect(r.keyVersion).toBe(1);
      const decoded = atob(r.ciphertext);
      for (const raw of [CN_ID, CARD, EMAIL]) {
        expect(r.ciphertext).not.toContain(raw);
        expect(decoded).not.toContain(raw);
      }
    }
  });

  it('masks agent messages too, and the SSE payloads only carry masked text and entities', async () => {
    const server: Listening = await listen(t.app.fetch);
    try {
      const customer = await t.customer();
      const agent = await t.login('agent1@demo.test');
      const conv = await openConversation(t, customer, OPENING);
      await claim(t, agent, conv.id);
      const stream = await connectSse(`${server.url}/api/v1/conversations/${conv.id}/events`, {
        authorization: `Bearer ${customer}`,
      });
      try {
        const draft = `您好，请确认手机${PHONE}和邮箱${EMAIL}`;
        // The compliance gate stops an agent draft in clear, and its answer carries no raw value…
        const blocked = await post(t, agent, conv.id, draft, 'a-1');
        expect(blocked.status).toBe(422);
        const problem = await blocked.text();
        expect(problem).toContain('compliance_blocked');
        for (const raw of [PHONE, EMAIL]) expect(problem).not.toContain(raw);
        // …and with a supervisor's override the message is stored masked like any other.
        const res = await post(t, agent, conv.id, draft, 'a-1', await approveOverride(t, conv.id, draft));
        expect(res.status).toBe(201);
        const body = await json<{ text: string; pii: { entities: { type: string }[] } }>(res);
        expect(body.text).toBe('您好，请确认手机138****5678和邮箱z***@example.com');
        expect(body.pii.entities.map((e) => e.type)).toEqual(['PHONE', 'EMAIL']);
        await stream.waitFor((e) => e.filter((x) => x.event === 'message.created').length >= 2);
        const all = stream.events.map((e) => e.data).join('\n');
        for (const raw of [PHONE, EMAIL, ADDRESS]) expect(all).not.toContain(raw);
        const last = JSON.parse(stream.events.at(-1)!.data) as {
          message: { text: string; pii: { entities: { id: string; type: string }[] } };
        };
        expect(last.message.text).toBe(body.text);
        expect(last.message.pii.entities).toHaveLength(2);
      } finally {
        stream.close();
      }
      // The event log (what replays are made from) has no raw value either.
      const logged = await t.deps.db.select().from(events).where(eq(events.conversationId, conv.id));
      expect(JSON.stringify(logged)).not.toContain(PHONE);
    } finally {
      await server.close();
    }
  });

  it('leaves a message without personal data as it is, with no vault rows', async () => {
    const customer = await t.customer();
    const conv = await openConversation(t, customer, '订单 12345 什么时候发货？');
    const [m] = await messagesOf(t, customer, conv.id);
    expect(m!.text).toBe('订单 12345 什么时候发货？');
    expect(m!.pii).toBeNull();
    expect(await t.deps.db.select().from(piiVault)).toEqual([]);
  });
});

describe('retries with a clientMessageId compare the raw text without storing it', () => {
  it('a retry of the same text is a 200 with the original; a different number with the same mask is a 409', async () => {
    const customer = await t.customer();
    const conv = await openConversation(t, customer, '你好');
    const first = await post(t, customer, conv.id, `电话 ${PHONE}`, 'c-2');
    expect(first.status).toBe(201);
    const again = await post(t, customer, conv.id, `电话 ${PHONE}`, 'c-2');
    expect(again.status).toBe(200);
    expect((await json<{ seq: number }>(again)).seq).toBe(2);
    // 13899995678 masks to the same 138****5678: only the keyed MAC tells them apart.
    const different = await post(t, customer, conv.id, '电话 13899995678', 'c-2');
    expect(different.status).toBe(409);
    expect(await t.deps.db.select().from(piiVault)).toHaveLength(1);
  });

  it('a retried create with the same opening returns the conversation; no second set of vault rows', async () => {
    const customer = await t.customer();
    await openConversation(t, customer, OPENING, 'open-1');
    const again = await t.call('POST', '/api/v1/conversations', {
      token: customer,
      body: { text: OPENING, clientMessageId: 'open-1' },
    });
    expect(again.status).toBe(200);
    expect(await t.deps.db.select().from(piiVault)).toHaveLength(2);
  });
});

describe('enormous inputs', () => {
  it('a 50,000-character message is refused by the body limit (413) or the length rule (422), without echoing it', async () => {
    const customer = await t.customer();
    const conv = await openConversation(t, customer, '你好');
    const cjk = await post(t, customer, conv.id, `手机${PHONE}${'长'.repeat(50_000)}`, 'big-1');
    expect(cjk.status).toBe(413);
    const ascii = await post(t, customer, conv.id, `phone ${PHONE} ${'x'.repeat(50_000)}`, 'big-2');
    expect([413, 422]).toContain(ascii.status);
    for (const res of [cjk, ascii]) expect(await res.text()).not.toContain(PHONE);
  });

  it('an 8,000-character adversarial message is masked in bounded time', async () => {
    const customer = await t.customer();
    const conv = await openConversation(t, customer, '你好');
    // Digit runs with separators, near-miss IDs, long @ and dot chains: the usual backtracking bait.
    const bait = [
      '1 3 8 1 2 3 4 5 6 7 8 ',
      '11010519491231002',
      'a.'.repeat(40),
      '@'.repeat(30),
      '6222 0212 3456 7890 12',
      '省市区路号室',
      `，电话 ${PHONE}。`,
    ].join('');
    const text = bait.repeat(Math.ceil(8000 / bait.length)).slice(0, 8000);
    const started = performance.now();
    const res = await post(t, customer, conv.id, text, 'adv-1');
    const ms = performance.now() - started;
    expect(res.status).toBe(201);
    const body = await json<{ text: string; pii: { entities: unknown[] } }>(res);
    expect(body.text).not.toContain(PHONE);
    expect(body.pii.entities.length).toBeGreaterThan(10);
    expect(ms).toBeLessThan(3000);
  });
});
