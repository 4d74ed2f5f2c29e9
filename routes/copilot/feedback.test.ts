import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { openConversation, say } from './test-helpers.ts';

interface Suggestion {
  id: string;
  text: string;
  source: string;
  sourceId: string;
}
interface Feedback {
  id: string;
  action: string;
  editDistance: number | null;
  dismissReason: string | null;
  source: string;
  provider: string;
  sopKey: string | null;
  code?: string;
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function suggestions(id: string, token: string) {
  const res = await t.call('GET', `/api/v1/conversations/${id}/suggestions`, { token });
  expect(res.status).toBe(200);
  return ((await res.json()) as { suggestions: Suggestion[] }).suggestions;
}

async function feedback(convId: string, sgId: string, token: string, body: unknown) {
  const res = await t.call('POST', `/api/v1/conversations/${convId}/suggestions/${sgId}/feedback`, {
    token,
    body,
  });
  return { status: res.status, body: (await res.json()) as Feedback };
}

describe('suggestion feedback', () => {
  it('tells accept from edit by the sent text, stores the edit distance, and dismisses with a reason', async () => {
    const c = await openConversation(t, {
      text: '不想要了，能直接退钱吗？订单号 2024052188341',
      sop: 'refund',
    });
    const [a, b, d] = await suggestions(c.id, c.agent);

    const accepted = await feedback(c.id, a!.id, c.agent, { action: 'accept', sentText: `  ${a!.text} ` });
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({
      action: 'accept',
      editDistance: 0,
      sopKey: 'refund',
      provider: 'embedded',
    });
    expect(accepted.body.source).toBe(a!.source);
    // A retry of the same feedback is answered with the stored row; different feedback is a conflict.
    const retry = await feedback(c.id, a!.id, c.agent, { action: 'accept', sentText: a!.text });
    expect(retry.status).toBe(200);
    expect(retry.body.id).toBe(accepted.body.id);
    expect((await feedback(c.id, a!.id, c.agent, { action: 'dismiss', reason: 'wrong step' })).status).toBe(
      409,
    );

    // "accept" with changed text is recorded as the edit it was.
    const edited = await feedback(c.id, b!.id, c.agent, {
      action: 'accept',
      sentText: `${b!.text} 还有别的问题吗？`,
    });
    expect(edited.status).toBe(201);
    expect(edited.body.action).toBe('edit');
    expect(edited.body.editDistance).toBeGreaterThan(0);
    expect(edited.body.editDistance).toBeLessThan(1);

    const noReason = await feedback(c.id, d!.id, c.agent, { action: 'dismiss' });
    expect(noReason.status).toBe(422);
    expect(noReason.body.code).toBe('validation_failed');
    const noText = await feedback(c.id, d!.id, c.agent, { action: 'edit' });
    expect(noText.status).toBe(422);
    const dismissed = await feedback(c.id, d!.id, c.agent, { action: 'dismiss', reason: 'not relevant' });
    expect(dismissed.status).toBe(201);
    expect(dismissed.body).toMatchObject({
      action: 'dismiss',
      editDistance: null,
      dismissReason: 'not relevant',
    });
  });

  it('is only for the agent the suggestion was shown to', async () => {
    const c = await openConversation(t, { text: '我要退货，订单 2024061100002', sop: 'return' });
    const [a] = await suggestions(c.id, c.agent);
    const agent2 = await t.login('agent2@demo.test');
    expect((await feedback(c.id, a!.id, agent2, { action: 'accept', sentText: a!.text })).status).toBe(404);
    expect((await feedback(c.id, 'sg_unknown', c.agent, { action: 'accept', sentText: 'x' })).status).toBe(
      404,
    );
    const other = await openConversation(t, { text: '我要换货', sop: 'exchange' });
    // The suggestion exists, but not in that conversation.
    expect((await feedback(other.id, a!.id, c.agent, { action: 'accept', sentText: a!.text })).status).toBe(
      404,
    );
    const qa = await t.login('qa@demo.test');
    expect((await feedback(c.id, a!.id, qa, { action: 'accept', sentText: a!.text })).status).toBe(403);
    expect((await feedback(c.id, a!.id, c.agent, { action: 'maybe' })).status).toBe(422);
  });
});

describe('golden replies', () => {
  it('QA promotes an accepted, unedited reply with its order number generalised; lists and removes it', async () => {
    const c = await openConversation(t, { text: 'I want my money back', sop: 'refund' });
    await say(
      t,
      c.agent,
      c.id,
      'Hello, thanks for contacting Demo Mall. Which order would you like a refund for?',
    );
    await say(t, c.customer, c.id, 'It is order 2024052100077, it never shipped');
    const shown = await suggestions(c.id, c.agent);
    const script = shown.find((s) => s.source === 'sop-script')!;
    expect(script.text).toContain('2024052100077');
    const fb = await feedback(c.id, script.id, c.agent, { action: 'accept', sentText: script.text });
    expect(fb.body.action).toBe('accept');

    const qa = await t.login('qa@demo.test');
    const listed = await t.call('GET', '/api/v1/copilot/feedback?promotable=true', { token: qa });
    const items = ((await listed.json()) as { items: { id: string; promoted: boolean; text: string }[] })
      .items;
    expect(items.map((i) => i.id)).toContain(fb.body.id);

    expect(
      (
        await t.call('POST', '/api/v1/copilot/golden-replies', {
          token: c.agent,
          body: { feedbackId: fb.body.id },
        })
      ).status,
    ).toBe(403);
    const promoted = await t.call('POST', '/api/v1/copilot/golden-replies', {
      token: qa,
      body: { feedbackId: fb.body.id },
    });
    expect(promoted.status).toBe(201);
    const golden = (await promoted.json()) as {
      id: string;
      sopKey: string;
      stepKey: string;
      text: string;
      context: string;
    };
    expect(golden).toMatchObject({
      sopKey: 'refund',
      stepKey: 'check-eligibility',
      context: 'It is order 2024052100077, it never shipped',
    });
    // This customer's order number became a slot the next conversation fills with its own.
    expect(golden.text).toContain('{{order_number}}');
    expect(golden.text).not.toContain('2024052100077');
    const twice = await t.call('POST', '/api/v1/copilot/golden-replies', {
      token: qa,
      body: { feedbackId: fb.body.id },
    });
    expect(twice.status).toBe(409);

    const list = await t.call('GET', '/api/v1/copilot/golden-replies', { token: qa });
    expect(((await list.json()) as { items: { id: string }[] }).items.map((g) => g.id)).toContain(golden.id);
    expect(
      (await t.call('DELETE', `/api/v1/copilot/golden-replies/${golden.id}`, { token: qa })).status,
    ).toBe(204);
    expect(
      (await t.call('DELETE', `/api/v1/copilot/golden-replies/${golden.id}`, { token: qa })).status,
    ).toBe(404);
  });

  it('refuses edited replies and replies outside an SOP step', async () => {
    const qa = await t.login('qa@demo.test');
    const c = await openConversation(t, { text: '你好，想咨询一下', sop: null });
    const [q] = await suggestions(c.id, c.agent);
    expect(q!.source).toBe('clarifying-question');
    const fb = await feedback(c.id, q!.id, c.agent, { action: 'accept', sentText: q!.text });
    const noStep = await t.call('POST', '/api/v1/copilot/golden-replies', {
      token: qa,
      body: { feedbackId: fb.body.id },
    });
    expect(noStep.status).toBe(409);

    const d = await openConversation(t, { text: '我要退货', sop: 'return' });
    const [s] = await suggestions(d.id, d.agent);
    const edited = await feedback(d.id, s!.id, d.agent, { action: 'edit', sentText: `${s!.text}！` });
    const res = await t.call('POST', '/api/v1/copilot/golden-replies', {
      token: qa,
      body: { feedbackId: edited.body.id },
    });
    expect(res.status).toBe(409);
    expect(
      (await t.call('POST', '/api/v1/copilot/golden-replies', { token: qa, body: { feedbackId: 'sfb_x' } }))
        .status,
    ).toBe(404);
  });
});

describe('GET /copilot/metrics', () => {
  it('reports acceptance by source, SOP and provider per day, for QA and supervisors', async () => {
    const qa = await t.login('qa@demo.test');
    const bySource = await t.call('GET', '/api/v1/copilot/metrics?by=source', { token: qa });
    expect(bySource.status).toBe(200);
    const m = (await bySource.json()) as {
      groups: {
        key: string;
        shown: number;
        accepted: number;
        edited: number;
        dismissed: number;
        acceptanceRate: number | null;
        series: { day: string; accepted: number }[];
      }[];
      total: {
        accepted: number;
        edited: number;
        dismissed: number;
        acceptanceRate: number;
        verbatimRate: number;
        shown: number;
      };
    };
    // Everything the tests above did, counted once.
    const acted = m.total.accepted + m.total.edited + m.total.dismissed;
    expect(acted).toBeGreaterThanOrEqual(6);
    expect(m.total.acceptanceRate).toBeCloseTo((m.total.accepted + m.total.edited) / acted, 3);
    expect(m.total.verbatimRate).toBeCloseTo(m.total.accepted / acted, 3);
    expect(m.total.shown).toBeGreaterThan(acted);
    const script = m.groups.find((g) => g.key === 'sop-script');
    expect(script?.accepted).toBeGreaterThanOrEqual(1);
    expect(script?.series[0]?.day).toBe(new Date(t.clock.now()).toISOString().slice(0, 10));

    const bySop = (await (await t.call('GET', '/api/v1/copilot/metrics?by=sop', { token: qa })).json()) as {
      groups: { key: string }[];
    };
    expect(bySop.groups.map((g) => g.key)).toEqual(expect.arrayContaining(['refund', '(none)']));
    const byProvider = (await (
      await t.call('GET', '/api/v1/copilot/metrics?by=provider', {
        token: await t.login('supervisor@demo.test'),
      })
    ).json()) as { groups: { key: string }[] };
    expect(byProvider.groups.map((g) => g.key)).toEqual(['embedded']);

    // A window before any of it is empty.
    const old = await t.call('GET', '/api/v1/copilot/metrics?from=2020-01-01&to=2020-02-01', { token: qa });
    expect(((await old.json()) as { groups: unknown[] }).groups).toEqual([]);
    expect((await t.call('GET', '/api/v1/copilot/metrics?by=colour', { token: qa })).status).toBe(422);
    expect((await t.call('GET', '/api/v1/copilot/metrics?from=yesterday', { token: qa })).status).toBe(422);
    expect(
      (await t.call('GET', '/api/v1/copilot/metrics', { token: await t.login('agent1@demo.test') })).status,
    ).toBe(403);
  });
});

describe('style guide', () => {
  it('admins set the tenant style; suggestions follow it from the next one', async () => {
    const admin = await t.login('admin@demo.test');
    const empty = await t.call('GET', '/api/v1/copilot/style-guide', { token: admin });
    expect(await empty.json()).toMatchObject({ guide: {}, updatedAt: null });
    const agent = await t.login('agent5@demo.test');
    expect((await t.call('GET', '/api/v1/copilot/style-guide', { token: agent })).status).toBe(403);
    expect(
      (await t.call('PUT', '/api/v1/copilot/style-guide', { token: admin, body: { zhAddress: 'yo' } }))
        .status,
    ).toBe(422);
    expect(
      (await t.call('PUT', '/api/v1/copilot/style-guide', { token: admin, body: { colour: 'blue' } })).status,
    ).toBe(422);

    const c = await openConversation(t, {
      text: '不想要了，能直接退钱吗？订单号 2024052188341',
      sop: 'refund',
      agent: 'agent5@demo.test',
    });
    const before = await suggestions(c.id, c.agent);
    expect(before[0]!.text).toContain('您');
    const put = await t.call('PUT', '/api/v1/copilot/style-guide', {
      token: admin,
      body: { zhAddress: 'ni', enContractions: 'expand', opener: { en: 'Hello!' } },
    });
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ guide: { zhAddress: 'ni' }, updatedBy: expect.any(String) });
    const after = await suggestions(c.id, c.agent);
    expect(after[0]!.text).not.toContain('您');
    expect(after[0]!.text).toContain('你');
    const got = await t.call('GET', '/api/v1/copilot/style-guide', { token: admin });
    expect(((await got.json()) as { guide: unknown }).guide).toEqual({
      zhAddress: 'ni',
      enContractions: 'expand',
      opener: { en: 'Hello!' },
    });
    await t.call('PUT', '/api/v1/copilot/style-guide', { token: admin, body: {} });
  });
});
