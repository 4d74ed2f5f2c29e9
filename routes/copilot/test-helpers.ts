/**
 * @module Shared setup for the co-pilot route tests: a conversation opened by a widget customer,
 * classified to an SOP (what the live dispatcher's intent router writes; the test app runs the
 * queue-only adapter, which leaves conversations unclassified) and claimed by an agent; and the
 * same app rebuilt with an LLM endpoint (faked with msw) for the streaming tests.
 */
import { and, eq } from 'drizzle-orm';
import { createApp } from '#src/app.ts';
import { parseEnv } from '#src/config/env.ts';
import { conversations } from '#src/db/schema/conversations.ts';
import { sops } from '#src/db/schema/sops.ts';
import { createFileSystemAssist } from '#src/runtime/assist.ts';
import type { TestApp } from '../../test/helpers/app.ts';

export interface Opened {
  id: string;
  customer: string;
  agent: string;
}

export async function openConversation(
  t: Pick<TestApp, 'call' | 'customer' | 'login' | 'deps'>,
  opts: { text: string; sop?: string | null; tenant?: string; agent?: string | null },
): Promise<Opened> {
  const tenant = opts.tenant ?? 'demo';
  const customer = await t.customer(tenant);
  const res = await t.call('POST', '/api/v1/conversations', {
    token: customer,
    body: { text: opts.text, clientMessageId: `c-${Math.random().toString(36).slice(2)}` },
  });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  const conv = (await res.json()) as { id: string; tenantId: string };
  if (opts.sop) {
    const [sop] = await t.deps.db
      .select({ id: sops.id })
      .from(sops)
      .where(and(eq(sops.tenantId, conv.tenantId), eq(sops.key, opts.sop)));
    if (!sop) throw new Error(`no SOP ${opts.sop}`);
    await t.deps.db.update(conversations).set({ sopId: sop.id }).where(eq(conversations.id, conv.id));
  }
  const agentEmail = opts.agent === undefined ? `agent1@${tenant}.test` : opts.agent;
  const agent = agentEmail ? await t.login(agentEmail) : '';
  if (agentEmail) {
    const claimed = await t.call('POST', `/api/v1/conversations/${conv.id}/claim`, { token: agent });
    if (claimed.status !== 200) throw new Error(`claim failed: ${claimed.status} ${await claimed.text()}`);
  }
  return { id: conv.id, customer, agent };
}

/** Posts a message; returns its seq. */
export async function say(
  t: Pick<TestApp, 'call'>,
  token: string,
  id: string,
  text: string,
): Promise<number> {
  const res = await t.call('POST', `/api/v1/conversations/${id}/messages`, {
    token,
    body: { text, clientMessageId: `m-${Math.random().toString(36).slice(2)}` },
  });
  if (res.status !== 201) throw new Error(`post failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { seq: number }).seq;
}

/** The same app (database, bus, clock) with the co-pilot's LLM at `baseUrl`. */
export function appWithLlm(t: TestApp, baseUrl: string, timeoutMs = 1500) {
  const env = parseEnv({
    // Only the co-pilot talks to the fake: compliance and intent stay embedded.
    TIDEDESK_LLM_BASE_URL_COPILOT: baseUrl,
    TIDEDESK_LLM_MODEL_COPILOT: 'fake-model',
    TIDEDESK_LLM_TIMEOUT_MS: String(timeoutMs),
  });
  return createApp({
    ...t.deps,
    assist: createFileSystemAssist(env, { logger: t.deps.logger, clock: t.deps.clock }),
  });
}
