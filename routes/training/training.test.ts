import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CARDS } from '#assist/simulator/cards/demo-cards.ts';
import { createSession } from '#assist/simulator/persona-engine.ts';
import { certifications, skills } from '#src/db/schema/skills.ts';
import { users } from '#src/db/schema/users.ts';
import { seedFrom } from '#src/services/training/deps.ts';
import { goodScript, scriptsByCard } from '#src/services/training/testing/scripted-trainee.ts';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';

let t: TestApp;
let trainee1: string;
let trainee2: string;
let supervisor: string;

beforeAll(async () => {
  t = await createTestApp();
  [trainee1, trainee2, supervisor] = await Promise.all([
    t.login('trainee1@demo.test'),
    t.login('trainee2@demo.test'),
    t.login('supervisor@demo.test'),
  ]);
});
afterAll(() => t.close());

const json = async <T = Record<string, unknown>>(res: Response, status: number): Promise<T> => {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as T;
};

interface Turn {
  turn: number;
  customerText: string | null;
  coaching: { stepsCovered: { key: string }[]; findings: { kind: string }[]; empathy: number } | null;
  mood: { value: number; band: string };
  ended: boolean;
  endReason: string | null;
  verdict: {
    passed: boolean;
    overall: number;
    scores: Record<string, number>;
    failures: string[];
    replay: unknown[];
    evidence: Record<string, { quote: string }[]>;
  } | null;
  voice: string | null;
  certified: { skill: string; level: number }[];
}

async function play(token: string, cardId: string, turns: string[], tag: string) {
  const started = await json<{ id: string; opening: string }>(
    await t.call('POST', '/api/v1/training/sessions', { token, body: { cardId } }),
    201,
  );
  const results: Turn[] = [];
  for (const [i, text] of turns.entries()) {
    const r = await json<Turn>(
      await t.call('POST', `/api/v1/training/sessions/${started.id}/turns`, {
        token,
        body: { text, clientTurnId: `${tag}-${i}` },
      }),
      200,
    );
    results.push(r);
    if (r.ended) break;
  }
  return { ...started, results };
}

