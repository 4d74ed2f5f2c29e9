/**
 * The LLM persona through the API, with an OpenAI-compatible endpoint faked by msw: a good line is
 * used (and its end-of-session verdict stored); a line that tells a hidden fact the trainee has not
 * asked for, or that breaks character, is discarded and logged and the embedded engine's line is
 * used; a model slower than the budget falls back in time to answer within a second.
 */
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAssist, resolveAssistConfig } from '#assist/index.ts';
import { completionBody, FAKE_BASE_URL, FAKE_CHAT_URL } from '#assist/providers/fake-openai.ts';
import { createApp } from '#src/app.ts';
import { parseEnv } from '#src/config/env.ts';
import { createPiiDetector } from '#src/core/pii/index.ts';
import { createLogger } from '#src/ports/logger.ts';
import { readPromptFiles } from '#src/runtime/prompt-files.ts';
import { goodScript } from '#src/services/training/testing/scripted-trainee.ts';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';

const server = setupServer();
let t: TestApp;
let app: ReturnType<typeof createApp>;
const logs: string[] = [];
let trainee: string;

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  t = await createTestApp();
  const logger = createLogger('debug', (line) => logs.push(line));
  const assist = createAssist(
    resolveAssistConfig(
      parseEnv({
        TIDEDESK_LLM_BASE_URL: FAKE_BASE_URL,
        TIDEDESK_LLM_API_KEY: 'sk-test',
        TIDEDESK_LLM_MODEL: 'persona-model',
      }),
    ),
    {
      logger,
      clock: t.clock,
      detector: createPiiDetector(),
      prompts: readPromptFiles(),
      sleep: async () => {},
    },
  );
  app = createApp({ ...t.deps, logger, assist });
  trainee = await t.login('trainee2@demo.test');
});
afterEach(() => server.resetHandlers());
afterAll(() => {
  server.close();
  t.close();
});

interface ChatBody {
  messages: { role: string; content: string }[];
}

/** A model that answers with `line(systemPrompt)` and a verdict once the prompt says the session ends. */
function model(line: (system: string) => string, delayMs = 0) {
  const seen: string[] = [];
  server.use(
    http.post(FAKE_CHAT_URL, async ({ request }) => {
      const body = (await request.json()) as ChatBody;
      const system = body.messages.find((m) => m.role === 'system')?.content ?? '';
      seen.push(system);
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      const ending = /ending now/.test(system);
      return HttpResponse.json(
        completionBody(
          JSON.stringify({
            reply: line(system),
            verdict: ending
              ? { satisfied: true, summary: 'Polite and quick; my refund is on its way.' }
              : null,
          }),
          'persona-model',
        ),
      );
    }),
  );
  return seen;
}

const call = (path: string, body?: unknown) =>
  app.request(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${trainee}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

async function start(cardId: string): Promise<string> {
  const res = await call('/api/v1/training/sessions', { cardId });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

interface Turn {
  customerText: string;
  voice: string;
  fallback: string | null;
  ended: boolean;
}

async function say(id: string, text: string, n: number): Promise<Turn> {
  const res = await call(`/api/v1/training/sessions/${id}/turns`, { text, clientTurnId: `p-${id}-${n}` });
  expect(res.status).toBe(200);
  return (await res.json()) as Turn;
}

const engineLine = (system: string) => /换成自己的说法）:\n(.*)\n/.exec(system)?.[1] ?? '';

describe('LLM persona', () => {
  it('a good in-character line is what the trainee sees; the end-of-session verdict is stored', async () => {
    const seen = model((system) => `Mm. ${engineLine(system)}`);
    const id = await start('refund-unshipped-en');
    const turns: Turn[] = [];
    for (const [i, text] of goodScript('refund-unshipped-en').entries()) {
      const r = await say(id, text, i);
      turns.push(r);
      if (r.ended) break;
    }
    expect(turns.at(-1)!.ended).toBe(true);
    const voiced = turns.filter((r) => r.voice === 'llm');
    expect(voiced.length).toBeGreaterThan(0);
    for (const r of voiced) expect(r.customerText.startsWith('Mm. ')).toBe(true);
    // The prompt carries the card — goal, facts, the hidden fact under "keep to yourself" — and,
    // like every prompt, leaves the PII boundary masked (the persona's name is a person's name).
    expect(seen[0]).toContain("it hasn't shipped");
    expect(seen[0]).toContain('<PERSON_1>');
    expect(seen[0]).not.toContain('Emma Clarke');
    expect(seen[0]).toContain('I found it cheaper somewhere else');
    const session = (await (await call(`/api/v1/training/sessions/${id}`)).json()) as {
      personaVerdict: { satisfied: boolean } | null;
      transcript: { voice?: string }[];
    };
    expect(session.personaVerdict).toEqual({
      satisfied: true,
      summary: 'Polite and quick; my refund is on its way.',
    });
    expect(session.transcript.some((l) => l.voice === 'llm')).toBe(true);
  });

  it('a line that tells a hidden fact nobody asked for is discarded, logged, and the engine answers', async () => {
    model(() => 'Sure. Honestly, I found it cheaper somewhere else, so just cancel it.');
    const id = await start('refund-unshipped-en');
    const r = await say(id, 'Hello! Could you give me the order number please?', 0);
    expect(r.voice).toBe('embedded');
    expect(r.fallback).toBe('leaked-hidden-fact:found_cheaper');
    expect(r.customerText).not.toMatch(/cheaper/i);
    expect(r.customerText).toContain('2024052188341'); // the engine answered the question
    expect(logs.some((l) => l.includes('simulator.persona.discarded') && l.includes('found_cheaper'))).toBe(
      true,
    );
    // Once the trainee asks why, the same fact is the customer's to tell.
    const asked = await say(id, 'May I ask what the reason for cancelling is?', 1);
    expect(asked.voice).toBe('llm');
    expect(asked.customerText).toMatch(/cheaper/);
  });

  it('a line that breaks character is discarded for the engine’s', async () => {
    model(() => 'As an AI language model, I am only simulating this customer for your training.');
    const id = await start('exchange-size-en');
    const r = await say(id, 'Hello! How can I help you today?', 0);
    expect(r).toMatchObject({ voice: 'embedded', fallback: 'broke-character' });
    expect(r.customerText).not.toMatch(/AI|simulat|training/);
  });

  it('a model slower than the budget falls back to the engine and the reply still arrives within a second', async () => {
    model(() => 'Too late to matter.', 3000);
    const id = await start('exchange-size-en');
    const began = performance.now();
    const r = await say(id, 'Hello! Which order is this about?', 0);
    const elapsed = performance.now() - began;
    expect(r).toMatchObject({ voice: 'embedded', fallback: 'timeout' });
    expect(r.customerText.length).toBeGreaterThan(0);
    expect(elapsed).toBeLessThan(1000);
  });
});
