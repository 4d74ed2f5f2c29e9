/**
 * The QA workspace in a real Chromium against a real server: qa@demo.test signs in, sees the six
 * suites, runs pii to done with the progress bar, opens its report (static SVG charts), saves an
 * agent message of a live conversation as a compliance golden case, finds it under Golden cases,
 * and `tidedesk eval export` (a separate process on the same database) writes it as JSONL.
 * Screenshots land in test-artifacts/e2e/. Skipped loudly without a browser, failed when
 * TIDEDESK_E2E=required.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '#src/config/env.ts';
import { type RunningServer, startNodeServer } from '#src/runtime/node.ts';
import {
  browserAvailability,
  browserSuiteGate,
  DEMO_PASSWORD,
  launchBrowser,
  openContext,
  screenshot,
  signIn,
  type WatchedContext,
} from './browser-helpers.ts';

const browserInfo = browserAvailability();
const run = browserSuiteGate('QA workspace browser test', browserInfo);
const CUSTOMER_TEXT = '我的快递三天没动了，怎么回事？';
const AGENT_TEXT = '这个我不知道，您问问快递吧。';

describe.skipIf(!run)('QA workspace in Chromium', () => {
  let dir: string;
  let dbUrl: string;
  let server: RunningServer;
  let browser: Browser;
  const contexts: WatchedContext[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tidedesk-e2e-qa-'));
    dbUrl = `file:${join(dir, 'qa.db')}`;
    server = await startNodeServer(
      parseEnv({
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: dbUrl,
        TIDEDESK_DATA_DIR: dir,
        TIDEDESK_LOG_LEVEL: 'warn',
      }),
    );
    browser = await launchBrowser(browserInfo.path);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
    for (const ctx of contexts) {
      expect(ctx.errors).toEqual([]);
      expect(ctx.offHost).toEqual([]);
    }
  });

  /** JSON call against the running server, as an API client would make it. */
  async function call<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  /** A customer writes in, a supervisor claims the conversation and answers with a forbidden phrase. */
  async function liveConversation(): Promise<string> {
    const { token: customer } = await call<{ token: string }>('POST', '/api/v1/widget/sessions', {
      tenant: 'demo',
    });
    const conv = await call<{ id: string }>(
      'POST',
      '/api/v1/conversations',
      { text: CUSTOMER_TEXT, clientMessageId: 'e2e-qa-1' },
      customer,
    );
    const { token: staff } = await call<{ token: string }>('POST', '/api/v1/auth/token', {
      email: 'supervisor@demo.test',
      password: DEMO_PASSWORD,
    });
    await call('POST', `/api/v1/conversations/${conv.id}/claim`, undefined, staff);
    await call(
      'POST',
      `/api/v1/conversations/${conv.id}/messages`,
      { text: AGENT_TEXT, clientMessageId: 'e2e-qa-2' },
      staff,
    );
    return conv.id;
  }

  it('runs a suite with progress, opens its report, records a golden case from a conversation and exports it', {
    timeout: 120_000,
  }, async () => {
    const qa = await openContext(browser, 'en-US');
    contexts.push(qa);
    const { page } = qa;
    await signIn(page, server.url, 'qa@demo.test');
    expect(new URL(page.url()).pathname).toBe('/qa');

    // Six suites, none run yet.
    const rows = page.getByTestId('suite-row');
    await rows.nth(5).waitFor();
    expect(await rows.count()).toBe(6);
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-suite')))).toEqual([
      'pii',
      'compliance',
      'intent',
      'copilot',
      'simulator',
      'interview',
    ]);
    await screenshot(page, 'qa-suites');

    // Keyboard: the tabs move with the arrow keys.
    await page.getByTestId('tab-suites').focus();
    await page.keyboard.press('ArrowRight');
    await page.locator('#tab-runs[aria-selected="true"]').waitFor();
    await page.getByText('No runs yet').waitFor();
    await page.keyboard.press('ArrowLeft');
    await page.locator('#tab-suites[aria-selected="true"]').waitFor();

    // Run pii: the progress panel follows it to done.
    await page.getByTestId('run-pii').click();
    const panel = page.getByTestId('run-panel');
    await panel.waitFor();
    await page.locator('[data-testid="run-panel"][data-status="done"]').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('run-progress').getAttribute('aria-valuenow')).toBe('100');
    expect(await page.getByTestId('run-label').textContent()).toMatch(/overall\.f1 0\.\d{4}/);
    await page.getByTestId('latest-pii').waitFor();
    const trend = page.getByTestId('trend-pii');
    await trend.waitFor();
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="trend-pii"]');
      return Boolean(img?.complete && img.naturalWidth > 0);
    });
    await screenshot(page, 'qa-run-done');

    // The report opens in a new tab and carries its charts as inline SVG.
    const href = await page.getByTestId('run-report-link').getAttribute('href');
    expect(href).toMatch(/^\/qa\/runs\/[^/]+\/report$/);
    const report = await qa.context.newPage();
    report.on('pageerror', (err) => qa.errors.push(String(err)));
    await report.goto(`${server.url}${href}`);
    expect(await report.locator('svg').count()).toBeGreaterThan(0);
    expect(await report.content()).toContain('pii');
    await screenshot(report, 'qa-report');
    await report.close();

    // A live conversation, opened in the QA conversation view.
    const conversationId = await liveConversation();
    await page.getByTestId('tab-conversations').click();
    const item = page.locator(`[data-testid="qa-conv-item"][data-id="${conversationId}"]`);
    await item.waitFor();
    await item.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('qa-conv-subject').getByText(CUSTOMER_TEXT).waitFor();
    await page.locator('[data-testid="qa-message"][data-seq="2"]').getByText(AGENT_TEXT).waitFor();

    // Save the agent message as a compliance case expecting forbidden_phrase.
    await page.getByTestId('save-golden-2').click();
    const editor = page.getByTestId('case-editor');
    await editor.waitFor();
    expect(await page.getByTestId('case-suite').inputValue()).toBe('compliance');
    await page.getByTestId('case-draft').waitFor();
    expect(await page.getByTestId('case-draft').inputValue()).toBe(AGENT_TEXT);
    expect(await page.getByTestId('expected-forbidden_phrase').isChecked()).toBe(false);
    await page.getByTestId('expected-forbidden_phrase').check();
    const caseId = await page.getByTestId('case-id').inputValue();
    expect(caseId).toContain(conversationId);
    await screenshot(page, 'qa-golden-editor');
    await page.getByTestId('case-save').click();
    await page.getByTestId('case-saved').getByText(caseId).waitFor();

    // It is listed under Golden cases with its expected category.
    await page.getByTestId('tab-golden').click();
    const golden = page.locator(`[data-testid="golden-row"][data-case="${caseId}"]`);
    await golden.waitFor();
    expect(await golden.textContent()).toContain('forbidden_phrase');
    expect(await golden.textContent()).toContain(AGENT_TEXT);
    await page.getByTestId('export-hint').getByText('npx tidedesk eval export --tenant demo').waitFor();
    await screenshot(page, 'qa-golden-cases');

    // The CLI, a separate process on the same database, exports it as the suite's JSONL.
    const out = join(dir, 'export');
    const exported = spawnSync(
      process.execPath,
      ['bin/tidedesk.js', 'eval', 'export', '--tenant', 'demo', '--out', out, '--json'],
      { encoding: 'utf8', env: { ...process.env, DATABASE_URL: dbUrl }, timeout: 60_000 },
    );
    expect(exported.status, exported.stderr).toBe(0);
    const summary = JSON.parse(exported.stdout.trim().split('\n').at(-1)!) as {
      exported: Record<string, number>;
      files: string[];
    };
    expect(summary.exported).toEqual({ compliance: 1 });
    expect(summary.files).toEqual([join(out, 'compliance.jsonl')]);
    const lines = readFileSync(join(out, 'compliance.jsonl'), 'utf8').trim().split('\n');
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ id: caseId, lang: 'zh', draft: AGENT_TEXT, expected: ['forbidden_phrase'] }),
    ]);
  });

  it('is in Chinese with ?lang=zh, and other roles are turned away', { timeout: 60_000 }, async () => {
    const zh = await openContext(browser, 'zh-CN');
    contexts.push(zh);
    await signIn(zh.page, server.url, 'qa@demo.test');
    await zh.page.goto(`${server.url}/qa?lang=zh`);
    await zh.page.getByRole('heading', { name: '质检与评测' }).waitFor();
    await zh.page.getByTestId('suite-row').first().waitFor();
    await screenshot(zh.page, 'qa-suites-zh');

    const agent = await openContext(browser, 'en-US');
    contexts.push(agent);
    await signIn(agent.page, server.url, 'agent1@demo.test');
    const res = await agent.page.goto(`${server.url}/qa`);
    expect(res?.status()).toBe(403);
  });
});
