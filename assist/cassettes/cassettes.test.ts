import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createPiiBoundary } from '#assist/pii-boundary.ts';
import {
  chatHandler,
  completionBody,
  FAKE_BASE_URL,
  FAKE_TRANSCRIPTION_URL,
  sseFrames,
  sseResponse,
} from '#assist/providers/fake-openai.ts';
import { createOpenAiCompatibleProvider } from '#assist/providers/openai-compatible.ts';
import { createPiiDetector } from '#src/core/pii/index.ts';
import { createFakeClock } from '#src/ports/clock.ts';
import { createLogger, silentLogger } from '#src/ports/logger.ts';
import { createCassetteDirStore } from '#src/runtime/cassette-files.ts';
import { CassetteMissError, CassetteSchema } from './format.ts';
import { cassetteHandlers } from './msw.ts';
import { createRecorder } from './recorder.ts';
import { createReplayer } from './replay.ts';
import { createMemoryCassetteStore } from './store.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const boundary = createPiiBoundary({ detector: createPiiDetector() });
const endpoint = { baseURL: FAKE_BASE_URL, apiKey: 'sk-real-key', model: 'gpt-4o-mini' };
const endpoints = { copilot: endpoint, transcription: { ...endpoint, model: 'whisper-1' } };
const prompt = { id: 'copilot-reply', version: 1 };
const Suggestion = z.object({ reply: z.string() });

/** The "real" endpoint while recording: answers depend on the request, so replays can be checked. */
function realEndpoint() {
  let calls = 0;
  server.use(
    chatHandler((body) => {
      calls += 1;
      const last = JSON.stringify(body.messages);
      if (body.stream) return sseResponse(sseFrames(['流式', '回复']));
      if (body.response_format) return JSON.stringify({ reply: `结构化:${last.length}` });
      return `文本:${last.length}`;
    }),
    http.post(FAKE_TRANSCRIPTION_URL, () => HttpResponse.json({ text: '我的手机是13812345678' })),
  );
  return { calls: () => calls };
}

async function exercise(provider: ReturnType<typeof createOpenAiCompatibleProvider>) {
  const ask = (text: string) => boundary.outbound([{ role: 'user', content: text }]).messages;
  const text = await provider.chat({
    capability: 'copilot',
    prompt,
    messages: ask('手机13812345678，订单呢'),
  });
  const structured = await provider.chat({
    capability: 'copilot',
    prompt,
    messages: ask('帮我退款'),
    output: { schema: Suggestion, name: 'Suggestion' },
  });
  const deltas: string[] = [];
  for await (const d of provider.stream({ capability: 'copilot', prompt, messages: ask('在吗') }))
    deltas.push(d);
  const audio = boundary.outboundAudio({ audio: new Uint8Array([1, 2, 3]), mimeType: 'audio/webm' }).request;
  const transcript = await provider.transcribe(audio);
  return {
    text: text.text,
    usage: text.usage,
    parsed: structured.parsed,
    deltas,
    transcript: transcript.text,
  };
}

async function record() {
  const store = createMemoryCassetteStore();
  const recorder = createRecorder({
    store,
    clock: createFakeClock(),
    logger: silentLogger,
    redact: (s) => boundary.redact(s),
  });
  const real = realEndpoint();
  const recorded = await exercise(createOpenAiCompatibleProvider({ endpoints, fetch: recorder.fetch }));
  await recorder.flush();
  server.resetHandlers();
  return { store, recorded, calls: real.calls() };
}

