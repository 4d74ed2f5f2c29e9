/**
 * The suggested-reply co-pilot in a real Chromium against a real server whose co-pilot LLM is a
 * tiny local OpenAI-compatible endpoint (streaming chat completions on 127.0.0.1): the agent goes
 * online, accepts the dispatcher's offer, sees the SOP step and three suggestions, watches the
 * LLM draft arrive token by token with its provider label, inserts suggestion #1 with Alt+1,
 * edits it and sends with Ctrl+Enter (recorded as an edit); a new customer message updates the
 * panel and its finished draft goes out with Alt+0; with the endpoint stopped, the fallback label
 * appears and the embedded suggestions stay; QA sees acceptance by source and provider and promotes
 * the accepted draft to the golden set.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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
const run = browserSuiteGate('co-pilot browser tests', browserInfo);

/** An invoice request: SOP `invoice` → ecommerce.billing, which agent1 holds (see browser.test.ts). */
const OPENING = '你好，我需要开发票';
const EDIT = ' 我这边马上帮您处理。';
const DRAFT = {
  zh: '您好，发票可以在订单详情页申请开具，我来帮您确认一下抬头信息。',
  en: 'Hello, you can request the invoice on the order page; let me confirm the invoice title with you.',
};
const CHUNK_MS = 40;

/** A local OpenAI-compatible endpoint that streams the prompt's JSON slowly, citing its first source. */
function startFakeLlm(): Promise<{ url: string; server: Server; requests: number }> {
  const state = { url: '', server: null as unknown as Server, requests: 0 };
  state.server = createServer(async (req: IncomingMessage, res) => {
    state.requests += 1;
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      messages: { role: string; content: string }[];
    };
    const system = body.messages.find((m) => m.role === 'system')?.content ?? '';
    const user = body.messages.filter((m) => m.role === 'user').at(-1)?.content ?? '';
    const cite = /\[([^\]\s]+)\]/.exec(user)?.[1] ?? null;
    const text = /suggestion in en\b/.test(system) ? DRAFT.en : DRAFT.zh;
    const json = JSON.stringify({
      suggestions: [{ text, source: cite ? 'sop' : 'model', sourceId: cite, confidence: 0.8 }],
    });
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const frame = (delta: Record<string, unknown>, finish: string | null = null) =>
      `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 0, model: 'fake-model', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
    for (const piece of json.match(/[\s\S]{1,6}/g) ?? []) {
      if (res.destroyed) return;
      res.write(frame({ content: piece }));
      await new Promise((r) => setTimeout(r, CHUNK_MS));
    }
    res.write(frame({}, 'stop'));
    res.end('data: [DONE]\n\n');
  });
  return new Promise((done) =>
    state.server.listen(0, '127.0.0.1', () => {
      state.url = `http://127.0.0.1:${(state.server.address() as AddressInfo).port}/v1`;
      done(state);
    }),
  );
}

