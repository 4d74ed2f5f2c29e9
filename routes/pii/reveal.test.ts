/**
 * POST /conversations/{id}/pii/{entityId}/reveal: the assigned agent, at an SOP step listing the
 * type, gets the raw value; every other caller and step is refused — and each outcome is in the
 * audit log.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { piiVault } from '#src/db/schema/pii.ts';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import type { AuditEntryDto } from '../audit/audit.routes.ts';
import {
  ADDRESS,
  claim,
  entityOf,
  json,
  messagesOf,
  openConversation,
  PHONE,
  post,
  reveal,
  setSop,
} from './test-helpers.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const GREETING = '您好，请问是哪一笔订单需要修改收货地址呢？';
const VERIFY = '为了保障您的账户安全，麻烦提供订单号，并告诉我下单时预留手机号的后四位。';
const CHECK_SHIPPING =
  '收货地址只能在订单发货前修改。我查到您的订单还没有发货，可以马上为您修改，不收取任何费用。如果已经发货，地址就无法再改了，您可以拒收后由我们全额退款，再重新下单。';

/** A customer asks to change the address (phone and address given), agent1 holds it. */
async function addressChange() {
  const customer = await t.customer();
  const agent = await t.login('agent1@demo.test');
  const conv = await openConversation(t, customer, `我想改收货地址，手机${PHONE}，新地址${ADDRESS}`);
  await setSop(t, conv.id, 'address-change');
  await claim(t, agent, conv.id);
  const [first] = await messagesOf(t, agent, conv.id);
  return { customer, agent, conv, phone: entityOf(first!, 'PHONE'), address: entityOf(first!, 'ADDRESS') };
}

async function auditEntries(action = 'pii.reveal'): Promise<AuditEntryDto[]> {
  const admin = await t.login('admin@demo.test');
  const res = await t.call('GET', `/api/v1/audit?action=${action}`, { token: admin });
  expect(res.status).toBe(200);
  return (await json<{ items: AuditEntryDto[] }>(res)).items;
}

