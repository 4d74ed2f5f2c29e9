/**
 * The LLM second pass through the real route, with an OpenAI-compatible endpoint faked by msw: the
 * judge confirms, clears, times out, or answers garbage — and in the last two the embedded result
 * stands unchanged.
 */
import { delay, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAssist, resolveAssistConfig } from '#assist/index.ts';
import type { ComplianceVerdict } from '#assist/prompts/schemas.ts';
import {
  chatHandler,
  completionBody,
  FAKE_BASE_URL,
  lastUserContent,
} from '#assist/providers/fake-openai.ts';
import { createApp } from '#src/app.ts';
import { parseEnv } from '#src/config/env.ts';
import { createPiiDetector } from '#src/core/pii/index.ts';
import { silentLogger } from '#src/ports/logger.ts';
import { readPromptFiles } from '#src/runtime/prompt-files.ts';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import type { CheckResponse } from './compliance.routes.ts';
import { json } from './test-helpers.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

let t: TestApp;
let judged: ReturnType<typeof createApp>;
beforeEach(async () => {
  t = await createTestApp();
  const assist = createAssist(
    resolveAssistConfig(
      parseEnv({
        TIDEDESK_LLM_BASE_URL: FAKE_BASE_URL,
        TIDEDESK_LLM_API_KEY: 'sk-test',
        TIDEDESK_LLM_MODEL: 'judge-model',
      }),
    ),
    {
      logger: silentLogger,
      clock: t.clock,
      detector: createPiiDetector(),
      prompts: readPromptFiles(),
      sleep: async () => {},
    },
  );
  // The same database and seed, with an LLM configured.
  judged = createApp({ ...t.deps, assist });
});
afterEach(() => t.close());

/** Two weak tone markers: the tone scorer warns (borderline: the judge is asked). */
const SNIPPY = 'Seriously? Obviously you should have checked the tracking page.';

async function checkWith(text: string, judge?: boolean) {
  const token = await t.login('agent1@demo.test');
  const res = await judged.request('/api/v1/compliance/check', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ text, ...(judge === undefined ? {} : { judge }) }),
  });
  expect(res.status).toBe(200);
  return json<CheckResponse>(res);
}

const verdict = (v: ComplianceVerdict) => JSON.stringify(v);

describe('LLM second pass on borderline drafts', () => {
  it('the judge confirms: the tone findings stay, with its rewrite, and its complaint risk is reported', async () => {
    let prompt = '';
    server.use(
      chatHandler((body) => {
        prompt = lastUserContent(body);
        return verdict({
          findings: [
            {
              ruleId: 'tone.scorer.en',
              severity: 'warn',
              quote: 'you should have checked',
              explanation: 'Blames the customer.',
              rewrite: 'You can also follow the parcel on the tracking page.',
            },
          ],
          complaintRisk: 0.7,
        });
      }),
    );
    const embedded = await checkWith(SNIPPY, false);
    const body = await checkWith(SNIPPY);
    expect(prompt).toContain(SNIPPY);
    expect(body.judge).toMatchObject({
      outcome: 'judged',
      provider: 'openai-compatible',
      complaintRisk: 0.7,
    });
    expect(body.judge.confirmed).toContain('tone.scorer.en');
    const tone = body.findings.filter((f) => f.category === 'rude_tone');
    expect(tone.length).toBeGreaterThan(0);
    expect(tone.length).toBe(
      embedded.findings.filter((f) => f.category === 'rude_tone').length - body.judge.cleared.length,
    );
    expect(tone.some((f) => f.rewrite === 'You can also follow the parcel on the tracking page.')).toBe(true);
  });

  it('the judge clears: warn-level tone findings go, block-level findings are never touched', async () => {
    server.use(chatHandler(verdict({ findings: [], complaintRisk: 0.05 })));
    const text = `${SNIPPY} Add me on WeChat for faster help.`;
    const body = await checkWith(text);
    expect(body.judge.outcome).toBe('judged');
    expect(body.findings.filter((f) => f.category === 'rude_tone')).toEqual([]);
    expect(body.judge.cleared.length).toBeGreaterThan(0);
    expect(body.blocked).toBe(true);
    expect(body.findings.some((f) => f.severity === 'block' && f.category === 'forbidden_phrase')).toBe(true);
  });

  it('a single weak marker (the grey band) is judged, and the judge can add a warn-level finding', async () => {
    server.use(
      chatHandler(
        verdict({
          findings: [
            {
              ruleId: 'tone.scorer.en',
              severity: 'block',
              quote: 'Obviously',
              explanation: 'Condescending.',
              rewrite: null,
            },
          ],
          complaintRisk: 0.4,
        }),
      ),
    );
    const text = 'Obviously the parcel is on its way.';
    expect((await checkWith(text, false)).findings).toEqual([]);
    const body = await checkWith(text);
    expect(body.judge).toMatchObject({ outcome: 'judged', added: 1 });
    // The judge advises: never block (the server enforces only the embedded rules).
    expect(body.findings).toEqual([
      expect.objectContaining({
        rule: 'llm.tone.scorer.en',
        severity: 'warn',
        start: 0,
        end: 9,
        message: 'Condescending.',
      }),
    ]);
    expect(body.blocked).toBe(false);
  });

  it('times out: the embedded result stands', async () => {
    server.use(
      chatHandler(async () => {
        await delay(10_000);
        return HttpResponse.json(completionBody(verdict({ findings: [], complaintRisk: 0 })));
      }),
    );
    const embedded = await checkWith(SNIPPY, false);
    const started = Date.now();
    const body = await checkWith(SNIPPY);
    expect(Date.now() - started).toBeLessThan(6_000);
    expect(body.judge).toMatchObject({ outcome: 'fallback', reason: 'timeout' });
    expect(body.findings).toEqual(embedded.findings);
  }, 15_000);

  it('malformed output: the embedded result stands', async () => {
    server.use(chatHandler('{"findings": "none of that", "complaintRisk": 7}'));
    const embedded = await checkWith(SNIPPY, false);
    const body = await checkWith(SNIPPY);
    expect(body.judge).toMatchObject({ outcome: 'fallback', reason: 'invalid-output' });
    expect(body.findings).toEqual(embedded.findings);
  });

  it('is not asked about clean or block-only drafts', async () => {
    server.use(chatHandler(() => new HttpResponse(null, { status: 500 })));
    expect((await checkWith('Your parcel left the warehouse today.')).judge.outcome).toBe('not-needed');
    expect((await checkWith('Add me on WeChat.')).judge.outcome).toBe('not-needed');
  });
});
