/**
 * @module One error type for everything that can go wrong calling an LLM or speech endpoint, so
 * the resilience layer decides on retries and fallback reasons without knowing which SDK threw.
 */

/** What kind of failure; drives retry decisions and the `fallbackReason` in provenance. */
export type LlmErrorKind =
  | 'timeout'
  | 'rate-limited'
  | 'server'
  | 'network'
  | 'client'
  | 'invalid-output'
  | 'aborted'
  | 'not-configured';

const RETRYABLE: ReadonlySet<LlmErrorKind> = new Set(['rate-limited', 'server', 'network']);

/**
 * A failed LLM call. The message never contains prompt or completion text (provider error bodies
 * can echo the input), only the kind, status and a short fixed description.
 */
export class LlmError extends Error {
  readonly kind: LlmErrorKind;
  readonly status: number | undefined;
  /** Server-suggested wait before retrying (from `Retry-After`), in ms. */
  readonly retryAfterMs: number | undefined;

  constructor(kind: LlmErrorKind, options: { status?: number; retryAfterMs?: number; detail?: string } = {}) {
    super(
      `LLM call failed: ${kind}${options.status ? ` (HTTP ${options.status})` : ''}${options.detail ? ` — ${options.detail}` : ''}`,
    );
    this.name = 'LlmError';
    this.kind = kind;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }

  /** 429, 5xx and network failures are worth another attempt; the rest are not. */
  get retryable(): boolean {
    return RETRYABLE.has(this.kind);
  }
}

interface ErrorLike {
  name?: unknown;
  status?: unknown;
  code?: unknown;
  headers?: unknown;
  constructor?: { name?: unknown };
}

function retryAfterMs(headers: unknown): number | undefined {
  if (!headers || typeof (headers as Headers).get !== 'function') return undefined;
  const h = headers as Headers;
  const ms = h.get('retry-after-ms');
  if (ms && Number.isFinite(Number(ms))) return Number(ms);
  const value = h.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

/**
 * Map whatever the OpenAI SDK, LangChain, fetch or zod threw into an {@link LlmError}. Errors from
 * the OpenAI SDK carry `status` and `headers`; LangChain rewraps timeouts and aborts by name;
 * malformed or off-schema JSON surfaces as SyntaxError, ZodError or OutputParserException.
 */
export function toLlmError(err: unknown): LlmError {
  if (err instanceof LlmError) return err;
  const e = (err ?? {}) as ErrorLike;
  const name = typeof e.name === 'string' ? e.name : '';
  const ctor = typeof e.constructor?.name === 'string' ? e.constructor.name : '';
  if (name === 'TimeoutError' || ctor === 'APIConnectionTimeoutError') return new LlmError('timeout');
  if (name === 'AbortError' || ctor === 'APIUserAbortError') return new LlmError('aborted');
  if (
    name === 'SyntaxError' ||
    name === 'ZodError' ||
    ctor === '$ZodError' ||
    name === 'OutputParserException'
  ) {
    return new LlmError('invalid-output', { detail: name || ctor });
  }
  if (typeof e.status === 'number') {
    const status = e.status;
    const after = retryAfterMs(e.headers);
    if (status === 429)
      return new LlmError('rate-limited', { status, ...(after !== undefined && { retryAfterMs: after }) });
    if (status >= 500)
      return new LlmError('server', { status, ...(after !== undefined && { retryAfterMs: after }) });
    if (status === 408) return new LlmError('timeout', { status });
    return new LlmError('client', { status });
  }
  // The OpenAI SDK wraps transport failures in APIConnectionError; a TypeError that reaches us
  // came from reading a 200 response that was not a chat completion (an HTML error page, say).
  if (ctor === 'APIConnectionError' || name === 'FetchError') return new LlmError('network');
  if (name === 'TypeError') return new LlmError('invalid-output', { detail: 'unreadable response' });
  // Unknown failures are not retried: repeating a bug only delays the embedded answer.
  return new LlmError('client', { detail: name || ctor || 'unknown error' });
}
