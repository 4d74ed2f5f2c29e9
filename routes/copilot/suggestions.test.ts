import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knowledgeArticles } from '#src/db/schema/knowledge.ts';
import { tenants } from '#src/db/schema/tenants.ts';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { openConversation, say } from './test-helpers.ts';

interface Suggestions {
  conversationId: string;
  seq: number;
  lang: string;
  sop: { key: string } | null;
  step: { key: string; index: number; missing: { fact: string; label: { zh: string; en: string } }[] } | null;
  steps: { key: string; status: string }[];
  slots: { name: string; value: string }[];
  signals: { injection: boolean; angry: boolean };
  suggestions: { id: string; rank: number; text: string; source: string; sourceId: string; why: string }[];
  provenance: { provider: string; model: null; prompt: null };
  llm: { configured: boolean };
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const get = async (id: string, token: string) => {
  const res = await t.call('GET', `/api/v1/conversations/${id}/suggestions`, { token });
  return { status: res.status, body: (await res.json()) as Suggestions & { code?: string } };
};

describe('GET /conversations/{id}/suggestions', () => {
  it('tracks the SOP step and returns three sourced suggestions with why, for the assigned agent', async () => {
    const c = await openConversation(t, {
      text: '不想要了，能直接退钱吗？订单号 2024052188341',
      sop: 'refund',
    });
    const { status, body } = await get(c.id, c.agent);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      conversationId: c.id,
      seq: 1,
      lang: 'zh',
      sop: { key: 'refund' },
      provenance: { provider: 'embedded', model: null, prompt: null },
      llm: { configured: false },
    });
    // The order number was given, so the current step is past order verification.
    expect(body.step?.key).toBe('check-eligibility');
    expect(body.steps.find((s) => s.key === 'verify-order')?.status).toBe('done');
    expect(body.slots).toContainEqual({ name: 'order_number', value: '2024052188341' });
    expect(body.suggestions).toHaveLength(3);
    const [first] = body.suggestions;
    expect(first).toMatchObject({ rank: 1, source: 'sop-script', sourceId: 'refund/check-eligibility' });
    expect(first!.text).toContain('2024052188341');
    expect(first!.why).toContain('SOP');
    for (const s of body.suggestions) {
      expect(s.id).toMatch(/^sg_[0-9a-f]{32}$/);
      expect(s.why.length).toBeGreaterThan(0);
      expect(['sop-script', 'knowledge', 'golden-reply', 'clarifying-question']).toContain(s.source);
    }
    // Computing again for the same message gives the same ids (stored once).
    const again = await get(c.id, c.agent);
    expect(again.body.suggestions.map((s) => s.id)).toEqual(body.suggestions.map((s) => s.id));
  });

  it("answers in the customer's language and follows the conversation as it moves on", async () => {
    const c = await openConversation(t, { text: 'Hi, I want a refund for my order', sop: 'refund' });
    const first = await get(c.id, c.agent);
    expect(first.body.lang).toBe('en');
    expect(first.body.step?.key).toBe('greet');
    expect(first.body.suggestions.every((s) => !/\p{Script=Han}/u.test(s.text))).toBe(true);
    expect(first.body.suggestions.find((s) => s.source === 'sop-script')?.sourceId).toBe('refund/greet');
    await say(
      t,
      c.agent,
      c.id,
      'Hello, thanks for contacting Demo Mall. Which order would you like a refund for?',
    );
    await say(t, c.customer, c.id, 'The order number is 2024052188341');
    const next = await get(c.id, c.agent);
    expect(next.body.seq).toBe(3);
    expect(next.body.steps.find((s) => s.key === 'verify-order')?.status).toBe('done');
    expect(next.body.step?.key).toBe('check-eligibility');
    const script = next.body.suggestions.find((s) => s.source === 'sop-script');
    expect(script?.sourceId).toBe('refund/check-eligibility');
    expect(script?.text).toContain('2024052188341');
  });

  it('suggests clarifying questions and knowledge hits when the conversation has no SOP', async () => {
    const c = await openConversation(t, { text: '你好，我有个问题想咨询一下', sop: null });
    const { status, body } = await get(c.id, c.agent);
    expect(status).toBe(200);
    expect(body.sop).toBeNull();
    expect(body.step).toBeNull();
    expect(body.suggestions.some((s) => s.source === 'clarifying-question')).toBe(true);
    expect(body.suggestions[0]!.why).toContain('SOP');
  });

