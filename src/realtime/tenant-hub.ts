/**
 * @module TenantHub, the Durable Object behind realtime on Workers: one instance per tenant
 * (`idFromName(tenantId)`), so every worker isolate that publishes or subscribes for a tenant
 * meets in the same place. Only Web APIs here — no Node, no `cloudflare:` imports.
 *
 * Protocol (internal, worker → hub):
 * - `POST /publish` with one StreamEvent as JSON → 204; fanned out to every subscriber.
 * - `GET /subscribe?since=<ms>` → a never-ending NDJSON stream, one StreamEvent per line. It
 *   starts with the events the hub received since `since` (minus a clock-skew margin), which
 *   closes the gap between `subscribe()` returning and this connection being open. Subscribers
 *   drop what they already have, so the overlap is harmless.
 */
import type { StreamEvent } from './bus.ts';

/** How long published events stay available to late-connecting subscribers. */
export const RECENT_WINDOW_MS = 30_000;
/** Upper bound on that buffer, so a busy tenant cannot grow the object's memory. */
export const RECENT_MAX = 512;
/** Worker and hub clocks can differ a little; replay slightly further back than asked. */
export const CLOCK_SKEW_MS = 2_000;
/** Lines queued for a subscriber that stopped reading before it is cut off (it reconnects). */
export const MAX_BACKLOG = 1_000;

const encoder = new TextEncoder();

interface Recent {
  receivedAt: number;
  line: Uint8Array;
}

function isStreamEvent(value: unknown): value is StreamEvent {
  if (typeof value !== 'object' || value === null) return false;
  const ev = value as Record<string, unknown>;
  return typeof ev.id === 'number' && typeof ev.tenantId === 'string' && typeof ev.type === 'string';
}

/** Keeps no durable state (so it takes no constructor arguments): the event log in D1 is the truth. */
export class TenantHub {
  private readonly subscribers = new Set<WritableStreamDefaultWriter<Uint8Array>>();
  private recent: Recent[] = [];

  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (request.method === 'POST' && url.pathname === '/publish') return this.publish(request);
    if (request.method === 'GET' && url.pathname === '/subscribe') return this.subscribe(url);
    return new Response('not found', { status: 404 });
  }

  private async publish(request: Request): Promise<Response> {
    const body: unknown = await request.json().catch(() => null);
    if (!isStreamEvent(body)) return new Response('expected a StreamEvent', { status: 400 });
    const line = encoder.encode(`${JSON.stringify(body)}\n`);
    const now = Date.now();
    this.recent.push({ receivedAt: now, line });
    this.recent = this.recent.filter((r) => r.receivedAt >= now - RECENT_WINDOW_MS).slice(-RECENT_MAX);
    for (const writer of this.subscribers) this.send(writer, line);
    return new Response(null, { status: 204 });
  }

  private subscribe(url: URL): Response {
    const since = Number(url.searchParams.get('since'));
    const from = Number.isFinite(since) ? since - CLOCK_SKEW_MS : Date.now();
    const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
    const writer = writable.getWriter();
    this.subscribers.add(writer);
    // A cancelled reader (the worker unsubscribed or its request ended) errors the writer.
    writer.closed.catch(() => this.subscribers.delete(writer));
    // A first line gets the response headers and body flowing at once.
    this.send(writer, encoder.encode('\n'));
    for (const r of this.recent) if (r.receivedAt >= from) this.send(writer, r.line);
    return new Response(readable, {
      headers: { 'content-type': 'application/x-ndjson', 'cache-control': 'no-store' },
    });
  }

  /** Never awaited: one slow subscriber must not hold up the others or the publisher. */
  private send(writer: WritableStreamDefaultWriter<Uint8Array>, line: Uint8Array): void {
    if (writer.desiredSize !== null && writer.desiredSize < -MAX_BACKLOG) {
      this.subscribers.delete(writer);
      writer.abort('subscriber is not reading').catch(() => {});
      return;
    }
    writer.write(line).catch(() => {
      this.subscribers.delete(writer);
    });
  }
}
