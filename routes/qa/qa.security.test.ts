import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQaTestApp, openChat, type QaTestApp, type RunBody, waitForRun } from './test-app.ts';

let t: QaTestApp;
let demoQa: string;
let northwindAdmin: string;
let demoRun: RunBody;
let demoChat: { id: string };
let demoCaseId: string;
beforeAll(async () => {
  t = await createQaTestApp();
  demoQa = await t.login('qa@demo.test');
  northwindAdmin = await t.login('admin@northwind.test');
  const started = await t.qaCall('POST', '/api/v1/qa/runs', { token: demoQa, body: { suite: 'pii' } });
  demoRun = await waitForRun(t, demoQa, ((await started.json()) as RunBody).id);
  demoChat = await openChat(t, 'Where is my order?', 'I do not know, ask the courier.');
  const saved = await t.qaCall('POST', '/api/v1/qa/golden-cases', {
    token: demoQa,
    body: {
      suite: 'compliance',
      case: { lang: 'en', draft: 'I do not know, ask the courier.', expected: ['forbidden_phrase'] },
      sourceConversationId: demoChat.id,
      sourceMessageSeq: 2,
    },
  });
  demoCaseId = ((await saved.json()) as { caseId: string }).caseId;
});
afterAll(() => t.close());

const reads = (): [string, string][] => [
  ['GET', '/api/v1/qa/suites'],
  ['GET', '/api/v1/qa/runs'],
  ['GET', `/api/v1/qa/runs/${demoRun.id}`],
  ['GET', `/api/v1/qa/runs/${demoRun.id}/result`],
  ['GET', `/qa/runs/${demoRun.id}/report`],
  ['GET', '/qa/suites/pii/trend.svg'],
  ['GET', '/api/v1/qa/golden-cases'],
  ['GET', `/api/v1/qa/conversations/${demoChat.id}/case-draft?suite=compliance`],
];

describe('QA workspace security', () => {
  it('every QA endpoint needs a sign-in (401 problem)', async () => {
    for (const [method, path] of [
      ...reads(),
      ['POST', '/api/v1/qa/runs'],
      ['POST', '/api/v1/qa/golden-cases'],
    ] as const) {
      const res = await t.qaCall(method, path, method === 'POST' ? { body: { suite: 'pii', case: {} } } : {});
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('agents, supervisors, trainees, recruiters and customers get 403; qa and admin get in', async () => {
    const customer = await t.customer();
    for (const email of [
      'agent1@demo.test',
      'supervisor@demo.test',
      'trainee1@demo.test',
      'recruiter@demo.test',
    ]) {
      const token = await t.login(email);
      for (const [method, path] of reads()) {
        expect((await t.qaCall(method, path, { token })).status, `${email} ${path}`).toBe(403);
      }
      const start = await t.qaCall('POST', '/api/v1/qa/runs', { token, body: { suite: 'pii' } });
      expect(start.status, `${email} start`).toBe(403);
    }
    expect((await t.qaCall('GET', '/api/v1/qa/suites', { token: customer })).status).toBe(403);
    const admin = await t.login('admin@demo.test');
    for (const token of [demoQa, admin]) {
      for (const [method, path] of reads()) {
        expect((await t.qaCall(method, path, { token })).status, path).toBe(200);
      }
    }
  });

  it("another tenant sees none of demo's runs, reports, golden cases or conversations", async () => {
    const token = northwindAdmin;
    expect((await t.qaCall('GET', `/api/v1/qa/runs/${demoRun.id}`, { token })).status).toBe(404);
    expect((await t.qaCall('GET', `/api/v1/qa/runs/${demoRun.id}/result`, { token })).status).toBe(404);
    expect((await t.qaCall('GET', `/qa/runs/${demoRun.id}/report`, { token })).status).toBe(404);
    const runs = (await (await t.qaCall('GET', '/api/v1/qa/runs', { token })).json()) as { items: unknown[] };
    expect(runs.items).toEqual([]);
    const golden = (await (await t.qaCall('GET', '/api/v1/qa/golden-cases', { token })).json()) as {
      items: { caseId: string }[];
    };
    expect(golden.items.map((g) => g.caseId)).not.toContain(demoCaseId);
    const suites = (await (await t.qaCall('GET', '/api/v1/qa/suites', { token })).json()) as {
      items: { name: string; latest: unknown; goldenCases: number }[];
    };
    expect(suites.items.every((s) => s.latest === null && s.goldenCases === 0)).toBe(true);
    const draft = await t.qaCall(
      'GET',
      `/api/v1/qa/conversations/${demoChat.id}/case-draft?suite=compliance`,
      {
        token,
      },
    );
    expect(draft.status).toBe(404);
    const borrow = await t.qaCall('POST', '/api/v1/qa/golden-cases', {
      token,
      body: {
        suite: 'compliance',
        case: { lang: 'en', draft: 'x', expected: [] },
        sourceConversationId: demoChat.id,
      },
    });
    expect(borrow.status).toBe(404);
  });

  it("one tenant's running run does not block another tenant", async () => {
    const demo = await t.qaCall('POST', '/api/v1/qa/runs', { token: demoQa, body: { suite: 'compliance' } });
    expect(demo.status).toBe(202);
    const other = await t.qaCall('POST', '/api/v1/qa/runs', {
      token: northwindAdmin,
      body: { suite: 'pii' },
    });
    expect(other.status).toBe(202);
    await waitForRun(t, demoQa, ((await demo.json()) as RunBody).id);
    await waitForRun(t, northwindAdmin, ((await other.json()) as RunBody).id);
  });
});
