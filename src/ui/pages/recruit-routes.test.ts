import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  campaignInput,
  consentAndType,
  GOOD_ZH_ANSWER,
  json,
  startCampaign,
} from '#routes/interviews/test-fixtures.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';

let t: TestApp;
let recruiter: string;
beforeEach(async () => {
  t = await createTestApp();
  recruiter = await t.login('recruiter@demo.test');
});
afterEach(() => t.close());

const page = (path: string, token?: string, init: RequestInit = {}) =>
  Promise.resolve(
    t.app.request(path, {
      ...init,
      headers: {
        ...(token ? { cookie: `td_session=${token}` } : {}),
        'accept-language': 'en',
        ...init.headers,
      },
    }),
  );

/** A finished candidate in a campaign whose group field is set. */
async function finishedCandidate() {
  const started = await startCampaign(t.call, recruiter, [
    'wang@example.com,王小明,A',
    'lee@example.com,Lee,B',
  ]);
  for (const [i, token] of started.tokens.entries()) {
    await consentAndType(t.call, token, undefined, i === 0 ? 'A' : 'B');
    await json(
      await t.call('POST', `/api/v1/interviews/sessions/${token}/answers/${started.questionId}`, {
        body: { mode: 'text', writtenText: i === 0 ? GOOD_ZH_ANSWER : '请您再等等。' },
      }),
      200,
    );
    await json(await t.call('POST', `/api/v1/interviews/sessions/${token}/submit`), 200);
  }
  const { items } = await json<{ items: { id: string; email: string }[] }>(
    await t.call('GET', `/api/v1/interviews/campaigns/${started.campaignId}/candidates`, {
      token: recruiter,
    }),
    200,
  );
  return { ...started, candidateId: items.find((c) => c.email === 'wang@example.com')!.id };
}

describe('recruiting pages', () => {
  it('signed out → sign in; an agent → 403; a recruiter lands on /recruit after signing in', async () => {
    const out = await page('/recruit');
    expect(out.status).toBe(302);
    expect(out.headers.get('location')).toBe('/login?next=%2Frecruit');
    const agent = await t.login('agent1@demo.test');
    expect((await page('/recruit', agent)).status).toBe(403);
    const home = await page('/', recruiter);
    expect(home.headers.get('location')).toBe('/recruit');
    const html = await (await page('/recruit', recruiter)).text();
    expect(html).toContain('data-testid="campaigns-empty"');
    expect(html).toContain('href="/recruit"');
  });

  it('the editor starts from a template in the page language with the tenant thresholds', async () => {
    const html = await (await page('/recruit/campaigns/new?lang=zh', recruiter)).text();
    expect(html).toContain('/assets/recruit-campaign.js');
    expect(html).toContain('客户说快递三天没有更新物流');
    expect(html).toContain('"minNet":50');
  });

  it('the scorecard shows the advice as advice, the typing metrics and highlighted evidence from the answer', async () => {
    const { candidateId } = await finishedCandidate();
    const res = await page(`/recruit/candidates/${candidateId}?lang=en`, recruiter);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('data-testid="advice"');
    expect(html).toContain('A person decides; nobody is rejected automatically.');
    expect(html).toContain('data-testid="typing-net"');
    const marks = [...html.matchAll(/<mark data-testid="evidence">([^<]+)<\/mark>/g)].map((m) => m[1]!);
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(GOOD_ZH_ANSWER).toContain(m);
    expect(html).toContain('id="decision-form"');
    expect((await page('/recruit/candidates/icand_nope', recruiter)).status).toBe(404);
  });

  it('the fairness page renders SVG charts and tables; the CSV has a row per group', async () => {
    const { campaignId, candidateId } = await finishedCandidate();
    await json(
      await t.call('POST', `/api/v1/interviews/candidates/${candidateId}/decisions`, {
        token: recruiter,
        body: { outcome: 'advance', note: 'strong answer' },
      }),
      201,
    );
    const html = await (await page(`/recruit/campaigns/${campaignId}/fairness?lang=en`, recruiter)).text();
    expect(html).toContain('data-testid="chart-tool"');
    expect((html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(3);
    expect(html).toContain('data-testid="table-human"');
    const csv = await (
      await t.call('GET', `/api/v1/interviews/campaigns/${campaignId}/fairness.csv`, { token: recruiter })
    ).text();
    const rows = csv.trim().split('\r\n');
    expect(rows[0]).toBe(
      'section,group,n,count,rate,impact_ratio,adverse_impact,excluded,mean,min,q1,median,q3,max',
    );
    expect(rows.filter((r) => r.startsWith('human_decision_selection,'))).toEqual([
      'human_decision_selection,A,1,1,1,1,false,false',
    ]);
    expect(rows.filter((r) => r.startsWith('score_distribution,')).length).toBe(2);
  });
});

describe('candidate pages', () => {
  it('/interview/{token} renders the interview shell without the rubric; an unknown token is a 404 page', async () => {
    const { tokens } = await startCampaign(t.call, recruiter, ['wang@example.com,王小明,']);
    const res = await page(`/interview/${tokens[0]}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).toContain('/assets/interview.js');
    expect(html).not.toContain('补发或退款');
    const missing = await page('/interview/itk_missing');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('data-testid="message-page"');
  });

  it('the open invitation registers a candidate and sends them to their personal link', async () => {
    const campaign = await json<{ inviteLink: string }>(
      await t.call('POST', '/api/v1/interviews/campaigns', { token: recruiter, body: campaignInput() }),
      201,
    );
    expect((await page(campaign.inviteLink)).status).toBe(200);
    const form = (body: string) =>
      page(campaign.inviteLink, undefined, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    const ok = await form('name=Ann&email=ann%40example.com');
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toMatch(/^\/interview\/itk_/);
    const again = await form('name=Ann&email=ann%40example.com');
    expect(again.status).toBe(409);
    expect(await again.text()).not.toContain('/interview/itk_');
    expect((await form('name=&email=x')).status).toBe(422);
  });
});
