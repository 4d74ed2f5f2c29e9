/**
 * @module Campaigns and their questions (recruiter role), and the tenant's default thresholds.
 * Editing keeps question ids stable, so answers stay attached; a question that already has
 * answers cannot be removed (409) — change its text instead, or start a new campaign.
 */
import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import {
  type CampaignThresholds,
  type InterviewCampaign,
  type InterviewQuestion,
  interviewAnswers,
  interviewCampaigns,
  interviewCandidates,
  interviewQuestions,
  interviewSettings,
} from '#src/db/schema/interviews.ts';
import { AppError, notFound } from '#src/http/problem.ts';
import { chunked, type InterviewDeps, MAX_PARAMS } from './context.ts';
import { type CampaignInput, defaultThresholds, type QuestionInput } from './model.ts';

export interface CampaignWithQuestions extends InterviewCampaign {
  questions: InterviewQuestion[];
}

export interface CampaignSummary extends InterviewCampaign {
  questionCount: number;
  candidates: { total: number; submitted: number; withdrawn: number };
}

/** The tenant's defaults for new campaigns, else the product defaults for the typing language. */
export async function tenantThresholds(
  deps: InterviewDeps,
  tenantId: string,
  typingLang: 'zh' | 'en' = 'zh',
): Promise<{ thresholds: CampaignThresholds; custom: boolean }> {
  const [row] = await deps.db
    .select()
    .from(interviewSettings)
    .where(eq(interviewSettings.tenantId, tenantId));
  return row
    ? { thresholds: row.thresholds, custom: true }
    : { thresholds: defaultThresholds(typingLang), custom: false };
}

export async function setTenantThresholds(
  deps: InterviewDeps,
  tenantId: string,
  userId: string,
  thresholds: CampaignThresholds,
): Promise<CampaignThresholds> {
  const now = deps.clock.now();
  await deps.db
    .insert(interviewSettings)
    .values({ tenantId, thresholds, updatedAt: now, updatedBy: userId })
    .onConflictDoUpdate({
      target: interviewSettings.tenantId,
      set: { thresholds, updatedAt: now, updatedBy: userId },
    });
  return thresholds;
}

export async function getCampaign(
  deps: InterviewDeps,
  tenantId: string,
  id: string,
): Promise<CampaignWithQuestions> {
  const [campaign] = await deps.db
    .select()
    .from(interviewCampaigns)
    .where(and(eq(interviewCampaigns.tenantId, tenantId), eq(interviewCampaigns.id, id)));
  if (!campaign) throw notFound('campaign');
  const questions = await deps.db
    .select()
    .from(interviewQuestions)
    .where(eq(interviewQuestions.campaignId, id))
    .orderBy(asc(interviewQuestions.position));
  return { ...campaign, questions };
}

export async function listCampaigns(deps: InterviewDeps, tenantId: string): Promise<CampaignSummary[]> {
  const campaigns = await deps.db
    .select()
    .from(interviewCampaigns)
    .where(eq(interviewCampaigns.tenantId, tenantId))
    .orderBy(desc(interviewCampaigns.createdAt));
  const [questionCounts, candidateCounts] = await Promise.all([
    deps.db
      .select({ campaignId: interviewQuestions.campaignId, n: count() })
      .from(interviewQuestions)
      .where(eq(interviewQuestions.tenantId, tenantId))
      .groupBy(interviewQuestions.campaignId),
    deps.db
      .select({ campaignId: interviewCandidates.campaignId, status: interviewCandidates.status, n: count() })
      .from(interviewCandidates)
      .where(eq(interviewCandidates.tenantId, tenantId))
      .groupBy(interviewCandidates.campaignId, interviewCandidates.status),
  ]);
  return campaigns.map((c) => {
    const mine = candidateCounts.filter((r) => r.campaignId === c.id);
    const of = (s: string) => mine.find((r) => r.status === s)?.n ?? 0;
    return {
      ...c,
      questionCount: questionCounts.find((q) => q.campaignId === c.id)?.n ?? 0,
      candidates: {
        total: mine.reduce((s, r) => s + r.n, 0),
        submitted: of('submitted'),
        withdrawn: of('withdrawn'),
      },
    };
  });
}

