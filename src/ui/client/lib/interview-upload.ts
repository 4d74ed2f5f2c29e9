/**
 * @module Chunked, resumable upload of a recorded answer: slice the blob into chunks under the
 * API's body limit, PUT each with its index and the total, and after any failure ask the server
 * which chunks it already has and send only the rest. PUTs are idempotent on the server, so a
 * chunk whose reply was lost can simply be sent again.
 */
import { ApiError, api, backoff, sleep } from './api.ts';

/** Below the default 64 KiB API body limit, with room to spare. */
export const CHUNK_BYTES = 48 * 1024;

interface State {
  status: 'uploading' | 'complete' | 'deleted';
  received: number[];
}

export interface UploadOptions {
  /** …/sessions/{token}/answers/{questionId}/recording */
  base: string;
  blob: Blob;
  kind: 'video' | 'audio';
  mimeType: string;
  /** Discard an earlier recording of this answer. */
  restart: boolean;
  onProgress(percent: number): void;
  onResume(): void;
  /** Give up after this many consecutive failures. */
  maxFailures?: number;
}

async function putChunk(url: string, bytes: Blob): Promise<State> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream' },
      body: bytes,
    });
  } catch (err) {
    throw new ApiError(0, 'network', (err as Error).message);
  }
  const body = (await res.json().catch(() => ({}))) as State & { code?: string; detail?: string };
  if (!res.ok) throw new ApiError(res.status, body.code ?? 'http_error', body.detail ?? `HTTP ${res.status}`);
  return body;
}

export async function uploadInChunks(o: UploadOptions): Promise<void> {
  const total = Math.max(1, Math.ceil(o.blob.size / CHUNK_BYTES));
  let state = await api<State>(o.base, {
    method: 'POST',
    body: { kind: o.kind, mimeType: o.mimeType, restart: o.restart },
  });
  let failures = 0;
  const have = new Set(state.received);
  while (state.status !== 'complete') {
    const missing = Array.from({ length: total }, (_, i) => i).filter((i) => !have.has(i));
    if (missing.length === 0) break;
    try {
      for (const i of missing) {
        state = await putChunk(
          `${o.base}/chunks/${i}?total=${total}`,
          o.blob.slice(i * CHUNK_BYTES, (i + 1) * CHUNK_BYTES),
        );
        have.add(i);
        failures = 0;
        o.onProgress(Math.round((have.size / total) * 100));
      }
    } catch (err) {
      if (!(err instanceof ApiError) || !err.retryable || ++failures > (o.maxFailures ?? 8)) throw err;
      o.onResume();
      await sleep(backoff(failures - 1, 8000));
      // The reply may have been lost after the server stored the chunk: ask what it has.
      const fresh = await api<State>(o.base).catch(() => null);
      if (fresh) {
        state = fresh;
        for (const i of fresh.received) have.add(i);
      }
    }
  }
}
