import { delay, HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPiiBoundary } from '#assist/pii-boundary.ts';
import { createPiiDetector } from '#src/core/pii/index.ts';
import { createFakeClock } from '#src/ports/clock.ts';
import { createLogger } from '#src/ports/logger.ts';
import { createBreakerRegistry } from './circuit-breaker.ts';
import { FAKE_BASE_URL, FAKE_CHAT_URL, sseFrames, sseResponse } from './fake-openai.ts';
import { createOpenAiCompatibleProvider } from './openai-compatible.ts';
import { createStreamWithFallback, type StreamEvent } from './stream-fallback.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const boundary = createPiiBoundary({ detector: createPiiDetector() });
const provider = createOpenAiCompatibleProvider({
  endpoints: { copilot: { baseURL: FAKE_BASE_URL, apiKey: 'k', model: 'qwen-plus' } },
});
const prompt = { id: 'copilot-reply', version: 1 };
const EMBEDDED = '您好，这边帮您查询物流。';

function harness(timeoutMs = 2_000) {
  const clock = createFakeClock();
  const lines: Record<string, unknown>[] = [];
  const streamWithFallback = createStreamWithFallback({
    clock,
    logger: createLogger('debug', (l) => lines.push(JSON.parse(l) as Record<string, unknown>)),
    breakers: createBreakerRegistry({ failureThreshold: 3, cooldownMs: 30_000, clock }),
    timeoutMs,
    maxRetries: 2,
    sleep: async () => {},
    random: () => 0,
  });
  const run = async () => {
    const { messages } = boundary.outbound([{ role: 'user', content: '快递到哪了' }]);
    const events: StreamEvent[] = [];
    for await (const e of streamWithFallback('copilot', {
      prompt,
      llm: (signal) => provider.stream({ capability: 'copilot', prompt, messages, signal }),
      embedded: () => EMBEDDED,
    })) {
      events.push(e);
    }
    return events;
  };
  return { run, lines };
}

describe('streamWithFallback', () => {
  it('passes deltas through and ends with provenance and a token-counting log line', async () => {
    server.use(http.post(FAKE_CHAT_URL, () => sseResponse(sseFrames(['包裹', '已到达', '杭州']))));
    const h = harness();
    const events = await h.run();
    expect(events.slice(0, 3)).toEqual([
      { type: 'delta', text: '包裹' },
      { type: 'delta', text: '已到达' },
      { type: 'delta', text: '杭州' },
    ]);
    expect(events[3]).toMatchObject({
      type: 'done',
      provenance: { provider: 'openai-compatible', model: 'fake-model', prompt },
    });
    expect(h.lines[0]).toMatchObject({ streamed: true, outcome: 'ok', totalTokens: 49 });
  });

  it('retries a 500 before the first token, then streams', async () => {
    let calls = 0;
    server.use(
      http.post(FAKE_CHAT_URL, () => {
        calls += 1;
        return calls === 1 ? HttpResponse.json({}, { status: 500 }) : sseResponse(sseFrames(['好的']));
      }),
    );
    const events = await harness().run();
    expect(calls).toBe(2);
    expect(events.map((e) => e.type)).toEqual(['delta', 'done']);
  });

  it('resets and streams the embedded answer when the connection drops mid-stream', async () => {
    let calls = 0;
    server.use(
      http.post(FAKE_CHAT_URL, () => {
        calls += 1;
        return sseResponse(sseFrames(['包裹', '已到达', '杭州']), { failAfter: 2 });
      }),
    );
    const h = harness();
    const events = await h.run();
    expect(calls).toBe(1);
    expect(events).toEqual([
      { type: 'delta', text: '包裹' },
      { type: 'reset' },
      { type: 'delta', text: EMBEDDED },
      expect.objectContaining({
        type: 'done',
        provenance: expect.objectContaining({ provider: 'embedded' }),
      }),
    ]);
    expect(h.lines[0]).toMatchObject({ outcome: 'fallback', streamed: true });
  });

  it('falls back with reason timeout when the first token never comes', async () => {
    server.use(
      http.post(FAKE_CHAT_URL, async () => {
        await delay(10_000);
        return sseResponse(sseFrames(['late']));
      }),
    );
    const started = Date.now();
    const events = await harness(150).run();
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(events).toEqual([
      { type: 'delta', text: EMBEDDED },
      expect.objectContaining({
        type: 'done',
        provenance: expect.objectContaining({ fallbackReason: 'timeout' }),
      }),
    ]);
  });
});
