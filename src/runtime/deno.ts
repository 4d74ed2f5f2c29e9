/**
 * @module Deno runtime: the same boot as Node (libSQL file, migrations, seed, createApp), served
 * with `Deno.serve`, plus /assets/* from dist/public. Run it with `npm run start:deno`.
 */
import { Hono } from 'hono';
import { serveStatic } from 'hono/serve-static';
import { type Env, EnvError, parseEnv } from '#src/config/env.ts';
import { ensureAssets, PUBLIC_DIR } from './assets.ts';
import { type Booted, boot } from './boot.ts';

/** The slice of the `Deno` global this file uses (tsc here is configured for Node types). */
interface DenoServer {
  finished: Promise<void>;
  shutdown(): Promise<void>;
}
interface DenoApi {
  serve(
    options: {
      port: number;
      hostname: string;
      onListen?: (addr: { hostname: string; port: number }) => void;
    },
    handler: (request: Request) => Response | Promise<Response>,
  ): DenoServer;
  env: { toObject(): Record<string, string> };
  open(path: string): Promise<{ readable: ReadableStream<Uint8Array> }>;
  stat(path: string): Promise<{ isFile: boolean; isDirectory: boolean }>;
  addSignalListener(signal: 'SIGINT' | 'SIGTERM', handler: () => void): void;
  exit(code: number): never;
}

function denoApi(): DenoApi {
  const api = (globalThis as { Deno?: DenoApi }).Deno;
  if (!api) throw new Error('src/runtime/deno.ts must run under Deno (npm run start:deno).');
  return api;
}

const SHUTDOWN_GRACE_MS = 1_000;
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface RunningDenoServer {
  url: string;
  port: number;
  booted: Booted;
  close(): Promise<void>;
}

/** Static files through Deno's own file API, so nothing here depends on Node's fs streams. */
function denoStatic(deno: DenoApi) {
  return serveStatic({
    root: PUBLIC_DIR,
    rewriteRequestPath: (p) => p.replace(/^\/assets/, ''),
    join: (...parts) => parts.join('/').replace(/\/+/g, '/'),
    isDir: async (path) => {
      try {
        return (await deno.stat(path)).isDirectory;
      } catch {
        return undefined;
      }
    },
    getContent: async (path) => {
      try {
        const info = await deno.stat(path);
        if (!info.isFile) return null;
        return (await deno.open(path)).readable;
      } catch {
        return null;
      }
    },
  });
}

export async function startDenoServer(env: Env): Promise<RunningDenoServer> {
  const deno = denoApi();
  // esbuild's npm package runs under Deno (it spawns its native binary through node:child_process),
  // so Deno builds the client assets on start exactly like Node does.
  await ensureAssets();
  const booted = await boot(env);
  const root = new Hono();
  root.use('/assets/*', denoStatic(deno));
  // Hand everything else to the app itself (not `route`), so its notFound and onError answer
  // with problem+json instead of the wrapper's plain-text defaults.
  root.all('*', (c) => booted.app.fetch(c.req.raw, c.env));
  return new Promise((done) => {
    const server = deno.serve(
      {
        port: env.PORT,
        hostname: env.HOST,
        onListen: ({ port }) => {
          const host = env.HOST === '0.0.0.0' ? '127.0.0.1' : env.HOST;
          done({
            url: `http://${host}:${port}`,
            port,
            booted,
            close: async () => {
              // shutdown() waits for every in-flight response, and an open SSE stream never
              // finishes by itself; writes are durable before they are acknowledged, so a
              // bounded grace period loses nothing.
              booted.deps.dispatch?.stop();
              await Promise.race([server.shutdown(), delay(SHUTDOWN_GRACE_MS)]);
              booted.database.client.close();
            },
          });
        },
      },
      root.fetch,
    );
  });
}

async function main(): Promise<void> {
  const deno = denoApi();
  const started = performance.now();
  let env: Env;
  try {
    env = parseEnv(deno.env.toObject());
  } catch (err) {
    if (err instanceof EnvError) {
      console.error(err.message);
      deno.exit(78);
    }
    throw err;
  }
  const server = await startDenoServer(env);
  const ms = Math.round(performance.now() - started);
  const { masterKey, seeded } = server.booted;
  console.log(`Tidedesk (Deno) is running at ${server.url}   (ready in ${ms} ms)`);
  console.log(`  Database: ${env.DATABASE_URL}${seeded ? '  (seeded the demo tenants on first start)' : ''}`);
  if (masterKey.source === 'generated') {
    console.log(
      `  Generated a master key at ${masterKey.path} — back it up; set TIDEDESK_MASTER_KEY in production.`,
    );
  }
  const stop = () => {
    server.close().then(
      () => deno.exit(0),
      () => deno.exit(1),
    );
  };
  deno.addSignalListener('SIGINT', stop);
  deno.addSignalListener('SIGTERM', stop);
}

if ((import.meta as ImportMeta & { main?: boolean }).main) {
  await main();
}