describe('scenario cards', () => {
  it('GET /training/cards lists the 34 seeded bilingual demo cards', async () => {
    const body = await json<{ items: { cardId: string; lang: string; source: string; version: number }[] }>(
      await t.call('GET', '/api/v1/training/cards', { token: trainee1 }),
      200,
    );
    expect(body.items).toHaveLength(DEMO_CARDS.length);
    expect(DEMO_CARDS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(body.items.map((c) => c.lang))).toEqual(new Set(['zh', 'en']));
    expect(body.items.every((c) => c.source === 'seed' && c.version === 1)).toBe(true);
  });

  it('POST /training/cards rejects a card with contradictory criteria with 422 and field paths', async () => {
    const base = DEMO_CARDS.find((c) => c.id === 'refund-unshipped-en')!;
    const contradictory = {
      ...base,
      id: 'refund-contradiction-en',
      // Forbids the very refund the outcome requires, and a fact both known and hidden.
      mustNotAccept: [
        { kind: 'promise', keywords: [base.success.outcome.cues[0]![0]!], why: 'Never refund.' },
      ],
      hiddenFacts: [
        ...base.hiddenFacts,
        { key: base.knownFacts[0]!.key, text: 'secret', revealWhen: ['why'] },
      ],
    };
    const res = await t.call('POST', '/api/v1/training/cards', {
      token: supervisor,
      body: { card: contradictory },
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await res.json()) as { code: string; errors: { path: string; message: string }[] };
    expect(problem.code).toBe('validation_failed');
    const paths = problem.errors.map((e) => e.path);
    expect(paths).toContain('body.card.mustNotAccept.0.keywords.0');
    expect(paths.some((p) => /^body\.card\.hiddenFacts\.\d+\.key$/.test(p))).toBe(true);
    // Nothing was stored.
    await json(
      await t.call('GET', '/api/v1/training/cards/refund-contradiction-en', { token: supervisor }),
      404,
    );
  });

  it('a trainee may not create cards; a supervisor creates v1 and PUT saves v2 as the active version', async () => {
    const base = DEMO_CARDS.find((c) => c.id === 'refund-unshipped-en')!;
    const card = { ...base, id: 'refund-unshipped-en-copy', title: 'Copy of the unshipped refund' };
    await json(await t.call('POST', '/api/v1/training/cards', { token: trainee1, body: { card } }), 403);
    const v1 = await json<{ version: number; createdBy: string }>(
      await t.call('POST', '/api/v1/training/cards', { token: supervisor, body: { card } }),
      201,
    );
    expect(v1.version).toBe(1);
    await json(await t.call('POST', '/api/v1/training/cards', { token: supervisor, body: { card } }), 409);
    const v2 = await json<{ version: number; title: string }>(
      await t.call('PUT', '/api/v1/training/cards/refund-unshipped-en-copy', {
        token: supervisor,
        body: { card: { ...card, title: 'Unshipped refund, edited', difficulty: 2 } },
      }),
      200,
    );
    expect(v2).toMatchObject({ version: 2, title: 'Unshipped refund, edited' });
    const got = await json<{ version: number; versions: { version: number; active: boolean }[] }>(
      await t.call('GET', '/api/v1/training/cards/refund-unshipped-en-copy', { token: supervisor }),
      200,
    );
    expect(got.version).toBe(2);
    expect(got.versions).toEqual([
      expect.objectContaining({ version: 2, active: true }),
      expect.objectContaining({ version: 1, active: false }),
    ]);
    const old = await json<{ card: { title: string } }>(
      await t.call('GET', '/api/v1/training/cards/refund-unshipped-en-copy?version=1', { token: supervisor }),
      200,
    );
    expect(old.card.title).toBe('Copy of the unshipped refund');
  });

  it('a trainee sees the card list but not a card’s hidden facts (GET one card is 403)', async () => {
    const list = await json<{ items: Record<string, unknown>[] }>(
      await t.call('GET', '/api/v1/training/cards?lang=en', { token: trainee2 }),
      200,
    );
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((c) => !('card' in c))).toBe(true);
    expect(JSON.stringify(list)).not.toContain('cheaper somewhere else');
    await json(await t.call('GET', '/api/v1/training/cards/refund-unshipped-en', { token: trainee2 }), 403);
    // Nor through a session: the trainee's view of a session carries the card's summary only.
    const started = await json<{ id: string }>(
      await t.call('POST', '/api/v1/training/sessions', {
        token: trainee2,
        body: { cardId: 'refund-unshipped-en' },
      }),
      201,
    );
    const view = await t.call('GET', `/api/v1/training/sessions/${started.id}`, { token: trainee2 });
    expect(await view.text()).not.toContain('cheaper somewhere else');
  });
});

