import { delay, HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createPiiBoundary } from '#assist/pii-boundary.ts';
import { createPiiDetector } from '#src/core/pii/index.ts';
import { createFakeClock } from '#src/ports/clock.ts';
import { createLogger } from '#src/ports/logger.ts';
import { createBreakerRegistry } from './circuit-breaker.ts';
import { completionBody, FAKE_BASE_URL, FAKE_CHAT_URL } from './fake-openai.ts';
import { createOpenAiCompatibleProvider } from './openai-compatible.ts';
import { callWithRetry, createWithFallback, type ResilienceOptions } from './resilience.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const boundary = createPiiBoundary({ detector: createPiiDetector() });
const provider = createOpenAiCompatibleProvider({
  endpoints: { copilot: { baseURL: FAKE_BASE_URL, apiKey: 'k', model: 'qwen-plus' } },
});
const Suggestion = z.object({ reply: z.string() });
const prompt = { id: 'copilot-reply', version: 1 };
const customerText = '我的手机号是13812345678，订单还没到';

function harness(overrides: Partial<ResilienceOptions> = {}) {
  const clock = createFakeClock();
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const logger = createLogger('debug', (line) => {
    raw.push(line);
    lines.push(JSON.parse(line) as Record<string, unknown>);
  });
  const sleeps: number[] = [];
  const options: ResilienceOptions = {
    clock,
    logger,
    breakers: createBreakerRegistry({ failureThreshold: 3, cooldownMs: 30_000, clock }),
    timeoutMs: 2_000,
    maxRetries: 2,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock.advance(ms);
    },
    random: () => 0.5,
    ...overrides,
  };
  const withFallback = createWithFallback(options);
  let hits = 0;
  const ask = () => {
    const { messages } = boundary.outbound([{ role: 'user', content: customerText }]);
    return withFallback('copilot', {
      prompt,
      llm: async (signal) => {
        hits += 1;
        const r = await provider.chat({
          capability: 'copilot',
          prompt,
          messages,
          signal,
          output: { schema: Suggestion, name: 'Suggestion' },
        });
        return { value: r.parsed.reply, model: r.model, usage: r.usage };
      },
      embedded: () => '您好，我帮您查询一下订单物流。',
    });
  };
  return { clock, lines, raw, sleeps, ask, hits: () => hits, withFallback };
}

const okReply = () =>
  HttpResponse.json(completionBody(JSON.stringify({ reply: '马上为您查询' }), 'qwen-plus-0919'));

