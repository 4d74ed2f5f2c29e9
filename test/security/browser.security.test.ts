/**
 * Security behaviour only a real browser shows: the CSP refuses nothing our own pages do, the
 * watermark comes back when removed or hidden, same-origin fetches pass the CSRF guard, and a
 * locked session asks for the password and carries on with the refused call.
 */
import type { Browser, ConsoleMessage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserAvailability,
  DEMO_PASSWORD,
  type E2eServer,
  launchBrowser,
  openContext,
  signIn,
  startServer,
  type WatchedContext,
} from '../e2e/browser-helpers.ts';

const info = browserAvailability();
const run = info.available && !info.disabled;

describe.skipIf(!run)('security in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let ctx: WatchedContext;
  const cspErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser(info.path);
    ctx = await openContext(browser, 'en-US');
    ctx.page.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
    });
    await signIn(ctx.page, server.url, 'agent1@demo.test');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const watermark = () =>
    ctx.page.evaluate(() => {
      const el = document.getElementById('td-watermark');
      if (!el) return null;
      const cs = getComputedStyle(el);
      return { display: cs.display, visibility: cs.visibility, image: cs.backgroundImage, z: cs.zIndex };
    });

  it('the agent page runs under the CSP with no violations and shows the identifying watermark', async () => {
    await ctx.page.goto(`${server.url}/agent?lang=en`);
    await ctx.page.locator('[data-testid=watermark]').waitFor({ state: 'attached' });
    const wm = await watermark();
    expect(wm?.display).toBe('block');
    expect(decodeURIComponent(wm?.image ?? '')).toMatch(/Agent 1|agent1|usr_/i);
    expect(decodeURIComponent(wm?.image ?? '')).toMatch(/UTC/);
    expect(wm?.z).toBe('2147483647');
    expect(cspErrors).toEqual([]);
    expect(ctx.errors).toEqual([]);
  });

  it('the watermark comes back when removed, hidden by style, or hidden by an injected stylesheet', async () => {
    await ctx.page.evaluate(() => document.getElementById('td-watermark')?.remove());
    await ctx.page.waitForFunction(() => document.getElementById('td-watermark') !== null);
    await ctx.page.evaluate(() => {
      const el = document.getElementById('td-watermark');
      if (el) el.style.display = 'none';
    });
    await ctx.page.waitForFunction(
      () => getComputedStyle(document.getElementById('td-watermark') as HTMLElement).display === 'block',
    );
    await ctx.page.evaluate(() => {
      const s = document.createElement('style');
      s.textContent = '#td-watermark, div[aria-hidden] { display: none !important; opacity: 0 !important }';
      document.head.append(s);
    });
    const wm = await watermark();
    expect(wm?.display).toBe('block');
    expect(
      await ctx.page.evaluate(() => document.getElementById('td-watermark')?.hasAttribute('hidden')),
    ).toBe(false);
  });

  it('same-origin fetches with the page cookie pass the CSRF guard', async () => {
    const status = await ctx.page.evaluate(
      async () => (await fetch('/api/v1/auth/refresh', { method: 'POST' })).status,
    );
    expect(status).toBe(200);
  });

  it('a locked session opens the password dialog and the refused call completes after unlocking', async () => {
    await ctx.page.evaluate(async () => {
      await fetch('/api/v1/auth/lock', { method: 'POST' });
    });
    const pending = ctx.page.evaluate(async () => (await fetch('/api/v1/me')).status);
    const dialog = ctx.page.locator('[data-testid=session-lock]');
    await dialog.waitFor({ state: 'visible' });
    await dialog.locator('input[type=password]').fill(DEMO_PASSWORD);
    await dialog.locator('button[type=submit]').click();
    expect(await pending).toBe(200);
    await dialog.waitFor({ state: 'detached' });
    expect(ctx.errors).toEqual([]);
  });

  it('/docs (Swagger UI) loads under the same CSP', async () => {
    const page = await ctx.context.newPage();
    const refused: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
    });
    await page.goto(`${server.url}/docs`);
    await page.locator('.swagger-ui .info .title').waitFor({ timeout: 20_000 });
    expect(refused).toEqual([]);
    await page.close();
  });
});
