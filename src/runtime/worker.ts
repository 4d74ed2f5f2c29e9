/**
 * @module Cloudflare Workers runtime: builds `Deps` from the bindings (D1 for data, a TenantHub
 * Durable Object per tenant for realtime), once per isolate, and serves /assets/* from the
 * assets binding. `npm run dev:worker` runs it locally (offline) with wrangler.
 */
import { createAssist, resolveAssistConfig } from '#assist/index.ts';
import { createApp } from '#src/app.ts';
import { parseEnv } from '#src/config/env.ts';
import { createPiiDetector } from '#src/core/pii/index.ts';
import { seedIfEmpty } from '#src/db/seed/seed.ts';
import { type Deps, defaultAppConfig } from '#src/deps.ts';
import { AppError, problemResponse } from '#src/http/problem.ts';
import { systemClock } from '#src/ports/clock.ts';
import { randomIds } from '#src/ports/ids.ts';
import { createLogger, type Logger } from '#src/ports/logger.ts';
import { createDurableObjectBus } from '#src/realtime/durable-object.ts';
import { deriveKey } from '#src/services/auth/derive-key.ts';
import { openVaultKeyring } from '#src/services/pii/vault-keys.ts';
import { openD1 } from './worker-d1.ts';
import { type ExecutionContext, parseWorkerVars, type WorkerBindings } from './worker-env.ts';

// Wrangler needs the Durable Object class exported from the main module.
export { TenantHub } from '#src/realtime/tenant-hub.ts';

type App = ReturnType<typeof createApp>;

/**
 * Publishes still travelling to a TenantHub. Shared by the isolate: each request hands the
 * current set to its own waitUntil, so none is cancelled when the response is sent.
 */
const inFlight = new Set<Promise<unknown>>();
const track = (p: Promise<unknown>) => {
  inFlight.add(p);
  const settle = () => inFlight.delete(p);
  p.then(settle, settle);
};

/** One app per isolate and env object; a failed boot is not cached, so the next request retries. */
const apps = new WeakMap<WorkerBindings, Promise<App>>();

async function buildApp(env: WorkerBindings): Promise<App> {
  const vars = parseWorkerVars(env);
  const logger = createLogger(vars.TIDEDESK_LOG_LEVEL);
  const db = openD1(env.DB);
  const deps: Deps = {
    db,
    clock: systemClock,
    ids: randomIds,
    events: createDurableObjectBus(env.TENANT_HUB, { logger, track }),
    logger,
    // Prompt files are not bundled on Workers yet, so LLM calls fall back to the embedded engine.
    assist: createAssist(resolveAssistConfig(parseEnv({})), {
      logger,
      clock: systemClock,
      detector: createPiiDetector(),
      prompts: {},
    }),
    secrets: {
      tokenKey: await deriveKey(vars.TIDEDESK_MASTER_KEY, 'tidedesk/session-tokens/v1'),
      // A key that does not match the D1 vault fails the boot (and so every request) loudly.
      vault: await openVaultKeyring(db, vars.TIDEDESK_MASTER_KEY, { source: 'env' }, systemClock.now()),
    },
    config: {
      ...defaultAppConfig,
      bodyLimit: vars.TIDEDESK_BODY_LIMIT,
      tokenTtlSeconds: vars.TIDEDESK_TOKEN_TTL,
      secureCookies: vars.TIDEDESK_SECURE_COOKIES,
    },
  };
  if (vars.TIDEDESK_SEED_DEMO) await seedDemoOnce(deps, vars.TIDEDESK_DEMO_PASSWORD, logger);
  return createApp(deps);
}

/**
 * Seeds an empty D1 database. Another isolate may be seeding at the same moment: the loser's
 * first insert hits the unique tenant slug, and that isolate carries on. Any other failure is
 * thrown (and logged by the caller), never mistaken for "already seeded".
 */
async function seedDemoOnce(deps: Deps, password: string, logger: Logger): Promise<void> {
  try {
    const seeded = await seedIfEmpty({ db: deps.db, clock: deps.clock, ids: deps.ids, password });
    if (seeded) logger.info('seeded the demo tenants into D1');
  } catch (err) {
    const message = errorText(err);
    if (/UNIQUE constraint failed: tenants\.slug/.test(message)) return;
    const hint = message.includes('no such table')
      ? ' — apply the migrations first: npx wrangler d1 migrations apply DB --local'
      : '';
    throw new Error(`seeding D1 failed${hint}: ${message}`, { cause: err });
  }
}

/**
 * D1 wraps SQLite errors and drizzle prefixes the whole statement with its parameters; keep the
 * root cause and a short head of the rest, so logs stay readable and carry no row data.
 */
function errorText(err: unknown): string {
  const chain: string[] = [];
  for (let e: unknown = err; e !== undefined && chain.length < 5; e = (e as { cause?: unknown }).cause) {
    chain.push(e instanceof Error ? e.message : String(e));
    if (!(e instanceof Error)) break;
  }
  const root = chain.at(-1) ?? '';
  const head = chain.length > 1 ? `${(chain[0] ?? '').slice(0, 120)}… ← ` : '';
  return `${head}${root}`;
}

function appFor(env: WorkerBindings): Promise<App> {
  let app = apps.get(env);
  if (!app) {
    app = buildApp(env);
    apps.set(env, app);
    app.catch(() => apps.delete(env));
  }
  return app;
}

/** dist/public/<file> is served at /assets/<file>, as on Node and Deno. */
function serveAsset(env: WorkerBindings, request: Request, url: URL): Promise<Response> {
  const assetUrl = new URL(url.pathname.slice('/assets'.length) || '/', url);
  const assetRequest = new Request(assetUrl, { method: request.method, headers: request.headers });
  return env.ASSETS.fetch(assetRequest);
}

/** The development key in wrangler.toml is public; refuse it anywhere but a local dev server. */
const DEV_KEY_PREFIX = 'dev-only-';
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
function devKeyOnPublicHost(env: WorkerBindings, url: URL): boolean {
  const key = env.TIDEDESK_MASTER_KEY;
  return typeof key === 'string' && key.startsWith(DEV_KEY_PREFIX) && !LOCAL_HOSTS.has(url.hostname);
}

function bootFailure(err: unknown, path: string): Response {
  // Details go to the log (wrangler prints it); the client gets the generic problem.
  console.error(JSON.stringify({ level: 'error', msg: 'worker boot failed', error: String(err) }));
  return problemResponse(
    new AppError('internal_error', 'The service is not configured correctly; see the worker log.'),
    path,
  );
}

export default {
  async fetch(request: Request, env: WorkerBindings, ctx: ExecutionContext): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname.startsWith('/assets/')) return serveAsset(env, request, url);
    if (devKeyOnPublicHost(env, url)) {
      return bootFailure(
        new Error(
          'the development master key from wrangler.toml is in use on a public host; deploy with --env production and set TIDEDESK_MASTER_KEY as a secret',
        ),
        url.pathname,
      );
    }
    let app: App;
    try {
      app = await appFor(env);
    } catch (err) {
      return bootFailure(err, url.pathname);
    }
    const response = await app.fetch(request, env, ctx);
    if (inFlight.size > 0) ctx.waitUntil(Promise.allSettled([...inFlight]));
    return response;
  },
};
