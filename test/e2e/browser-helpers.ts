/**
 * @module Helpers for the Chromium page tests: whether a browser is present (and whether one is
 * required), a real Tidedesk server on a free port with a throw-away database, browser contexts
 * that fail on page errors and off-host requests, sign-in and screenshots kept as artifacts.
 */

import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { loadEnv, parseEnv } from '#src/config/env.ts';
import type { Db } from '#src/db/client.ts';
import { type RunningServer, startNodeServer } from '#src/runtime/node.ts';

export const DEMO_PASSWORD = 'tidedesk-demo';
export const ARTIFACTS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../test-artifacts/e2e');

export interface BrowserAvailability {
  path: string;
  available: boolean;
  /** TIDEDESK_E2E=required: a missing browser fails the run instead of skipping. */
  required: boolean;
  /** TIDEDESK_E2E=skip: skip even when a browser is present. */
  disabled: boolean;
}

export function browserAvailability(): BrowserAvailability {
  const env = loadEnv();
  const path = env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return {
    path,
    available: existsSync(path),
    required: env.TIDEDESK_E2E === 'required',
    disabled: env.TIDEDESK_E2E === 'skip',
  };
}

export function missingBrowserBanner(path: string): string {
  const line = '═'.repeat(78);
  return [
    '',
    line,
    `  BROWSER TESTS SKIPPED — no Chromium at ${path}`,
    '',
    '  The page tests (customer ↔ agent round trip, language switch, supervisor,',
    '  admin, /docs) drive a real Chromium. To run them:',
    '    apt-get install -y chromium fonts-wqy-microhei   (Debian/Ubuntu)',
    '  or point CHROMIUM_PATH at any Chromium/Chrome binary.',
    '  Set TIDEDESK_E2E=required to make a missing browser fail the run (CI).',
    line,
    '',
  ].join('\n');
}

/**
 * Whether a browser suite runs. With TIDEDESK_E2E=required and no Chromium it registers a failing
 * test so the run fails loudly; without Chromium otherwise it prints the banner and the suite is
 * skipped; TIDEDESK_E2E=skip skips it with a note. One place, so every suite behaves the same.
 */
export function browserSuiteGate(name: string, info: BrowserAvailability = browserAvailability()): boolean {
  if (!info.available && info.required) {
    describe(name, () => {
      it('needs Chromium because TIDEDESK_E2E=required', () => {
        throw new Error(
          `TIDEDESK_E2E=required but no Chromium at ${info.path}. Install it (apt-get install -y chromium fonts-wqy-microhei) or set CHROMIUM_PATH.`,
        );
      });
    });
  } else if (!info.available) {
    console.warn(missingBrowserBanner(info.path));
  } else if (info.disabled) {
    console.warn(`${name} skipped: TIDEDESK_E2E=skip.`);
  }
  return info.available && !info.disabled;
}

export interface E2eServer {
  url: string;
  /** The server's database, for tests that set up more data than the seed has (e.g. 200 agents). */
  db: Db;
  close(): Promise<void>;
}

/** The real server (same boot as `tidedesk serve`), seeded on first start, on a free port. */
export async function startServer(): Promise<E2eServer> {
  const dir = mkdtempSync(join(tmpdir(), 'tidedesk-e2e-'));
  const env = parseEnv({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: `file:${join(dir, 'e2e.db')}`,
    TIDEDESK_DATA_DIR: dir,
    TIDEDESK_LOG_LEVEL: 'warn',
  });
  const server: RunningServer = await startNodeServer(env);
  return {
    url: server.url,
    db: server.booted.deps.db,
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(path: string): Promise<Browser> {
  return chromium.launch({
    executablePath: path,
    args: [
      '--no-sandbox',
      '--headless=new',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

export interface WatchedContext {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors; a working page has none. */
  errors: string[];
  /** Requests that left 127.0.0.1 (a CDN, a font service …); there must be none. */
  offHost: string[];
}

/** A browser context at laptop size whose page errors and off-host requests are recorded. */
export async function openContext(browser: Browser, locale: 'zh-CN' | 'en-US'): Promise<WatchedContext> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale });
  const errors: string[] = [];
  const offHost: string[] = [];
  context.on('request', (req) => {
    const url = new URL(req.url());
    if (/^(https?|wss?):$/.test(url.protocol) && url.hostname !== '127.0.0.1') offHost.push(req.url());
  });
  const page = await context.newPage();
  page.on('pageerror', (err) => errors.push(String(err)));
  return { context, page, errors, offHost };
}

/** Signs in through the /login form, as a person would. */
export async function signIn(page: Page, base: string, email: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('form.login-form button[type=submit]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Marks the current document so a test can prove an update arrived without a reload. */
export async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __tdMark?: number }).__tdMark = 1;
  });
}

export async function documentStillMarked(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { __tdMark?: number }).__tdMark === 1);
}
