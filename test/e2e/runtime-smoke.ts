/**
 * The runtime smoke scenario, run against any base URL over real HTTP: a widget customer opens
 * a conversation, posts a second message and reads both back; and a server-sent event stream
 * receives a message posted after it connected (the realtime path of that runtime).
 */
import { expect } from 'vitest';
import { DEMO_TENANTS } from '#src/db/seed/tenants.ts';

export interface RoundTrip {
  token: string;
  conversationId: string;
}

interface Json {
  status: number;
  body: Record<string, unknown>;
}

export async function request(
  base: string,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown } = {},
): Promise<Json> {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new Error(`${method} ${path} → ${res.status}, not JSON: ${text.slice(0, 300)}`);
  }
  return { status: res.status, body };
}

/** Polls /healthz until it answers 200 (the process may print its URL a moment before). */
export async function waitForHealthy(base: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) return;
      last = `${res.status} ${await res.text()}`;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${base}/healthz never became healthy: ${String(last)}`);
}

/** Session → conversation → second message → read back, asserting every step. */
export async function conversationRoundTrip(base: string): Promise<RoundTrip> {
  const session = await request(base, 'POST', '/api/v1/widget/sessions', { body: { tenant: 'demo' } });
  expect(session.status, JSON.stringify(session.body)).toBe(201);
  const token = String(session.body.token);

  const created = await request(base, 'POST', '/api/v1/conversations', {
    token,
    body: { text: '你好，我的快递到哪了', clientMessageId: 'smoke-1' },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const conversationId = String(created.body.id);
  expect(conversationId).toMatch(/^conv_/);

  const posted = await request(base, 'POST', `/api/v1/conversations/${conversationId}/messages`, {
    token,
    body: { text: 'order 12345', clientMessageId: 'smoke-2' },
  });
  expect(posted.status, JSON.stringify(posted.body)).toBe(201);
  expect(posted.body.seq).toBe(2);

  // A retry of the same client message id is acknowledged, not duplicated.
  const retried = await request(base, 'POST', `/api/v1/conversations/${conversationId}/messages`, {
    token,
    body: { text: 'order 12345', clientMessageId: 'smoke-2' },
  });
  expect(retried.status).toBe(200);
  expect(retried.body.id).toBe(posted.body.id);

  const read = await request(base, 'GET', `/api/v1/conversations/${conversationId}/messages`, { token });
  expect(read.status).toBe(200);
  const items = read.body.items as Array<Record<string, unknown>>;
  expect(items.map((m) => [m.seq, m.text, m.clientMessageId])).toEqual([
    [1, '你好，我的快递到哪了', 'smoke-1'],
    [2, 'order 12345', 'smoke-2'],
  ]);
  return { token, conversationId };
}

/**
 * Personal data is masked before it is stored, on every runtime (WebCrypto sealing included): the
 * answer carries the mask and entity metadata, a retry is recognised by the keyed MAC of the raw
 * text, and a different number behind the same mask is a conflict.
 */
export async function maskedAtTheSource(base: string, trip: RoundTrip): Promise<void> {
  const path = `/api/v1/conversations/${trip.conversationId}/messages`;
  const send = (text: string) =>
    request(base, 'POST', path, { token: trip.token, body: { text, clientMessageId: 'smoke-pii' } });
  const posted = await send('call me at 13812345678');
  expect(posted.status, JSON.stringify(posted.body)).toBe(201);
  expect(posted.body.text).toBe('call me at 138****5678');
  const pii = posted.body.pii as { entities: { type: string }[] };
  expect(pii.entities.map((e) => e.type)).toEqual(['PHONE']);
  const retried = await send('call me at 13812345678');
  expect(retried.status).toBe(200);
  expect(retried.body.id).toBe(posted.body.id);
  expect((await send('call me at 13899995678')).status).toBe(409);
}

export interface SseFrame {
  id?: string;
  event?: string;
  data: Record<string, unknown>;
}

/** A server-sent event reader over fetch; `until` waits for the first frame matching a test. */
export function openEventStream(url: string, token: string) {
  const abort = new AbortController();
  const frames: SseFrame[] = [];
  const waiter: { wake: (() => void) | null } = { wake: null };
  let failure: unknown = null;
  const done = (async () => {
    const res = await fetch(url, {
      headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
      signal: abort.signal,
    });
    if (res.status !== 200 || !res.body) throw new Error(`event stream answered ${res.status}`);
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += value;
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const frame: Partial<SseFrame> & { dataLines: string[] } = { dataLines: [] };
        for (const line of block.split('\n')) {
          if (line.startsWith('id: ')) frame.id = line.slice(4);
          else if (line.startsWith('event: ')) frame.event = line.slice(7);
          else if (line.startsWith('data: ')) frame.dataLines.push(line.slice(6));
        }
        if (frame.dataLines.length) {
          const data = JSON.parse(frame.dataLines.join('\n')) as Record<string, unknown>;
          frames.push({ id: frame.id, event: frame.event, data });
          waiter.wake?.();
        }
        end = buffer.indexOf('\n\n');
      }
    }
  })().catch((err: unknown) => {
    if (!abort.signal.aborted) failure = err;
    waiter.wake?.();
  });

  return {
    frames,
    async until(test: (f: SseFrame) => boolean, timeoutMs: number, what: string): Promise<SseFrame> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const hit = frames.find(test);
        if (hit) return hit;
        if (failure) throw failure;
        const left = deadline - Date.now();
        if (left <= 0) {
          throw new Error(`no ${what} within ${timeoutMs} ms; got ids [${frames.map((f) => f.id)}]`);
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiter.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        waiter.wake = null;
      }
    },
    async close() {
      abort.abort();
      await done;
    },
  };
}

/**
 * Connects to the conversation's event stream, waits for the replay of what exists, then posts
 * a message and expects it live. The keep-alive is 15 s and replay only runs on connect, so
 * the message can only arrive within the timeout through the runtime's event bus.
 */
export async function realtimeDelivery(base: string, trip: RoundTrip): Promise<SseFrame> {
  const path = `/api/v1/conversations/${trip.conversationId}`;
  const stream = openEventStream(`${base}${path}/events`, trip.token);
  try {
    // conversation.created (1), message 1 (2), message 2 (3) come from the event log.
    await stream.until((f) => f.id === '3', 10_000, 'replayed event 3');
    const posted = await request(base, 'POST', `${path}/messages`, {
      token: trip.token,
      body: { text: 'live over the bus', clientMessageId: 'smoke-3' },
    });
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    const live = await stream.until(
      (f) => f.event === 'message.created' && f.id === '4',
      // Well under the 15 s keep-alive, though nothing but the bus could deliver it anyway.
      10_000,
      'live message.created 4',
    );
    const message = live.data.message as Record<string, unknown>;
    expect(message.text).toBe('live over the bus');
    expect(message.seq).toBe(3);
    expect(stream.frames.map((f) => f.id)).toEqual(['1', '2', '3', '4']);
    return live;
  } finally {
    await stream.close();
  }
}

/** /assets/* serves the built client bundles and Swagger UI on every runtime. */
export async function assetsServed(base: string): Promise<void> {
  const js = await fetch(`${base}/assets/docs.js`);
  expect(js.status).toBe(200);
  expect(js.headers.get('content-type')).toMatch(/javascript/);
  expect((await js.text()).length).toBeGreaterThan(0);
  const css = await fetch(`${base}/assets/swagger-ui/swagger-ui.css`);
  expect(css.status).toBe(200);
  expect(css.headers.get('content-type')).toMatch(/text\/css/);
  expect((await css.text()).length).toBeGreaterThan(1_000);
  const missing = await fetch(`${base}/assets/no-such-file.js`);
  await missing.body?.cancel();
  expect(missing.status).toBe(404);
}

/**
 * The first start seeded the whole demo tenant, not just its first rows: staff can sign in and
 * every person and knowledge article is there (D1 rejects oversized inserts that libSQL takes,
 * so a partial seed is a real failure mode on Workers).
 */
export async function demoSeedComplete(base: string): Promise<void> {
  const demo = DEMO_TENANTS.find((t) => t.slug === 'demo')!;
  const signIn = await request(base, 'POST', '/api/v1/auth/token', {
    body: { email: 'admin@demo.test', password: 'tidedesk-demo' },
  });
  expect(signIn.status, JSON.stringify(signIn.body)).toBe(200);
  const token = String(signIn.body.token);
  const people = await request(base, 'GET', '/api/v1/people', { token });
  expect(people.status).toBe(200);
  expect((people.body.items as unknown[]).length).toBe(demo.people.length);
  const articles = await request(base, 'GET', '/api/v1/knowledge?limit=500', { token });
  expect(articles.status).toBe(200);
  expect((articles.body.items as unknown[]).length).toBe(demo.articles.length);
}
