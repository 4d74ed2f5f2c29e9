/**
 * @module Streaming with the same guarantees as `withFallback`: a first-token deadline, an idle
 * deadline between tokens, retries only before the first token (a half-shown suggestion is never
 * silently replaced), the circuit breaker, and the embedded answer when the model fails. A failure
 * after text has been shown emits `reset` so the UI can clear it before the embedded text arrives.
 */
import type { Capability, PromptRef, Provenance, ProviderName } from '#assist/capabilities.ts';
import { logAssistCall } from './call-log.ts';
import { LlmError, toLlmError } from './errors.ts';
import type { ChatStream } from './port.ts';
import { fallbackReasonFor, type ResilienceOptions, realSleep } from './resilience.ts';

export type StreamEvent =
  | { type: 'delta'; text: string }
  /** Discard the deltas shown so far; the embedded answer follows. */
  | { type: 'reset' }
  | { type: 'done'; provenance: Provenance };

export interface StreamFallbackRequest {
  prompt?: PromptRef | null;
  /** Opens the model stream (null when the capability has no endpoint). Must honour `signal`. */
  llm: ((signal: AbortSignal) => ChatStream) | null;
  /** The embedded engine's full answer, sent as one delta. */
  embedded: () => string | Promise<string>;
  /** Deadline for the first token and, separately, for each gap between tokens. */
  timeoutMs?: number;
  provider?: ProviderName;
}

export type StreamWithFallback = (
  capability: Capability,
  request: StreamFallbackRequest,
) => AsyncIterable<StreamEvent>;

/** Pull the next chunk, or fail with a timeout after `ms`, aborting the stream's signal. */
async function nextWithin(
  it: AsyncIterator<string>,
  ms: number,
  controller: AbortController,
): Promise<IteratorResult<string>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const err = new LlmError('timeout');
      controller.abort(err);
      reject(err);
    }, ms);
  });
  try {
    return await Promise.race([it.next(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function createStreamWithFallback(options: ResilienceOptions): StreamWithFallback {
  const { clock, logger, breakers, maxRetries } = options;
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const { baseMs, maxMs } = options.backoff ?? { baseMs: 250, maxMs: 4000 };

  return async function* streamWithFallback(capability, request) {
    const started = clock.now();
    const provider = request.provider ?? 'openai-compatible';
    const prompt = request.prompt ?? null;
    const timeoutMs = request.timeoutMs ?? options.timeoutMs;

    async function* embedded(
      reason: NonNullable<Provenance['fallbackReason']>,
      attempts: number,
      error?: LlmError,
    ) {
      const text = await request.embedded();
      const latencyMs = clock.now() - started;
      logAssistCall(logger, {
        capability,
        provider: 'embedded',
        model: null,
        prompt: null,
        latencyMs,
        usage: null,
        outcome: 'fallback',
        attempts,
        fallbackReason: reason,
        streamed: true,
        ...(error && { errorKind: error.kind }),
        ...(error?.status !== undefined && { status: error.status }),
      });
      if (text) yield { type: 'delta', text } satisfies StreamEvent;
      const provenance: Provenance = {
        capability,
        provider: 'embedded',
        model: null,
        prompt: null,
        latencyMs,
        fallbackReason: reason,
      };
      yield { type: 'done', provenance } satisfies StreamEvent;
    }

    if (!request.llm) {
      yield* embedded('not-configured', 0);
      return;
    }
    const breaker = breakers.get(provider, capability);
    if (!breaker.tryAcquire()) {
      yield* embedded('circuit-open', 0);
      return;
    }

    let attempts = 0;
    let shown = false;
    let settled = false;
    let controller = new AbortController();
    try {
      for (;;) {
        attempts += 1;
        controller = new AbortController();
        const stream = request.llm(controller.signal);
        const it = stream[Symbol.asyncIterator]();
        try {
          for (;;) {
            const next = await nextWithin(it, timeoutMs, controller);
            if (next.done) break;
            shown = true;
            yield { type: 'delta', text: next.value } satisfies StreamEvent;
          }
        } catch (err) {
          const error = toLlmError(err);
          controller.abort(error);
          const canRetry = !shown && error.retryable && attempts <= maxRetries;
          const delay =
            error.retryAfterMs ?? Math.floor(random() * Math.min(maxMs, baseMs * 2 ** (attempts - 1)));
          if (canRetry && clock.now() - started + delay < timeoutMs) {
            await sleep(delay, new AbortController().signal);
            continue;
          }
          settled = true;
          breaker.onFailure();
          if (shown) yield { type: 'reset' } satisfies StreamEvent;
          yield* embedded(fallbackReasonFor(error), attempts, error);
          return;
        }
        settled = true;
        breaker.onSuccess();
        const meta = stream.meta();
        const latencyMs = clock.now() - started;
        const model = meta?.model ?? null;
        logAssistCall(logger, {
          capability,
          provider,
          model,
          prompt,
          latencyMs,
          usage: meta?.usage ?? null,
          outcome: 'ok',
          attempts,
          streamed: true,
        });
        yield {
          type: 'done',
          provenance: { capability, provider, model, prompt, latencyMs },
        } satisfies StreamEvent;
        return;
      }
    } finally {
      // The consumer stopped reading: stop the model too, and free a half-open probe slot.
      if (!settled) {
        controller.abort(new LlmError('aborted'));
        breaker.release();
      }
    }
  };
}
