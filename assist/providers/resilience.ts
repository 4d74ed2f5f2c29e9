/**
 * @module Never block an agent. Every LLM call runs under one time budget (an AbortSignal per
 * attempt), retries 429 / 5xx / network failures a bounded number of times with exponential
 * backoff and full jitter (honouring Retry-After when it fits the budget), goes through the
 * provider+capability circuit breaker, and on any failure returns the embedded engine's answer.
 * The result always says who answered and, if it was the fallback, why; each call is logged once.
 */
import type { Capability, PromptRef, Provenance, ProviderName } from '#assist/capabilities.ts';
import type { Clock } from '#src/ports/clock.ts';
import type { Logger } from '#src/ports/logger.ts';
import { logAssistCall } from './call-log.ts';
import type { BreakerRegistry } from './circuit-breaker.ts';
import { LlmError, toLlmError } from './errors.ts';
import type { TokenUsage } from './port.ts';

/** What an LLM attempt returns: the capability's value plus what the log and provenance need. */
export interface LlmAnswer<T> {
  value: T;
  model: string;
  usage: TokenUsage | null;
}

export interface AssistResult<T> {
  value: T;
  provenance: Provenance;
}

export interface FallbackRequest<T> {
  /** The prompt the LLM path renders; recorded in provenance when the LLM answers. */
  prompt?: PromptRef | null;
  /** The LLM path, or null when the capability has no endpoint. Must honour `signal`. */
  llm: ((signal: AbortSignal) => Promise<LlmAnswer<T>>) | null;
  /** The embedded engine's answer: rules, retrieval or script. Always available. */
  embedded: () => T | Promise<T>;
  /** Overrides the configured budget for this call (e.g. a tighter one while the agent types). */
  timeoutMs?: number;
  /** Label of the LLM provider (`replay` when cassettes answer). */
  provider?: ProviderName;
}

export type WithFallback = <T>(
  capability: Capability,
  request: FallbackRequest<T>,
) => Promise<AssistResult<T>>;

export interface ResilienceOptions {
  clock: Clock;
  logger: Logger;
  breakers: BreakerRegistry;
  timeoutMs: number;
  maxRetries: number;
  /** Backoff base and cap in ms (defaults 250 and 4000). */
  backoff?: { baseMs: number; maxMs: number };
  /** Waits between retries; injectable so tests observe delays without spending them. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** 0 ≤ x < 1; injectable for deterministic jitter. */
  random?: () => number;
}

export function realSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Run `fn` with a signal that aborts after `ms`. Resolves or rejects within `ms` even when `fn`
 * ignores its signal, so a stuck SDK cannot hold the caller.
 */
export async function withTimeout<T>(
  fn: (signal: AbortSignal) => Promise<T>,
  ms: number,
  parent?: AbortSignal,
): Promise<T> {
  const controller = new AbortController();
  const timeout = new LlmError('timeout');
  const timer = setTimeout(() => controller.abort(timeout), Math.max(0, ms));
  const onParentAbort = () => controller.abort(parent?.reason ?? new LlmError('aborted'));
  if (parent?.aborted) onParentAbort();
  else parent?.addEventListener('abort', onParentAbort, { once: true });
  let rejectOnAbort: ((reason: unknown) => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    rejectOnAbort = reject;
  });
  const onAbort = () => rejectOnAbort?.(controller.signal.reason);
  if (controller.signal.aborted) onAbort();
  else controller.signal.addEventListener('abort', onAbort, { once: true });
  try {
    return await Promise.race([fn(controller.signal), aborted]);
  } catch (err) {
    // Whatever the SDK made of our abort, report the reason we aborted for.
    throw controller.signal.aborted ? toLlmError(controller.signal.reason) : toLlmError(err);
  } finally {
    clearTimeout(timer);
    parent?.removeEventListener('abort', onParentAbort);
    controller.signal.removeEventListener('abort', onAbort);
  }
}

export interface RetryOutcome<T> {
  value: T;
  attempts: number;
}

/** Thrown by {@link callWithRetry} with the number of attempts made, for the call log. */
export class RetriesExhausted extends Error {
  constructor(
    readonly last: LlmError,
    readonly attempts: number,
  ) {
    super(`gave up after ${attempts} attempt(s): ${last.kind}`);
    this.name = 'RetriesExhausted';
  }
}

