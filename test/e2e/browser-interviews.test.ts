/**
 * The interview product in a real Chromium with a fake camera and microphone
 * (--use-fake-device-for-media-stream --use-fake-ui-for-media-stream): a recruiter creates a
 * campaign and imports candidates from CSV (one bad row reported); a candidate consents, takes
 * the typing test with the keyboard, records an answer whose upload is cut once and resumes,
 * and types the written answer; the recruiter finds the scorecard with evidence and playback in
 * the review queue, decides with a note, and opens the fairness report. A second candidate has
 * no camera and answers audio-only. Skipped loudly without Chromium (required with
 * TIDEDESK_E2E=required), like the other page tests.
 */
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserAvailability,
  browserSuiteGate,
  type E2eServer,
  screenshot,
  signIn,
  startServer,
} from './browser-helpers.ts';

const browserInfo = browserAvailability();
const run = browserSuiteGate('interview browser tests', browserInfo);

const ANSWER =
  'I am very sorry about the delay. Please share your order number; I will check the tracking, chase the courier and tell you the expected delivery date. I will follow up, and if the parcel is lost we will resend it or refund you.';

interface Watched {
  page: Page;
  errors: string[];
  offHost: string[];
}

describe.skipIf(!run)('interviews in Chromium with a fake camera and microphone', () => {
  let server: E2eServer;
  let browser: Browser;
  const opened: Watched[] = [];

  async function open(options: { media?: boolean; noCamera?: boolean } = {}): Promise<Watched> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-US' });
    if (options.media) await context.grantPermissions(['camera', 'microphone'], { origin: server.url });
    if (options.noCamera) {
      // A machine without a camera: any request for video fails the way browsers fail it.
      await context.addInitScript(() => {
        const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
        navigator.mediaDevices.getUserMedia = (c?: MediaStreamConstraints) =>
          c?.video
            ? Promise.reject(new DOMException('Requested device not found', 'NotFoundError'))
            : original(c);
      });
    }
    const page = await context.newPage();
    const w: Watched = { page, errors: [], offHost: [] };
    page.on('pageerror', (err) => w.errors.push(String(err)));
    context.on('request', (req) => {
      const url = new URL(req.url());
      if (/^(https?|wss?):$/.test(url.protocol) && url.hostname !== '127.0.0.1') w.offHost.push(req.url());
    });
    opened.push(w);
    return w;
  }

  /** Type like a person: uneven gaps between keys. */
  async function typeLikeAPerson(page: Page, text: string) {
    for (const [i, ch] of Array.from(text).entries()) {
      await page.keyboard.type(ch);
      await page.waitForTimeout(25 + ((i * 37) % 70));
    }
  }

  /** Consent, device check, typing test; returns the device mode the page chose. */
  async function startInterview(page: Page, link: string, typed?: number): Promise<string> {
    await page.goto(link);
    await page.getByTestId('consent-start').waitFor();
    await page.getByTestId('consent-agree').check();
    await page.getByTestId('consent-start').click();
    const device = page.getByTestId('device-status');
    await device.waitFor();
    const mode = (await device.getAttribute('data-mode')) ?? '';
    await page.getByTestId('device-continue').click();
    const passage = (await page.getByTestId('typing-passage').textContent()) ?? '';
    await page.getByTestId('typing-input').click();
    await typeLikeAPerson(page, typed === undefined ? passage : passage.slice(0, typed));
    await page.getByTestId('typing-finish').click();
    await page.getByTestId('question-prompt').waitFor();
    return mode;
  }

  async function recordAnswer(page: Page, seconds: number) {
    await page.getByTestId('q-record').click();
    await page.waitForTimeout(seconds * 1000);
    await page.getByTestId('q-stop').click();
    await page.locator('[data-testid="upload-status"][data-state="uploaded"]').waitFor({ timeout: 30_000 });
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await chromium.launch({
      executablePath: browserInfo.path,
      args: [
        '--no-sandbox',
        '--headless=new',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    for (const w of opened) {
      expect(w.errors).toEqual([]);
      expect(w.offHost).toEqual([]);
    }
  });

  let campaignPath = '';
  const links = new Map<string, string>();

  it('a recruiter creates a campaign and imports candidates from CSV; the bad row is reported', {
    timeout: 60_000,
  }, async () => {
    const { page } = await open();
    await signIn(page, server.url, 'recruiter@demo.test');
    expect(new URL(page.url()).pathname).toBe('/recruit');
    await page.getByTestId('new-campaign').click();
    await page.locator('#c-name').fill('E2E spring intake');
    await page.locator('#g-label').fill('Self-described group');
    await page.locator('#g-options').fill('A\nB');
    await screenshot(page, 'recruit-campaign-new');
    await page.getByTestId('save-campaign').click();
    await page.waitForURL(/\/recruit\/campaigns\/icmp_/);
    campaignPath = new URL(page.url()).pathname;
    // The thresholds on the form become the tenant's defaults for new campaigns.
    await page.locator('#th-minNet').fill('42');
    await page.locator('#save-default').click();
    await expect.poll(() => page.locator('#default-status').textContent()).toContain('New campaigns');
    const settings = await page.evaluate(async () => (await fetch('/api/v1/interviews/settings')).json());
    expect(settings).toMatchObject({ custom: true, thresholds: { typing: { minNet: 42 } } });

    await page
      .getByTestId('import-csv')
      .fill(
        'email,name,group\nann@example.com,Ann,A\nbob@example.com,Bob,B\nnot-an-email,Dan,B\ncat@example.com,Cat,A',
      );
    await page.getByTestId('import-submit').click();
    await expect.poll(() => page.getByTestId('import-count').textContent()).toContain('3');
    const bad = page.getByTestId('import-errors').locator('li');
    expect(await bad.count()).toBe(1);
    expect(await bad.first().getAttribute('data-row')).toBe('4');
    expect(await bad.first().getAttribute('data-code')).toBe('invalid_email');
    await page.getByTestId('candidate-row').nth(2).waitFor();
    for (const row of await page.getByTestId('candidate-row').all()) {
      links.set(
        (await row.getAttribute('data-email')) ?? '',
        (await row.getByTestId('candidate-link').getAttribute('href')) ?? '',
      );
    }
    expect([...links.keys()].sort()).toEqual(['ann@example.com', 'bob@example.com', 'cat@example.com']);
    await screenshot(page, 'recruit-campaign-import');
  });

  it('a candidate consents, types, records an answer (upload cut once, resumed) and submits', {
    timeout: 120_000,
  }, async () => {
    const { page } = await open({ media: true });
    // The first chunk reaches the server but its reply is lost: the page must ask the server
    // which chunks it has and carry on from there, not start over or fail.
    let cut = 0;
    await page.route(/\/recording\/chunks\/0\?/, async (route) => {
      if (cut++ > 0) return route.continue();
      await route.fetch();
      return route.abort('connectionreset');
    });
    const asked: string[] = [];
    page.on('request', (req) => {
      if (req.method() === 'GET' && /\/recording$/.test(req.url())) asked.push(req.url());
    });
    const mode = await startInterview(page, links.get('ann@example.com')!);
    expect(mode).toBe('video');
    await screenshot(page, 'interview-question');
    await recordAnswer(page, 3);
    expect(cut).toBe(1);
    expect(asked.length).toBeGreaterThan(0);
    await page.getByTestId('written-answer').fill(ANSWER);
    await page.getByTestId('q-submit').click();
    await page.getByTestId('finish-submit').click();
    await page.getByTestId('done').waitFor();
    await screenshot(page, 'interview-done');
  });

  it('a candidate without a camera answers audio-only', { timeout: 90_000 }, async () => {
    const { page } = await open({ media: true, noCamera: true });
    const mode = await startInterview(page, links.get('bob@example.com')!, 30);
    expect(mode).toBe('audio');
    await recordAnswer(page, 2);
    await page.getByTestId('written-answer').fill('Please wait a bit longer.');
    await page.getByTestId('q-submit').click();
    await page.getByTestId('finish-submit').click();
    await page.getByTestId('done').waitFor();
  });

  it('the recruiter reviews the scorecard with evidence and playback, decides with a note, and opens the fairness report', {
    timeout: 90_000,
  }, async () => {
    const { page } = await open();
    await signIn(page, server.url, 'recruiter@demo.test');
    const campaignId = campaignPath.split('/').pop()!;
    await page.goto(`${server.url}/recruit/review?campaign=${campaignId}`);
    await page.getByTestId('queue-row').nth(1).waitFor();
    expect(await page.getByTestId('queue-row').count()).toBe(2);
    await screenshot(page, 'recruit-review-queue');
    const ann = page.getByTestId('queue-row').filter({ hasText: 'ann@example.com' });
    expect(await ann.getByTestId('queue-decision').textContent()).toBe('Undecided');
    await ann.getByTestId('queue-link').click();

    await page.getByTestId('scorecard').waitFor();
    expect(await page.getByTestId('advice').getAttribute('data-advice')).toMatch(
      /^(advance|review|not-advance)$/,
    );
    const marks = await page.getByTestId('evidence').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(ANSWER).toContain(m);
    expect(Number.parseFloat((await page.getByTestId('typing-net').textContent()) ?? '0')).toBeGreaterThan(
      20,
    );
    const src = (await page.getByTestId('playback').getAttribute('src')) ?? '';
    const played = await page.evaluate(async (url) => {
      const res = await fetch(url);
      return {
        status: res.status,
        type: res.headers.get('content-type'),
        bytes: (await res.arrayBuffer()).byteLength,
      };
    }, src);
    expect(played).toMatchObject({ status: 200, type: 'video/webm' });
    expect(played.bytes).toBeGreaterThan(1000);
    await screenshot(page, 'recruit-scorecard');

    await page.getByTestId('outcome-advance').check();
    await page.getByTestId('decision-note').fill('Clear, complete answer; invite to the phone round.');
    await page.getByTestId('decide').click();
    await page.getByTestId('decisions').locator('li[data-outcome="advance"]').waitFor();
    expect(await page.getByTestId('decisions').textContent()).toContain('invite to the phone round');

    await page.goto(`${server.url}${campaignPath}/fairness`);
    await page.getByTestId('chart-tool').locator('svg').waitFor();
    expect(await page.getByTestId('chart-distribution').locator('svg').count()).toBe(1);
    const human = page.getByTestId('table-human').locator('tr[data-group="A"] td');
    expect(await human.nth(2).textContent()).toBe('1');
    const csv = await page.evaluate(
      async (url) => (await fetch(url)).text(),
      `${campaignPath.replace('/recruit/', '/api/v1/interviews/')}/fairness.csv`,
    );
    expect(csv.split('\r\n')[0]).toContain('impact_ratio');
    await screenshot(page, 'recruit-fairness');
  });
});
