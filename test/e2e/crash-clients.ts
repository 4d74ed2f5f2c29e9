/**
 * Clients that behave the way the product promises real clients can: a staff-side SSE reader
 * that reconnects with Last-Event-ID until told to stop, and a customer that retries the same
 * clientMessageId on network errors and 5xx until the server acknowledges it.
 */
import type { HttpClient } from '../../bench/lib/http-client.ts';
import { openSse, type SseConnection } from '../../bench/lib/sse.ts';
import { eventsPath, type MessageEventData, messagesPath } from '../../bench/lib/tidedesk-api.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface ReceivedEvent {
  /** The SSE id: the per-conversation event seq. */
  id: number;
  type: string;
  /** For message.created: the message's seq and client id. */
  messageSeq?: number;
  clientMessageId?: string;
}

export interface ResumableReader {
  events: ReceivedEvent[];
  /** Connections opened after the first one. */
  reconnects: number;
  /** Resolves once a message.created with this message seq (or later) has arrived. */
  waitForMessageSeq(seq: number, timeoutMs: number): Promise<boolean>;
  stop(): Promise<void>;
}

/** Reads a conversation's event stream, resuming from the last id seen whenever it drops. */
export function startResumableReader(
  baseUrl: string,
  conversationId: string,
  token: string,
  retryMs = 100,
): ResumableReader {
  const events: ReceivedEvent[] = [];
  let lastId: string | undefined;
  let stopped = false;
  let current: SseConnection | null = null;
  let connections = 0;
  let lastMessageSeq = 0;
  const waiters = new Set<() => void>();

  const loop = (async () => {
    while (!stopped) {
      try {
        current = await openSse(baseUrl + eventsPath(conversationId), {
          token,
          lastEventId: lastId,
          onEvent: (ev) => {
            lastId = ev.id;
            const rec: ReceivedEvent = { id: Number(ev.id), type: ev.event };
            if (ev.event === 'message.created') {
              const data = JSON.parse(ev.data) as MessageEventData;
              rec.messageSeq = data.message?.seq;
              rec.clientMessageId = data.message?.clientMessageId;
              lastMessageSeq = Math.max(lastMessageSeq, rec.messageSeq ?? 0);
              for (const w of waiters) w();
            }
            events.push(rec);
          },
        });
        connections++;
        if (stopped) current.close();
        await current.ended;
      } catch {
        // Server down or restarting: try again shortly.
      }
      current = null;
      if (!stopped) await sleep(retryMs);
    }
  })();

  return {
    events,
    get reconnects() {
      return Math.max(0, connections - 1);
    },
    waitForMessageSeq(seq, timeoutMs) {
      if (lastMessageSeq >= seq) return Promise.resolve(true);
      return new Promise((done) => {
        const check = () => {
          if (lastMessageSeq < seq) return;
          waiters.delete(check);
          clearTimeout(timer);
          done(true);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          done(false);
        }, timeoutMs);
        waiters.add(check);
      });
    },
    async stop() {
      stopped = true;
      current?.close();
      await loop;
    },
  };
}

export interface SenderStats {
  /** clientMessageIds in the order they were acknowledged. */
  acked: string[];
  /** Attempts that failed on the wire or with a 5xx and were retried. */
  retries: number;
  /** Acknowledged with 200: the server already had it — it committed before the reply was lost. */
  replayed: number;
  /** 201 replies deliberately thrown away (as if the connection dropped) and then retried. */
  dropped: number;
  /** Any other answer (a test failure). */
  unexpected: string[];
}

/**
 * Posts `count` messages to one conversation, one at a time, each retried with the same
 * clientMessageId and text until it is acknowledged (or the deadline passes).
 */
export async function sendWithRetries(
  http: HttpClient,
  conversationId: string,
  token: string,
  opts: {
    count: number;
    prefix: string;
    deadline: number;
    retryMs?: number;
    /** Throw away the first 201 of every n-th message, so its retry must be answered from the log. */
    dropFirstReplyEvery?: number;
    onAck?(): void;
  },
): Promise<SenderStats> {
  const stats: SenderStats = { acked: [], retries: 0, replayed: 0, dropped: 0, unexpected: [] };
  for (let i = 0; i < opts.count; i++) {
    const clientMessageId = `${opts.prefix}-${i}`;
    const body = { text: `message ${i} of ${opts.prefix}`, clientMessageId };
    let dropSeq: number | null = null;
    for (;;) {
      if (Date.now() > opts.deadline) {
        stats.unexpected.push(`${clientMessageId}: gave up at the deadline`);
        return stats;
      }
      const res = await http.send('POST', messagesPath(conversationId), { token, body, timeoutMs: 5000 });
      if (res.status === 201 || res.status === 200) {
        const { seq } = JSON.parse(res.body) as { seq: number };
        const drop = opts.dropFirstReplyEvery && i % opts.dropFirstReplyEvery === 0;
        if (res.status === 201 && drop && dropSeq === null) {
          // The server committed; pretend the reply never arrived and send the same thing again.
          dropSeq = seq;
          stats.dropped++;
          continue;
        }
        if (dropSeq !== null && (res.status !== 200 || seq !== dropSeq)) {
          stats.unexpected.push(
            `${clientMessageId}: retry answered ${res.status} seq ${seq}, the dropped reply had seq ${dropSeq}`,
          );
        }
        if (res.status === 200) stats.replayed++;
        stats.acked.push(clientMessageId);
        opts.onAck?.();
        break;
      }
      if (res.status === 0 || res.status >= 500) {
        stats.retries++;
        await sleep(opts.retryMs ?? 100);
        continue;
      }
      stats.unexpected.push(`${clientMessageId}: ${res.status} ${res.body.slice(0, 200)}`);
      break;
    }
  }
  return stats;
}
