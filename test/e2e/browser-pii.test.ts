/**
 * PII end to end in Chromium: a customer writes a phone number and an address; the agent sees
 * only masks (chips); a reveal at a step that does not allow the address is refused; once the
 * conversation reaches the address step the reveal works and the value hides itself again after
 * the tenant's timeout; the admin sees both audit rows and the try-it box highlights a Chinese ID.
 * Same skip/required rules as browser.test.ts.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserAvailability,
  browserSuiteGate,
  type E2eServer,
  launchBrowser,
  openContext,
  screenshot,
  signIn,
  startServer,
  type WatchedContext,
} from './browser-helpers.ts';

const browserInfo = browserAvailability();
const run = browserSuiteGate('PII browser tests', browserInfo);

const PHONE = '13812345678';
const ADDRESS = '上海市浦东新区世纪大道100号2号楼301室';
const OPENING = `我想改一下收货地址，手机号${PHONE}，新地址${ADDRESS}`;
const CN_ID = '11010519491231002X';
// The address-change SOP's scripts: saying them moves the step tracker along.
const GREETING = '您好，请问是哪一笔订单需要修改收货地址呢？';
const VERIFY = '为了保障您的账户安全，麻烦提供订单号，并告诉我下单时预留手机号的后四位。';
const CHECK_SHIPPING =
  '收货地址只能在订单发货前修改。我查到您的订单还没有发货，可以马上为您修改，不收取任何费用。如果已经发货，地址就无法再改了，您可以拒收后由我们全额退款，再重新下单。';
/** Short enough to wait for, long enough to see. */
const REVEAL_SECONDS = 3;

