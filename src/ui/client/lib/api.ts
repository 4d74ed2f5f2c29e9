/** @module fetch for the JSON API: problem+json errors become ApiError; network failures are status 0. */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Worth retrying with the same idempotency key: the request may not have arrived. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

export interface ApiOptions {
  method?: 'GET' | 'POST' | 'PUT';
  body?: unknown;
  /** Bearer token (the widget); staff pages rely on the session cookie instead. */
  token?: string | null;
  signal?: AbortSignal;
}

export async function api<T>(path: string, opts: ApiOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let res: Response;
  try {
    res = await fetch(path, {
      method: opts.method ?? 'GET',
      headers,
      body: opts.body === undefined ? null : JSON.stringify(opts.body),
      credentials: 'same-origin',
      signal: opts.signal ?? null,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'network', (err as Error).message);
  }
  if (res.ok) return (await res.json()) as T;
  let code = 'http_error';
  let detail = `HTTP ${res.status}`;
  try {
    const problem = (await res.json()) as { code?: string; detail?: string; title?: string };
    code = problem.code ?? code;
    detail = problem.detail ?? problem.title ?? detail;
  } catch {
    // Not problem+json (a proxy error page): keep the status line.
  }
  throw new ApiError(res.status, code, detail);
}

/** Waits, for retry back-off. */
export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** 1 s, 2 s, 4 s … capped, for the nth retry. */
export const backoff = (attempt: number, capMs = 15_000) => Math.min(capMs, 1000 * 2 ** attempt);
