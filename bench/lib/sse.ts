/**
 * @module A minimal server-sent events client on node:http: parses `id:`, `event:` and `data:`
 * fields into events and hands each to a callback as soon as its blank line arrives, which is
 * what delivery latency is measured against.
 */
import { type ClientRequest, request } from 'node:http';

export interface SseEvent {
  id: string | undefined;
  event: string;
  data: string;
}

/** Incremental parser: feed it text chunks, get whole events (spec order and line endings). */
export function createSseParser(onEvent: (ev: SseEvent) => void): (chunk: string) => void {
  let buffer = '';
  let id: string | undefined;
  let event = '';
  let data: string[] = [];
  return (chunk) => {
    buffer += chunk;
    for (;;) {
      const nl = buffer.search(/\r\n|\r|\n/);
      if (nl < 0) return;
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + (buffer.startsWith('\r\n', nl) ? 2 : 1));
      if (line === '') {
        if (data.length > 0) onEvent({ id, event: event || 'message', data: data.join('\n') });
        event = '';
        data = [];
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'data') data.push(value);
      else if (field === 'event') event = value;
      else if (field === 'id' && !value.includes('\0')) id = value;
    }
  };
}

export interface SseConnection {
  /** Resolves when the stream ends for any reason (server closed, network error, close()). */
  ended: Promise<void>;
  close(): void;
}

/**
 * Opens a stream; resolves once the server answered 200 with the stream headers, rejects on any
 * other status or a connection error before that.
 */
export function openSse(
  url: string,
  opts: { token?: string; lastEventId?: string; onEvent(ev: SseEvent): void },
): Promise<SseConnection> {
  return new Promise((done, fail) => {
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.lastEventId) headers['last-event-id'] = opts.lastEventId;
    // agent: false — a stream holds its socket for its whole life; it must not come from (or
    // starve) a pooled agent.
    let req: ClientRequest | null = null;
    let settled = false;
    let endStream: () => void = () => {};
    const ended = new Promise<void>((resolveEnded) => {
      endStream = resolveEnded;
    });
    req = request(url, { headers, agent: false }, (res) => {
      if (res.statusCode !== 200) {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          settled = true;
          endStream();
          fail(
            new Error(
              `SSE ${url} → ${res.statusCode} ${Buffer.concat(chunks).toString('utf8').slice(0, 200)}`,
            ),
          );
        });
        return;
      }
      res.setEncoding('utf8');
      res.on('data', createSseParser(opts.onEvent));
      res.on('end', endStream);
      res.on('close', endStream);
      res.on('error', endStream);
      settled = true;
      done({ ended, close: () => req?.destroy() });
    });
    req.on('error', (err) => {
      endStream();
      if (!settled) {
        settled = true;
        fail(err);
      }
    });
    req.on('close', endStream);
    req.end();
  });
}
