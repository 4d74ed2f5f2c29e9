/**
 * @module EventBus adapter for Workers: fan-out through one TenantHub Durable Object per tenant.
 * `publish` posts the event to the tenant's hub without waiting; `subscribe` holds a streaming
 * fetch to the hub open and calls the listener for every line, reconnecting if the hub goes
 * away. The event log stays the source of truth — the bus only makes delivery fast.
 */
import type { Logger } from '#src/ports/logger.ts';
import type { EventBus, StreamEvent, StreamListener } from './bus.ts';

/** The hub's origin is never resolved: Durable Object stubs route by id, not by host. */
const HUB_ORIGIN = 'https://tenant-hub.internal';
const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 10_000;

export interface DurableObjectBusOptions {
  logger: Logger;
  /**
   * Receives every in-flight publish so the worker can hand it to `ctx.waitUntil`; publish()
   * returns before the hub has the event, and Workers cancels work a request did not wait for.
   */
  track(pending: Promise<unknown>): void;
}

/**
 * The part of a Durable Object namespace binding this adapter uses, in the DOM Request/Response
 * types the rest of the code is checked with (workers-types' own classes differ only nominally).
 */
export interface HubNamespace {
  idFromName(name: string): HubId;
  get(id: HubId): { fetch(input: string, init?: RequestInit): Promise<Response> };
}
/** Opaque Durable Object id. */
export type HubId = { readonly name?: string };

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createDurableObjectBus(namespace: HubNamespace, options: DurableObjectBusOptions): EventBus {
  const { logger, track } = options;
  // Stubs are made per call: a stub belongs to the request that created it on Workers.
  const hub = (tenantId: string) => namespace.get(namespace.idFromName(tenantId));

  return {
    publish(event: StreamEvent) {
      const sent = hub(event.tenantId)
        .fetch(`${HUB_ORIGIN}/publish`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(event),
        })
        .then(async (res) => {
          await res.body?.cancel();
          if (!res.ok) logger.warn('tenant hub rejected an event', { status: res.status, id: event.id });
        })
        .catch((err: unknown) => {
          logger.warn('tenant hub publish failed', { id: event.id, error: String(err) });
        });
      track(sent);
    },

    subscribe(tenantId: string, listener: StreamListener) {
      const abort = new AbortController();
      void listen(tenantId, listener, abort.signal);
      return () => abort.abort();
    },
  };

  async function listen(tenantId: string, listener: StreamListener, signal: AbortSignal) {
    // Everything published from this moment on must reach the listener, even before the
    // stream below is open: the hub replays its recent buffer from `since`.
    let since = Date.now();
    let backoff = RECONNECT_MIN_MS;
    while (!signal.aborted) {
      try {
        const res = await hub(tenantId).fetch(`${HUB_ORIGIN}/subscribe?since=${since}`, { signal });
        if (!res.ok || !res.body) throw new Error(`tenant hub answered ${res.status}`);
        backoff = RECONNECT_MIN_MS;
        await readLines(res.body, signal, (line) => {
          const event = JSON.parse(line) as StreamEvent;
          try {
            listener(event);
          } catch {
            // A failing subscriber (e.g. a closed SSE stream) must not end the subscription.
          }
        });
      } catch (err) {
        if (signal.aborted) return;
        logger.debug('tenant hub stream dropped', { tenantId, error: String(err) });
      }
      if (signal.aborted) return;
      since = Date.now();
      await delay(backoff);
      backoff = Math.min(backoff * 2, RECONNECT_MAX_MS);
    }
  }
}

/** Reads newline-delimited text until the stream ends or `signal` aborts. */
async function readLines(
  body: ReadableStream<Uint8Array>,
  signal: AbortSignal,
  onLine: (line: string) => void,
): Promise<void> {
  const reader = body.getReader();
  const cancel = () => {
    reader.cancel().catch(() => {});
  };
  signal.addEventListener('abort', cancel, { once: true });
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let nl = buffer.indexOf('\n');
      while (nl >= 0) {
        const line = buffer.slice(0, nl).trim();
        buffer = buffer.slice(nl + 1);
        if (line) onLine(line);
        nl = buffer.indexOf('\n');
      }
    }
  } finally {
    signal.removeEventListener('abort', cancel);
  }
}
