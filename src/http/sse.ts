/**
 * @module Resumable server-sent event streams. Order of work: subscribe to the bus, replay from
 * the event log after the client's Last-Event-ID, then forward live events — catching up from
 * the log whenever a live event is not the next one expected, so nothing is skipped or repeated.
 */
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { StreamEvent } from '#src/realtime/bus.ts';
import type { AppEnv } from './env.ts';

export interface EventStreamSpec {
  tenantId: string;
  /** Position the client already has (from Last-Event-ID or ?after=). */
  after: number;
  /** The resume key of an event: conversation seq or global id. */
  keyOf(ev: StreamEvent): number;
  /** Whether a live event belongs to this stream. */
  wants(ev: StreamEvent): boolean;
  /** Whether `ev` is certainly the next event after `last` (skip the log read). */
  isNext(ev: StreamEvent, last: number): boolean;
  /** Events from the log after `key`, in order, a page at a time. */
  replay(after: number): Promise<StreamEvent[]>;
}

/** Parses a resume position from `Last-Event-ID` or a query parameter; invalid values mean 0. */
export function resumePosition(c: Context<AppEnv>, queryName = 'after'): number {
  const raw = c.req.header('last-event-id') ?? c.req.query(queryName);
  const n = Number(raw);
  return Number.isSafeInteger(n) && n > 0 ? n : 0;
}

export function eventStream(c: Context<AppEnv>, spec: EventStreamSpec): Response {
  const { events: bus, config } = c.get('services');
  c.header('x-accel-buffering', 'no');
  c.header('cache-control', 'no-cache, no-transform');
  return streamSSE(c, async (stream) => {
    let last = spec.after;
    let pending: StreamEvent[] = [];
    let wake: (() => void) | null = null;
    let closed = false;
    const unsubscribe = bus.subscribe(spec.tenantId, (ev) => {
      if (!spec.wants(ev)) return;
      pending.push(ev);
      wake?.();
    });
    stream.onAbort(() => {
      closed = true;
      wake?.();
    });
    const send = async (ev: StreamEvent) => {
      const key = spec.keyOf(ev);
      if (key <= last) return;
      await stream.writeSSE({
        id: String(key),
        event: ev.type,
        data: JSON.stringify({
          id: ev.id,
          seq: ev.seq,
          type: ev.type,
          conversationId: ev.conversationId,
          createdAt: ev.createdAt,
          ...ev.payload,
        }),
      });
      last = key;
    };
    const catchUp = async () => {
      for (;;) {
        const page = await spec.replay(last);
        for (const ev of page) await send(ev);
        if (page.length === 0 || closed) return;
      }
    };
    try {
      await stream.write(': connected\n\n');
      await catchUp();
      while (!closed) {
        if (pending.length === 0) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, config.sseKeepAliveMs);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          wake = null;
          if (closed) break;
          if (pending.length === 0) {
            await stream.write(': keep-alive\n\n');
            continue;
          }
        }
        const batch = pending.sort((a, b) => spec.keyOf(a) - spec.keyOf(b));
        pending = [];
        for (const ev of batch) {
          if (spec.keyOf(ev) <= last) continue;
          if (spec.isNext(ev, last)) await send(ev);
          else await catchUp();
        }
      }
    } finally {
      unsubscribe();
    }
  });
}
