import { delay, HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createPiiBoundary, type MaskedMessages, PiiBoundaryError } from '#assist/pii-boundary.ts';
import { createPiiDetector } from '#src/core/pii/index.ts';
import { LlmError } from './errors.ts';
import {
  captureRequests,
  chatHandler,
  completionBody,
  FAKE_BASE_URL,
  FAKE_CHAT_URL,
  FAKE_TRANSCRIPTION_URL,
  sseFrames,
  sseResponse,
} from './fake-openai.ts';
import { createOpenAiCompatibleProvider } from './openai-compatible.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const boundary = createPiiBoundary({ detector: createPiiDetector() });
const endpoint = { baseURL: FAKE_BASE_URL, apiKey: 'sk-test', model: 'qwen-plus' };
const provider = createOpenAiCompatibleProvider({
  endpoints: { copilot: endpoint, compliance: endpoint, transcription: { ...endpoint, model: 'whisper-1' } },
});
const prompt = { id: 'copilot-reply', version: 1 };

function masked(text: string) {
  return boundary.outbound([
    { role: 'system', content: 'You are a customer-service co-pilot.' },
    { role: 'user', content: text },
  ]);
}

async function errorOf(p: Promise<unknown>): Promise<LlmError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(LlmError);
    return err as LlmError;
  }
  throw new Error('expected the call to fail');
}

