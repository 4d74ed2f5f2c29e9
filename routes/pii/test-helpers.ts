/**
 * Shared steps for the PII route tests: open a conversation as a customer, give it an SOP (what
 * the dispatcher's intent router does in production), claim it as an agent, read messages.
 */
import { and, eq } from 'drizzle-orm';
import { conversations } from '#src/db/schema/conversations.ts';
import type { MessagePii } from '#src/db/schema/pii.ts';
import { sops } from '#src/db/schema/sops.ts';
import { tenants } from '#src/db/schema/tenants.ts';
import type { TestApp } from '../../test/helpers/app.ts';

// Checksum-valid values (GB 11643 mod 11-2, Luhn) and a mainland mobile.
export const PHONE = '13812345678';
export const CN_ID = '11010519491231002X';
export const CARD = '6222021234567890128';
export const EMAIL = 'zhang.wei@example.com';
export const ADDRESS = '上海市浦东新区世纪大道100号2号楼301室';
export const RAW_VALUES = [PHONE, CN_ID, CARD, EMAIL, ADDRESS, '世纪大道100号', '12345678'];

export interface StoredMessage {
  id: string;
  seq: number;
  text: string;
  authorRole: string;
  pii: MessagePii | null;
}

export async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

export async function openConversation(t: TestApp, customer: string, text: string, clientMessageId = 'c-1') {
  const res = await t.call('POST', '/api/v1/conversations', {
    token: customer,
    body: { text, clientMessageId },
  });
  if (res.status !== 201) throw new Error(`open failed: ${res.status} ${await res.text()}`);
  return json<{ id: string; subject: string; tenantId: string }>(res);
}

export async function setSop(t: TestApp, conversationId: string, sopKey: string, tenantSlug = 'demo') {
  const [tenant] = await t.deps.db.select().from(tenants).where(eq(tenants.slug, tenantSlug));
  const [sop] = await t.deps.db
    .select()
    .from(sops)
    .where(and(eq(sops.tenantId, tenant!.id), eq(sops.key, sopKey)));
  await t.deps.db.update(conversations).set({ sopId: sop!.id }).where(eq(conversations.id, conversationId));
  return sop!;
}

export async function claim(t: TestApp, token: string, conversationId: string) {
  const res = await t.call('POST', `/api/v1/conversations/${conversationId}/claim`, { token });
  if (res.status !== 200) throw new Error(`claim failed: ${res.status} ${await res.text()}`);
}

export async function post(
  t: TestApp,
  token: string,
  conversationId: string,
  text: string,
  clientMessageId: string,
  overrideId?: string,
) {
  return t.call('POST', `/api/v1/conversations/${conversationId}/messages`, {
    token,
    body: { text, clientMessageId, ...(overrideId ? { overrideId } : {}) },
  });
}

/**
 * An agent draft with personal data is blocked by the compliance gate; a supervisor's override
 * for the exact text lets it through (and the message is then stored masked like any other).
 */
export async function approveOverride(t: TestApp, conversationId: string, text: string): Promise<string> {
  const supervisor = await t.login('supervisor@demo.test');
  const res = await t.call('POST', `/api/v1/conversations/${conversationId}/compliance/overrides`, {
    token: supervisor,
    body: { text, reason: 'customer asked us to read the details back' },
  });
  if (res.status !== 201) throw new Error(`override failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

export async function messagesOf(
  t: TestApp,
  token: string,
  conversationId: string,
): Promise<StoredMessage[]> {
  const res = await t.call('GET', `/api/v1/conversations/${conversationId}/messages`, { token });
  return (await json<{ items: StoredMessage[] }>(res)).items;
}

export function reveal(
  t: TestApp,
  token: string,
  conversationId: string,
  entityId: string,
  reason = '核对信息',
) {
  return t.call(
    'POST',
    `/api/v1/conversations/${conversationId}/pii/${encodeURIComponent(entityId)}/reveal`,
    {
      token,
      body: { reason },
    },
  );
}

/** The entity of `type` in a stored message. */
export function entityOf(m: StoredMessage, type: string) {
  const e = m.pii?.entities.find((x) => x.type === type);
  if (!e) throw new Error(`no ${type} entity in message ${m.seq}: ${JSON.stringify(m.pii)}`);
  return e;
}
