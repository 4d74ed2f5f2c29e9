import { and, asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '#src/db/schema/pii.ts';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import {
  campaignInput,
  consentAndType,
  GOOD_ZH_ANSWER,
  json,
  startCampaign,
  ZH_QUESTION,
} from './test-fixtures.ts';

let t: TestApp;
let recruiter: string;
beforeEach(async () => {
  t = await createTestApp();
  recruiter = await t.login('recruiter@demo.test');
});
afterEach(() => t.close());

type Campaign = {
  id: string;
  inviteLink: string;
  thresholds: { typing: { minNet: number } };
  questions: { id: string; prompt: string }[];
};

describe('campaigns', () => {
  it('POST /interviews/campaigns creates a campaign with the tenant default thresholds and an invitation link', async () => {
    const created = await json<Campaign>(
      await t.call('POST', '/api/v1/interviews/campaigns', { token: recruiter, body: campaignInput() }),
      201,
    );
    expect(created.thresholds.typing).toEqual({ minNet: 50, minAccuracy: 0.95 });
    expect(created.inviteLink).toMatch(/^\/interview\/apply\/inv_/);
    expect(created.questions).toHaveLength(1);

    const list = await json<{ items: { id: string; questionCount: number }[] }>(
      await t.call('GET', '/api/v1/interviews/campaigns', { token: recruiter }),
      200,
    );
    expect(list.items.map((c) => [c.id, c.questionCount])).toEqual([[created.id, 1]]);
  });

  it('tenant defaults apply to new campaigns, and a campaign can override them', async () => {
    const thresholds = {
      typing: { minNet: 65, minAccuracy: 0.97 },
      speech: { rateLow: 140, rateHigh: 240, maxPauseRatio: 0.4, minFluencyBand: '二级甲等' },
      total: { advanceAt: 0.75, notAdvanceBelow: 0.35 },
    };
    await json(
      await t.call('PUT', '/api/v1/interviews/settings', { token: recruiter, body: { thresholds } }),
      200,
    );
    const a = await json<Campaign>(
      await t.call('POST', '/api/v1/interviews/campaigns', { token: recruiter, body: campaignInput() }),
      201,
    );
    expect(a.thresholds).toEqual(thresholds);
    const own = { ...thresholds, typing: { minNet: 40, minAccuracy: 0.9 } };
    const b = await json<Campaign>(
      await t.call('POST', '/api/v1/interviews/campaigns', {
        token: recruiter,
        body: campaignInput({ thresholds: own }),
      }),
      201,
    );
    expect(b.thresholds.typing.minNet).toBe(40);
  });

  it('PUT edits questions in place and adds new ones', async () => {
    const c = await json<Campaign>(
      await t.call('POST', '/api/v1/interviews/campaigns', { token: recruiter, body: campaignInput() }),
      201,
    );
    const qid = c.questions[0]!.id;
    const edited = await json<Campaign>(
      await t.call('PUT', `/api/v1/interviews/campaigns/${c.id}`, {
        token: recruiter,
        body: campaignInput({
          name: '改名',
          questions: [
            { ...ZH_QUESTION, id: qid, prompt: '改过的问题' },
            { ...ZH_QUESTION, prompt: '第二题' },
          ],
        }),
      }),
      200,
    );
    expect(edited.questions.map((q) => [q.id === qid, q.prompt])).toEqual([
      [true, '改过的问题'],
      [false, '第二题'],
    ]);
  });

  it('rejects a rating scale without one anchor per level, with field paths (422)', async () => {
    const bad = campaignInput({ questions: [{ ...ZH_QUESTION, rubric: ZH_QUESTION.rubric.slice(0, 4) }] });
    const res = await t.call('POST', '/api/v1/interviews/campaigns', { token: recruiter, body: bad });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await res.json()) as { errors: { path: string }[] };
    expect(problem.errors.map((e) => e.path)).toContain('body.questions.0.rubric');
  });

  it('is for recruiters and admins only', async () => {
    const agent = await t.login('agent1@demo.test');
    expect((await t.call('GET', '/api/v1/interviews/campaigns', { token: agent })).status).toBe(403);
    expect((await t.call('GET', '/api/v1/interviews/campaigns')).status).toBe(401);
    const admin = await t.login('admin@demo.test');
    expect((await t.call('GET', '/api/v1/interviews/campaigns', { token: admin })).status).toBe(200);
  });

  it('keeps tenants apart', async () => {
    const c = await json<Campaign>(
      await t.call('POST', '/api/v1/interviews/campaigns', { token: recruiter, body: campaignInput() }),
      201,
    );
    const other = await t.login('admin@northwind.test');
    expect((await t.call('GET', `/api/v1/interviews/campaigns/${c.id}`, { token: other })).status).toBe(404);
  });
});

