/**
 * @module Node runtime: serve the app with @hono/node-server plus static assets from dist/public.
 */
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { Env } from '#src/config/env.ts';
import { ensureAssets, PUBLIC_DIR } from './assets.ts';
import { type Booted, boot } from './boot.ts';

export interface RunningServer {
  url: string;
  port: number;
  booted: Booted;
  close(): Promise<void>;
}

export async function startNodeServer(env: Env): Promise<RunningServer> {
  await ensureAssets();
  const booted = await boot(env);
  const root = new Hono();
  // An absolute root, so `tidedesk serve` works from any working directory.
  root.use(
    '/assets/*',
    serveStatic({ root: PUBLIC_DIR, rewriteRequestPath: (p) => p.replace(/^\/assets/, '') }),
  );
  // Hand everything else to the app itself, so its own 404 (problem+json) answers unknown routes.
  root.all('*', (c) => booted.app.fetch(c.req.raw, c.env));
  return new Promise((done) => {
    const server = serve({ fetch: root.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
      const url = `http://${env.HOST === '0.0.0.0' ? '127.0.0.1' : env.HOST}:${info.port}`;
      done({
        url,
        port: info.port,
        booted,
        close: () =>
          new Promise<void>((closed) => {
            booted.deps.dispatch?.stop();
            server.close(() => {
              booted.database.client.close();
              closed();
            });
            // Open SSE streams would keep close() waiting forever.
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      });
    });
  });
}
