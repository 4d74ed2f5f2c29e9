/**
 * Crash recovery, end to end: the real server process is SIGKILLed while customers are posting
 * and staff are streaming, then restarted on the same port and database. Customers keep
 * retrying with their clientMessageIds, staff streams resume with Last-Event-ID — and afterwards
 * every conversation holds each message exactly once with gap-free seqs, and every staff stream
 * received each message exactly once, in order, across the restart. (A supervisor holds the
 * conversations: claiming is the override that works with or without the live dispatcher.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, type HttpClient } from '../../bench/lib/http-client.ts';
import { freePort, type ServerProcess, startTidedesk, tempDir } from '../../bench/lib/process.ts';
import {
  messagesPath,
  type OpenedConversation,
  openClaimedConversations,
} from '../../bench/lib/tidedesk-api.ts';
import {
  type ResumableReader,
  type SenderStats,
  sendWithRetries,
  startResumableReader,
} from './crash-clients.ts';

const CONVERSATIONS = 10;
const MESSAGES_EACH = 30;
/** Kill once this share of all messages is acknowledged: mid-load however fast the machine is. */
const KILL_AFTER_ACKED = Math.floor((CONVERSATIONS * MESSAGES_EACH) / 3);

const dir = tempDir('tidedesk-crash-');
let server: ServerProcess | undefined;
let http: HttpClient | undefined;
let readers: ResumableReader[] = [];

afterAll(async () => {
  await Promise.all(readers.map((r) => r.stop()));
  http?.close();
  await server?.kill();
  dir.remove();
});

/** Same port, same data dir; a few tries in case the just-freed port is briefly held elsewhere. */
async function restartOnSamePort(port: number): Promise<ServerProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startTidedesk({ dataDir: dir.path, port });
    } catch (err) {
      if (attempt >= 5) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

interface StoredMessage {
  seq: number;
  clientMessageId: string;
}

async function storedMessages(c: OpenedConversation): Promise<StoredMessage[]> {
  const res = await http!.json<{ items: StoredMessage[] }>('GET', `${messagesPath(c.id)}?after=0&limit=500`, {
    token: c.customerToken,
  });
  return res.body.items;
}

describe('crash recovery (real process, SIGKILL mid-load)', () => {
  let convs: OpenedConversation[] = [];
  let sent: SenderStats[] = [];
  let killedAtAcked = 0;
  let restartMs = 0;

  beforeAll(async () => {
    const port = await freePort();
    server = await startTidedesk({ dataDir: dir.path, port });
    http = createHttpClient(server.url, 64);
    convs = await openClaimedConversations(http, CONVERSATIONS, undefined, 'crash');
    readers = convs.map((c) => startResumableReader(server!.url, c.id, c.staffToken));

    let acked = 0;
    let killed: Promise<void> | null = null;
    const crashAndRestart = async () => {
      killedAtAcked = acked;
      await server!.kill();
      const down = performance.now();
      server = await restartOnSamePort(port);
      restartMs = performance.now() - down;
    };
    const deadline = Date.now() + 40_000;
    sent = await Promise.all(
      convs.map((c, i) =>
        sendWithRetries(http!, c.id, c.customerToken, {
          count: MESSAGES_EACH,
          prefix: `c${i}`,
          deadline,
          dropFirstReplyEvery: 5,
          onAck: () => {
            acked++;
            if (acked === KILL_AFTER_ACKED) killed = crashAndRestart();
          },
        }),
      ),
    );
    await killed;
    // Every reader must have caught up with the last message before the assertions look.
    await Promise.all(readers.map((r) => r.waitForMessageSeq(MESSAGES_EACH + 1, 15_000)));
  }, 60_000);

  it('killed the server mid-load, and clients had to retry and reconnect', () => {
    expect(killedAtAcked).toBe(KILL_AFTER_ACKED);
    expect(killedAtAcked).toBeLessThan(CONVERSATIONS * MESSAGES_EACH);
    expect(sent.reduce((n, s) => n + s.retries, 0)).toBeGreaterThan(0);
    for (const r of readers) expect(r.reconnects).toBeGreaterThanOrEqual(1);
    expect(restartMs).toBeLessThan(15_000);
  });

  it('every send was acknowledged, none rejected; a retry after a lost reply got the original', () => {
    for (const [i, s] of sent.entries()) {
      expect(s.unexpected).toEqual([]);
      // Each dropped 201 was followed by a 200 carrying the same seq (checked in the sender).
      expect(s.dropped).toBeGreaterThan(0);
      expect(s.replayed).toBeGreaterThanOrEqual(s.dropped);
      expect(s.acked).toEqual(Array.from({ length: MESSAGES_EACH }, (_, k) => `c${i}-${k}`));
    }
  });

  it('GET …/messages holds each sent message exactly once, seqs 1..N gap-free', async () => {
    for (const [i, c] of convs.entries()) {
      const items = await storedMessages(c);
      expect(items.map((m) => m.seq)).toEqual(Array.from({ length: MESSAGES_EACH + 1 }, (_, k) => k + 1));
      expect(items.map((m) => m.clientMessageId)).toEqual([
        `crash-open-${i}`,
        ...Array.from({ length: MESSAGES_EACH }, (_, k) => `c${i}-${k}`),
      ]);
    }
  });

  it('every staff stream delivered each event exactly once, in order, across the restart', async () => {
    for (const [i, c] of convs.entries()) {
      const events = readers[i]!.events;
      // Event ids are the conversation's event seqs: 1, 2, 3 … with no gap and no repeat.
      expect(events.map((e) => e.id)).toEqual(Array.from({ length: events.length }, (_, k) => k + 1));
      const delivered = events.filter((e) => e.type === 'message.created');
      const stored = await storedMessages(c);
      expect(delivered.map((e) => [e.messageSeq, e.clientMessageId])).toEqual(
        stored.map((m) => [m.seq, m.clientMessageId]),
      );
    }
  });
});
