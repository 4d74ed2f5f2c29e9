import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '#src/config/env.ts';
import { createPiiDetector } from '#src/core/pii/index.ts';
import { createFakeClock } from '#src/ports/clock.ts';
import { createLogger, silentLogger } from '#src/ports/logger.ts';
import { readPromptFiles } from '#src/runtime/prompt-files.ts';
import { createMemoryCassetteStore } from './cassettes/store.ts';
import {
  type Assist,
  type AssistConfig,
  createAssist,
  createPiiState,
  resolveAssistConfig,
} from './index.ts';
import type { CopilotSuggestions } from './prompts/schemas.ts';
import {
  captureRequests,
  completionBody,
  FAKE_BASE_URL,
  FAKE_CHAT_URL,
  FAKE_TRANSCRIPTION_URL,
  sseFrames,
  sseResponse,
} from './providers/fake-openai.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const prompts = readPromptFiles();
const detector = createPiiDetector();
const liveConfig = resolveAssistConfig(
  parseEnv({
    TIDEDESK_LLM_BASE_URL: FAKE_BASE_URL,
    TIDEDESK_LLM_API_KEY: 'sk-test',
    TIDEDESK_LLM_MODEL: 'qwen-plus',
    TIDEDESK_STT_MODEL: 'whisper-1',
  }),
);
const embeddedConfig = resolveAssistConfig(parseEnv({}));

function make(config: AssistConfig, extra: Partial<Parameters<typeof createAssist>[1]> = {}): Assist {
  return createAssist(config, {
    logger: silentLogger,
    clock: createFakeClock(),
    detector,
    prompts,
    sleep: async () => {},
    ...extra,
  });
}

const copilotInputs = (customer: string) => ({
  lang: 'zh',
  tenant: '演示商城',
  sopTitle: '修改收货电话',
  stepScript: '请确认新的联系电话。',
  knowledge: [],
  transcript: [{ role: 'customer', text: customer }],
  count: 1,
});
const EMBEDDED: CopilotSuggestions = {
  suggestions: [{ text: '请问您要修改成哪个号码？', source: 'sop', sourceId: 'step-1', confidence: 1 }],
};
const agent = { role: 'agent' as const, allowedTypes: ['PHONE'] };
const trainee = { role: 'trainee' as const, allowedTypes: ['PHONE'] };

/** A model that confirms the last number it saw (a placeholder, since it only ever sees those). */
function confirmingModel() {
  server.use(
    http.post(FAKE_CHAT_URL, async ({ request }) => {
      const body = (await request.json()) as { messages: { content: string }[]; stream?: boolean };
      const placeholder =
        body.messages
          .map((m) => m.content)
          .join('\n')
          .match(/<PHONE_\d+>/g)
          ?.at(-1) ?? '?';
      const text = `好的，已将电话改为 ${placeholder}。`;
      if (body.stream)
        return sseResponse(sseFrames(['好的，已将电话改为 <PH', 'ONE', `_${placeholder.slice(7)}`, '。']));
      const suggestions: CopilotSuggestions = {
        suggestions: [{ text, source: 'model', sourceId: null, confidence: 0.9 }],
      };
      return HttpResponse.json(completionBody(JSON.stringify(suggestions), 'qwen-plus-0919'));
    }),
  );
}