describe('practice sessions', () => {
  it('a trainee plays a demo card to a pass: coaching each reply, mood, a scored verdict with evidence and replay', async () => {
    const script = goodScript('refund-unshipped-zh');
    const run = await play(trainee1, 'refund-unshipped-zh', script, 'pass1');
    expect(run.opening.length).toBeGreaterThan(5);
    for (const r of run.results) {
      expect(r.coaching).not.toBeNull();
      expect(typeof r.mood.value).toBe('number');
      expect(r.customerText).toBeTruthy();
      expect(r.voice).toBe('embedded');
    }
    expect(run.results.flatMap((r) => r.coaching!.stepsCovered.map((s) => s.key)).length).toBeGreaterThan(0);
    const last = run.results.at(-1)!;
    expect(last.ended).toBe(true);
    expect(last.endReason).toBe('criteria-met');
    expect(last.verdict!.passed).toBe(true);
    expect(Object.keys(last.verdict!.scores)).toEqual([
      'sop_adherence',
      'compliance',
      'empathy',
      'accuracy',
      'resolution',
      'efficiency',
    ]);
    expect(last.verdict!.replay.length).toBe(1 + 2 * run.results.length);
    const session = await json<{
      status: string;
      passed: boolean;
      score: number;
      transcript: unknown[];
      checklist: { done: boolean }[];
    }>(await t.call('GET', `/api/v1/training/sessions/${run.id}`, { token: trainee1 }), 200);
    expect(session).toMatchObject({ status: 'ended', passed: true, score: last.verdict!.overall });
    expect(session.transcript).toHaveLength(1 + 2 * run.results.length);
    expect(session.checklist!.every((s) => s.done)).toBe(true);
  });

  it('a reply is idempotent on clientTurnId; the same id with other text is a 409', async () => {
    const started = await json<{ id: string }>(
      await t.call('POST', '/api/v1/training/sessions', {
        token: trainee2,
        body: { cardId: 'exchange-size-en' },
      }),
      201,
    );
    const send = (text: string) =>
      t.call('POST', `/api/v1/training/sessions/${started.id}/turns`, {
        token: trainee2,
        body: { text, clientTurnId: 'same-1' },
      });
    const first = await json<Turn>(await send('Hello! Which order is it and what size do you need?'), 200);
    const again = await json<Turn>(await send('Hello! Which order is it and what size do you need?'), 200);
    expect(again).toEqual(first);
    await json(await send('Something else entirely'), 409);
    const session = await json<{ turns: number }>(
      await t.call('GET', `/api/v1/training/sessions/${started.id}`, { token: trainee2 }),
      200,
    );
    expect(session.turns).toBe(1);
  });

  it('a trainee who leaves mid-session resumes where they left — same customer words as an uninterrupted run', async () => {
    const cardId = 'delay-remote-region-en';
    const card = DEMO_CARDS.find((c) => c.id === cardId)!;
    const script = scriptsByCard().get(cardId)!.good[0]!;
    const started = await json<{ id: string; opening: string }>(
      await t.call('POST', '/api/v1/training/sessions', { token: trainee2, body: { cardId } }),
      201,
    );
    const say = (i: number) =>
      t.call('POST', `/api/v1/training/sessions/${started.id}/turns`, {
        token: trainee2,
        body: { text: script[i], clientTurnId: `leave-${i}` },
      });
    const first = await json<Turn>(await say(0), 200);
    // The trainee closes the tab; later, from a new page (and a new app over the same database),
    // the session is listed as active and continues from its stored state.
    const { createApp } = await import('#src/app.ts');
    const restarted = createApp(t.deps);
    const active = (await (
      await restarted.request('/api/v1/training/sessions?status=active&kind=practice', {
        headers: { authorization: `Bearer ${trainee2}` },
      })
    ).json()) as { items: { id: string }[] };
    expect(active.items.map((s) => s.id)).toContain(started.id);
    const rest: Turn[] = [first];
    for (let i = 1; i < script.length; i++) {
      const res = await restarted.request(`/api/v1/training/sessions/${started.id}/turns`, {
        method: 'POST',
        headers: { authorization: `Bearer ${trainee2}`, 'content-type': 'application/json' },
        body: JSON.stringify({ text: script[i], clientTurnId: `leave-${i}` }),
      });
      const r = await json<Turn>(res, 200);
      rest.push(r);
      if (r.ended) break;
    }
    // Reference: the same card, seed and replies without any interruption.
    const reference = createSession(card, seedFrom(started.id));
    expect(reference.opening).toBe(started.opening);
    const expected = script.slice(0, rest.length).map((line) => reference.reply(line));
    expect(rest.map((r) => r.customerText)).toEqual(expected.map((e) => e.customerText));
    expect(rest.at(-1)!.verdict?.passed).toBe(expected.at(-1)!.verdict?.passed);
  });

  it('abusive input ends the session failed with the reason', async () => {
    const started = await json<{ id: string }>(
      await t.call('POST', '/api/v1/training/sessions', {
        token: trainee2,
        body: { cardId: 'refund-unshipped-en' },
      }),
      201,
    );
    const r = await json<Turn>(
      await t.call('POST', `/api/v1/training/sessions/${started.id}/turns`, {
        token: trainee2,
        body: { text: 'Shut up, you idiot. Stop wasting my time.', clientTurnId: 'abuse-1' },
      }),
      200,
    );
    expect(r).toMatchObject({ ended: true, endReason: 'abusive-trainee' });
    expect(r.verdict!.passed).toBe(false);
    expect(r.verdict!.failures.join(' ')).toMatch(/abus/i);
    expect(r.coaching!.findings.map((f) => f.kind)).toContain('abusive');
    // The session is over: further replies are refused.
    await json(
      await t.call('POST', `/api/v1/training/sessions/${started.id}/turns`, {
        token: trainee2,
        body: { text: 'Sorry!', clientTurnId: 'abuse-2' },
      }),
      409,
    );
  });

  it('without a card the personalised path picks one, in the trainee’s language, with reasons', async () => {
    const body = await json<{ card: { lang: string; skill: string }; reasons: string[] }>(
      await t.call('POST', '/api/v1/training/sessions', { token: t3(), body: {} }),
      201,
    );
    expect(body.card.lang).toBe('zh');
    expect(body.reasons.length).toBeGreaterThan(0);
  });

  it('another trainee cannot read or answer someone else’s session', async () => {
    const started = await json<{ id: string }>(
      await t.call('POST', '/api/v1/training/sessions', {
        token: trainee1,
        body: { cardId: 'coupon-stacking-zh' },
      }),
      201,
    );
    await json(await t.call('GET', `/api/v1/training/sessions/${started.id}`, { token: trainee2 }), 404);
    await json(
      await t.call('POST', `/api/v1/training/sessions/${started.id}/turns`, {
        token: trainee2,
        body: { text: 'hi', clientTurnId: 'x-1' },
      }),
      404,
    );
    // A supervisor may read it.
    await json(await t.call('GET', `/api/v1/training/sessions/${started.id}`, { token: supervisor }), 200);
  });
});