describe.skipIf(!run)('PII in Chromium', () => {
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
    for (const ctx of contexts) {
      expect(ctx.errors).toEqual([]);
      expect(ctx.offHost).toEqual([]);
    }
  });

  it('masked chips, a refused reveal, a reveal at the address step that expires, and the audit trail', {
    timeout: 150_000,
  }, async () => {
    // The admin shortens how long revealed values stay up, in the PII tab.
    const admin = await open('en-US');
    await signIn(admin.page, server.url, 'admin@demo.test');
    await admin.page.getByTestId('tab-pii').click();
    await admin.page.getByTestId('pii-policy').waitFor();
    await admin.page.getByTestId('pii-policy-seconds').fill(String(REVEAL_SECONDS));
    await admin.page.getByTestId('pii-policy-save').click();
    await admin.page.getByTestId('pii-policy').getByText('Saved').waitFor();

    // agent3 holds the logistics skill the address-change SOP needs.
    const agent = await open('en-US');
    await signIn(agent.page, server.url, 'agent3@demo.test');
    await agent.page.locator('#live[data-state="open"]').waitFor();
    await agent.page.getByTestId('presence-online').click();
    await agent.page.locator('[data-testid="presence-status"][data-status="online"]').waitFor();

    const customer = await open('zh-CN');
    await customer.page.goto(`${server.url}/widget?tenant=demo`);
    await customer.page.getByTestId('widget-input').fill(OPENING);
    await customer.page.getByTestId('widget-input').press('Enter');
    const echoed = customer.page.locator('[data-testid="customer-message"][data-seq="1"]');
    await echoed.getByText('138****5678', { exact: false }).waitFor();
    // Stored masked at the source: even the customer's own echo shows the mask.
    expect(await echoed.textContent()).not.toContain(PHONE);

    // The dispatcher routes it (intent → address-change SOP) and offers it to agent3.
    const offer = agent.page.getByTestId('offer').first();
    await offer.waitFor({ timeout: 30_000 });
    await offer.getByTestId('offer-accept').click();
    const messages = agent.page.getByTestId('messages');
    const phoneChip = messages.locator('[data-testid="pii-chip"][data-type="PHONE"]');
    const addressChip = messages.locator('[data-testid="pii-chip"][data-type="ADDRESS"]');
    await phoneChip.waitFor();
    expect(await phoneChip.textContent()).toContain('138****5678');
    expect(await addressChip.getAttribute('data-state')).toBe('masked');
    expect(await agent.page.content()).not.toContain(PHONE);
    expect(await agent.page.getByTestId('conversation-subject').textContent()).not.toContain(PHONE);
    await screenshot(agent.page, 'pii-agent-masked');

    // The customer gave the phone, so the step is verify-identity: the address is not allowed.
    await addressChip.getByTestId('pii-reveal').click();
    await agent.page.getByTestId('pii-reason').fill('check the new address');
    await agent.page.getByTestId('pii-confirm').click();
    await agent.page
      .getByTestId('pii-error')
      .getByText('The current SOP step (verify-identity) does not allow revealing this.')
      .waitFor();
    await screenshot(agent.page, 'pii-reveal-refused');

    // Walk the SOP: greet, verify identity (the customer answers), confirm it has not shipped.
    const reply = agent.page.getByTestId('reply-input');
    let seq = 1;
    const say = async (text: string) => {
      await reply.fill(text);
      await reply.press('Enter');
      seq++;
      await agent.page.locator(`[data-testid="agent-message"][data-seq="${seq}"]`).waitFor();
    };
    await say(GREETING);
    await say(VERIFY);
    await customer.page.getByTestId('widget-input').fill('订单号 5512098，手机后四位5678');
    await customer.page.getByTestId('widget-input').press('Enter');
    seq++;
    await agent.page.locator(`[data-testid="customer-message"][data-seq="${seq}"]`).waitFor();
    await say(CHECK_SHIPPING);

    // collect-new-address lists ADDRESS: the reveal works and shows the value…
    await addressChip.getByTestId('pii-reveal').click();
    await agent.page.getByTestId('pii-reason').fill('read back the new address');
    await agent.page.getByTestId('pii-confirm').click();
    const revealed = messages.locator('[data-testid="pii-chip"][data-type="ADDRESS"][data-state="revealed"]');
    await revealed.waitFor();
    expect(await revealed.getByTestId('pii-value').textContent()).toBe(ADDRESS);
    expect(await agent.page.getByTestId('pii-form').count()).toBe(0);
    await screenshot(agent.page, 'pii-revealed');
    // …until the tenant's timeout hides it again.
    await messages
      .locator('[data-testid="pii-chip"][data-type="ADDRESS"][data-state="masked"]')
      .waitFor({ timeout: (REVEAL_SECONDS + 5) * 1000 });
    expect(await agent.page.locator('[data-testid="messages"]').textContent()).not.toContain('世纪大道100号');

    // The admin sees the refusal and the reveal in the audit log.
    await admin.page.reload();
    await admin.page.getByTestId('pii-audit').waitFor();
    await admin.page.getByTestId('audit-action').selectOption('pii.reveal');
    await admin.page.getByTestId('audit-filter').click();
    const rows = admin.page.getByTestId('audit-row');
    await rows.filter({ hasText: 'read back the new address' }).waitFor();
    const actions = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    expect(actions).toEqual(['pii.reveal', 'pii.reveal.denied']);
    expect(await rows.first().textContent()).toContain('agent3@demo.test');
    expect(await admin.page.getByTestId('pii-audit').textContent()).not.toContain('世纪大道100号');
    const href = await admin.page.getByTestId('audit-export-csv').getAttribute('href');
    expect(href).toMatch(/action=pii\.reveal/);
    const csv = await admin.page.evaluate(async (url) => (await fetch(url!)).text(), href);
    expect(csv.split('\r\n')[0]).toMatch(/^id,created_at,action,/);
    expect(csv).toContain('pii.reveal.denied');
    expect(csv).not.toContain('世纪大道100号');

    // The try-it box highlights a Chinese resident ID as the admin types.
    await admin.page.getByTestId('pii-try-input').fill(`客户身份证号 ${CN_ID}，请核对`);
    const hit = admin.page.locator('[data-testid="pii-hit"][data-type="CN_ID"]');
    await hit.waitFor();
    expect(await hit.textContent()).toBe(CN_ID);
    expect(await admin.page.getByTestId('pii-try-masked').textContent()).toContain('**************002X');
    await screenshot(admin.page, 'pii-admin-tab');
  });
});
