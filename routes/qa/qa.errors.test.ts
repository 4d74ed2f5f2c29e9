import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evalRuns } from '#src/db/schema/qa.ts';
import { users } from '#src/db/schema/users.ts';
import { STALE_AFTER_MS } from '#src/services/qa/eval-runs.ts';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { createQaTestApp, openChat, type QaTestApp, type RunBody, waitForRun } from './test-app.ts';

interface Problem {
  status: number;
  code: string;
  errors?: { path: string; message: string }[];
}

let t: QaTestApp;
let qa: string;
beforeAll(async () => {
  t = await createQaTestApp();
  qa = await t.login('qa@demo.test');
});
afterAll(() => t.close());

const problem = async (res: Response): Promise<Problem> => {
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return (await res.json()) as Problem;
};

describe('QA workspace errors', () => {
  it('POST /qa/runs rejects an unknown suite or provider with 422 and field paths', async () => {
    const res = await t.qaCall('POST', '/api/v1/qa/runs', {
      token: qa,
      body: { suite: 'nope', provider: 'gpt' },
    });
    expect(res.status).toBe(422);
    const body = await problem(res);
    expect(body.errors?.map((e) => e.path).sort()).toEqual(['body.provider', 'body.suite']);
  });

  it('POST /qa/runs with cases=golden and no golden cases recorded is a 422 on body.cases', async () => {
    const res = await t.qaCall('POST', '/api/v1/qa/runs', {
      token: qa,
      body: { suite: 'interview', cases: 'golden' },
    });
    expect(res.status).toBe(422);
    expect((await problem(res)).errors?.[0]?.path).toBe('body.cases');
  });

  it('POST /qa/golden-cases validates the case with the suite schema and reports body.case paths', async () => {
    const res = await t.qaCall('POST', '/api/v1/qa/golden-cases', {
      token: qa,
      body: { suite: 'compliance', case: { lang: 'fr', draft: 'Bonjour', expected: ['not_a_category'] } },
    });
    expect(res.status).toBe(422);
    const paths = (await problem(res)).errors?.map((e) => e.path) ?? [];
    expect(paths).toContain('body.case.lang');
    expect(paths).toContain('body.case.expected.0');
  });

  it('POST /qa/golden-cases rejects a pii case whose span lies outside its text', async () => {
    const res = await t.qaCall('POST', '/api/v1/qa/golden-cases', {
      token: qa,
      body: {
        suite: 'pii',
        case: { lang: 'en', text: 'call me', entities: [{ type: 'PHONE', start: 3, end: 40 }] },
      },
    });
    expect(res.status).toBe(422);
    expect((await problem(res)).errors?.some((e) => e.path.startsWith('body.case'))).toBe(true);
  });

  it('POST /qa/golden-cases with an unknown source conversation or message is a 404', async () => {
    const valid = { lang: 'en', draft: 'Let me check.', expected: [] };
    const unknownConv = await t.qaCall('POST', '/api/v1/qa/golden-cases', {
      token: qa,
      body: { suite: 'compliance', case: valid, sourceConversationId: 'conv_missing' },
    });
    expect(unknownConv.status).toBe(404);
    const chat = await openChat(t, 'Where is my parcel?', 'Let me check.');
    const unknownSeq = await t.qaCall('POST', '/api/v1/qa/golden-cases', {
      token: qa,
      body: { suite: 'compliance', case: valid, sourceConversationId: chat.id, sourceMessageSeq: 99 },
    });
    expect(unknownSeq.status).toBe(404);
    const seqAlone = await t.qaCall('POST', '/api/v1/qa/golden-cases', {
      token: qa,
      body: { suite: 'compliance', case: valid, sourceMessageSeq: 1 },
    });
    expect(seqAlone.status).toBe(422);
  });

  it('case drafts: a customer message for a compliance case is a 422, a missing message a 404', async () => {
    const chat = await openChat(t, 'Refund please', 'Sure, which order?');
    const wrongRole = await t.qaCall(
      'GET',
      `/api/v1/qa/conversations/${chat.id}/case-draft?suite=compliance&seq=1`,
      { token: qa },
    );
    expect(wrongRole.status).toBe(422);
    expect((await problem(wrongRole)).errors?.[0]?.path).toBe('query.seq');
    const missing = await t.qaCall(
      'GET',
      `/api/v1/qa/conversations/${chat.id}/case-draft?suite=intent&seq=9`,
      {
        token: qa,
      },
    );
    expect(missing.status).toBe(404);
    const badSuite = await t.qaCall('GET', `/api/v1/qa/conversations/${chat.id}/case-draft?suite=interview`, {
      token: qa,
    });
    expect(badSuite.status).toBe(422);
  });

  it('an unknown run is a 404; the result and report of an unfinished run are a 409', async () => {
    expect((await t.qaCall('GET', '/api/v1/qa/runs/evalrun_missing', { token: qa })).status).toBe(404);
    expect((await t.qaCall('GET', '/qa/runs/evalrun_missing/report', { token: qa })).status).toBe(404);
    const [me] = await t.deps.db.select().from(users).where(eq(users.email, 'qa@demo.test'));
    const now = t.clock.now();
    await t.deps.db.insert(evalRuns).values({
      id: 'evalrun_failed',
      tenantId: me!.tenantId,
      suite: 'pii',
      provider: 'embedded',
      status: 'failed',
      startedBy: me!.id,
      createdAt: now,
      heartbeatAt: now,
      error: 'boom',
    });
    const report = await t.qaCall('GET', '/qa/runs/evalrun_failed/report', { token: qa });
    expect(report.status).toBe(409);
    expect((await problem(report)).code).toBe('conflict');
    expect((await t.qaCall('GET', '/api/v1/qa/runs/evalrun_failed/result', { token: qa })).status).toBe(409);
  });

  it('a run whose process died (no heartbeat for the stale window) is failed by the next start', async () => {
    const [me] = await t.deps.db.select().from(users).where(eq(users.email, 'qa@demo.test'));
    const now = t.clock.now();
    await t.deps.db.insert(evalRuns).values({
      id: 'evalrun_orphan',
      tenantId: me!.tenantId,
      suite: 'intent',
      provider: 'embedded',
      status: 'running',
      progress: 0.4,
      startedBy: me!.id,
      createdAt: now,
      startedAt: now,
      heartbeatAt: now,
    });
    // Still fresh: it blocks the tenant.
    const blocked = await t.qaCall('POST', '/api/v1/qa/runs', { token: qa, body: { suite: 'pii' } });
    expect(blocked.status).toBe(409);
    t.clock.advance(STALE_AFTER_MS + 1);
    const started = await t.qaCall('POST', '/api/v1/qa/runs', { token: qa, body: { suite: 'pii' } });
    expect(started.status).toBe(202);
    const orphan = (await (
      await t.qaCall('GET', '/api/v1/qa/runs/evalrun_orphan', { token: qa })
    ).json()) as RunBody;
    expect(orphan.status).toBe('failed');
    expect(orphan.error).toMatch(/Interrupted/);
    await waitForRun(t, qa, ((await started.json()) as RunBody).id);
  });
});

