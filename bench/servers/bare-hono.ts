/**
 * @module The bare-Hono baseline: Hono's hello world on @hono/node-server, plus a JSON echo, and
 * nothing else (no middleware, no database). Run as `node --import tsx bench/servers/bare-hono.ts
 * <port>`; the `http` benchmark measures Tidedesk against it in the same run.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.get('/', (c) => c.text('Hello Hono!'));
app.post('/echo', async (c) => c.json(await c.req.json(), 201));

const port = Number(process.argv[2] ?? 0);
const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
const stop = () => server.close(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
