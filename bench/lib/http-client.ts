/**
 * @module A small keep-alive HTTP/1.1 client on node:http for load generation. node:http rather
 * than fetch: the socket pool size is explicit, so the generator never silently queues behind a
 * default limit, and per-request overhead stays low enough for one core to drive the server.
 */
import { Agent, request } from 'node:http';

export interface HttpResponse {
  status: number;
  body: string;
}

export interface HttpClient {
  /** Resolves with status 0 and the error message as body when the request fails on the wire. */
  send(
    method: string,
    path: string,
    opts?: { token?: string; body?: unknown; headers?: Record<string, string>; timeoutMs?: number },
  ): Promise<HttpResponse>;
  /** As `send`, but throws unless the status is one of `expect`, and parses the JSON body. */
  json<T>(
    method: string,
    path: string,
    opts?: { token?: string; body?: unknown; expect?: number[] },
  ): Promise<{ status: number; body: T }>;
  close(): void;
}

export function createHttpClient(baseUrl: string, maxSockets = 256): HttpClient {
  const base = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets, scheduling: 'fifo' });
  const send: HttpClient['send'] = (method, path, opts = {}) =>
    new Promise((done) => {
      const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
      const headers: Record<string, string> = { ...opts.headers };
      if (payload !== undefined) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = String(Buffer.byteLength(payload));
      }
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      const req = request(
        {
          host: base.hostname,
          port: base.port,
          method,
          path,
          headers,
          agent,
          timeout: opts.timeoutMs ?? 10_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
          );
          res.on('error', (err) => done({ status: 0, body: err.message }));
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (err) => done({ status: 0, body: err.message }));
      req.end(payload);
    });
  return {
    send,
    async json<T>(
      method: string,
      path: string,
      opts: { token?: string; body?: unknown; expect?: number[] } = {},
    ) {
      const res = await send(method, path, opts);
      const expect = opts.expect ?? [200, 201];
      if (!expect.includes(res.status)) {
        throw new Error(`${method} ${path} → ${res.status} ${res.body.slice(0, 300)}`);
      }
      return { status: res.status, body: JSON.parse(res.body) as T };
    },
    close: () => agent.destroy(),
  };
}
