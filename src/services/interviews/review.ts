/**
 * @module The recruiter's review queue and scorecard view, and human decisions. Every
 * submitted candidate is in the queue whatever the tool advised; a person decides advance,
 * reject or hold, and a decision that goes against the advice (or rejects) must say why. Each
 * decision is a new row in interview_decisions — never updated, never deleted — naming who
 * decided, when, what the tool advised and whether they overrode it.
 */
import { and, asc, desc, eq, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import { recordHumanDecision, type Scorecard } from '#assist/interview/index.ts';
import {
  type CandidateStatus,
  type DecisionOutcome,
  interviewAnswers,
  interviewCampaigns,
  interviewCandidates,
  interviewDecisions,
  interviewRecordings,
  interviewScorecards,
  interviewTranscripts,
  interviewTypingTests,
} from '#src/db/schema/interviews.ts';
import { users } from '#src/db/schema/users.ts';
import { AppError, notFound } from '#src/http/problem.ts';
import { auditInsert } from './audit.ts';
import { getCampaign } from './campaigns.ts';
import { candidateById, candidateLink } from './candidates.ts';
import { type InterviewDeps, recordingKey } from './context.ts';
import type { InterviewCard } from './scoring.ts';

export const QUEUE_SORTS = ['-score', 'score', '-submitted', 'submitted', 'name'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export interface QueueQuery {
  campaignId?: string | undefined;
  status?: CandidateStatus | 'all' | undefined;
  recommendation?: 'advance' | 'review' | 'not-advance' | 'unscored' | undefined;
  decision?: DecisionOutcome | 'undecided' | undefined;
  flag?: string | undefined;
  q?: string | undefined;
  sort?: QueueSort | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

const latestDecision = sql<DecisionOutcome | null>`(select d.outcome from interview_decisions d where d.candidate_id = ${interviewCandidates.id} order by d.decided_at desc, d.id desc limit 1)`;
const latestDecisionAt = sql<
  number | null
>`(select max(d.decided_at) from interview_decisions d where d.candidate_id = ${interviewCandidates.id})`;
const transcriptsQueued = sql<number>`(select count(*) from interview_answers a where a.candidate_id = ${interviewCandidates.id} and a.transcript_status in ('pending', 'retrying'))`;
const transcriptsFailed = sql<number>`(select count(*) from interview_answers a where a.candidate_id = ${interviewCandidates.id} and a.transcript_status = 'failed')`;

export async function reviewQueue(deps: InterviewDeps, tenantId: string, query: QueueQuery) {
  const filters: (SQL | undefined)[] = [eq(interviewCandidates.tenantId, tenantId)];
  if (query.campaignId) filters.push(eq(interviewCandidates.campaignId, query.campaignId));
  const status = query.status ?? 'submitted';
  if (status !== 'all') filters.push(eq(interviewCandidates.status, status));
  if (query.recommendation === 'unscored') filters.push(sql`${interviewScorecards.candidateId} is null`);
  else if (query.recommendation) filters.push(eq(interviewScorecards.recommendation, query.recommendation));
  if (query.decision === 'undecided') filters.push(sql`${latestDecision} is null`);
  else if (query.decision) filters.push(sql`${latestDecision} = ${query.decision}`);
  if (query.flag) {
    filters.push(
      sql`exists (select 1 from json_each(${interviewScorecards.flags}) where value = ${query.flag})`,
    );
  }
  if (query.q) {
    const pattern = `%${query.q.replace(/[%_]/g, '')}%`;
    filters.push(or(like(interviewCandidates.name, pattern), like(interviewCandidates.email, pattern)));
  }
  const where = and(...filters);
  const order = {
    '-score': [
      sql`${interviewScorecards.score100} is null`,
      desc(interviewScorecards.score100),
      asc(interviewCandidates.id),
    ],
    score: [
      sql`${interviewScorecards.score100} is null`,
      asc(interviewScorecards.score100),
      asc(interviewCandidates.id),
    ],
    '-submitted': [desc(interviewCandidates.submittedAt), asc(interviewCandidates.id)],
    submitted: [asc(interviewCandidates.submittedAt), asc(interviewCandidates.id)],
    name: [asc(interviewCandidates.name), asc(interviewCandidates.id)],
  }[query.sort ?? '-score'];
  const base = deps.db
    .select({
      candidateId: interviewCandidates.id,
      name: interviewCandidates.name,
      email: interviewCandidates.email,
      group: interviewCandidates.groupValue,
      status: interviewCandidates.status,
      submittedAt: interviewCandidates.submittedAt,
      campaignId: interviewCandidates.campaignId,
      campaignName: interviewCampaigns.name,
      score100: interviewScorecards.score100,
      recommendation: interviewScorecards.recommendation,
      flags: interviewScorecards.flags,
      scoredAt: interviewScorecards.scoredAt,
      decision: latestDecision,
      decidedAt: latestDecisionAt,
      transcriptsQueued,
      transcriptsFailed,
    })
    .from(interviewCandidates)
    .innerJoin(interviewCampaigns, eq(interviewCampaigns.id, interviewCandidates.campaignId))
    .leftJoin(interviewScorecards, eq(interviewScorecards.candidateId, interviewCandidates.id))
    .where(where);
  const [items, [totals]] = await Promise.all([
    base
      .orderBy(...order)
      .limit(query.limit ?? 50)
      .offset(query.offset ?? 0),
    deps.db
      .select({ n: sql<number>`count(*)` })
      .from(interviewCandidates)
      .leftJoin(interviewScorecards, eq(interviewScorecards.candidateId, interviewCandidates.id))
      .where(where),
  ]);
  return {
    items: items.map((i) => ({
      ...i,
      flags: i.flags ?? [],
      transcriptsQueued: Number(i.transcriptsQueued),
      transcriptsFailed: Number(i.transcriptsFailed),
    })),
    total: Number(totals?.n ?? 0),
  };
}

/** Everything the scorecard page shows for one candidate. */
export async function candidateDetail(deps: InterviewDeps, tenantId: string, candidateId: string) {
  const candidate = await candidateById(deps, tenantId, candidateId);
  const campaign = await getCampaign(deps, tenantId, candidate.campaignId);
  const [answers, recordings, [scorecard], decisions, [typing]] = await Promise.all([
    deps.db.select().from(interviewAnswers).where(eq(interviewAnswers.candidateId, candidateId)),
    deps.db.select().from(interviewRecordings).where(eq(interviewRecordings.candidateId, candidateId)),
    deps.db.select().from(interviewScorecards).where(eq(interviewScorecards.candidateId, candidateId)),
    deps.db
      .select()
      .from(interviewDecisions)
      .where(eq(interviewDecisions.candidateId, candidateId))
      .orderBy(desc(interviewDecisions.decidedAt), desc(interviewDecisions.id)),
    deps.db
      .select({ finalText: interviewTypingTests.finalText, submittedAt: interviewTypingTests.submittedAt })
      .from(interviewTypingTests)
      .where(eq(interviewTypingTests.candidateId, candidateId)),
  ]);
  const transcripts =
    answers.length > 0
      ? await deps.db
          .select()
          .from(interviewTranscripts)
          .where(
            inArray(
              interviewTranscripts.answerId,
              answers.map((a) => a.id),
            ),
          )
      : [];
  return {
    candidate: {
      id: candidate.id,
      name: candidate.name,
      email: candidate.email,
      group: candidate.groupValue,
      status: candidate.status,
      consentedAt: candidate.consentedAt,
      submittedAt: candidate.submittedAt,
      withdrawnAt: candidate.withdrawnAt,
      link: candidateLink(candidate.token),
    },
    campaign: {
      id: campaign.id,
      name: campaign.name,
      role: campaign.role,
      language: campaign.language,
      typingLang: campaign.typingLang,
      mediaMode: campaign.mediaMode,
      groupField: campaign.groupField ?? null,
    },
    questions: campaign.questions.map((q) => ({
      id: q.id,
      position: q.position,
      prompt: q.prompt,
      reference: q.reference,
      rubric: q.rubric,
      weight: q.weight,
    })),
    answers: answers.map((a) => {
      const rec = recordings.find((r) => r.answerId === a.id);
      return {
        questionId: a.questionId,
        mode: a.mode,
        writtenText: a.writtenText,
        durationMs: a.durationMs,
        submittedAt: a.submittedAt,
        transcript: {
          status: a.transcriptStatus,
          attempts: a.transcriptAttempts,
          nextAttemptAt: a.transcriptNextAt,
          error: a.transcriptError,
          text: transcripts.find((t) => t.answerId === a.id)?.text ?? null,
        },
        recording: rec
          ? {
              id: rec.id,
              kind: rec.kind,
              mimeType: rec.mimeType,
              status: rec.status,
              bytes: rec.bytes,
              url: `/api/v1/interviews/candidates/${candidate.id}/recordings/${rec.id}`,
            }
          : null,
      };
    }),
    typing: typing ?? null,
    scorecard: scorecard
      ? {
          score100: scorecard.score100,
          recommendation: scorecard.recommendation,
          flags: scorecard.flags,
          scoredAt: scorecard.scoredAt,
          card: scorecard.card as unknown as InterviewCard,
        }
      : null,
    decisions,
  };
}

/** Whether deciding `outcome` goes against the tool's advice. */
export function overrides(outcome: DecisionOutcome, recommendation: string | null): boolean {
  return (
    (outcome === 'advance' && recommendation === 'not-advance') ||
    (outcome === 'reject' && recommendation === 'advance')
  );
}

export async function decide(
  deps: InterviewDeps,
  tenantId: string,
  actor: { id: string; role: string },
  candidateId: string,
  input: { outcome: DecisionOutcome; note: string },
) {
  const userId = actor.id;
  const candidate = await candidateById(deps, tenantId, candidateId);
  if (candidate.status !== 'submitted') {
    throw new AppError(
      'conflict',
      `Only a submitted interview can be decided (this one is ${candidate.status}).`,
    );
  }
  const [person] = await deps.db
    .select({ name: users.displayName })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.tenantId, tenantId)));
  if (!person) throw notFound('user');
  const [card] = await deps.db
    .select({
      recommendation: interviewScorecards.recommendation,
      score100: interviewScorecards.score100,
      card: interviewScorecards.card,
    })
    .from(interviewScorecards)
    .where(eq(interviewScorecards.candidateId, candidateId));
  const note = input.note.trim();
  const recommendation = card?.recommendation ?? null;
  const overriding = overrides(input.outcome, recommendation);
  if (overriding && note === '') {
    throw new AppError('validation_failed', 'Deciding against the recommendation needs a note saying why.', [
      { path: 'body.note', message: 'required when overriding the recommendation' },
    ]);
  }
  const now = deps.clock.now();
  if (card) {
    // The core's own rules (a named person, an ISO time, a reason for a rejection) apply too.
    try {
      recordHumanDecision(card.card as unknown as Scorecard, {
        outcome: input.outcome,
        decidedBy: userId,
        decidedAt: new Date(now).toISOString(),
        note,
      });
    } catch (err) {
      throw new AppError('validation_failed', (err as Error).message, [
        { path: 'body.note', message: (err as Error).message },
      ]);
    }
  } else if (input.outcome === 'reject' && note === '') {
    throw new AppError('validation_failed', 'A rejection must give its reason in the note.', [
      { path: 'body.note', message: 'required for a rejection' },
    ]);
  }
  const id = deps.ids.next('idec');
  const [[row]] = await deps.db.batch([
    deps.db
      .insert(interviewDecisions)
      .values({
        id,
        tenantId,
        campaignId: candidate.campaignId,
        candidateId,
        outcome: input.outcome,
        note,
        decidedBy: userId,
        decidedByName: person.name,
        recommendation,
        score100: card?.score100 ?? null,
        overridesRecommendation: overriding,
        decidedAt: now,
      })
      .returning(),
    auditInsert(deps, {
      tenantId,
      actor: { id: userId, role: actor.role },
      action: 'interview.decision',
      target: { type: 'interview_candidate', id: candidateId },
      detail: {
        decisionId: id,
        campaignId: candidate.campaignId,
        outcome: input.outcome,
        recommendation,
        overridesRecommendation: overriding,
      },
    }),
  ]);
  deps.logger.info('interview decision recorded', {
    candidateId,
    outcome: input.outcome,
    decidedBy: userId,
    overridesRecommendation: overriding,
  });
  return row!;
}

/**
 * A recording's bytes for playback by staff of the same tenant. `audited` logs who played it
 * (the caller passes false for the follow-up range requests of the same playback).
 */
export async function readRecording(
  deps: InterviewDeps,
  tenantId: string,
  actor: { id: string; role: string },
  candidateId: string,
  recordingId: string,
  audited = true,
) {
  const [rec] = await deps.db
    .select()
    .from(interviewRecordings)
    .where(
      and(
        eq(interviewRecordings.tenantId, tenantId),
        eq(interviewRecordings.candidateId, candidateId),
        eq(interviewRecordings.id, recordingId),
      ),
    );
  if (rec?.status !== 'complete') throw notFound('recording');
  const bytes = await deps.recordings.read(recordingKey(rec.tenantId, rec.id));
  if (!bytes) throw notFound('recording');
  if (audited) {
    await auditInsert(deps, {
      tenantId,
      actor,
      action: 'interview.recording.played',
      target: { type: 'interview_recording', id: rec.id },
      detail: { candidateId, answerId: rec.answerId },
    });
  }
  return { bytes, mimeType: rec.mimeType };
}
