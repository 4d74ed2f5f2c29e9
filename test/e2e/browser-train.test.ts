/**
 * The training cabin in a real Chromium against a real server: trainee1 plays a demo scenario to a
 * pass (scripted good replies typed into the chat), watching the coaching panel and the mood after
 * each reply, and sees the score with evidence and the annotated replay, then the progress charts;
 * a supervisor sees the cohort, runs a live test as the customer — the trainee answers in their
 * own page — and records the pass, which completes trainee1's refund certification. Screenshots in
 * test-artifacts/e2e/. Skipped loudly without a browser (see browser.test.ts).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goodScript } from '#src/services/training/testing/scripted-trainee.ts';
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
const run = browserSuiteGate('training browser tests', browserInfo);

describe.skipIf(!run)('training cabin in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let trainee: WatchedContext;
  let supervisor: WatchedContext;
  const contexts: WatchedContext[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser(browserInfo.path);
    trainee = await openContext(browser, 'zh-CN');
    supervisor = await openContext(browser, 'en-US');
    contexts.push(trainee, supervisor);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    for (const ctx of contexts) {
      expect(ctx.errors).toEqual([]);
      expect(ctx.offHost).toEqual([]);
    }
  });

  it('trainee1 plays a scenario to a pass and sees the score, evidence and annotated replay', {
    timeout: 120_000,
  }, async () => {
    const page = trainee.page;
    await signIn(page, server.url, 'trainee1@demo.test');
    expect(new URL(page.url()).pathname).toBe('/train');
    await page.getByText('当前没有进行中的场景').waitFor();

    await page.getByTestId('card-pick').selectOption('refund-unshipped-zh');
    await page.getByTestId('start-picked').click();
    await page.getByTestId('customer-line').first().waitFor();
    await page.getByTestId('mood').waitFor();
    await screenshot(page, 'train-opening');

    const script = goodScript('refund-unshipped-zh');
    for (const [i, text] of script.entries()) {
      const input = page.getByTestId('reply-input');
      if (!(await input.isVisible())) break; // the customer was satisfied early
      await input.fill(text);
      await input.press('Enter');
      // The coaching panel updates for this reply, beside the chat.
      await page
        .locator(`[data-testid="coach-steps"][data-turn="${i + 1}"], [data-testid="verdict"]`)
        .first()
        .waitFor();
      if (i === 0) {
        await page.locator('[data-testid="trainee-line"][data-turn="1"]').waitFor();
        await page.locator('[data-testid="customer-line"][data-turn="1"]').waitFor();
        expect(await page.getByTestId('checklist').locator('li[data-done="true"]').count()).toBeGreaterThan(
          0,
        );
        await screenshot(page, 'train-coaching');
      }
    }
    const verdict = page.getByTestId('verdict');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-passed')).toBe('true');
    expect(await page.getByTestId('verdict-badge').textContent()).toBe('通过');
    for (const d of ['sop_adherence', 'compliance', 'empathy', 'accuracy', 'resolution', 'efficiency']) {
      await page.getByTestId(`dim-${d}`).waitFor();
    }
    expect(await page.locator('.evidence q').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('replay').locator('li').count()).toBe(1 + 2 * script.length);
    expect(await page.getByTestId('annotation').count()).toBeGreaterThan(0);
    await screenshot(page, 'train-verdict');

    // Progress: the skill is on its way, and the dimension chart has its first point.
    await page.getByTestId('tab-progress').click();
    await page
      .locator('[data-testid="skills-table"] tr[data-skill="ecommerce.refund"][data-status="practising"]')
      .waitFor();
    await page.getByTestId('dims-chart').locator('svg circle').first().waitFor();
    expect(await page.getByTestId('dims-chart').locator('svg polyline').count()).toBe(6);
    await screenshot(page, 'train-progress');

    // Two more refund passes through the API to keep this test short (N = 3 passes over the two
    // Chinese refund cards); the live test below then completes the certification.
    const api = page.request;
    const headers = { origin: server.url };
    for (const cardId of ['refund-unshipped-zh', 'refund-credit-card-late-zh']) {
      const started = await (
        await api.post(`${server.url}/api/v1/training/sessions`, { headers, data: { cardId } })
      ).json();
      let passed = false;
      for (const [i, text] of goodScript(cardId).entries()) {
        const r = await (
          await api.post(`${server.url}/api/v1/training/sessions/${started.id}/turns`, {
            headers,
            data: { text, clientTurnId: `api-${i}` },
          })
        ).json();
        if (r.ended) {
          passed = r.verdict.passed;
          break;
        }
      }
      expect(passed, cardId).toBe(true);
    }
    await page.getByTestId('tab-practice').click();
  });

  it('a supervisor sees the cohort and records a live test played with the trainee in real time', {
    timeout: 120_000,
  }, async () => {
    const sup = supervisor.page;
    await signIn(sup, server.url, 'supervisor@demo.test');
    await sup.goto(`${server.url}/train/admin`);
    const row = sup.getByTestId('cohort-row').filter({ hasText: '林小北' });
    await row.waitFor();
    expect(await row.locator('td').nth(1).textContent()).toBe('3');
    await sup.getByTestId('struggle').locator('svg rect').first().waitFor();
    await sup.locator('[data-testid="scenario-row"][data-card="refund-unshipped-zh"]').waitFor();
    await screenshot(sup, 'train-admin-cohort');

    // Keyboard: arrow to the cards tab, the editor rejects a contradictory save per field.
    await sup.getByTestId('tab-cohort').focus();
    await sup.keyboard.press('ArrowRight');
    await sup.locator('[data-testid="card-row"][data-card="refund-unshipped-en"]').click();
    const json = sup.getByTestId('card-json');
    await json.waitFor();
    const card = JSON.parse(await json.inputValue());
    card.success.outcome.kind = 'escalate';
    card.mustNotAccept.push({ kind: 'escalation', keywords: ['transfer you'], why: 'No transfers.' });
    await json.fill(JSON.stringify(card, null, 2));
    await sup.getByTestId('card-save').click();
    await sup
      .getByTestId('card-errors')
      .locator('li[data-path^="body.card.mustNotAccept"]')
      .first()
      .waitFor();
    await screenshot(sup, 'train-admin-card-errors');

    // Live test: trainee1 and the refund card; the supervisor writes as the customer.
    await sup.getByTestId('tab-live').click();
    await sup.getByTestId('live-trainee').selectOption({ label: '新人 林小北 · trainee1@demo.test' });
    await sup.getByTestId('live-card').selectOption('refund-unshipped-zh');
    await sup.getByTestId('live-start').click();
    const liveInput = sup.getByTestId('live-input');
    await liveInput.fill('你好，我昨天下的单还没发货，能取消退款吗？');
    await liveInput.press('Enter');
    await sup.getByTestId('live-messages').getByText('你好，我昨天下的单还没发货').waitFor();

    // The trainee is invited in their page, joins and answers.
    const tr = trainee.page;
    await tr.getByTestId('join-live').click({ timeout: 15_000 });
    await tr.getByTestId('customer-line').getByText('你好，我昨天下的单还没发货').waitFor();
    await tr
      .getByTestId('reply-input')
      .fill('您好，很高兴为您服务！麻烦您提供一下订单号，我帮您查看订单状态。');
    await tr.getByTestId('reply-input').press('Enter');
    await tr.locator('[data-testid="trainee-line"][data-turn="1"]').waitFor();

    // The supervisor sees the reply (polled) with the coach's notes, and records the pass.
    await sup.getByTestId('live-messages').getByText('很高兴为您服务').waitFor({ timeout: 10_000 });
    await sup.getByTestId('live-coaching').locator('[data-testid="coach-steps"]').waitFor();
    await screenshot(sup, 'train-admin-live');
    await sup.getByTestId('live-pass').check();
    await sup.getByTestId('live-note').fill('Calm, verified the order first.');
    await sup.getByTestId('live-record').click();
    const recorded = sup.getByTestId('live-recorded');
    await recorded.waitFor();
    expect(await recorded.textContent()).toContain('ecommerce.refund');
    await sup.getByTestId('live-ended').waitFor();

    // The trainee's page shows the live test's result.
    await tr.getByTestId('live-result').waitFor({ timeout: 10_000 });
    await screenshot(tr, 'train-live-result');
  });
});