let trainee3Token = '';
const t3 = () => trainee3Token;
beforeAll(async () => {
  trainee3Token = await t.login('trainee3@demo.test');
});

describe('certification', () => {
  it('N passed scenarios + a supervisor’s passed live test certify the skill (simulator+live, expiry) and make the trainee an agent', async () => {
    const [me] = await t.deps.db.select().from(users).where(eq(users.email, 'trainee1@demo.test'));
    // trainee1 passed refund-unshipped-zh above. N = 3 passes spread over the 2 Chinese refund
    // cards: each counts at most twice, so the same card again counts once more …
    type Progress = { skills: { skill: string; status: string; required: number; credited: number }[] };
    const refundOf = async () =>
      (
        await json<Progress>(await t.call('GET', '/api/v1/training/progress', { token: trainee1 }), 200)
      ).skills.find((s) => s.skill === 'ecommerce.refund')!;
    await play(trainee1, 'refund-unshipped-zh', goodScript('refund-unshipped-zh'), 'pass1b');
    expect(await refundOf()).toMatchObject({ required: 3, credited: 2, status: 'practising' });
    // … but a third pass of it does not: the other card is needed.
    await play(trainee1, 'refund-unshipped-zh', goodScript('refund-unshipped-zh'), 'pass1c');
    expect(await refundOf()).toMatchObject({ credited: 2, status: 'practising' });
    const second = await play(
      trainee1,
      'refund-credit-card-late-zh',
      goodScript('refund-credit-card-late-zh'),
      'pass2',
    );
    expect(second.results.at(-1)!.verdict!.passed).toBe(true);
    // Not certified yet: the live test is missing.
    expect(second.results.at(-1)!.certified).toEqual([]);
    expect(await refundOf()).toMatchObject({ status: 'ready-for-live', required: 3, credited: 3 });

    // The supervisor runs the live test as the customer.
    const live = await json<{ id: string; kind: string }>(
      await t.call('POST', '/api/v1/training/live-tests', {
        token: supervisor,
        body: { traineeId: me!.id, cardId: 'refund-credit-card-late-zh' },
      }),
      201,
    );
    expect(live.kind).toBe('live');
    await json(
      await t.call('POST', `/api/v1/training/sessions/${live.id}/customer`, {
        token: supervisor,
        body: { text: '我的退款五天了还没到账，怎么回事？', clientTurnId: 'sup-1' },
      }),
      200,
    );
    const reply = await json<Turn>(
      await t.call('POST', `/api/v1/training/sessions/${live.id}/turns`, {
        token: trainee1,
        body: { text: '非常抱歉让您久等了，麻烦提供一下订单号，我马上帮您查。', clientTurnId: 'tr-1' },
      }),
      200,
    );
    expect(reply.customerText).toBeNull();
    expect(reply.coaching).toBeNull(); // the trainee does not see coaching during the exam
    const supView = await json<{
      transcript: { role: string; voice?: string }[];
      coaching: unknown[] | null;
    }>(await t.call('GET', `/api/v1/training/sessions/${live.id}`, { token: supervisor }), 200);
    expect(supView.transcript.map((l) => l.role)).toEqual(['customer', 'trainee']);
    expect(supView.transcript[0]!.voice).toBe('person');
    expect(supView.coaching).toHaveLength(1); // the examiner does
    const result = await json<{ certified: { skill: string; level: number; expiresAt: number }[] }>(
      await t.call('POST', `/api/v1/training/sessions/${live.id}/live-result`, {
        token: supervisor,
        body: { passed: true, note: '流程清晰，安抚到位。' },
      }),
      200,
    );
    expect(result.certified).toEqual([expect.objectContaining({ skill: 'ecommerce.refund', level: 2 })]);

    const [skill] = await t.deps.db.select().from(skills).where(eq(skills.key, 'ecommerce.refund'));
    const rows = await t.deps.db.select().from(certifications).where(eq(certifications.userId, me!.id));
    const cert = rows.find((c) => c.skillId === skill!.id)!;
    expect(cert).toMatchObject({ level: 2, source: 'simulator+live', certifiedAt: t.clock.now() });
    expect(cert.expiresAt).toBe(t.clock.now() + 365 * 86_400_000);
    const [after] = await t.deps.db.select().from(users).where(eq(users.id, me!.id));
    expect(after!.role).toBe('agent');
  });

  it('the cohort view shows time to certification, pass rates per scenario and dimension means', async () => {
    await json(await t.call('GET', '/api/v1/training/cohort', { token: trainee2 }), 403);
    const cohort = await json<{
      members: { name: string; certifications: { skill: string; sessions: number }[] }[];
      scenarios: { cardId: string; plays: number; passRate: number }[];
      dimensions: { dimension: string; mean: number }[];
      summary: { certified: number };
    }>(await t.call('GET', '/api/v1/training/cohort', { token: supervisor }), 200);
    const lin = cohort.members.find((m) => m.name.includes('林小北'))!;
    expect(lin.certifications).toEqual([expect.objectContaining({ skill: 'ecommerce.refund', sessions: 4 })]);
    expect(cohort.summary.certified).toBe(1);
    expect(cohort.scenarios.find((s) => s.cardId === 'refund-unshipped-zh')).toMatchObject({
      plays: 3,
      passRate: 1,
    });
    expect(cohort.dimensions).toHaveLength(6);
  });

  it('requirements are tenant-configurable per skill', async () => {
    await json(
      await t.call('PUT', '/api/v1/training/requirements/ecommerce.billing', {
        token: trainee2,
        body: { scenariosRequired: 1, minScore: 80, levelGranted: 2, validityDays: 90 },
      }),
      403,
    );
    const saved = await json<{ skill: string; minScore: number; custom: boolean }>(
      await t.call('PUT', '/api/v1/training/requirements/ecommerce.billing', {
        token: supervisor,
        body: { scenariosRequired: 1, minScore: 80, levelGranted: 2, validityDays: 90 },
      }),
      200,
    );
    expect(saved).toMatchObject({ skill: 'ecommerce.billing', minScore: 80, custom: true });
    await json(
      await t.call('PUT', '/api/v1/training/requirements/ecommerce.billing', {
        token: supervisor,
        body: { scenariosRequired: 0, minScore: 180, levelGranted: 9, validityDays: 90 },
      }),
      422,
    );
  });
});
