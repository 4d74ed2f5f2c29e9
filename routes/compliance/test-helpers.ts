/**
 * Shared steps for the compliance route tests: open a conversation as a customer, have an agent
 * claim it (the queue-only dispatch the test app runs), give it an SOP (what the intent router
 * does in production), send messages, and build rule packs from the shipped one.
 */
import { and, eq } from 'drizzle-orm';
import { DEFAULT_PACK_INPUT } from '#assist/compliance/default-pack.ts';
import type { RulePackInput } from '#assist/compliance/rule-pack.ts';
import { conversations } from '#src/db/schema/conversations.ts';
import { sops } from '#src/db/schema/sops.ts';
import { tenants } from '#src/db/schema/tenants.ts';
import type { TestApp } from '../../test/helpers/app.ts';
import type { CheckResponse } from './compliance.routes.ts';

export async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

export interface Opened {
  customer: string;
  agent: string;
  conversationId: string;
}

/** A customer opens a conversation and `agentEmail` claims it. */
export async function openAssigned(
  t: TestApp,
  opening = '我的快递三天没动了',
  agentEmail = 'agent1@demo.test',
  tenant = 'demo',
): Promise<Opened> {
  const customer = await t.customer(tenant);
  const res = await t.call('POST', '/api/v1/conversations', {
    token: customer,
    body: { text: opening, clientMessageId: 'c-open' },
  });
  if (res.status !== 201) throw new Error(`open failed: ${res.status} ${await res.text()}`);
  const { id } = await json<{ id: string }>(res);
  const agent = await t.login(agentEmail);
  const claimed = await t.call('POST', `/api/v1/conversations/${id}/claim`, { token: agent });
  if (claimed.status !== 200) throw new Error(`claim failed: ${claimed.status} ${await claimed.text()}`);
  return { customer, agent, conversationId: id };
}

export async function setSop(t: TestApp, conversationId: string, sopKey: string, tenantSlug = 'demo') {
  const [tenant] = await t.deps.db.select().from(tenants).where(eq(tenants.slug, tenantSlug));
  const [sop] = await t.deps.db
    .select()
    .from(sops)
    .where(and(eq(sops.tenantId, tenant!.id), eq(sops.key, sopKey)));
  await t.deps.db.update(conversations).set({ sopId: sop!.id }).where(eq(conversations.id, conversationId));
}

export function send(
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

export async function check(t: TestApp, token: string, text: string, conversationId?: string) {
  const res = await t.call('POST', '/api/v1/compliance/check', {
    token,
    body: { text, ...(conversationId ? { conversationId } : {}) },
  });
  return { res, body: res.status === 200 ? await json<CheckResponse>(res) : null };
}

/** The shipped pack as an admin would edit it, with `edit` applied to a deep copy. */
export function editedPack(edit: (pack: RulePackInput) => void): RulePackInput {
  const pack = structuredClone(DEFAULT_PACK_INPUT);
  edit(pack);
  return pack;
}

export const withRule = (pack: RulePackInput, id: string) => {
  const rule = pack.rules.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id} in the default pack`);
  return rule;
};

export async function savePack(
  t: TestApp,
  admin: string,
  pack: unknown,
  headers: Record<string, string> = {},
) {
  return t.call('PUT', '/api/v1/compliance/rule-pack', { token: admin, body: pack, headers });
}

export async function messageCount(t: TestApp, token: string, conversationId: string): Promise<number> {
  const res = await t.call('GET', `/api/v1/conversations/${conversationId}/messages`, { token });
  return (await json<{ items: unknown[] }>(res)).items.length;
}