describe('openai-compatible provider', () => {
  it('sends masked messages with capability and prompt headers and returns text, usage and model', async () => {
    const capture = captureRequests(server);
    server.use(
      http.post(FAKE_CHAT_URL, () =>
        HttpResponse.json(
          completionBody('您好，已为您登记 <PHONE_1>。', 'qwen-plus-2025', {
            prompt_tokens: 31,
            completion_tokens: 9,
            total_tokens: 40,
          }),
        ),
      ),
    );
    const { messages } = masked('我的手机是13812345678，帮我登记');
    const result = await provider.chat({ capability: 'copilot', prompt, messages });
    capture.stop();
    const [sent] = await capture.flush();

    expect(result).toEqual({
      text: '您好，已为您登记 <PHONE_1>。',
      parsed: null,
      usage: { inputTokens: 31, outputTokens: 9, totalTokens: 40 },
      model: 'qwen-plus-2025',
    });
    expect(sent?.headers['x-tidedesk-capability']).toBe('copilot');
    expect(sent?.headers['x-tidedesk-prompt']).toBe('copilot-reply@1');
    expect(sent?.headers.authorization).toBe('Bearer sk-test');
    const body = JSON.parse(sent?.body ?? '{}') as { model: string; messages: { content: string }[] };
    expect(body.model).toBe('qwen-plus');
    expect(body.messages[1]?.content).toBe('我的手机是<PHONE_1>，帮我登记');
  });

  it('returns a zod-validated object for structured output and asks for a JSON schema', async () => {
    const Reply = z.object({ reply: z.string(), confidence: z.number() });
    let responseFormat: unknown;
    server.use(
      chatHandler((body) => {
        responseFormat = body.response_format;
        return JSON.stringify({ reply: '请稍等，我帮您查询。', confidence: 0.82 });
      }),
    );
    const result = await provider.chat({
      capability: 'copilot',
      prompt,
      messages: masked('订单什么时候到？').messages,
      output: { schema: Reply, name: 'CopilotReply' },
    });
    expect(result.parsed).toEqual({ reply: '请稍等，我帮您查询。', confidence: 0.82 });
    expect(result.usage?.totalTokens).toBe(49);
    expect(responseFormat).toMatchObject({ type: 'json_schema', json_schema: { name: 'CopilotReply' } });
  });

  it('streams deltas with the metadata headers and reports usage once the stream ends', async () => {
    const capture = captureRequests(server);
    server.use(
      http.post(FAKE_CHAT_URL, () => sseResponse(sseFrames(['您好', '，请问', '有什么可以帮您？']))),
    );
    const stream = provider.stream({ capability: 'copilot', prompt, messages: masked('在吗').messages });
    const deltas: string[] = [];
    for await (const d of stream) deltas.push(d);
    capture.stop();
    const [sent] = await capture.flush();
    expect(sent?.headers['x-tidedesk-capability']).toBe('copilot');
    expect(sent?.headers['x-tidedesk-prompt']).toBe('copilot-reply@1');
    expect(JSON.parse(sent?.body ?? '{}')).toMatchObject({
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(deltas).toEqual(['您好', '，请问', '有什么可以帮您？']);
    expect(stream.meta()).toEqual({
      model: 'fake-model',
      usage: { inputTokens: 42, outputTokens: 7, totalTokens: 49 },
    });
  });

  it('refuses messages that did not come out of the PII boundary, before any request', async () => {
    const capture = captureRequests(server);
    const forged = {
      messages: [{ role: 'user', content: '身份证 11010519491231002X' }],
    } as unknown as MaskedMessages;
    await expect(provider.chat({ capability: 'copilot', prompt, messages: forged })).rejects.toBeInstanceOf(
      PiiBoundaryError,
    );
    capture.stop();
    expect(capture.requests).toHaveLength(0);
  });

  it('maps malformed JSON and off-schema JSON to invalid-output', async () => {
    const Reply = z.object({ reply: z.string() });
    const request = { capability: 'copilot' as const, prompt, messages: masked('hi').messages };
    server.use(chatHandler('{"reply": "cut off'));
    expect((await errorOf(provider.chat({ ...request, output: { schema: Reply, name: 'R' } }))).kind).toBe(
      'invalid-output',
    );
    server.use(chatHandler('{"reply": 42}'));
    expect((await errorOf(provider.chat({ ...request, output: { schema: Reply, name: 'R' } }))).kind).toBe(
      'invalid-output',
    );
    server.use(http.post(FAKE_CHAT_URL, () => new HttpResponse('<html>bad gateway</html>', { status: 200 })));
    expect((await errorOf(provider.chat(request))).kind).toBe('invalid-output');
  });

  it('maps 429 (with Retry-After), 500 and 401 to retryable and non-retryable kinds', async () => {
    const request = { capability: 'copilot' as const, prompt, messages: masked('hi').messages };
    server.use(
      http.post(FAKE_CHAT_URL, () =>
        HttpResponse.json(
          { error: { message: 'rate limited' } },
          { status: 429, headers: { 'retry-after': '3' } },
        ),
      ),
    );
    const limited = await errorOf(provider.chat(request));
    expect([limited.kind, limited.status, limited.retryAfterMs, limited.retryable]).toEqual([
      'rate-limited',
      429,
      3000,
      true,
    ]);
    server.use(
      http.post(FAKE_CHAT_URL, () => HttpResponse.json({ error: { message: 'boom' } }, { status: 500 })),
    );
    const failed = await errorOf(provider.chat(request));
    expect([failed.kind, failed.status, failed.retryable]).toEqual(['server', 500, true]);
    server.use(
      http.post(FAKE_CHAT_URL, () => HttpResponse.json({ error: { message: 'bad key' } }, { status: 401 })),
    );
    const denied = await errorOf(provider.chat(request));
    expect([denied.kind, denied.retryable]).toEqual(['client', false]);
  });

  it('gives up with a timeout error when the endpoint does not answer in time', async () => {
    server.use(
      http.post(FAKE_CHAT_URL, async () => {
        await delay(5_000);
        return HttpResponse.json(completionBody('too late'));
      }),
    );
    const started = Date.now();
    const err = await errorOf(
      provider.chat({ capability: 'copilot', prompt, messages: masked('hi').messages, timeoutMs: 100 }),
    );
    expect(err.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('says not-configured for a capability without an endpoint', async () => {
    expect(provider.isConfigured('simulator')).toBe(false);
    expect(provider.modelFor('copilot')).toBe('qwen-plus');
    const err = await errorOf(
      provider.chat({ capability: 'simulator', prompt: null, messages: masked('hi').messages }),
    );
    expect(err.kind).toBe('not-configured');
  });

  it('uses the per-capability endpoint and model', async () => {
    const seen: string[] = [];
    server.use(
      http.post('http://other.test/v1/chat/completions', async ({ request }) => {
        const body = (await request.json()) as { model: string };
        seen.push(`other:${body.model}`);
        return HttpResponse.json(completionBody('ok'));
      }),
      chatHandler((body) => {
        seen.push(`default:${String(body.model)}`);
        return 'ok';
      }),
    );
    const split = createOpenAiCompatibleProvider({
      endpoints: {
        copilot: endpoint,
        compliance: { baseURL: 'http://other.test/v1', apiKey: 'k2', model: 'deepseek-chat' },
      },
    });
    await split.chat({ capability: 'copilot', prompt: null, messages: masked('a').messages });
    await split.chat({ capability: 'compliance', prompt: null, messages: masked('b').messages });
    expect(seen).toEqual(['default:qwen-plus', 'other:deepseek-chat']);
  });

  it('transcribes multipart audio with a neutral file name and a masked hint', async () => {
    const capture = captureRequests(server);
    let fields: Record<string, string> = {};
    server.use(
      http.post(FAKE_TRANSCRIPTION_URL, async ({ request }) => {
        const form = await request.formData();
        const file = form.get('file') as File;
        fields = {
          model: String(form.get('model')),
          prompt: String(form.get('prompt')),
          language: String(form.get('language')),
          filename: file.name,
          bytes: String(file.size),
        };
        return HttpResponse.json({ text: '我叫王小明，电话13987654321' });
      }),
    );
    const { request } = boundary.outboundAudio({
      audio: new Uint8Array([1, 2, 3, 4, 5]),
      mimeType: 'audio/webm;codecs=opus',
      language: 'zh',
      hint: '候选人电话 13987654321',
    });
    const result = await provider.transcribe(request);
    capture.stop();
    const [sent] = await capture.flush();

    expect(fields).toEqual({
      model: 'whisper-1',
      prompt: '候选人电话 <PHONE_1>',
      language: 'zh',
      filename: 'audio.webm',
      bytes: '5',
    });
    expect(sent?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(sent?.body).not.toContain('13987654321');
    expect(result).toEqual({ text: '我叫王小明，电话13987654321', model: 'whisper-1', durationSec: null });
    // The transcript is raw speech: the boundary masks it before anyone reuses it.
    expect(boundary.mask(result.text).text).toContain('<PHONE_1>');
  });
});
