/**
 * The real app with live dispatch for tests: the same createApp and database as createTestApp,
 * plus the in-process dispatch on a manual scheduler, so tests advance the fake clock and run
 * the timers that came due (offer timeouts, widening, heartbeats, interval boundaries) instead
 * of sleeping. Intent models are shared across the apps of one test file (trained once).
 */
import { sql } from 'drizzle-orm';
import type { ConversationDto } from '#routes/conversations/conversations.routes.ts';
import { createApp } from '#src/app.ts';
import type { AppConfig } from '#src/deps.ts';
import { createInProcessDispatch, type InProcessDispatch } from '#src/services/dispatch/in-process.ts';
import type { IntentModelCache } from '#src/services/dispatch/intent-router.ts';
import { type ManualScheduler, manualScheduler } from '#src/services/dispatch/scheduler.ts';
import { createTestApp, DEMO_PASSWORD, type TestApp } from './app.ts';

const sharedModels: IntentModelCache = new Map();

export interface DispatchTestApp extends TestApp {
  dispatch: InProcessDispatch;
  scheduler: ManualScheduler;
  /** Moves the clock forward and runs every timer that came due, until nothing is left to do. */
  advance(ms: number): Promise<void>;
  /** Waits until every dispatch operation started so far has finished. */
  settle(): Promise<void>;
  /** A new dispatch and app over the same database: what a process restart leaves behind. */
  restart(): Promise<void>;
  tenantId(slug?: string): Promise<string>;
  userId(email: string): Promise<string>;
  /** Opens a conversation as a new customer; returns the created conversation. */
  open(text: string, clientMessageId?: string): Promise<ConversationDto>;
  online(token: string, status?: 'online' | 'away' | 'offline'): Promise<void>;
}

export async function createDispatchTestApp(config: Partial<AppConfig> = {}): Promise<DispatchTestApp> {
  const base = await createTestApp(config);
  const scheduler = manualScheduler(base.clock);
  let dispatch = createInProcessDispatch(base.deps, {
    scheduler,
    intentModels: sharedModels,
    warmClassifiers: false,
  });
  let app = createApp({ ...base.deps, dispatch });
  await dispatch.start();

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

  const t: DispatchTestApp = {
    ...base,
    get app() {
      return app;
    },
    get dispatch() {
      return dispatch;
    },
    scheduler,
    call,
    async login(email) {
      const res = await call('POST', '/api/v1/auth/token', { body: { email, password: DEMO_PASSWORD } });
      if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { token: string }).token;
    },
    async customer(tenant = 'demo') {
      const res = await call('POST', '/api/v1/widget/sessions', { body: { tenant } });
      if (res.status !== 201) throw new Error(`widget session failed: ${res.status}`);
      return ((await res.json()) as { token: string }).token;
    },
    async settle() {
      await dispatch.idle();
    },
    async advance(ms) {
      base.clock.advance(ms);
      for (;;) {
        await dispatch.idle();
        if (scheduler.runDue() === 0) {
          await dispatch.idle();
          if (scheduler.runDue() === 0) return;
        }
      }
    },
    async restart() {
      dispatch.stop();
      dispatch = createInProcessDispatch(base.deps, {
        scheduler,
        intentModels: sharedModels,
        warmClassifiers: false,
      });
      app = createApp({ ...base.deps, dispatch });
      await dispatch.start();
    },
    async tenantId(slug = 'demo') {
      const [row] = await base.deps.db.all<{ id: string }>(sql`select id from tenants where slug = ${slug}`);
      if (!row) throw new Error(`no tenant ${slug}`);
      return row.id;
    },
    async userId(email) {
      const [row] = await base.deps.db.all<{ id: string }>(sql`select id from users where email = ${email}`);
      if (!row) throw new Error(`no user ${email}`);
      return row.id;
    },
    async open(text, clientMessageId = 'open-1') {
      const customer = await t.customer();
      const res = await call('POST', '/api/v1/conversations', {
        token: customer,
        body: { text, clientMessageId },
      });
      if (res.status !== 201) throw new Error(`open failed: ${res.status} ${await res.text()}`);
      return (await res.json()) as ConversationDto;
    },
    async online(token, status = 'online') {
      const res = await call('POST', '/api/v1/agents/me/presence', { token, body: { status } });
      if (res.status !== 200) throw new Error(`presence failed: ${res.status} ${await res.text()}`);
    },
    close() {
      dispatch.stop();
      base.close();
    },
  };
  return t;
}