describe('candidate import', () => {
  it('imports good rows and reports bad rows and duplicate emails with their line numbers', async () => {
    const c = await json<Campaign>(
      await t.call('POST', '/api/v1/interviews/campaigns', { token: recruiter, body: campaignInput() }),
      201,
    );
    const path = `/api/v1/interviews/campaigns/${c.id}/candidates/import`;
    const csv = [
      'email,name,group',
      'wang@example.com,王小明,A',
      'bad-email,Someone,B',
      'WANG@example.com,王小明2,A',
      'lee@example.com,Lee,B',
    ].join('\n');
    const first = await json<{
      imported: number;
      errors: { row: number; code: string }[];
      candidates: { link: string }[];
    }>(await t.call('POST', path, { token: recruiter, body: { csv } }), 200);
    expect(first.imported).toBe(2);
    expect(first.errors.map((e) => [e.row, e.code])).toEqual([
      [3, 'invalid_email'],
      [4, 'duplicate_email'],
    ]);
    expect(first.candidates[0]?.link).toMatch(/^\/interview\/itk_/);
    // Importing the same people again: every row is a duplicate of an existing candidate.
    const again = await json<{ imported: number; errors: { code: string }[] }>(
      await t.call('POST', path, {
        token: recruiter,
        body: { csv: 'email,name\nwang@example.com,王\nlee@example.com,Lee' },
      }),
      200,
    );
    expect(again.imported).toBe(0);
    expect(again.errors.map((e) => e.code)).toEqual(['duplicate_email', 'duplicate_email']);
  });

  it('registers through the open invitation link, and refuses an email already in the campaign', async () => {
    const c = await json<Campaign>(
      await t.call('POST', '/api/v1/interviews/campaigns', { token: recruiter, body: campaignInput() }),
      201,
    );
    const invite = c.inviteLink.split('/').pop();
    const path = `/api/v1/interviews/invitations/${invite}/candidates`;
    const reg = await json<{ link: string }>(
      await t.call('POST', path, { body: { email: 'new@example.com', name: 'New' } }),
      201,
    );
    expect(reg.link).toMatch(/^\/interview\/itk_/);
    const again = await t.call('POST', path, { body: { email: 'NEW@example.com', name: 'Someone else' } });
    expect(again.status).toBe(409);
    expect(await again.text()).not.toContain(reg.link);
  });
});

