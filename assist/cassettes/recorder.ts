/**
 * @module Record mode (`TIDEDESK_LLM_RECORD=1`): a fetch wrapper that passes each provider
 * request to the real endpoint and stores the response as a cassette. Streaming responses are
 * teed — the caller reads one branch live, the recorder collects the other and writes the SSE
 * frames when the stream ends. Response text is run through `redact` (the PII boundary's mask)
 * before it is written, because a transcript or a model's answer may contain raw personal data.
 * Only successful (2xx) answers are kept: a recorded 500 would replay an outage forever.
 */
import type { Clock } from '#src/ports/clock.ts';
import type { Logger } from '#src/ports/logger.ts';
import { CASSETTE_FORMAT, type Cassette, identify, type RequestIdentity } from './format.ts';
import type { CassetteStore } from './store.ts';

export interface RecorderOptions {
  store: CassetteStore;
  clock: Clock;
  logger: Logger;
  /** The real transport; `globalThis.fetch` at call time by default. */
  inner?: typeof fetch;
  /** Masks personal data in response strings before they are written. */
  redact?: (text: string) => string;
}

export interface Recorder {
  fetch: typeof fetch;
  /** Resolves when every cassette started so far has been written. */
  flush(): Promise<void>;
}

function redactJson(value: unknown, redact: (s: string) => string): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((v) => redactJson(v, redact));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactJson(v, redact)]));
  }
  return value;
}

/** Split an SSE body into frames, masking the JSON payload of each `data:` line. */
function sseFrames(body: string, redact: (s: string) => string): string[] {
  return body
    .split(/(?<=\n\n)/)
    .filter((frame) => frame.trim() !== '')
    .map((frame) =>
      frame.replace(/^data: (.+)$/gm, (line, payload: string) => {
        if (payload === '[DONE]') return line;
        try {
          return `data: ${JSON.stringify(redactJson(JSON.parse(payload), redact))}`;
        } catch {
          return `data: ${redact(payload)}`;
        }
      }),
    );
}

export function createRecorder(options: RecorderOptions): Recorder {
  const { store, clock, logger } = options;
  const redact = options.redact ?? ((s: string) => s);
  const pending = new Set<Promise<void>>();

  const save = (identity: RequestIdentity, method: string, response: Cassette['response']) => {
    const cassette: Cassette = {
      format: CASSETTE_FORMAT,
      key: identity.key,
      capability: identity.capability,
      prompt: identity.prompt,
      recordedAt: new Date(clock.now()).toISOString(),
      request: { method, endpoint: identity.endpoint, model: identity.model, body: identity.body },
      response,
    };
    return store.write(cassette).then(() => {
      logger.info('assist.cassette.recorded', {
        capability: identity.capability,
        prompt: identity.prompt,
        key: identity.key,
      });
    });
  };

  const track = (p: Promise<void>) => {
    const tracked = p.catch((err: unknown) => {
      logger.error('assist.cassette.write_failed', { error: err instanceof Error ? err.name : 'unknown' });
    });
    pending.add(tracked);
    void tracked.finally(() => pending.delete(tracked));
  };

  const recordingFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const identity = await identify(request.clone());
    const inner = options.inner ?? globalThis.fetch;
    const response = await inner(request);
    if (!identity || !response.ok) return response;

    const contentType = response.headers.get('content-type');
    if (contentType?.includes('text/event-stream') && response.body) {
      const [live, copy] = response.body.tee();
      track(
        new Response(copy).text().then((text) =>
          save(identity, request.method, {
            status: response.status,
            contentType,
            sse: sseFrames(text, redact),
          }),
        ),
      );
      return new Response(live, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    }

    const text = await response.clone().text();
    let stored: Cassette['response'];
    try {
      stored = { status: response.status, contentType, json: redactJson(JSON.parse(text), redact) };
    } catch {
      stored = { status: response.status, contentType, text: redact(text) };
    }
    track(save(identity, request.method, stored));
    return response;
  };

  return {
    fetch: recordingFetch,
    flush: async () => {
      await Promise.all([...pending]);
    },
  };
}
