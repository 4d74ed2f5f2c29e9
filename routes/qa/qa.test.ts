import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flattenMetrics } from '../../eval/harness/metric-paths.ts';
import { RunResultSchema } from '../../eval/harness/run-result.ts';
import { SUITE_NAMES } from '../../eval/harness/suite.ts';
import { createQaTestApp, openChat, type QaTestApp, type RunBody, waitForRun } from './test-app.ts';

const authoredRows = (suite: string) =>
  readFileSync(new URL(`../../eval/${suite}/cases.jsonl`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '').length;

interface Suite {
  name: string;
  status: string;
  authoredCases: number | null;
  goldenCases: number;
  headlineMetrics: string[];
  latest: { runId: string; headline: Record<string, number | null> } | null;
  trend: { runId: string }[];
}

let t: QaTestApp;
let qa: string;
beforeAll(async () => {
  t = await createQaTestApp();
  qa = await t.login('qa@demo.test');
});
afterAll(() => t.close());

const suites = async () =>
  ((await (await t.qaCall('GET', '/api/v1/qa/suites', { token: qa })).json()) as { items: Suite[] }).items;

async function start(body: Record<string, unknown>, token = qa): Promise<RunBody> {
  const res = await t.qaCall('POST', '/api/v1/qa/runs', { token, body });
  expect(res.status, await res.clone().text()).toBe(202);
  return (await res.json()) as RunBody;
}

describe('QA suites and runs', () => {
  it('GET /qa/suites lists the six suites with their authored case counts and no runs yet', async () => {
    const items = await suites();
    expect(items.map((s) => s.name)).toEqual([...SUITE_NAMES]);
    for (const s of items) {
      expect(s.status).toBe('ok');
      expect(s.authoredCases).toBe(authoredRows(s.name));
      expect(s.headlineMetrics.length).toBeGreaterThan(0);
      expect(s.latest).toBeNull();
      expect(s.trend).toEqual([]);
    }
  });

  it('POST /qa/runs answers 202 and the run reaches done with the harness metrics, result and report', async () => {
    const queued = await start({ suite: 'pii' });
    expect(queued.status).toBe('queued');
    expect(queued.progress).toBe(0);
    const run = await waitForRun(t, qa, queued.id);
    expect(run.error).toBeNull();
    expect(run.status).toBe('done');
    expect(run.progress).toBe(1);
    expect(run.cases).toBe(authoredRows('pii'));
    expect(run.answeredBy).toBe('embedded');
    expect(Object.keys(run.headline ?? {})).toEqual(['overall.precision', 'overall.recall', 'overall.f1']);

    const resultRes = await t.qaCall('GET', `/api/v1/qa/runs/${run.id}/result`, { token: qa });
    expect(resultRes.status).toBe(200);
    const result = RunResultSchema.parse(await resultRes.json());
    expect(result.suite).toBe('pii');
    expect(result.cases).toBe(run.cases);
    expect(result.records).toHaveLength(run.cases ?? -1);
    // The stored headline is the result's own metric, not a copy from elsewhere.
    expect(run.headline?.['overall.f1']).toBe(flattenMetrics(result.metrics)['overall.f1']);

    const report = await t.qaCall('GET', `/qa/runs/${run.id}/report`, { token: qa });
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toContain('text/html');
    const html = await report.text();
    expect(html).toContain('<svg');
    expect(html).toContain('pii');

    const listed = (await (await t.qaCall('GET', '/api/v1/qa/runs?suite=pii', { token: qa })).json()) as {
      items: RunBody[];
    };
    expect(listed.items[0]?.id).toBe(run.id);
    const pii = (await suites()).find((s) => s.name === 'pii')!;
    expect(pii.latest?.runId).toBe(run.id);
    expect(pii.trend.map((p) => p.runId)).toEqual([run.id]);
  });

  it('a second run extends the trend line, oldest first, and the sparkline draws it', async () => {
    const first = (await suites()).find((s) => s.name === 'pii')!.trend;
    const run = await waitForRun(t, qa, (await start({ suite: 'pii' })).id);
    const trend = (await suites()).find((s) => s.name === 'pii')!.trend.map((p) => p.runId);
    expect(trend).toEqual([...first.map((p) => p.runId), run.id]);
    const svg = await t.qaCall('GET', '/qa/suites/pii/trend.svg', { token: qa });
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toContain('image/svg+xml');
    const text = await svg.text();
    expect(text).toContain('<polyline');
    expect(text).toContain(`overall.precision · ${trend.length} runs`);
  });

  it('one run at a time per tenant: a second start while one is queued or running is a 409', async () => {
    const first = await start({ suite: 'compliance' });
    const second = await t.qaCall('POST', '/api/v1/qa/runs', { token: qa, body: { suite: 'pii' } });
    expect(second.status).toBe(409);
    const problem = (await second.json()) as { code: string; runId: string };
    expect(problem.code).toBe('conflict');
    expect(problem.runId).toBe(first.id);
    expect((await waitForRun(t, qa, first.id)).status).toBe('done');
    // Once it is done the next one may start.
    await waitForRun(t, qa, (await start({ suite: 'intent' })).id);
  });
});

describe('golden cases from a conversation', () => {
  it('proposes a compliance case from the agent message and stores it, versioned by case id', async () => {
    const chat = await openChat(t, '我的快递三天没动了，怎么回事？', '这个我不知道，您问问快递吧。');
    const draftRes = await t.qaCall(
      'GET',
      `/api/v1/qa/conversations/${chat.id}/case-draft?suite=compliance`,
      {
        token: qa,
      },
    );
    expect(draftRes.status).toBe(200);
    const draft = (await draftRes.json()) as {
      case: { id: string; draft: string; lang: string; context?: { customer?: string }; expected: string[] };
      messageSeq: number;
      options: { categories: string[] };
    };
    expect(draft.messageSeq).toBe(2);
    expect(draft.case.draft).toBe(chat.agentText);
    expect(draft.case.lang).toBe('zh');
    expect(draft.case.context?.customer).toBe(chat.customerText);
    expect(draft.case.expected).toEqual([]);
    expect(draft.options.categories).toContain('forbidden_phrase');

    const body = {
      suite: 'compliance',
      case: { ...draft.case, expected: ['forbidden_phrase'] },
      sourceConversationId: chat.id,
      sourceMessageSeq: draft.messageSeq,
    };
    const saved = await t.qaCall('POST', '/api/v1/qa/golden-cases', { token: qa, body });
    expect(saved.status).toBe(201);
    const v1 = (await saved.json()) as {
      id: string;
      caseId: string;
      version: number;
      createdBy: { displayName: string };
    };
    expect(v1.caseId).toBe(draft.case.id);
    expect(v1.version).toBe(1);
    expect(v1.createdBy.displayName.length).toBeGreaterThan(0);

    const again = await t.qaCall('POST', '/api/v1/qa/golden-cases', {
      token: qa,
      body: { ...body, case: { ...body.case, expected: ['forbidden_phrase', 'rude_tone'] } },
    });
    expect(again.status).toBe(201);
    expect(((await again.json()) as { version: number }).version).toBe(2);

    const list = (await (
      await t.qaCall('GET', '/api/v1/qa/golden-cases?suite=compliance', { token: qa })
    ).json()) as { items: { caseId: string; version: number; case: { expected: string[] } }[] };
    const mine = list.items.filter((g) => g.caseId === draft.case.id);
    expect(mine).toEqual([
      expect.objectContaining({
        version: 2,
        case: expect.objectContaining({ expected: ['forbidden_phrase', 'rude_tone'] }),
      }),
    ]);
    expect((await suites()).find((s) => s.name === 'compliance')?.goldenCases).toBe(1);
  });

  it('assigns a case id when none is given, and a golden-case run scores exactly the stored cases', async () => {
    const saved = await t.qaCall('POST', '/api/v1/qa/golden-cases', {
      token: qa,
      body: {
        suite: 'compliance',
        case: { lang: 'en', draft: 'Thanks for waiting, I am checking it now.', expected: [] },
      },
    });
    expect(saved.status).toBe(201);
    expect(((await saved.json()) as { caseId: string }).caseId).toMatch(/^qa-compliance/);
    const golden = (await suites()).find((s) => s.name === 'compliance')!.goldenCases;
    const run = await waitForRun(t, qa, (await start({ suite: 'compliance', cases: 'golden' })).id);
    expect(run.status).toBe('done');
    expect(run.casesSource).toBe('golden');
    expect(run.cases).toBe(golden);
    // Golden-case runs score other data, so they are not part of the authored trend.
    const compliance = (await suites()).find((s) => s.name === 'compliance')!;
    expect(compliance.latest?.runId).toBe(run.id);
    expect(compliance.trend.map((p) => p.runId)).not.toContain(run.id);
  });

  it('proposes intent (label from routing), copilot (history + reference) and pii (masked text) cases that validate', async () => {
    const chat = await openChat(
      t,
      '我要退款，订单号 A12345，手机 13812345678',
      '您好，请问是哪一笔订单需要退款呢？',
    );
    const conv = (await (await t.call('GET', `/api/v1/conversations/${chat.id}`, { token: qa })).json()) as {
      sopId: string | null;
    };
    const sopKey = conv.sopId
      ? ((await (await t.call('GET', `/api/v1/sops/${conv.sopId}`, { token: qa })).json()) as { key: string })
          .key
      : 'none';
    const draft = async (suite: string) => {
      const res = await t.qaCall('GET', `/api/v1/qa/conversations/${chat.id}/case-draft?suite=${suite}`, {
        token: qa,
      });
      expect(res.status, await res.clone().text()).toBe(200);
      return (await res.json()) as { case: Record<string, unknown>; notes: string[]; messageSeq: number };
    };

    const intent = await draft('intent');
    expect(intent.messageSeq).toBe(1);
    expect(intent.case.label).toBe(sopKey);

    const copilot = await draft('copilot');
    expect(copilot.case.reference).toBe(chat.agentText);
    expect((copilot.case.history as { role: string }[]).map((h) => h.role)).toEqual(['customer']);

    const pii = await draft('pii');
    expect(pii.notes).toContain('masked-text');
    // Stored messages are masked: the raw phone number never reaches a golden case.
    expect(String(pii.case.text)).not.toContain('13812345678');
    expect(pii.case.entities).toEqual([]);

    for (const [suite, d] of [
      ['intent', intent],
      ['copilot', copilot],
      ['pii', pii],
    ] as const) {
      const res = await t.qaCall('POST', '/api/v1/qa/golden-cases', {
        token: qa,
        body: { suite, case: d.case, sourceConversationId: chat.id, sourceMessageSeq: d.messageSeq },
      });
      expect(res.status, `${suite}: ${await res.clone().text()}`).toBe(201);
    }
  });
});