describe('cassettes', () => {
  it('records text, structured, streamed and transcription responses and replays them offline through msw', async () => {
    const { store, recorded, calls } = await record();
    expect(calls).toBe(3);
    expect(store.all()).toHaveLength(4);
    expect(
      store
        .all()
        .map((c) => c.capability)
        .sort(),
    ).toEqual(['copilot', 'copilot', 'copilot', 'transcription']);
    for (const c of store.all()) expect(CassetteSchema.parse(c)).toEqual(c);

    const replayer = createReplayer(store, silentLogger);
    server.use(...cassetteHandlers(replayer, FAKE_BASE_URL));
    // Another model name in the replaying config: the key ignores it.
    const replayProvider = createOpenAiCompatibleProvider({
      endpoints: { copilot: { ...endpoint, model: 'other-model' }, transcription: endpoints.transcription },
      name: 'replay',
    });
    const replayed = await exercise(replayProvider);
    replayer.assertAllHit();
    expect(replayed).toEqual({ ...recorded, transcript: '我的手机是[PHONE]' });
    expect(replayed.deltas).toEqual(['流式', '回复']);
    expect(replayProvider.name).toBe('replay');
  });

  it('replays deterministically through a plain fetch too (no msw), twice in a row', async () => {
    const { store, recorded } = await record();
    const replayer = createReplayer(store, silentLogger);
    const provider = createOpenAiCompatibleProvider({ endpoints, fetch: replayer.fetch, name: 'replay' });
    const first = await exercise(provider);
    const second = await exercise(provider);
    expect(first).toEqual(second);
    expect(first.text).toBe(recorded.text);
    replayer.assertAllHit();
  });

  it('stores masked request bodies and redacted responses: no raw PII and no API key in a cassette', async () => {
    const { store } = await record();
    const files = JSON.stringify(store.all());
    expect(files).not.toContain('13812345678');
    expect(files).not.toContain('sk-real-key');
    expect(files).toContain('<PHONE_1>');
    expect(files).toContain('[PHONE]');
    const chat = store.all().find((c) => c.request.endpoint === 'chat/completions' && !c.response.sse);
    expect(chat?.prompt).toBe('copilot-reply@1');
    expect(chat?.request.model).toBe('gpt-4o-mini');
    expect(Object.keys((chat?.request.body ?? {}) as object)).not.toContain('model');
    const stream = store.all().find((c) => c.response.sse);
    expect(stream?.response.sse?.at(-1)).toBe('data: [DONE]\n\n');
  });

  it('fails loudly on a miss: 404 naming the key, logged, and assertAllHit throws', async () => {
    const { store } = await record();
    const errors: string[] = [];
    const replayer = createReplayer(
      store,
      createLogger('error', (l) => errors.push(l)),
    );
    server.use(...cassetteHandlers(replayer, FAKE_BASE_URL));
    const provider = createOpenAiCompatibleProvider({ endpoints, name: 'replay' });
    const messages = boundary.outbound([{ role: 'user', content: '一个从未录制过的问题' }]).messages;
    await expect(provider.chat({ capability: 'copilot', prompt, messages })).rejects.toMatchObject({
      kind: 'client',
      status: 404,
    });
    expect(replayer.misses()).toHaveLength(1);
    expect(() => replayer.assertAllHit()).toThrow(CassetteMissError);
    expect(() => replayer.assertAllHit()).toThrow(/TIDEDESK_LLM_RECORD=1/);
    expect(errors.join('\n')).toContain('assist.cassette.miss');
  });

  it('keys on prompt version: the same messages under copilot-reply@2 are a different cassette', async () => {
    const { store } = await record();
    const replayer = createReplayer(store, silentLogger);
    const provider = createOpenAiCompatibleProvider({ endpoints, fetch: replayer.fetch, name: 'replay' });
    const messages = boundary.outbound([{ role: 'user', content: '手机13812345678，订单呢' }]).messages;
    await provider.chat({ capability: 'copilot', prompt, messages });
    await expect(
      provider.chat({ capability: 'copilot', prompt: { ...prompt, version: 2 }, messages }),
    ).rejects.toThrow();
    expect(replayer.misses()).toHaveLength(1);
  });

  it('does not record failures', async () => {
    const store = createMemoryCassetteStore();
    const recorder = createRecorder({ store, clock: createFakeClock(), logger: silentLogger });
    server.use(http.post(`${FAKE_BASE_URL}/chat/completions`, () => HttpResponse.json({}, { status: 503 })));
    const provider = createOpenAiCompatibleProvider({ endpoints, fetch: recorder.fetch });
    const messages = boundary.outbound([{ role: 'user', content: 'hi' }]).messages;
    await expect(provider.chat({ capability: 'copilot', prompt, messages })).rejects.toThrow();
    await recorder.flush();
    expect(store.all()).toHaveLength(0);
  });

  it('writes and reads eval/cassettes/<capability>/<key>.json on disk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tidedesk-cassettes-'));
    try {
      const disk = createCassetteDirStore(dir);
      const recorder = createRecorder({ store: disk, clock: createFakeClock(), logger: silentLogger });
      server.use(chatHandler(() => HttpResponse.json(completionBody('从磁盘回放'))));
      const provider = createOpenAiCompatibleProvider({ endpoints, fetch: recorder.fetch });
      const messages = () => boundary.outbound([{ role: 'user', content: '你好' }]).messages;
      await provider.chat({ capability: 'copilot', prompt, messages: messages() });
      await recorder.flush();
      server.resetHandlers();

      const [file] = readdirSync(join(dir, 'copilot'));
      expect(file).toMatch(/^[0-9a-f]{32}\.json$/);
      expect(readFileSync(join(dir, 'copilot', file!), 'utf8')).toMatch(
        /^\{\n {2}"format": "tidedesk-cassette\/1"/,
      );

      const replayer = createReplayer(createCassetteDirStore(dir), silentLogger);
      const replay = createOpenAiCompatibleProvider({ endpoints, fetch: replayer.fetch, name: 'replay' });
      expect((await replay.chat({ capability: 'copilot', prompt, messages: messages() })).text).toBe(
        '从磁盘回放',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
