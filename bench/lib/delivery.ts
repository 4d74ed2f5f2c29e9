/**
 * @module Exactly-once bookkeeping for message delivery over SSE: which client message ids were
 * posted (and when they were due), which arrived on which stream, in what order — so a run can
 * report lost, duplicated and out-of-order deliveries next to the latency.
 */
import type { SseEvent } from './sse.ts';
import type { MessageEventData } from './tidedesk-api.ts';

interface Posted {
  conversationId: string;
  /** Due time on the performance.now() scale, or null when latency is not measured for it. */
  dueAt: number | null;
  acked: boolean;
}

export interface DeliveryReport {
  /** Acknowledged (201/200) posts. */
  acked: number;
  delivered: number;
  /** Acknowledged but never seen on the conversation's stream. */
  lost: number;
  /** Deliveries beyond the first of the same message. */
  duplicated: number;
  /** Message seqs that did not follow the previous one on the same stream by exactly 1. */
  outOfOrder: number;
  /** Messages seen on a stream of another conversation. */
  misrouted: number;
}

export function createDeliveryTracker() {
  const posted = new Map<string, Posted>();
  const seen = new Map<string, number>();
  const lastSeq = new Map<string, number>();
  const latencies: number[] = [];
  let outOfOrder = 0;
  let misrouted = 0;
  let waiter: { need: number; done(): void } | null = null;
  let deliveredAcked = 0;

  const check = () => {
    if (waiter && deliveredAcked >= waiter.need) waiter.done();
  };

  return {
    latenciesMs: latencies,

    expect(clientMessageId: string, conversationId: string, dueAt: number | null) {
      posted.set(clientMessageId, { conversationId, dueAt, acked: false });
    },

    ack(clientMessageId: string) {
      const p = posted.get(clientMessageId);
      if (!p || p.acked) return;
      p.acked = true;
      if (seen.has(clientMessageId)) deliveredAcked++;
      check();
    },

    /** SSE handler for the stream of `conversationId`. */
    onEvent(conversationId: string, ev: SseEvent) {
      if (ev.event !== 'message.created') return;
      const now = performance.now();
      const data = JSON.parse(ev.data) as MessageEventData;
      const msg = data.message;
      if (!msg) return;
      if (data.conversationId !== conversationId) misrouted++;
      const prev = lastSeq.get(conversationId) ?? 0;
      if (msg.seq !== prev + 1) outOfOrder++;
      lastSeq.set(conversationId, Math.max(prev, msg.seq));
      const count = (seen.get(msg.clientMessageId) ?? 0) + 1;
      seen.set(msg.clientMessageId, count);
      if (count > 1) return;
      const p = posted.get(msg.clientMessageId);
      if (!p) return;
      if (p.dueAt !== null) latencies.push(now - p.dueAt);
      if (p.acked) {
        deliveredAcked++;
        check();
      }
    },

    /** Waits until every acknowledged message was delivered, or `timeoutMs` passed. */
    async drain(timeoutMs: number): Promise<void> {
      const need = [...posted.values()].filter((p) => p.acked).length;
      if (deliveredAcked >= need) return;
      await new Promise<void>((done) => {
        const timer = setTimeout(done, timeoutMs);
        waiter = {
          need,
          done: () => {
            clearTimeout(timer);
            done();
          },
        };
      });
      waiter = null;
    },

    report(): DeliveryReport {
      let acked = 0;
      let lost = 0;
      for (const [id, p] of posted) {
        if (!p.acked) continue;
        acked++;
        if (!seen.has(id)) lost++;
      }
      let duplicated = 0;
      let delivered = 0;
      for (const [id, count] of seen) {
        if (!posted.has(id)) continue;
        delivered++;
        duplicated += count - 1;
      }
      return { acked, delivered, lost, duplicated, outOfOrder, misrouted };
    },
  };
}
