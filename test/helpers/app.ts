/**
 * Builds the real app for tests: same createApp, a fresh libSQL file in a temp folder with
 * migrations applied and the demo tenants seeded, a fake clock and sequential ids.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '#src/app.ts';
import { parseEnv } from '#src/config/env.ts';
import { seedDemo } from '#src/db/seed/seed.ts';
import { type AppConfig, type Deps, defaultAppConfig } from '#src/deps.ts';
import { createFakeClock } from '#src/ports/clock.ts';
import { createSequentialIds } from '#src/ports/ids.ts';
import { createLogger, type Logger } from '#src/ports/logger.ts';
import { createInProcessBus } from '#src/realtime/in-process.ts';
import { createFileSystemAssist } from '#src/runtime/assist.ts';
import { openMigratedDb } from '#src/runtime/libsql.ts';
import { openVaultKeyring } from '#src/services/pii/vault-keys.ts';

export const DEMO_PASSWORD = 'tidedesk-demo';
/** The master key test apps seal their PII vault with. */
export const TEST_MASTER_KEY = 'test-master-key-0123456789abcdef0123456789';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  deps: Deps;
  clock: ReturnType<typeof createFakeClock>;
  logs: string[];
  /** Sign in as a seeded account; returns the bearer token. */
  login(email: string): Promise<string>;
  /** Start a widget customer session for a tenant slug; returns the token. */
  customer(tenant?: string): Promise<string>;
  /** JSON request helper. */
  call(
    method: string,
    path: string,
    opts?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
  close(): void;
}

export async function createTestApp(config: Partial<AppConfig> = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'tidedesk-test-'));
  const url = `file:${join(dir, 'test.db')}`;
  const { db, client } = await openMigratedDb(url);
  const clock = createFakeClock(Date.now());
  const ids = createSequentialIds();
  const logs: string[] = [];
  const logger: Logger = createLogger('debug', (line) => logs.push(line));
  await seedDemo({ db, clock, ids, password: DEMO_PASSWORD });
  const deps: Deps = {
    db,
    clock,
    ids,
    events: createInProcessBus(),
    logger,
    assist: createFileSystemAssist(parseEnv({}), { logger, clock }),
    secrets: {
      tokenKey: 'test-token-key-0123456789abcdef0123456789',
      vault: await openVaultKeyring(db, TEST_MASTER_KEY, { source: 'env' }, clock.now()),
    },
    config: { ...defaultAppConfig, ...config },
  };
  const app = createApp(deps);
  const call: TestApp['call'] = (method, path, opts = {}) =>
    Promise.resolve(
      app.request(path, {
        method,
        headers: {
          ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
          ...opts.headers,
        },
        ...(opts.body !== undefined
          ? { body: typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body) }
          : {}),
      }),
    );
  return {
    app,
    deps,
    clock,
    logs,
    call,
    async login(email) {
      const res = await call('POST', '/api/v1/auth/token', { body: { email, password: DEMO_PASSWORD } });
      if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { token: string }).token;
    },
    async customer(tenant = 'demo') {
      const res = await call('POST', '/api/v1/widget/sessions', { body: { tenant } });
      if (res.status !== 201) throw new Error(`widget session failed: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { token: string }).token;
    },
    close() {
      client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