describe('QA workspace without an eval executor (the Workers runtime)', () => {
  let plain: TestApp;
  beforeAll(async () => {
    plain = await createTestApp();
  });
  afterAll(() => plain.close());

  it('starting a run or validating a golden case answers 501 not_available; reads still work', async () => {
    const token = await plain.login('qa@demo.test');
    const run = await plain.call('POST', '/api/v1/qa/runs', { token, body: { suite: 'pii' } });
    expect(run.status).toBe(501);
    expect((await problem(run)).code).toBe('not_available');
    const golden = await plain.call('POST', '/api/v1/qa/golden-cases', {
      token,
      body: { suite: 'intent', case: { lang: 'en', text: 'refund', label: 'refund' } },
    });
    expect(golden.status).toBe(501);
    const suites = await plain.call('GET', '/api/v1/qa/suites', { token });
    expect(suites.status).toBe(200);
    const items = ((await suites.json()) as { items: { status: string; authoredCases: number | null }[] })
      .items;
    expect(items).toHaveLength(6);
    expect(items.every((s) => s.status === 'unavailable' && s.authoredCases === null)).toBe(true);
    expect((await plain.call('GET', '/api/v1/qa/runs', { token })).status).toBe(200);
    expect((await plain.call('GET', '/api/v1/qa/golden-cases', { token })).status).toBe(200);
  });
});