describe.skipIf(!run)('co-pilot in Chromium', () => {
  let server: RunningServer;
  let dir: string;
  let browser: Browser;
  let llm: Awaited<ReturnType<typeof startFakeLlm>>;
  const contexts: WatchedContext[] = [];

  const api = async <T>(method: string, path: string, token?: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };

  beforeAll(async () => {
    if (!browserInfo.available)
      throw new Error(`TIDEDESK_E2E=required but no Chromium at ${browserInfo.path}`);
    llm = await startFakeLlm();
    dir = mkdtempSync(join(tmpdir(), 'tidedesk-e2e-copilot-'));
    server = await startNodeServer(
      parseEnv({
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: `file:${join(dir, 'e2e.db')}`,
        TIDEDESK_DATA_DIR: dir,
        TIDEDESK_LOG_LEVEL: 'warn',
        // Only the co-pilot talks to the fake endpoint; intent and compliance stay embedded.
        TIDEDESK_LLM_BASE_URL_COPILOT: llm.url,
        TIDEDESK_LLM_MODEL_COPILOT: 'fake-model',
        TIDEDESK_LLM_TIMEOUT_MS: '2000',
      }),
    );
    browser = await launchBrowser(browserInfo.path);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    llm?.server.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    for (const ctx of contexts) {
      expect(ctx.errors).toEqual([]);
      expect(ctx.offHost).toEqual([]);
    }
  });

  it('suggests, streams the draft, inserts with Alt+1, sends with Ctrl+Enter, and falls back without the LLM', {
    timeout: 120_000,
  }, async () => {
    const agent = await openContext(browser, 'en-US');
    contexts.push(agent);
    const { page } = agent;
    await signIn(page, server.url, 'agent1@demo.test');
    await page.locator('#live[data-state="open"]').waitFor();
    await page.getByTestId('presence-online').click();
    await page.locator('[data-testid="presence-status"][data-status="online"]').waitFor();

    // The customer writes through the public API; the dispatcher offers the conversation to agent1.
    const widget = await api<{ token: string }>('POST', '/api/v1/widget/sessions', undefined, {
      tenant: 'demo',
    });
    const conv = await api<{ id: string }>('POST', '/api/v1/conversations', widget.token, {
      text: OPENING,
      clientMessageId: 'e2e-copilot-open',
    });
    const offer = page.getByTestId('offer').filter({ hasText: OPENING });
    await offer.waitFor();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('a');
    await page.getByTestId('conversation-subject').getByText(OPENING).waitFor();

    // The panel: where the SOP stands and three sourced suggestions.
    const panel = page.getByTestId('copilot-panel');
    await panel.waitFor();
    const cards = panel.getByTestId('copilot-suggestion');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(3);
    expect(await panel.getByTestId('copilot-step').textContent()).toMatch(/Step \d+\/\d+/);
    expect(await cards.first().locator('.cp-badge').textContent()).toMatch(
      /SOP script|Knowledge|Accepted reply/,
    );

    // The LLM draft arrives token by token under its provider label.
    const draftText = panel.getByTestId('copilot-draft-text');
    await draftText.waitFor();
    expect(await panel.getByTestId('copilot-draft-provider').textContent()).toContain('fake-model');
    const seen = new Set<number>();
    const insertDraft = panel.getByTestId('copilot-draft-insert');
    while ((await insertDraft.count()) === 0) {
      seen.add(((await draftText.textContent()) ?? '').length);
      await page.waitForTimeout(25);
    }
    expect(seen.size).toBeGreaterThan(3);
    expect(await draftText.textContent()).toBe(DRAFT.zh);
    await screenshot(page, 'copilot-draft');

    // The knowledge search box ranks articles with the co-pilot's index.
    await panel.getByTestId('copilot-kb-input').fill('增值税专用发票');
    await panel.getByTestId('copilot-kb-item').first().waitFor();
    expect(await panel.getByTestId('copilot-kb-item').first().textContent()).toContain('增值税');

    // Alt+1 puts suggestion #1 in the reply box; the agent edits it and sends with Ctrl+Enter.
    const first = (await cards.first().getByTestId('copilot-suggestion-text').textContent()) ?? '';
    const reply = page.getByTestId('reply-input');
    await reply.click();
    await page.keyboard.press('Alt+1');
    expect(await reply.inputValue()).toBe(first);
    await page.keyboard.press('End');
    await page.keyboard.insertText(EDIT);
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('agent-message').filter({ hasText: EDIT.trim() }).waitFor();
    expect(await reply.inputValue()).toBe('');

    // The send was recorded as an edit of that suggestion, with its edit distance.
    const qa = await api<{ token: string }>('POST', '/api/v1/auth/token', undefined, {
      email: 'qa@demo.test',
      password: DEMO_PASSWORD,
    });
    let edited: { action: string; editDistance: number | null; conversationId: string } | undefined;
    for (let i = 0; i < 50 && !edited; i++) {
      const { items } = await api<{
        items: { action: string; editDistance: number | null; conversationId: string }[];
      }>('GET', '/api/v1/copilot/feedback', qa.token);
      edited = items.find((f) => f.conversationId === conv.id);
      if (!edited) await page.waitForTimeout(100);
    }
    expect(edited).toMatchObject({ action: 'edit' });
    expect(edited!.editDistance).toBeGreaterThan(0);

    // A new customer message updates the panel (live) and starts a new draft.
    const seqOf = async () => Number(await panel.getAttribute('data-seq'));
    const before = await seqOf();
    const next = await api<{ seq: number }>(
      'POST',
      `/api/v1/conversations/${conv.id}/messages`,
      widget.token,
      {
        text: '抬头写公司名，税号稍后发您',
        clientMessageId: 'e2e-copilot-2',
      },
    );
    expect(next.seq).toBeGreaterThan(before);
    await page.waitForFunction(
      (seq) =>
        document.querySelector('[data-testid="copilot-panel"]')?.getAttribute('data-seq') === String(seq),
      next.seq,
    );
    await insertDraft.waitFor();
    // Alt+0 takes the finished draft; sent unchanged, it is an accept QA can promote.
    await reply.click();
    await page.keyboard.press('Alt+0');
    expect(await reply.inputValue()).toBe(DRAFT.zh);
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('agent-message').filter({ hasText: DRAFT.zh }).waitFor();

    // Without the LLM: the same panel, embedded suggestions and the fallback label.
    await new Promise<void>((done) => {
      (llm.server as Server & { closeAllConnections(): void }).closeAllConnections();
      llm.server.close(() => done());
    });
    const last = await api<{ seq: number }>(
      'POST',
      `/api/v1/conversations/${conv.id}/messages`,
      widget.token,
      {
        text: '好的，谢谢',
        clientMessageId: 'e2e-copilot-3',
      },
    );
    const fallback = panel.getByTestId('copilot-fallback');
    await fallback.waitFor({ timeout: 15_000 });
    expect(await fallback.textContent()).toBe('embedded suggestions (LLM unavailable)');
    expect(await seqOf()).toBe(last.seq);
    expect(await cards.count()).toBeGreaterThan(0);
    await screenshot(page, 'copilot-fallback');

    // QA sees acceptance by source and promotes the accepted draft to the golden set.
    const qaCtx = await openContext(browser, 'en-US');
    contexts.push(qaCtx);
    await signIn(qaCtx.page, server.url, 'qa@demo.test');
    await qaCtx.page.goto(`${server.url}/qa`);
    const card = qaCtx.page.getByTestId('copilot-qa');
    await card.getByTestId('copilot-metrics-row').first().waitFor();
    const draftRow = card.locator('[data-testid="copilot-metrics-row"][data-key="llm-draft"]');
    expect(await draftRow.getByTestId('copilot-metrics-rate').textContent()).toBe('100%');
    // Today's bar of the per-day trend is drawn.
    expect(await draftRow.locator('svg.cq-spark rect').count()).toBe(1);
    const promotable = card.getByTestId('copilot-promotable-item').filter({ hasText: DRAFT.zh });
    await promotable.getByTestId('copilot-promote').click();
    await card.getByTestId('copilot-golden-item').filter({ hasText: DRAFT.zh }).waitFor();
    await card.getByTestId('copilot-metrics-by').selectOption('provider');
    await card.locator('[data-testid="copilot-metrics-row"][data-key="openai-compatible"]').waitFor();
    await screenshot(qaCtx.page, 'copilot-qa');
  });
});