describe('createAssist', () => {
  it('is embedded-only without configuration: no provider, no request, reason not-configured', async () => {
    const assist = make(embeddedConfig);
    expect(assist.llm).toBeNull();
    const result = await assist.complete('copilot', {
      prompt: 'copilot-reply',
      inputs: copilotInputs('把电话改成13912345678'),
      access: agent,
      embedded: () => EMBEDDED,
    });
    expect(result.value).toBe(EMBEDDED);
    expect(result.provenance).toMatchObject({
      provider: 'embedded',
      fallbackReason: 'not-configured',
      prompt: null,
    });
  });

  it('completes a structured prompt: masked out, validated, restored for the reader, with provenance', async () => {
    confirmingModel();
    const capture = captureRequests(server);
    const assist = make(liveConfig);
    const state = createPiiState();
    const request = {
      prompt: 'copilot-reply',
      inputs: copilotInputs('把电话改成13912345678'),
      state,
      embedded: () => EMBEDDED,
    };
    const forAgent = await assist.complete<CopilotSuggestions>('copilot', { ...request, access: agent });
    const forTrainee = await assist.complete<CopilotSuggestions>('copilot', { ...request, access: trainee });
    capture.stop();

    expect(forAgent.value.suggestions[0]?.text).toBe('好的，已将电话改为 13912345678。');
    expect(forTrainee.value.suggestions[0]?.text).toBe('好的，已将电话改为 <PHONE_1>。');
    expect(forAgent.provenance).toMatchObject({
      capability: 'copilot',
      provider: 'openai-compatible',
      model: 'qwen-plus-0919',
      prompt: { id: 'copilot-reply', version: 1 },
    });
    const sent = await capture.flush();
    expect(sent.every((r) => !r.body.includes('13912345678'))).toBe(true);
    expect(JSON.parse(sent[0]?.body ?? '{}')).toMatchObject({ temperature: 0.2, max_tokens: 700 });
  });

  it('falls back to the embedded answer when the model fails, naming the reason', async () => {
    server.use(http.post(FAKE_CHAT_URL, () => HttpResponse.json({}, { status: 500 })));
    const result = await make(liveConfig).complete('copilot', {
      prompt: 'copilot-reply',
      inputs: copilotInputs('在吗'),
      access: agent,
      embedded: () => EMBEDDED,
    });
    expect(result).toEqual({
      value: EMBEDDED,
      provenance: expect.objectContaining({ provider: 'embedded', fallbackReason: 'error' }),
    });
  });

  it('streams with placeholders restored even when split across deltas', async () => {
    confirmingModel();
    const assist = make(liveConfig);
    const run = async (access: typeof agent | typeof trainee) => {
      let text = '';
      for await (const e of assist.completeStream('copilot', {
        prompt: 'copilot-reply',
        inputs: copilotInputs('把电话改成13912345678'),
        access,
        embedded: () => '请问新的号码是？',
      })) {
        if (e.type === 'delta') text += e.text;
      }
      return text;
    };
    expect(await run(agent)).toBe('好的，已将电话改为 13912345678。');
    expect(await run(trainee)).toBe('好的，已将电话改为 <PHONE_1>。');
  });

  it('transcribes to a masked transcript, or null from embedded when speech is not configured', async () => {
    server.use(http.post(FAKE_TRANSCRIPTION_URL, () => HttpResponse.json({ text: '我的电话是13812345678' })));
    const audio = { audio: new Uint8Array([1, 2]), mimeType: 'audio/webm' };
    const heard = await make(liveConfig).transcribe({ audio });
    expect(heard.value?.text).toBe('我的电话是<PHONE_1>');
    expect(heard.value?.restore.get('<PHONE_1>')?.value).toBe('13812345678');
    expect(heard.provenance).toMatchObject({
      capability: 'transcription',
      provider: 'openai-compatible',
      model: 'whisper-1',
    });

    const none = await make(embeddedConfig).transcribe({ audio });
    expect(none.value).toBeNull();
    expect(none.provenance.fallbackReason).toBe('not-configured');
  });

  it('records with TIDEDESK_LLM_RECORD=1 and replays offline with provider "replay"', async () => {
    confirmingModel();
    const store = createMemoryCassetteStore();
    const recording = make({ ...liveConfig, record: true }, { cassettes: store });
    const request = {
      prompt: 'copilot-reply',
      inputs: copilotInputs('把电话改成13912345678'),
      access: agent,
      embedded: () => EMBEDDED,
    };
    const live = await recording.complete<CopilotSuggestions>('copilot', request);
    await recording.cassettes.recorder?.flush();
    expect(store.all()).toHaveLength(1);
    server.resetHandlers();

    // Replay runs with no LLM configuration at all and no network.
    const replaying = make(embeddedConfig, { replay: store });
    const replayed = await replaying.complete<CopilotSuggestions>('copilot', request);
    replaying.cassettes.replayer?.assertAllHit();
    expect(replayed.value).toEqual(live.value);
    expect(replayed.provenance).toMatchObject({
      provider: 'replay',
      model: 'qwen-plus-0919',
      prompt: { id: 'copilot-reply', version: 1 },
    });
  });

  it('warns when recording is requested without a cassette store', () => {
    const lines: string[] = [];
    createAssist(
      { ...liveConfig, record: true },
      { logger: createLogger('warn', (l) => lines.push(l)), clock: createFakeClock(), detector, prompts },
    );
    expect(lines.join('\n')).toContain('assist.cassette.no_store');
  });
});
