/**
 * @module Test support for the QA routes: the real app (createTestApp's database, clock and
 * services) built once more with the in-process eval executor, as Node's boot builds it, plus
 * small helpers to open a conversation with a customer and an agent message and to wait for a run.
 */
import { createApp } from '#src/app.ts';
import { createInProcessEvalExecutor } from '#src/services/qa/in-process-executor.ts';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';

export interface QaTestApp extends TestApp {
  /** JSON request against the app that has the eval executor. */
  qaCall: TestApp['call'];
}

export async function createQaTestApp(): Promise<QaTestApp> {
  const t = await createTestApp();
  const app = createApp({ ...t.deps, evalExecutor: createInProcessEvalExecutor() });
  const qaCall: TestApp['call'] = (method, path, opts = {}) =>
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
  return Object.assign(t, { qaCall });
}

export interface Chat {
  id: string;
  customerText: string;
  agentText: string;
}

/** A customer opens a conversation, a supervisor claims it and replies: seq 1 customer, seq 2 agent. */
export async function openChat(
  t: TestApp,
  customerText: string,
  agentText: string,
  tenant = 'demo',
): Promise<Chat> {
  const customer = await t.customer(tenant);
  const created = await t.call('POST', '/api/v1/conversations', {
    token: customer,
    body: { text: customerText, clientMessageId: `c-${customerText.length}-${Math.random()}` },
  });
  if (created.status !== 201) throw new Error(`open: ${created.status} ${await created.text()}`);
  const { id } = (await created.json()) as { id: string };
  const staff = await t.login(tenant === 'demo' ? 'supervisor@demo.test' : 'admin@northwind.test');
  const claim = await t.call('POST', `/api/v1/conversations/${id}/claim`, { token: staff });
  if (claim.status !== 200) throw new Error(`claim: ${claim.status} ${await claim.text()}`);
  const reply = await t.call('POST', `/api/v1/conversations/${id}/messages`, {
    token: staff,
    body: { text: agentText, clientMessageId: 'a-1' },
  });
  if (reply.status !== 201) throw new Error(`reply: ${reply.status} ${await reply.text()}`);
  return { id, customerText, agentText };
}

export interface RunBody {
  id: string;
  suite: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  cases: number | null;
  headline: Record<string, number | null> | null;
  error: string | null;
  casesSource: string;
  answeredBy: string | null;
}

/** Polls a run until it is done or failed (runs execute in real time in this process). */
export async function waitForRun(
  t: QaTestApp,
  token: string,
  id: string,
  timeoutMs = 20_000,
): Promise<RunBody> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await t.qaCall('GET', `/api/v1/qa/runs/${id}`, { token });
    const run = (await res.json()) as RunBody;
    if (run.status === 'done' || run.status === 'failed') return run;
    if (Date.now() > until) throw new Error(`run ${id} still ${run.status} after ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 50));
  }
}