  it('still suggests the SOP script when the knowledge base is empty', async () => {
    const [northwind] = await t.deps.db.select().from(tenants).where(eq(tenants.slug, 'northwind'));
    await t.deps.db.delete(knowledgeArticles).where(eq(knowledgeArticles.tenantId, northwind!.id));
    const c = await openConversation(t, {
      text: 'Where is my order?',
      sop: 'order-status',
      tenant: 'northwind',
    });
    const { status, body } = await get(c.id, c.agent);
    expect(status).toBe(200);
    expect(body.suggestions.length).toBeGreaterThan(0);
    expect(body.suggestions[0]).toMatchObject({ source: 'sop-script', sourceId: 'order-status/lookup' });
    expect(body.suggestions.some((s) => s.source === 'knowledge')).toBe(false);
  });

  it('is for the assigned agent only: others get 404 or 403, other tenants 404, no token 401', async () => {
    const c = await openConversation(t, { text: '我要退货', sop: 'return' });
    const agent2 = await t.login('agent2@demo.test');
    expect((await get(c.id, agent2)).status).toBe(404);
    const supervisor = await t.login('supervisor@demo.test');
    const sup = await get(c.id, supervisor);
    expect(sup.status).toBe(403);
    expect(sup.body.code).toBe('forbidden');
    expect((await get(c.id, await t.login('qa@demo.test'))).status).toBe(403);
    expect((await get(c.id, await t.login('trainee1@demo.test'))).status).toBe(403);
    expect((await get(c.id, c.customer)).status).toBe(403);
    expect((await get(c.id, await t.login('agent1@northwind.test'))).status).toBe(404);
    expect((await t.call('GET', `/api/v1/conversations/${c.id}/suggestions`)).status).toBe(401);
    // A queued conversation is readable by agents (to pick work) but not theirs yet.
    const queued = await openConversation(t, { text: '我要换货', sop: 'exchange', agent: null });
    expect((await get(queued.id, agent2)).status).toBe(403);
    expect((await get('conv_nope', c.agent)).status).toBe(404);
  });

  it('picks up a knowledge article added after the co-pilot was built', async () => {
    const c = await openConversation(t, { text: '请问你们的潜水表防水多少米？', sop: null });
    const before = await get(c.id, c.agent);
    expect(before.body.suggestions.some((s) => s.text.includes('300 米'))).toBe(false);
    const [demo] = await t.deps.db.select().from(tenants).where(eq(tenants.slug, 'demo'));
    await t.deps.db.insert(knowledgeArticles).values({
      id: 'kb_dive_watch',
      tenantId: demo!.id,
      lang: 'zh',
      title: '潜水表防水深度',
      body: '本店潜水表防水深度为 300 米，可在潜水时佩戴。',
      tags: ['潜水表', '防水'],
      sopId: null,
      updatedAt: t.clock.now() + 1,
    });
    const after = await get(c.id, c.agent);
    expect(after.body.suggestions.find((s) => s.sourceId === 'kb_dive_watch')?.text).toContain('300 米');
    const search = await t.call('GET', `/api/v1/copilot/knowledge?q=${encodeURIComponent('潜水表 防水')}`, {
      token: c.agent,
    });
    const hits = (await search.json()) as { items: { id: string; excerpt: string }[] };
    expect(hits.items[0]?.id).toBe('kb_dive_watch');
    await t.deps.db
      .delete(knowledgeArticles)
      .where(and(eq(knowledgeArticles.id, 'kb_dive_watch'), eq(knowledgeArticles.tenantId, demo!.id)));
    const gone = await get(c.id, c.agent);
    expect(gone.body.suggestions.some((s) => s.sourceId === 'kb_dive_watch')).toBe(false);
  });
});

describe('GET /copilot/knowledge', () => {
  it("ranks articles with the co-pilot's index, both languages unless one is asked for", async () => {
    const agent = await t.login('agent3@demo.test');
    const res = await t.call('GET', '/api/v1/copilot/knowledge?q=refund%20credit%20card&limit=3', {
      token: agent,
    });
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as {
      items: { title: string; lang: string; excerpt: string; score: number }[];
    };
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(3);
    expect(items[0]!.lang).toBe('en');
    expect(items[0]!.excerpt.toLowerCase()).toMatch(/refund|credit/);
    expect([...items.map((i) => i.score)].sort((a, b) => b - a)).toEqual(items.map((i) => i.score));
    const zh = await t.call('GET', `/api/v1/copilot/knowledge?q=${encodeURIComponent('退款')}&lang=zh`, {
      token: agent,
    });
    const zhItems = ((await zh.json()) as { items: { lang: string }[] }).items;
    expect(zhItems.length).toBeGreaterThan(0);
    expect(zhItems.every((i) => i.lang === 'zh')).toBe(true);
    expect((await t.call('GET', '/api/v1/copilot/knowledge?q=', { token: agent })).status).toBe(422);
    expect((await t.call('GET', '/api/v1/copilot/knowledge?q=refund')).status).toBe(401);
  });
});