describe('withFallback over the openai-compatible provider', () => {
  it('returns the model answer with provenance and logs tokens, never text', async () => {
    server.use(http.post(FAKE_CHAT_URL, okReply));
    const h = harness();
    const result = await h.ask();
    expect(result.value).toBe('马上为您查询');
    expect(result.provenance).toEqual({
      capability: 'copilot',
      provider: 'openai-compatible',
      model: 'qwen-plus-0919',
      prompt,
      latencyMs: 0,
    });
    expect(h.lines).toHaveLength(1);
    expect(h.lines[0]).toMatchObject({
      msg: 'assist.call',
      capability: 'copilot',
      provider: 'openai-compatible',
      model: 'qwen-plus-0919',
      prompt: 'copilot-reply@1',
      inputTokens: 42,
      outputTokens: 7,
      totalTokens: 49,
      outcome: 'ok',
      attempts: 1,
    });
    expect(h.raw.join('\n')).not.toMatch(/13812345678|订单还没到|马上为您查询/);
  });

  it('retries a 429 after its Retry-After and then succeeds', async () => {
    let calls = 0;
    server.use(
      http.post(FAKE_CHAT_URL, () => {
        calls += 1;
        return calls === 1
          ? HttpResponse.json(
              { error: { message: 'slow down' } },
              { status: 429, headers: { 'retry-after': '1' } },
            )
          : okReply();
      }),
    );
    const h = harness();
    const result = await h.ask();
    expect(result.provenance.provider).toBe('openai-compatible');
    expect(result.value).toBe('马上为您查询');
    expect(h.sleeps).toEqual([1_000]);
    expect(h.lines[0]).toMatchObject({ outcome: 'ok', attempts: 2 });
  });

  it('falls back to embedded after bounded retries of a persistent 500', async () => {
    let calls = 0;
    server.use(
      http.post(FAKE_CHAT_URL, () => {
        calls += 1;
        return HttpResponse.json({ error: { message: 'internal' } }, { status: 500 });
      }),
    );
    const h = harness();
    const result = await h.ask();
    expect(result.value).toBe('您好，我帮您查询一下订单物流。');
    expect(result.provenance).toMatchObject({ provider: 'embedded', model: null, fallbackReason: 'error' });
    expect(calls).toBe(3);
    // Full jitter with random() = 0.5 over 250 ms, then 500 ms.
    expect(h.sleeps).toEqual([125, 250]);
    expect(h.lines[0]).toMatchObject({
      outcome: 'fallback',
      provider: 'embedded',
      fallbackReason: 'error',
      errorKind: 'server',
      status: 500,
      attempts: 3,
    });
  });

  it('falls back with reason timeout when the endpoint hangs, within the budget', async () => {
    server.use(
      http.post(FAKE_CHAT_URL, async () => {
        await delay(10_000);
        return okReply();
      }),
    );
    const h = harness({ timeoutMs: 150 });
    const started = Date.now();
    const result = await h.ask();
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(result.provenance).toMatchObject({ provider: 'embedded', fallbackReason: 'timeout' });
    expect(h.lines[0]).toMatchObject({ errorKind: 'timeout', attempts: 1 });
  });

  it('does not retry malformed JSON: one request, fallback invalid-output', async () => {
    let calls = 0;
    server.use(
      http.post(FAKE_CHAT_URL, () => {
        calls += 1;
        return HttpResponse.json(completionBody('{"reply": "马上为'));
      }),
    );
    const h = harness();
    const result = await h.ask();
    expect(calls).toBe(1);
    expect(result.provenance).toMatchObject({ provider: 'embedded', fallbackReason: 'invalid-output' });
  });

  it('answers embedded with reason not-configured and makes no request when there is no endpoint', async () => {
    const h = harness();
    const result = await h.withFallback('simulator', { llm: null, embedded: () => 'scripted line' });
    expect(result).toEqual({
      value: 'scripted line',
      provenance: {
        capability: 'simulator',
        provider: 'embedded',
        model: null,
        prompt: null,
        latencyMs: 0,
        fallbackReason: 'not-configured',
      },
    });
    expect(h.lines[0]).toMatchObject({ level: 'info', outcome: 'fallback', attempts: 0 });
  });

  it('gives up at once when Retry-After is longer than the remaining budget', async () => {
    let calls = 0;
    server.use(
      http.post(FAKE_CHAT_URL, () => {
        calls += 1;
        return HttpResponse.json(
          { error: { message: 'later' } },
          { status: 429, headers: { 'retry-after': '60' } },
        );
      }),
    );
    const h = harness();
    const result = await h.ask();
    expect(calls).toBe(1);
    expect(h.sleeps).toEqual([]);
    expect(result.provenance.fallbackReason).toBe('error');
  });

  it('opens the circuit after 3 failed calls, then recovers through a half-open probe', async () => {
    let calls = 0;
    let healthy = false;
    server.use(
      http.post(FAKE_CHAT_URL, () => {
        calls += 1;
        return healthy ? okReply() : HttpResponse.json({ error: { message: 'down' } }, { status: 503 });
      }),
    );
    const h = harness({ maxRetries: 0 });
    for (let i = 0; i < 3; i++) expect((await h.ask()).provenance.fallbackReason).toBe('error');
    expect(calls).toBe(3);

    // Open: the embedded engine answers at once and the endpoint is left alone.
    const skipped = await h.ask();
    expect(skipped.provenance).toMatchObject({ provider: 'embedded', fallbackReason: 'circuit-open' });
    expect(calls).toBe(3);

    // Half-open after the cooldown: one probe goes out; it fails, so the circuit reopens.
    h.clock.advance(30_000);
    expect((await h.ask()).provenance.fallbackReason).toBe('error');
    expect(calls).toBe(4);
    expect((await h.ask()).provenance.fallbackReason).toBe('circuit-open');
    expect(calls).toBe(4);

    // Next probe succeeds and closes the circuit.
    healthy = true;
    h.clock.advance(30_000);
    expect((await h.ask()).provenance.provider).toBe('openai-compatible');
    expect((await h.ask()).provenance.provider).toBe('openai-compatible');
    expect(calls).toBe(6);
  });
});

describe('callWithRetry', () => {
  it('does not retry non-retryable errors and reports attempts', async () => {
    const clock = createFakeClock();
    let n = 0;
    await expect(
      callWithRetry(
        async () => {
          n += 1;
          throw Object.assign(new Error('bad request'), { status: 400 });
        },
        { clock, maxRetries: 3, timeoutMs: 1_000, sleep: async () => {} },
      ),
    ).rejects.toMatchObject({ name: 'RetriesExhausted', attempts: 1, last: { kind: 'client' } });
    expect(n).toBe(1);
  });
});