describe('a candidate from invitation to decision (text answers, no transcription endpoint)', () => {
  it('consents, types, answers, is scored with evidence, queued for review and decided by a person', async () => {
    const { campaignId, questionId, tokens } = await startCampaign(t.call, recruiter, [
      'wang@example.com,王小明,',
    ]);
    const token = tokens[0]!;
    const base = `/api/v1/interviews/sessions/${token}`;

    const before = await json<{
      candidate: { status: string };
      transcription: { configured: boolean };
      questions: Record<string, unknown>[];
    }>(await t.call('GET', base), 200);
    expect(before.candidate.status).toBe('invited');
    expect(before.transcription.configured).toBe(false);
    // The candidate never sees the rubric or the reference answer.
    expect(Object.keys(before.questions[0]!).sort()).toEqual([
      'id',
      'position',
      'prompt',
      'timeLimitSeconds',
    ]);

    // Nothing is recorded before consent.
    const early = await t.call('POST', `${base}/typing/events`, {
      body: { seq: 0, events: [{ t: 0, type: 'keydown' }] },
    });
    expect(early.status).toBe(409);
    expect(((await early.json()) as { reason: string }).reason).toBe('consent-required');

    await consentAndType(t.call, token, undefined, 'A');
    // Without a transcription endpoint a written answer is required.
    const noText = await t.call('POST', `${base}/answers/${questionId}`, { body: { mode: 'text' } });
    expect(noText.status).toBe(422);
    await json(
      await t.call('POST', `${base}/answers/${questionId}`, {
        body: { mode: 'text', writtenText: GOOD_ZH_ANSWER, durationMs: 60_000 },
      }),
      200,
    );
    await json(await t.call('POST', `${base}/submit`), 200);

    const queue = await json<{
      items: {
        candidateId: string;
        recommendation: string;
        score100: number;
        decision: string | null;
        flags: string[];
      }[];
      total: number;
    }>(await t.call('GET', `/api/v1/interviews/review?campaign=${campaignId}`, { token: recruiter }), 200);
    expect(queue.total).toBe(1);
    const item = queue.items[0]!;
    expect(item.decision).toBeNull();
    expect(item.score100).toBeGreaterThan(50);
    expect(item.flags).not.toContain('typing-paste');

    type Detail = {
      scorecard: {
        recommendation: string;
        card: {
          typing: { net: number; passed: boolean; unit: string };
          answers: {
            detail: {
              anchors: { matched: boolean; evidence: { quote: string }[] }[];
              coverage: { recall: number };
            };
          }[];
          reasons: { code: string }[];
          decision: null;
          texts: Record<string, { source: string; text: string }>;
        };
      };
      candidate: { group: string };
    };
    const detail = await json<Detail>(
      await t.call('GET', `/api/v1/interviews/candidates/${item.candidateId}`, { token: recruiter }),
      200,
    );
    const card = detail.scorecard.card;
    expect(detail.candidate.group).toBe('A');
    expect(card.typing.unit).toBe('字/分');
    expect(card.typing.net).toBeGreaterThan(50);
    expect(card.typing.passed).toBe(true);
    expect(card.decision).toBeNull();
    expect(card.texts[questionId]).toEqual({ source: 'written', text: GOOD_ZH_ANSWER });
    const answer = card.answers[0]!.detail;
    expect(answer.coverage.recall).toBeGreaterThan(0.3);
    const quotes = answer.anchors.filter((a) => a.matched).flatMap((a) => a.evidence.map((e) => e.quote));
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) expect(GOOD_ZH_ANSWER).toContain(q);

    // Going against the advice needs a note; the decision is stored append-only with who and why.
    const advice = detail.scorecard.recommendation;
    const against = advice === 'advance' ? 'reject' : 'advance';
    const bare = await t.call('POST', `/api/v1/interviews/candidates/${item.candidateId}/decisions`, {
      token: recruiter,
      body: { outcome: against, note: '' },
    });
    expect(bare.status).toBe(422);
    const hold = await json<{
      outcome: string;
      decidedByName: string;
      overridesRecommendation: boolean;
      recommendation: string;
    }>(
      await t.call('POST', `/api/v1/interviews/candidates/${item.candidateId}/decisions`, {
        token: recruiter,
        body: { outcome: 'hold', note: '先电话沟通' },
      }),
      201,
    );
    expect(hold).toMatchObject({ outcome: 'hold', overridesRecommendation: false, recommendation: advice });
    expect(hold.decidedByName).not.toBe('');
    await json(
      await t.call('POST', `/api/v1/interviews/candidates/${item.candidateId}/decisions`, {
        token: recruiter,
        body: { outcome: against, note: '面试官复核后决定' },
      }),
      201,
    );
    const after = await json<{ decisions: { outcome: string; note: string }[] }>(
      await t.call('GET', `/api/v1/interviews/candidates/${item.candidateId}`, { token: recruiter }),
      200,
    );
    expect(after.decisions.map((d) => d.outcome)).toEqual([against, 'hold']);
    // Each decision is also in the tenant's audit log, without the note's text.
    const audit = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'interview.decision'), eq(auditLog.targetId, item.candidateId)))
      .orderBy(asc(auditLog.id));
    expect(audit.map((a) => a.detail?.outcome)).toEqual(['hold', against]);
    expect(audit[1]).toMatchObject({ actorRole: 'recruiter', targetType: 'interview_candidate' });
    expect(audit[1]?.detail).toMatchObject({ recommendation: advice, overridesRecommendation: true });
    expect(JSON.stringify(audit)).not.toContain('面试官复核后决定');
    const undecided = await json<{ total: number }>(
      await t.call('GET', `/api/v1/interviews/review?campaign=${campaignId}&decision=undecided`, {
        token: recruiter,
      }),
      200,
    );
    expect(undecided.total).toBe(0);
  });

  it('lands in review with no automatic rejection even for an empty-handed candidate', async () => {
    const { campaignId, tokens } = await startCampaign(t.call, recruiter, ['lee@example.com,Lee,']);
    const base = `/api/v1/interviews/sessions/${tokens[0]}`;
    await json(await t.call('POST', `${base}/consent`, { body: { consent: true } }), 200);
    await json(await t.call('POST', `${base}/submit`), 200);
    const queue = await json<{ items: { recommendation: string; flags: string[]; decision: null }[] }>(
      await t.call('GET', `/api/v1/interviews/review?campaign=${campaignId}`, { token: recruiter }),
      200,
    );
    expect(queue.items[0]).toMatchObject({ recommendation: 'review', decision: null });
    expect(queue.items[0]?.flags).toEqual(expect.arrayContaining(['answer-missing', 'typing-missing']));
  });
});
