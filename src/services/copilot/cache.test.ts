import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPiiDetector } from '#src/core/pii/index.ts';
import { copilotGoldenReplies } from '#src/db/schema/copilot.ts';
import { knowledgeArticles } from '#src/db/schema/knowledge.ts';
import { sopSteps, sops } from '#src/db/schema/sops.ts';
import { tenants } from '#src/db/schema/tenants.ts';
import { users } from '#src/db/schema/users.ts';
import { openConversation } from '../../../routes/copilot/test-helpers.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { type CopilotCache, createCopilotCache } from './cache.ts';
import { writeStyleGuide } from './style-guide.ts';

let t: TestApp;
let cache: CopilotCache;
let tenantId: string;
const ask = (sop: string | null, text: string) =>
  cache.get(tenantId).then((c) => c.copilot.suggest({ sop, messages: [{ role: 'customer', text }] }));

beforeAll(async () => {
  t = await createTestApp();
  cache = createCopilotCache({ db: t.deps.db, detector: createPiiDetector() });
  const [demo] = await t.deps.db.select().from(tenants).where(eq(tenants.slug, 'demo'));
  tenantId = demo!.id;
});
afterAll(() => t.close());

describe('createCopilotCache', () => {
  it('builds the tenant co-pilot from the database once and reuses it while nothing changes', async () => {
    const a = await cache.get(tenantId);
    const b = await cache.get(tenantId);
    expect(b).toBe(a);
    expect(a.sops.get('refund')?.steps.map((s) => s.key)).toEqual([
      'greet',
      'verify-order',
      'check-eligibility',
      'disclose-refund-time',
      'confirm-resolution',
    ]);
    expect(a.copilot.knowledgeSize).toBe(a.articles.size);
    expect(a.articles.size).toBeGreaterThan(10);
  });

  it('applies a new article in place, and rebuilds after a delete', async () => {
    const before = await cache.get(tenantId);
    await t.deps.db.insert(knowledgeArticles).values({
      id: 'kb_cache_1',
      tenantId,
      lang: 'en',
      title: 'Gift wrapping',
      body: 'Gift wrapping costs 5 yuan per parcel and can be chosen at checkout.',
      tags: ['gift'],
      sopId: null,
      updatedAt: t.clock.now() + 10,
    });
    const after = await cache.get(tenantId);
    expect(after).toBe(before);
    expect(after.articles.has('kb_cache_1')).toBe(true);
    expect(
      (await ask(null, 'Do you offer gift wrapping at checkout?')).suggestions.map((s) => s.sourceId),
    ).toContain('kb_cache_1');
    await t.deps.db.delete(knowledgeArticles).where(eq(knowledgeArticles.id, 'kb_cache_1'));
    const rebuilt = await cache.get(tenantId);
    expect(rebuilt).not.toBe(before);
    expect(rebuilt.articles.has('kb_cache_1')).toBe(false);
  });

  it('rebuilds when an SOP step or the style guide changes, and follows golden replies', async () => {
    const [refund] = await t.deps.db
      .select({ id: sops.id })
      .from(sops)
      .where(and(eq(sops.tenantId, tenantId), eq(sops.key, 'refund')));
    await t.deps.db
      .update(sopSteps)
      .set({ scriptEn: 'Welcome to Demo Mall! Which order is the refund for?' })
      .where(and(eq(sopSteps.sopId, refund!.id), eq(sopSteps.key, 'greet')));
    await t.deps.db.update(sops).set({ version: 2 }).where(eq(sops.id, refund!.id));
    expect((await ask('refund', 'hi, I need a refund')).suggestions[0]?.text).toContain(
      'Welcome to Demo Mall!',
    );

    const [admin] = await t.deps.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, 'admin@demo.test'));
    await writeStyleGuide(
      t.deps.db,
      tenantId,
      { bannedPhrases: ['Welcome to Demo Mall'] },
      admin!.id,
      t.clock.now() + 20,
    );
    const styled = await ask('refund', 'hi, I need a refund');
    expect(styled.suggestions.some((s) => s.text.includes('Welcome to Demo Mall'))).toBe(false);

    await writeStyleGuide(t.deps.db, tenantId, {}, admin!.id, t.clock.now() + 21);
    const withGolden = await cache.get(tenantId);
    expect(withGolden.golden.size).toBe(0);
    // QA promotes a reply through the app (its own co-pilot cache): this cache sees the new row.
    const c = await openConversation(t, { text: 'hi, I need a refund', sop: 'refund' });
    const shown = (await (
      await t.call('GET', `/api/v1/conversations/${c.id}/suggestions`, { token: c.agent })
    ).json()) as { suggestions: { id: string; text: string; source: string }[] };
    const script = shown.suggestions.find((x) => x.source === 'sop-script')!;
    const fb = (await (
      await t.call('POST', `/api/v1/conversations/${c.id}/suggestions/${script.id}/feedback`, {
        token: c.agent,
        body: { action: 'accept', sentText: script.text },
      })
    ).json()) as { id: string };
    const promoted = await t.call('POST', '/api/v1/copilot/golden-replies', {
      token: await t.login('qa@demo.test'),
      body: { feedbackId: fb.id },
    });
    const gold = (await promoted.json()) as { id: string };
    const again = await cache.get(tenantId);
    expect(again).toBe(withGolden);
    expect(again.golden.get(gold.id)?.step).toBe('greet');
    await t.deps.db.delete(copilotGoldenReplies).where(eq(copilotGoldenReplies.id, gold.id));
    const removed = await cache.get(tenantId);
    expect(removed).toBe(withGolden);
    expect(removed.golden.has(gold.id)).toBe(false);
  });
});
