/**
 * The compliance checker in Chromium: an agent types a forbidden phrase → the words are underlined
 * → sending is blocked (button disabled, Enter held back, nothing reaches the server) → one click
 * applies the rewrite → the message sends and the customer receives it. Then a send the server
 * refuses (the admin tightened the rule pack after the page had checked the text) comes back into
 * the reply box with the reason and the findings. The time from the last keystroke to findings on
 * screen is logged (the goal is 300 ms; the assertion only guards against a gross regression).
 * Same skip/required rules as browser.test.ts.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PACK_INPUT } from '#assist/compliance/default-pack.ts';
import {
  browserAvailability,
  browserSuiteGate,
  DEMO_PASSWORD,
  type E2eServer,
  launchBrowser,
  openContext,
  screenshot,
  signIn,
  startServer,
  type WatchedContext,
} from './browser-helpers.ts';

const browserInfo = browserAvailability();
const run = browserSuiteGate('compliance browser tests', browserInfo);

/** Routes to an invoice SOP, which agent1 is certified for. */
const OPENING = '你好，我需要开发票';
const GREETING = '您好，';
const FORBIDDEN = '您可以加我微信，我私下给您开。';
const TIGHTENED = '好的，马上为您处理';

describe.skipIf(!run)('compliance in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  const contexts: WatchedContext[] = [];

  async function call(method: string, path: string, token?: string, body?: unknown) {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  async function login(email: string): Promise<string> {
    const res = await call('POST', '/api/v1/auth/token', undefined, { email, password: DEMO_PASSWORD });
    return String(res.body.token);
  }

  /** A customer opens a conversation; the live dispatcher offers it to agent1, who accepts (API). */
  async function assignedConversation(): Promise<{ id: string; customer: string; agent: string }> {
    const agent = await login('agent1@demo.test');
    expect((await call('POST', '/api/v1/agents/me/presence', agent, { status: 'online' })).status).toBe(200);
    const session = await call('POST', '/api/v1/widget/sessions', undefined, { tenant: 'demo' });
    const customer = String(session.body.token);
    const created = await call('POST', '/api/v1/conversations', customer, {
      text: OPENING,
      clientMessageId: 'e2e-compliance-1',
    });
    const id = String(created.body.id);
    const deadline = Date.now() + 30_000;
    for (;;) {
      const offers = await call('GET', '/api/v1/agents/me/offers', agent);
      if ((offers.body.items as { id: string }[]).some((c) => c.id === id)) break;
      if (Date.now() > deadline) throw new Error('the dispatcher never offered the conversation to agent1');
      await new Promise((r) => setTimeout(r, 200));
    }
    expect((await call('POST', `/api/v1/conversations/${id}/accept`, agent)).status).toBe(200);
    return { id, customer, agent };
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser(browserInfo.path);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    for (const ctx of contexts) {
      expect(ctx.errors).toEqual([]);
      expect(ctx.offHost).toEqual([]);
    }
  });

  it('type a forbidden phrase → underline appears → send is blocked → apply rewrite → sends', {
    timeout: 120_000,
  }, async () => {
    const conv = await assignedConversation();
    const agent = await openContext(browser, 'zh-CN');
    contexts.push(agent);
    const { page } = agent;
    await signIn(page, server.url, 'agent1@demo.test');
    await page.locator('#live[data-state="open"]').waitFor();
    await page.locator(`[data-testid="mine-list"] [data-id="${conv.id}"]`).click();
    const reply = page.getByTestId('reply-input');
    await reply.waitFor();

    // Typed key by key, as an agent would. The first pause is the tenant's first check (the
    // server compiles its checker); the second is the steady state the 300 ms goal is about.
    const panel = page.getByTestId('compliance-panel');
    const latency = async () => {
      await page.locator('[data-testid="compliance-panel"][data-latency-ms]').waitFor();
      const ms = Number(await panel.getAttribute('data-latency-ms'));
      await panel.evaluate((el) => el.removeAttribute('data-latency-ms'));
      return ms;
    };
    await reply.click();
    await reply.pressSequentially(GREETING, { delay: 25 });
    const coldMs = await latency();
    await reply.pressSequentially(FORBIDDEN, { delay: 25 });
    const typedAt = Date.now();
    const underline = page.locator('[data-testid="compliance-underline"][data-severity="block"]');
    await underline.first().waitFor();
    const seenAfterMs = Date.now() - typedAt;
    const warmMs = await latency();
    console.log(
      `compliance UI: findings on screen ${warmMs.toFixed(0)} ms after the last keystroke (200 ms debounce included; first check of the tenant ${coldMs.toFixed(0)} ms); underline visible to the test ${seenAfterMs} ms after typing ended`,
    );
    expect(warmMs).toBeGreaterThan(0);
    expect(warmMs).toBeLessThan(2_000);
    expect(await underline.allTextContents()).toContain('加我微信');
    await screenshot(page, 'compliance-underline');

    // Blocked: the button is disabled, Enter is held back, the reason is shown, nothing is sent.
    const send = page.getByTestId('reply-send');
    expect(await send.isDisabled()).toBe(true);
    await reply.press('Enter');
    await page.locator('[data-testid="compliance-panel"][data-state="blocked"]').waitFor();
    expect(await page.getByTestId('compliance-status').textContent()).toContain('已拦截发送');
    await page.waitForTimeout(400);
    expect(await page.locator('[data-testid="agent-message"]').count()).toBe(0);
    expect(await reply.inputValue()).toBe(`${GREETING}${FORBIDDEN}`);
    const stored = await call('GET', `/api/v1/conversations/${conv.id}/messages`, conv.agent);
    expect((stored.body.items as unknown[]).length).toBe(1);

    // One click applies the suggested rewrite; the check runs again at once.
    const finding = page.locator('[data-testid="compliance-finding"][data-severity="block"]').first();
    const rewrite = await finding.locator('.cu-rw').textContent();
    await finding.getByTestId('compliance-apply').click();
    await page.locator('[data-testid="compliance-panel"]:not([data-state="blocked"])').waitFor();
    const fixed = await reply.inputValue();
    expect(fixed).not.toContain('微信');
    expect(rewrite).toContain(fixed.slice(0, 8));
    expect(await underline.count()).toBe(0);
    expect(await send.isDisabled()).toBe(false);

    await send.click();
    await page.locator('[data-testid="agent-message"][data-seq="2"]').waitFor();
    expect(await reply.inputValue()).toBe('');
    const received = await call('GET', `/api/v1/conversations/${conv.id}/messages`, conv.customer);
    expect((received.body.items as { text: string }[]).map((m) => m.text)).toContain(fixed.trim());
    await screenshot(page, 'compliance-sent');

    // The admin tightens the pack after the page checked a draft: the server refuses the send (422)
    // and the page puts the text back with the findings instead of losing it.
    const checked = page.waitForResponse(
      (r) =>
        r.url().endsWith('/api/v1/compliance/check') && (r.request().postData() ?? '').includes(TIGHTENED),
    );
    await reply.pressSequentially(TIGHTENED, { delay: 10 });
    expect(((await (await checked).json()) as { blocked: boolean }).blocked).toBe(false);
    await page.locator('[data-testid="compliance-panel"][data-state="clean"]').waitFor();
    const admin = await login('admin@demo.test');
    const pack = structuredClone(DEFAULT_PACK_INPUT);
    pack.rules.push({
      id: 'forbidden.rush.zh',
      category: 'forbidden_phrase',
      lang: 'zh',
      matcher: { kind: 'phrases', phrases: ['马上为您处理'] },
      severity: 'block',
      message: { zh: '不要承诺“马上”处理', en: 'Do not promise immediate handling' },
      rewrite: { zh: '我会尽快为您处理，有进展第一时间告诉您。', en: 'I will handle it as soon as I can.' },
    });
    expect((await call('PUT', '/api/v1/compliance/rule-pack', admin, pack)).status).toBe(200);
    await reply.press('Enter');
    await page.locator('.msg-failed').waitFor();
    await page.locator('[data-testid="compliance-panel"][data-state="blocked"]').waitFor();
    expect(await reply.inputValue()).toBe(TIGHTENED);
    expect(await page.locator('.cu-alert').textContent()).toContain('服务器未发送这条消息');
    await page.locator('[data-testid="compliance-finding"][data-rule="forbidden.rush.zh"]').waitFor();
    await screenshot(page, 'compliance-server-refused');
  });

  it('admin: Compliance tab refuses an unsafe pattern by field path and saves a valid edit as v2; supervisor: live complaint-risk alert', {
    timeout: 120_000,
  }, async () => {
    const admin = await openContext(browser, 'en-US');
    contexts.push(admin);
    await signIn(admin.page, server.url, 'admin@demo.test');
    await admin.page.getByTestId('tab-compliance').click();
    const editor = admin.page.getByTestId('pack-editor');
    await admin.page
      .getByTestId('pack-version')
      .getByText(/Active version \d+/)
      .waitFor();
    const before = Number((await admin.page.getByTestId('pack-version').textContent())?.match(/\d+/)?.[0]);
    const original = JSON.parse(await editor.inputValue()) as { rules: Record<string, unknown>[] };

    const unsafe = structuredClone(original);
    unsafe.rules[3] = { ...unsafe.rules[3], matcher: { kind: 'pattern', pattern: '(a+)+$' } };
    await editor.fill(JSON.stringify(unsafe, null, 2));
    await admin.page.getByTestId('pack-save').click();
    const error = admin.page.locator('[data-testid="pack-error"][data-path="body.rules.3.matcher.pattern"]');
    await error.waitFor();
    expect(await error.textContent()).toContain(String(original.rules[3]!.id));
    await screenshot(admin.page, 'compliance-admin-invalid');

    const edited = structuredClone(original);
    edited.rules[3] = { ...edited.rules[3], enabled: false };
    await editor.fill(JSON.stringify(edited, null, 2));
    await admin.page.getByTestId('pack-save').click();
    await admin.page
      .getByTestId('pack-status')
      .getByText(`Saved as version ${before + 1}`)
      .waitFor();
    await admin.page.locator(`[data-testid="pack-versions"] tr[data-version="${before + 1}"]`).waitFor();
    expect(await admin.page.locator('[data-testid="pack-errors"] li').count()).toBe(0);
    // The other tabs still switch back and forth.
    await admin.page.getByTestId('tab-people').click();
    expect(await admin.page.getByTestId('panel-compliance').isHidden()).toBe(true);
    expect(await admin.page.getByTestId('panel-people').isVisible()).toBe(true);

    const sup = await openContext(browser, 'zh-CN');
    contexts.push(sup);
    await signIn(sup.page, server.url, 'supervisor@demo.test');
    await sup.page.getByTestId('risk-card').waitFor();
    await sup.page.locator('#live[data-state="open"]').waitFor();
    const session = await call('POST', '/api/v1/widget/sessions', undefined, { tenant: 'demo' });
    const threat = '快递丢了没人管，再不处理我就去12315投诉你们！！';
    await call('POST', '/api/v1/conversations', String(session.body.token), {
      text: threat,
      clientMessageId: 'e2e-compliance-risk',
    });
    const alert = sup.page.getByTestId('risk-alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('投诉风险高');
    expect(await alert.textContent()).toContain('扬言投诉');
    await sup.page.locator('[data-testid="risk-item"][data-level="high"]').getByText(threat).waitFor();
    await screenshot(sup.page, 'compliance-supervisor-alert');
  });
});