describe('reveal', () => {
  it('follows the SOP step: refused where the step does not list the type, allowed where it does (+ audit rows)', async () => {
    const { customer, agent, conv, phone, address } = await addressChange();
    // The customer gave the phone up front, so the tracker is at verify-identity (PHONE only).
    const early = await reveal(t, agent, conv.id, address.id, '看一下新地址');
    expect(early.status).toBe(403);
    expect(await json(early)).toMatchObject({ code: 'forbidden', denial: 'step', step: 'verify-identity' });
    const res = await t.call('POST', `/api/v1/conversations/${conv.id}/pii/${phone.id}/reveal`, {
      token: agent,
      body: { reason: '核对下单手机号' },
      headers: { 'x-forwarded-for': '203.0.113.7, 10.0.0.1', 'user-agent': 'vitest' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await json<{ value: string; type: string; expiresAt: number; ttlSeconds: number }>(res);
    expect(body).toEqual({ value: PHONE, type: 'PHONE', expiresAt: t.clock.now() + 30_000, ttlSeconds: 30 });

    // Identity verified: check-shipping-status reveals nothing.
    await post(t, agent, conv.id, GREETING, 'a-1');
    await post(t, agent, conv.id, VERIFY, 'a-2');
    await post(t, customer, conv.id, '订单号 5512098，手机后四位5678', 'c-2');
    expect((await reveal(t, agent, conv.id, phone.id)).status).toBe(403);
    // The agent confirms the order has not shipped: collect-new-address lists ADDRESS.
    await post(t, agent, conv.id, CHECK_SHIPPING, 'a-3');
    const now = await reveal(t, agent, conv.id, address.id, '核对新地址');
    expect(now.status).toBe(200);
    expect((await json<{ value: string }>(now)).value).toBe(ADDRESS);

    const entries = await auditEntries();
    expect(entries.map((e) => [e.action, e.detail?.step, e.detail?.type])).toEqual([
      ['pii.reveal', 'collect-new-address', 'ADDRESS'],
      ['pii.reveal.denied', 'check-shipping-status', 'PHONE'],
      ['pii.reveal', 'verify-identity', 'PHONE'],
      ['pii.reveal.denied', 'verify-identity', 'ADDRESS'],
    ]);
    expect(entries[2]).toMatchObject({
      actorEmail: 'agent1@demo.test',
      actorRole: 'agent',
      targetType: 'pii',
      targetId: phone.id,
      conversationId: conv.id,
      reason: '核对下单手机号',
      ip: '203.0.113.7',
      userAgent: 'vitest',
      detail: { type: 'PHONE', sop: 'address-change', step: 'verify-identity' },
    });
    expect(entries[3]!.detail).toMatchObject({ denial: 'step' });
    expect(JSON.stringify(entries)).not.toContain(PHONE);
    expect(JSON.stringify(entries)).not.toContain(ADDRESS);
  });

  it('refuses a colleague who does not hold the conversation, QA and the customer (403 + audit)', async () => {
    const { customer, agent, conv, phone } = await addressChange();
    await post(t, agent, conv.id, GREETING, 'a-1');
    const other = await t.login('agent2@demo.test');
    const qa = await t.login('qa@demo.test');
    for (const token of [other, qa, customer]) {
      const res = await reveal(t, token, conv.id, phone.id);
      expect(res.status).toBe(403);
      expect(await res.text()).not.toContain(PHONE);
    }
    const entries = await auditEntries();
    expect(entries.map((e) => [e.action, e.actorRole, (e.detail as { denial: string }).denial])).toEqual([
      ['pii.reveal.denied', 'customer', 'not_staff'],
      ['pii.reveal.denied', 'qa', 'role'],
      ['pii.reveal.denied', 'agent', 'role'],
    ]);
  });

  it('lets a supervisor step in by default and an admin only when the tenant policy says so', async () => {
    const { agent, conv, phone } = await addressChange();
    await post(t, agent, conv.id, GREETING, 'a-1');
    const supervisor = await t.login('supervisor@demo.test');
    const admin = await t.login('admin@demo.test');
    expect((await reveal(t, supervisor, conv.id, phone.id)).status).toBe(200);
    expect((await reveal(t, admin, conv.id, phone.id)).status).toBe(403);
    const put = await t.call('PUT', '/api/v1/pii/policy', {
      token: admin,
      body: { revealRoles: ['admin'], revealSeconds: 5 },
    });
    expect(put.status).toBe(200);
    const res = await reveal(t, admin, conv.id, phone.id);
    expect(res.status).toBe(200);
    expect((await json<{ expiresAt: number }>(res)).expiresAt).toBe(t.clock.now() + 5000);
    expect((await reveal(t, supervisor, conv.id, phone.id)).status).toBe(403);
  });

  it('answers 404 for another tenant (audited in the caller tenant) and for an unknown entity', async () => {
    const { agent, conv, phone } = await addressChange();
    const outsider = await t.login('agent1@northwind.test');
    const res = await reveal(t, outsider, conv.id, phone.id);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain(PHONE);
    expect((await reveal(t, agent, conv.id, `${phone.id}9`)).status).toBe(404);
    const northwindAdmin = await t.login('admin@northwind.test');
    const theirs = await t.call('GET', '/api/v1/audit?action=pii.reveal', { token: northwindAdmin });
    const items = (await json<{ items: AuditEntryDto[] }>(theirs)).items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ action: 'pii.reveal.denied', conversationId: conv.id });
    expect(items[0]!.detail).toMatchObject({ denial: 'not_found' });
    // The demo tenant's log has only its own agent's refusal.
    expect((await auditEntries()).map((e) => e.actorEmail)).toEqual(['agent1@demo.test']);
  });

  it('refuses in a conversation without an SOP', async () => {
    const customer = await t.customer();
    const agent = await t.login('agent1@demo.test');
    const conv = await openConversation(t, customer, `手机${PHONE}`);
    await claim(t, agent, conv.id);
    const [m] = await messagesOf(t, agent, conv.id);
    const res = await reveal(t, agent, conv.id, entityOf(m!, 'PHONE').id);
    expect(res.status).toBe(403);
    expect(await json(res)).toMatchObject({ denial: 'no_sop' });
    expect((await auditEntries())[0]!.detail).toMatchObject({ denial: 'no_sop', type: 'PHONE' });
  });

  it('a vault row that does not decrypt is a 409 vault_unreadable, logged without data; the conversation goes on', async () => {
    const { customer, agent, conv, phone } = await addressChange();
    await post(t, agent, conv.id, GREETING, 'a-1');
    const [row] = await t.deps.db.select().from(piiVault).where(eq(piiVault.id, phone.id));
    // Flip one byte of the ciphertext: the GCM tag no longer verifies.
    const bytes = Uint8Array.from(atob(row!.ciphertext), (c) => c.charCodeAt(0));
    bytes[0] = bytes[0]! ^ 0xff;
    await t.deps.db
      .update(piiVault)
      .set({ ciphertext: btoa(String.fromCharCode(...bytes)) })
      .where(eq(piiVault.id, phone.id));
    t.logs.length = 0;
    const res = await reveal(t, agent, conv.id, phone.id);
    expect(res.status).toBe(409);
    expect(await json(res)).toMatchObject({ code: 'vault_unreadable' });
    const warning = t.logs.find((l) => l.includes('vault entry could not be opened'));
    expect(warning).toContain(phone.id);
    expect(warning).toContain('decrypt_failed');
    expect(t.logs.join('\n')).not.toContain(PHONE);
    expect(t.logs.join('\n')).not.toContain(row!.ciphertext);
    expect((await auditEntries())[0]).toMatchObject({ action: 'pii.reveal.failed' });

    // The conversation is unaffected: both sides still write and read.
    expect((await post(t, customer, conv.id, '好的，谢谢', 'c-2')).status).toBe(201);
    expect((await post(t, agent, conv.id, '不客气', 'a-2')).status).toBe(201);
    expect(await messagesOf(t, customer, conv.id)).toHaveLength(4);

    // A row sealed under a key version this server does not hold is reported the same way.
    await t.deps.db.update(piiVault).set({ keyVersion: 7 }).where(eq(piiVault.id, phone.id));
    const unknown = await reveal(t, agent, conv.id, phone.id);
    expect(unknown.status).toBe(409);
    expect(t.logs.some((l) => l.includes('unknown_key_version'))).toBe(true);
  });

  it('needs a reason', async () => {
    const { agent, conv, phone } = await addressChange();
    const res = await t.call('POST', `/api/v1/conversations/${conv.id}/pii/${phone.id}/reveal`, {
      token: agent,
      body: {},
    });
    expect(res.status).toBe(422);
    expect(await json(res)).toMatchObject({ errors: [expect.objectContaining({ path: 'body.reason' })] });
  });
});
