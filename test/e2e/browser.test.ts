/**
 * Page tests in a real Chromium against a real server: the customer ↔ agent round trip through
 * the dispatcher in real time (agent online → customer writes → offer → accept → reply), the
 * supervisor wall for 200 agents, the language switch, the supervisor and admin pages, /docs
 * without a CDN, empty states. Screenshots land in test-artifacts/e2e/. Without a browser the
 * suite is skipped loudly, or fails when TIDEDESK_E2E=required.
 */
import { sql } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserAvailability,
  browserSuiteGate,
  documentStillMarked,
  type E2eServer,
  launchBrowser,
  markDocument,
  openContext,
  screenshot,
  signIn,
  startServer,
  type WatchedContext,
} from './browser-helpers.ts';

const browserInfo = browserAvailability();
const run = browserSuiteGate('browser tests', browserInfo);
/** An invoice request: SOP `invoice` → skill ecommerce.billing (level 2), which agent1 holds at level 3. */
const CHINESE_OPENING = '你好，我需要开发票';
const AGENT_REPLY = 'Hello! Let me check that for you.';
const ENGLISH_FOLLOW_UP = 'Thanks, I will wait here for your answer.';

describe.skipIf(!run)('pages in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  const contexts: WatchedContext[] = [];

  const open = async (locale: 'zh-CN' | 'en-US') => {
    const ctx = await openContext(browser, locale);
    contexts.push(ctx);
    return ctx;
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser(browserInfo.path);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    // Every page opened by the suite must have run without errors and without leaving the host.
    for (const ctx of contexts) {
      expect(ctx.errors).toEqual([]);
      expect(ctx.offHost).toEqual([]);
    }
  });

  it('customer and agent chat in real time, in Chinese and English', { timeout: 90_000 }, async () => {
    const agent = await open('en-US');
    await signIn(agent.page, server.url, 'agent1@demo.test');
    expect(new URL(agent.page.url()).pathname).toBe('/agent');
    await agent.page.locator('#live[data-state="open"]').waitFor();
    await agent.page.getByTestId('queue-empty').waitFor();
    // Going online is what makes the dispatcher offer conversations to this agent.
    await agent.page.getByTestId('offers-empty').waitFor();
    await agent.page.getByTestId('presence-online').click();
    await agent.page.locator('[data-testid="presence-status"][data-status="online"]').waitFor();
    await markDocument(agent.page);

    const customer = await open('zh-CN');
    await customer.page.goto(`${server.url}/widget?tenant=demo`);
    await customer.page.getByTestId('widget-greeting').waitFor();
    await screenshot(customer.page, 'customer-greeting');
    await customer.page.getByTestId('widget-input').fill(CHINESE_OPENING);
    await customer.page.getByTestId('widget-input').press('Enter');
    // Confirmed by the server: the echo from the stream carries a seq.
    await customer.page
      .locator('[data-testid="customer-message"][data-seq="1"]')
      .getByText(CHINESE_OPENING)
      .waitFor();
    await markDocument(customer.page);

    // The dispatcher's offer reaches the agent live, without a reload; the queue shows it too.
    const offer = agent.page.getByTestId('offer').filter({ hasText: CHINESE_OPENING });
    await offer.waitFor();
    await agent.page.getByTestId('queue-list').getByText(CHINESE_OPENING).waitFor();
    expect(await documentStillMarked(agent.page)).toBe(true);
    expect(await offer.getByTestId('offer-countdown').textContent()).toMatch(/expires in/);
    await screenshot(agent.page, 'agent-offer');

    // Keyboard: a accepts the offer, which opens the conversation.
    await agent.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await agent.page.keyboard.press('a');
    await agent.page.getByTestId('mine-list').getByText(CHINESE_OPENING).waitFor();
    await agent.page.getByTestId('conversation-subject').getByText(CHINESE_OPENING).waitFor();
    await agent.page.getByTestId('messages').getByText(CHINESE_OPENING).waitFor();
    await offer.waitFor({ state: 'detached' });
    // Claiming is a supervisor override while the dispatcher runs: agents have no Claim button.
    expect(await agent.page.getByTestId('claim').count()).toBe(0);
    const reply = agent.page.getByTestId('reply-input');
    await reply.waitFor();
    await reply.fill(AGENT_REPLY);
    await reply.press('Enter');
    await agent.page.locator('[data-testid="agent-message"][data-seq="2"]').getByText(AGENT_REPLY).waitFor();

    // The customer sees the agent join and reply, live.
    await customer.page.getByTestId('agent-message').getByText(AGENT_REPLY).waitFor();
    await customer.page.getByText('客服已接入会话。').waitFor();
    expect(await documentStillMarked(customer.page)).toBe(true);

    // Now the customer writes in English; the agent sees it live in the open conversation.
    await customer.page.getByTestId('widget-input').fill(ENGLISH_FOLLOW_UP);
    await customer.page.getByRole('button', { name: '发送' }).click();
    await customer.page.locator('[data-testid="customer-message"][data-seq="3"]').waitFor();
    await agent.page
      .locator('[data-testid="customer-message"][data-seq="3"]')
      .getByText(ENGLISH_FOLLOW_UP)
      .waitFor();
    expect(await documentStillMarked(agent.page)).toBe(true);
    expect(await agent.page.locator('[data-testid="messages"] .msg').count()).toBe(3);
    expect(await customer.page.locator('[data-testid="widget-messages"] .msg').count()).toBe(3);

    await screenshot(customer.page, 'customer-widget');
    await screenshot(agent.page, 'agent-workspace');

    // A reload keeps the customer's conversation (token in sessionStorage) with nothing doubled.
    await customer.page.reload();
    await customer.page.locator('[data-testid="customer-message"][data-seq="3"]').waitFor();
    expect(await customer.page.locator('[data-testid="widget-messages"] .msg').count()).toBe(3);
  });

  it('keeps a message typed while offline and delivers it exactly once when back online', {
    timeout: 90_000,
  }, async () => {
    const customer = await open('en-US');
    await customer.page.goto(`${server.url}/widget?tenant=demo&lang=en`);
    const input = customer.page.getByTestId('widget-input');
    await input.fill('First message, online.');
    await input.press('Enter');
    await customer.page.locator('[data-testid="customer-message"][data-seq="1"]').waitFor();
    await customer.page.locator('#live[data-state="open"]').waitFor();

    await customer.context.setOffline(true);
    await input.fill('Second message, typed offline.');
    await input.press('Enter');
    const pending = customer.page.locator('[data-testid="customer-message"][data-status="pending"]');
    await pending.getByText('Second message, typed offline.').waitFor();
    await customer.page.getByText('Connection problem, retrying…').waitFor();
    await screenshot(customer.page, 'customer-offline');

    await customer.context.setOffline(false);
    await customer.page
      .locator('[data-testid="customer-message"][data-seq="2"]')
      .getByText('Second message, typed offline.')
      .waitFor({ timeout: 30_000 });
    expect(await pending.count()).toBe(0);
    expect(await customer.page.locator('[data-testid="widget-messages"] .msg').count()).toBe(2);

    // The server stored it once, whatever the number of attempts.
    const supervisor = await open('en-US');
    await signIn(supervisor.page, server.url, 'supervisor@demo.test');
    const row = supervisor.page
      .getByTestId('open-conversation')
      .filter({ hasText: 'First message, online.' });
    await row.waitFor();
    const id = await row.getAttribute('data-id');
    const stored = await supervisor.page.evaluate(async (convId) => {
      const res = await fetch(`/api/v1/conversations/${convId}/messages`);
      return ((await res.json()) as { items: { text: string }[] }).items.map((m) => m.text);
    }, id);
    expect(stored).toEqual(['First message, online.', 'Second message, typed offline.']);
  });

  it('switches the agent workspace between Chinese and English', { timeout: 60_000 }, async () => {
    const agent = await open('zh-CN');
    await agent.page.goto(`${server.url}/login`);
    await agent.page.getByRole('heading', { name: '演示账号' }).waitFor();
    await screenshot(agent.page, 'login-zh');
    await signIn(agent.page, server.url, 'agent2@demo.test');
    await agent.page.locator('.sidebar-head h1').getByText('工作台').waitFor();
    expect(await agent.page.locator('#queue-title').textContent()).toContain('排队中');
    expect(await agent.page.getByRole('button', { name: '退出登录' }).count()).toBe(1);

    await agent.page.getByRole('link', { name: 'English' }).click();
    await agent.page.locator('.sidebar-head h1').getByText('Workspace').waitFor();
    expect(await agent.page.locator('#queue-title').textContent()).toContain('Waiting');
    expect(await agent.page.getByRole('button', { name: 'Sign out' }).count()).toBe(1);
    expect(await agent.page.locator('html').getAttribute('lang')).toBe('en');
    await screenshot(agent.page, 'agent-english');

    // The choice is remembered without the query parameter …
    await agent.page.goto(`${server.url}/agent`);
    await agent.page.locator('.sidebar-head h1').getByText('Workspace').waitFor();
    // … and switching back works the same way.
    await agent.page.getByRole('link', { name: '中文' }).click();
    await agent.page.locator('.sidebar-head h1').getByText('工作台').waitFor();
    expect(await agent.page.locator('html').getAttribute('lang')).toBe('zh-CN');
  });

  it('shows the supervisor every open conversation live, and the admin the directory', {
    timeout: 60_000,
  }, async () => {
    const sup = await open('en-US');
    await signIn(sup.page, server.url, 'supervisor@demo.test');
    expect(new URL(sup.page.url()).pathname).toBe('/supervisor');
    const rows = sup.page.getByTestId('open-conversation');
    await rows.getByText(CHINESE_OPENING).waitFor();
    const before = await rows.count();
    expect(Number(await sup.page.getByTestId('count-total').textContent())).toBe(before);
    await markDocument(sup.page);

    // A new conversation appears without a reload.
    const subject = 'Where is my refund? (supervisor check)';
    const session = await fetch(`${server.url}/api/v1/widget/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenant: 'demo' }),
    }).then((r) => r.json() as Promise<{ token: string }>);
    const created = await fetch(`${server.url}/api/v1/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
      body: JSON.stringify({ text: subject, clientMessageId: 'e2e-sup-1' }),
    });
    expect(created.status).toBe(201);
    await rows.getByText(subject).waitFor();
    expect(await rows.count()).toBe(before + 1);
    expect(Number(await sup.page.getByTestId('count-total').textContent())).toBe(before + 1);
    expect(await documentStillMarked(sup.page)).toBe(true);
    await screenshot(sup.page, 'supervisor');

    const admin = await open('en-US');
    await signIn(admin.page, server.url, 'admin@demo.test');
    expect(new URL(admin.page.url()).pathname).toBe('/admin');
    await admin.page.locator('[data-testid="person-row"][data-role="agent"]').first().waitFor();
    expect(
      await admin.page.locator('[data-testid="person-row"][data-role="agent"]').count(),
    ).toBeGreaterThanOrEqual(20);
    expect(
      await admin.page.getByTestId('people-table').getByText('agent1@demo.test', { exact: true }).count(),
    ).toBe(1);
    await screenshot(admin.page, 'admin-people');

    await admin.page.getByTestId('tab-skills').click();
    expect(await admin.page.getByTestId('skill-row').count()).toBeGreaterThan(0);

    await admin.page.getByTestId('tab-sops').click();
    const sopRows = admin.page.getByTestId('sop-row');
    expect(await sopRows.count()).toBeGreaterThan(0);
    await sopRows.first().click();
    const steps = admin.page.getByTestId('sop-steps').locator('li');
    await steps.first().waitFor();
    expect(await steps.first().locator('[lang="zh"]').count()).toBe(1);
    expect(await steps.first().locator('[lang="en"]').count()).toBe(1);
    await screenshot(admin.page, 'admin-sops');

    await admin.page.getByTestId('tab-knowledge').click();
    const articles = admin.page.getByTestId('kb-article');
    await articles.first().waitFor();
    const all = await articles.count();
    await admin.page.getByTestId('kb-search').fill('zzzz-no-such-article');
    await admin.page.getByTestId('kb-list').getByText('zzzz-no-such-article').waitFor();
    expect(await articles.count()).toBe(0);
    await admin.page.getByTestId('kb-search').fill('');
    await articles.nth(all - 1).waitFor();
    expect(await articles.count()).toBe(all);

    // The wrong role gets a friendly 403 page, not a raw error.
    const denied = await sup.page.goto(`${server.url}/admin`);
    expect(denied?.status()).toBe(403);
    await sup.page.getByTestId('message-page').getByText('not available').waitFor();
    await screenshot(sup.page, 'forbidden');
  });

  it('shows the supervisor wall for 200 agents at a glance, live', { timeout: 90_000 }, async () => {
    // 180 more agents next to the 20 seeded ones, each certified for one skill.
    const [tenant] = await server.db.all<{ id: string }>(sql`select id from tenants where slug = 'demo'`);
    const skillRows = await server.db.all<{ id: string }>(
      sql`select id from skills where tenant_id = ${tenant!.id} order by key`,
    );
    for (let i = 0; i < 180; i++) {
      const id = `usr_wall_${String(i).padStart(3, '0')}`;
      await server.db.run(sql`insert into users (id, tenant_id, email, display_name, role, password_hash, locale, max_concurrent, pool, created_at)
        values (${id}, ${tenant!.id}, ${`wall${i}@demo.test`}, ${`Wall Agent ${i}`}, 'agent', 'x', 'en', 3, ${i % 5 === 0 ? 'on-demand' : 'staff'}, 0)`);
      await server.db.run(sql`insert into certifications (id, tenant_id, user_id, skill_id, level, source, certified_at)
        values (${`crt_wall_${i}`}, ${tenant!.id}, ${id}, ${skillRows[i % skillRows.length]!.id}, ${1 + (i % 5)}, 'manual', 0)`);
    }

    const sup = await open('en-US');
    await signIn(sup.page, server.url, 'supervisor2@demo.test');
    const tiles = sup.page.getByTestId('agent-tile');
    await tiles.nth(199).waitFor();
    expect(await tiles.count()).toBe(200);
    await screenshot(sup.page, 'supervisor-wall-200');
    // At a glance: the last of the 200 tiles is on screen without scrolling (1366×768).
    const last = await tiles.nth(199).boundingBox();
    expect(last).not.toBeNull();
    expect(last!.y + last!.height).toBeLessThanOrEqual(768);
    // Agent1 went online in the round trip and holds one of their two chats.
    expect(await sup.page.getByTestId('total-online').textContent()).toMatch(/^1\b/);
    expect(await sup.page.getByTestId('wall-skill').count()).toBe(skillRows.length);
    await markDocument(sup.page);

    // An agent coming online turns their tile green, live.
    const api = async (method: string, path: string, token?: string, body?: unknown) => {
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return (await res.json()) as Record<string, unknown>;
    };
    const login = await api('POST', '/api/v1/auth/token', undefined, {
      email: 'agent4@demo.test',
      password: 'tidedesk-demo',
    });
    const agent4 = login.user as { id: string };
    await api('POST', '/api/v1/agents/me/presence', String(login.token), { status: 'online' });
    await sup.page
      .locator(`[data-testid="agent-tile"][data-id="${agent4.id}"][data-status="online"]`)
      .waitFor();

    // A conversation for a skill no online agent holds raises an alert and shows in its row.
    const session = await api('POST', '/api/v1/widget/sessions', undefined, { tenant: 'demo' });
    await api('POST', '/api/v1/conversations', String(session.token), {
      text: '优惠券用不了',
      clientMessageId: 'e2e-wall-1',
    });
    const promotions = sup.page.locator('[data-testid="wall-skill"][data-skill="ecommerce.promotions"]');
    await promotions.locator('[data-testid="wall-waiting"]', { hasText: '1' }).waitFor();
    await sup.page.locator('[data-testid="wall-alert"][data-kind="unstaffed"]').first().waitFor();
    expect(await documentStillMarked(sup.page)).toBe(true);
    await screenshot(sup.page, 'supervisor-wall');
  });

  it('serves /docs as Swagger UI with our API title and no CDN', { timeout: 60_000 }, async () => {
    const docs = await open('en-US');
    await docs.page.goto(`${server.url}/docs`);
    await docs.page.locator('.swagger-ui .info .title').getByText('Tidedesk API').waitFor();
    await docs.page.locator('.opblock').first().waitFor();
    expect(docs.offHost).toEqual([]);
    await screenshot(docs.page, 'docs');
  });

  it('shows helpful empty states to an agent with no conversations', { timeout: 60_000 }, async () => {
    // Northwind has its own, empty queue: the demo tenant's conversations must not show here.
    const agent = await open('en-US');
    await signIn(agent.page, server.url, 'agent1@northwind.test');
    await agent.page.locator('#live[data-state="open"]').waitFor();
    const empty = agent.page.getByTestId('queue-empty');
    await empty.getByText('No conversations waiting — new ones appear here in real time.').waitFor();
    await agent.page.getByTestId('mine-empty').waitFor();
    expect(await agent.page.getByTestId('conversation-item').count()).toBe(0);
    await agent.page.getByTestId('conversation-empty').waitFor();
    await screenshot(agent.page, 'agent-empty');

    // Signing out takes an online agent offline at once (not only after missed heartbeats).
    await agent.page.getByTestId('presence-online').click();
    await agent.page.locator('[data-testid="presence-status"][data-status="online"]').waitFor();
    await agent.page.getByRole('button', { name: 'Sign out' }).click();
    await agent.page.waitForURL((url) => url.pathname.startsWith('/login'));
    const signIn2 = await fetch(`${server.url}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'agent1@northwind.test', password: 'tidedesk-demo' }),
    }).then((r) => r.json() as Promise<{ token: string }>);
    await expect
      .poll(async () => {
        const res = await fetch(`${server.url}/api/v1/agents/me/presence`, {
          headers: { authorization: `Bearer ${signIn2.token}` },
        });
        return ((await res.json()) as { status: string }).status;
      })
      .toBe('offline');
  });
});
