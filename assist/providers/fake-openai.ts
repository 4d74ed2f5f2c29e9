/**
 * @module Test support: an OpenAI-compatible endpoint faked with msw. Builds chat-completion
 * bodies, SSE streams and error responses the way real servers send them, and records every
 * outbound request (URL, headers, body) so tests can assert on exactly what left the process.
 * Used by the provider, resilience, boundary and cassette tests; other capabilities' tests can use
 * it too. Never imported by production code (msw is a dev dependency).
 */
import { HttpResponse, http } from 'msw';
import type { SetupServer } from 'msw/node';

export const FAKE_BASE_URL = 'http://llm.test/v1';
export const FAKE_CHAT_URL = `${FAKE_BASE_URL}/chat/completions`;
export const FAKE_TRANSCRIPTION_URL = `${FAKE_BASE_URL}/audio/transcriptions`;

export interface FakeUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

const DEFAULT_USAGE: FakeUsage = { prompt_tokens: 42, completion_tokens: 7, total_tokens: 49 };

/** A non-streaming chat completion body with one choice. */
export function completionBody(content: string, model = 'fake-model', usage: FakeUsage = DEFAULT_USAGE) {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 1_767_225_600,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage,
  };
}

/** The SSE frames a server sends for `deltas`, ending with a usage frame and `[DONE]`. */
export function sseFrames(
  deltas: readonly string[],
  model = 'fake-model',
  usage: FakeUsage = DEFAULT_USAGE,
): string[] {
  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
    `data: ${JSON.stringify({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 1_767_225_600, model, choices, ...extra })}\n\n`;
  return [
    chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]),
    ...deltas.map((content) => chunk([{ index: 0, delta: { content }, finish_reason: null }])),
    chunk([{ index: 0, delta: {}, finish_reason: 'stop' }]),
    chunk([], { usage }),
    'data: [DONE]\n\n',
  ];
}

/** A streaming response from SSE frames; `failAfter` errors the stream after that many frames. */
export function sseResponse(frames: readonly string[], options: { failAfter?: number } = {}): Response {
  const encoder = new TextEncoder();
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (options.failAfter !== undefined && i >= options.failAfter) {
        // error() drops chunks still queued; give the reader time to take the ones already sent.
        await new Promise((resolve) => setTimeout(resolve, 20));
        controller.error(new TypeError('terminated'));
        return;
      }
      const frame = frames[i++];
      if (frame === undefined) controller.close();
      else controller.enqueue(encoder.encode(frame));
    },
  });
  return new HttpResponse(body, { headers: { 'content-type': 'text/event-stream' } });
}

export interface CapturedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  /** Body as text (multipart bodies included), for "does this string leave?" assertions. */
  body: string;
}

/** Record every request the process sends while the server listens (handled or not). */
export function captureRequests(server: SetupServer): {
  requests: CapturedRequest[];
  /** Resolves once every captured body has been read. */
  flush: () => Promise<CapturedRequest[]>;
  stop: () => void;
} {
  const requests: CapturedRequest[] = [];
  const pending: Promise<void>[] = [];
  const listener = ({ request }: { request: Request }) => {
    const clone = request.clone();
    const entry: CapturedRequest = {
      url: request.url,
      method: request.method,
      headers: Object.fromEntries(request.headers.entries()),
      body: '',
    };
    requests.push(entry);
    pending.push(
      clone.text().then((text) => {
        entry.body = text;
      }),
    );
  };
  server.events.on('request:start', listener);
  return {
    requests,
    flush: async () => {
      await Promise.all(pending);
      return requests;
    },
    stop: () => server.events.removeListener('request:start', listener),
  };
}

/** Answer chat completions with `reply` (a string, or a function of the parsed request body). */
export function chatHandler(
  reply: string | ((body: Record<string, unknown>) => Response | string | Promise<Response | string>),
) {
  return http.post(FAKE_CHAT_URL, async ({ request }) => {
    const body = (await request.json()) as Record<string, unknown>;
    const out = typeof reply === 'string' ? reply : await reply(body);
    if (typeof out !== 'string') return out;
    if (body.stream) return sseResponse(sseFrames([out]));
    return HttpResponse.json(completionBody(out));
  });
}

/** The text of the last user message in a chat-completions body. */
export function lastUserContent(body: Record<string, unknown>): string {
  const messages = (body.messages ?? []) as { role: string; content: string }[];
  return messages.filter((m) => m.role === 'user').at(-1)?.content ?? '';
}