/**
 * Attempt `fn` until it succeeds, a non-retryable error occurs, `maxRetries` retries are spent or
 * the budget `timeoutMs` (shared by all attempts and the waits between them) runs out.
 */
export async function callWithRetry<T>(
  fn: (signal: AbortSignal) => Promise<T>,
  options: Pick<ResilienceOptions, 'clock' | 'maxRetries' | 'backoff' | 'sleep' | 'random'> & {
    timeoutMs: number;
  },
): Promise<RetryOutcome<T>> {
  const { clock, maxRetries } = options;
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const { baseMs, maxMs } = options.backoff ?? { baseMs: 250, maxMs: 4000 };
  const started = clock.now();
  const remaining = () => options.timeoutMs - (clock.now() - started);
  const budget = new AbortController();
  const budgetTimer = setTimeout(() => budget.abort(new LlmError('timeout')), options.timeoutMs);
  let attempts = 0;
  try {
    for (;;) {
      attempts += 1;
      try {
        return { value: await withTimeout(fn, remaining(), budget.signal), attempts };
      } catch (err) {
        const error = toLlmError(err);
        if (!error.retryable || attempts > maxRetries) throw new RetriesExhausted(error, attempts);
        const exponential = Math.min(maxMs, baseMs * 2 ** (attempts - 1));
        const delay = error.retryAfterMs ?? Math.floor(random() * exponential);
        // A wait that outlasts the budget cannot end in an answer the agent will still see.
        if (delay >= remaining()) throw new RetriesExhausted(error, attempts);
        try {
          await sleep(delay, budget.signal);
        } catch {
          throw new RetriesExhausted(new LlmError('timeout'), attempts);
        }
      }
    }
  } finally {
    clearTimeout(budgetTimer);
  }
}

const REASONS: Partial<Record<LlmError['kind'], NonNullable<Provenance['fallbackReason']>>> = {
  timeout: 'timeout',
  'invalid-output': 'invalid-output',
  'not-configured': 'not-configured',
};

/** Map a failure to the fallback reason shown in provenance. */
export function fallbackReasonFor(error: LlmError): NonNullable<Provenance['fallbackReason']> {
  return REASONS[error.kind] ?? 'error';
}

/** Build `withFallback`, sharing breakers, budget and logging across all capabilities. */
export function createWithFallback(options: ResilienceOptions): WithFallback {
  const { clock, logger, breakers } = options;

  return async function withFallback<T>(
    capability: Capability,
    request: FallbackRequest<T>,
  ): Promise<AssistResult<T>> {
    const started = clock.now();
    const provider = request.provider ?? 'openai-compatible';
    const prompt = request.prompt ?? null;

    const useEmbedded = async (
      reason: NonNullable<Provenance['fallbackReason']>,
      attempts: number,
      error?: LlmError,
    ): Promise<AssistResult<T>> => {
      const value = await request.embedded();
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
        ...(error && { errorKind: error.kind }),
        ...(error?.status !== undefined && { status: error.status }),
      });
      return {
        value,
        provenance: {
          capability,
          provider: 'embedded',
          model: null,
          prompt: null,
          latencyMs,
          fallbackReason: reason,
        },
      };
    };

    if (!request.llm) return useEmbedded('not-configured', 0);
    const breaker = breakers.get(provider, capability);
    if (!breaker.tryAcquire()) return useEmbedded('circuit-open', 0);

    let outcome: RetryOutcome<LlmAnswer<T>>;
    try {
      outcome = await callWithRetry(request.llm, {
        ...options,
        timeoutMs: request.timeoutMs ?? options.timeoutMs,
      });
    } catch (err) {
      breaker.onFailure();
      const failure = err instanceof RetriesExhausted ? err : new RetriesExhausted(toLlmError(err), 1);
      return useEmbedded(fallbackReasonFor(failure.last), failure.attempts, failure.last);
    }
    breaker.onSuccess();
    const { value, model, usage } = outcome.value;
    const latencyMs = clock.now() - started;
    logAssistCall(logger, {
      capability,
      provider,
      model,
      prompt,
      latencyMs,
      usage,
      outcome: 'ok',
      attempts: outcome.attempts,
    });
    return { value, provenance: { capability, provider, model, prompt, latencyMs } };
  };
}