const questionValues = (q: QuestionInput, position: number) => ({
  position,
  prompt: q.prompt,
  timeLimitSeconds: q.timeLimitSeconds,
  reference: q.reference,
  rubric: q.rubric,
  weight: q.weight,
});

export async function createCampaign(
  deps: InterviewDeps,
  tenantId: string,
  userId: string,
  input: CampaignInput,
): Promise<CampaignWithQuestions> {
  const now = deps.clock.now();
  const id = deps.ids.next('icmp');
  const thresholds =
    input.thresholds ?? (await tenantThresholds(deps, tenantId, input.typingLang)).thresholds;
  const { questions, ...fields } = input;
  await deps.db.batch([
    deps.db.insert(interviewCampaigns).values({
      id,
      tenantId,
      ...fields,
      thresholds,
      inviteToken: deps.ids.next('inv'),
      createdBy: userId,
      createdAt: now,
      updatedAt: now,
    }),
    ...questions.map((q, i) =>
      deps.db.insert(interviewQuestions).values({
        id: deps.ids.next('iq'),
        tenantId,
        campaignId: id,
        ...questionValues(q, i),
        updatedAt: now,
      }),
    ),
  ]);
  return getCampaign(deps, tenantId, id);
}

export async function updateCampaign(
  deps: InterviewDeps,
  tenantId: string,
  id: string,
  input: CampaignInput,
): Promise<CampaignWithQuestions> {
  const current = await getCampaign(deps, tenantId, id);
  const now = deps.clock.now();
  const known = new Map(current.questions.map((q) => [q.id, q]));
  const unknownIds = input.questions.filter((q) => q.id && !known.has(q.id));
  if (unknownIds.length > 0) {
    throw new AppError(
      'validation_failed',
      'Some questions do not belong to this campaign.',
      unknownIds.map((q) => ({
        path: `body.questions.${input.questions.indexOf(q)}.id`,
        message: 'unknown question id',
      })),
    );
  }
  const kept = new Set(input.questions.flatMap((q) => (q.id ? [q.id] : [])));
  const removed = current.questions.filter((q) => !kept.has(q.id)).map((q) => q.id);
  if (removed.length > 0) {
    for (const ids of chunked(removed, MAX_PARAMS - 1)) {
      const [answered] = await deps.db
        .select({ n: count() })
        .from(interviewAnswers)
        .where(inArray(interviewAnswers.questionId, ids));
      if ((answered?.n ?? 0) > 0) {
        throw new AppError(
          'conflict',
          'A question that candidates have already answered cannot be removed; edit its wording instead.',
        );
      }
    }
  }
  const { questions, thresholds, ...fields } = input;
  await deps.db.batch([
    deps.db
      .update(interviewCampaigns)
      .set({ ...fields, ...(thresholds ? { thresholds } : {}), updatedAt: now })
      .where(and(eq(interviewCampaigns.tenantId, tenantId), eq(interviewCampaigns.id, id))),
    ...removed.map((qid) => deps.db.delete(interviewQuestions).where(eq(interviewQuestions.id, qid))),
    ...questions.map((q, i) =>
      q.id
        ? deps.db
            .update(interviewQuestions)
            .set({ ...questionValues(q, i), updatedAt: now })
            .where(eq(interviewQuestions.id, q.id))
        : deps.db.insert(interviewQuestions).values({
            id: deps.ids.next('iq'),
            tenantId,
            campaignId: id,
            ...questionValues(q, i),
            updatedAt: now,
          }),
    ),
  ]);
  return getCampaign(deps, tenantId, id);
}
