/**
 * @module Transcribing recorded answers through the assist runtime (assist.transcribe: the
 * OpenAI-compatible /audio/transcriptions endpoint; the PII boundary masks the transcript before
 * it is stored or any model sees it). An endpoint that is down, slow or refusing does not lose
 * the answer: it is queued for retry with exponential back-off, and the recruiter sees the status
 * (pending, retrying with the attempt count and next try, failed, done, not configured).
 */
import { and, asc, eq, inArray, isNull, lte, or } from 'drizzle-orm';
import { createPiiState } from '#assist/index.ts';
import {
  interviewAnswers,
  interviewCampaigns,
  interviewCandidates,
  interviewRecordings,
  interviewTranscripts,
} from '#src/db/schema/interviews.ts';
import { type InterviewDeps, recordingKey } from './context.ts';

/** Attempts before a transcription is marked failed (the recruiter can still retry by hand). */
export const MAX_TRANSCRIPTION_ATTEMPTS = 8;
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 30 * 60_000;

export function retryDelayMs(attempts: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

export type TranscriptionOutcome = 'done' | 'retrying' | 'failed' | 'not-configured' | 'skipped';

/** Try one answer's transcription now. */
export async function transcribeAnswer(deps: InterviewDeps, answerId: string): Promise<TranscriptionOutcome> {
  const [row] = await deps.db
    .select({
      answer: interviewAnswers,
      recording: interviewRecordings,
      language: interviewCampaigns.language,
    })
    .from(interviewAnswers)
    .innerJoin(interviewRecordings, eq(interviewRecordings.answerId, interviewAnswers.id))
    .innerJoin(interviewCandidates, eq(interviewCandidates.id, interviewAnswers.candidateId))
    .innerJoin(interviewCampaigns, eq(interviewCampaigns.id, interviewCandidates.campaignId))
    .where(eq(interviewAnswers.id, answerId));
  if (row?.recording.status !== 'complete' || row.answer.transcriptStatus === 'done') return 'skipped';
  const audio = await deps.recordings.read(recordingKey(row.recording.tenantId, row.recording.id));
  if (!audio) return 'skipped';
  const heard = await deps.assist.transcribe({
    audio: { audio, mimeType: row.recording.mimeType, language: row.language },
    // One numbering per answer: placeholders in a transcript never point into another one.
    state: createPiiState(),
  });
  const now = deps.clock.now();
  if (heard.value) {
    await deps.db.batch([
      deps.db
        .insert(interviewTranscripts)
        .values({
          answerId,
          tenantId: row.answer.tenantId,
          text: heard.value.text,
          provider: heard.provenance.provider,
          model: heard.provenance.model,
          createdAt: now,
        })
        .onConflictDoNothing(),
      deps.db
        .update(interviewAnswers)
        .set({
          transcriptStatus: 'done',
          transcriptAttempts: row.answer.transcriptAttempts + 1,
          transcriptNextAt: null,
          transcriptError: null,
        })
        .where(eq(interviewAnswers.id, answerId)),
    ]);
    return 'done';
  }
  const reason = heard.provenance.fallbackReason ?? 'error';
  if (reason === 'not-configured') {
    await deps.db
      .update(interviewAnswers)
      .set({ transcriptStatus: 'not-configured', transcriptNextAt: null })
      .where(eq(interviewAnswers.id, answerId));
    return 'not-configured';
  }
  const attempts = row.answer.transcriptAttempts + 1;
  const failed = attempts >= MAX_TRANSCRIPTION_ATTEMPTS;
  await deps.db
    .update(interviewAnswers)
    .set({
      transcriptStatus: failed ? 'failed' : 'retrying',
      transcriptAttempts: attempts,
      transcriptNextAt: failed ? null : now + retryDelayMs(attempts),
      transcriptError: reason,
    })
    .where(eq(interviewAnswers.id, answerId));
  deps.logger.warn('interview transcription failed', { answerId, reason, attempts, willRetry: !failed });
  return failed ? 'failed' : 'retrying';
}

/** Answers whose transcription is due now (pending, or retrying with the wait over). */
export async function dueTranscriptions(
  deps: InterviewDeps,
  options: { campaignId?: string; candidateIds?: readonly string[]; limit?: number } = {},
): Promise<{ answerId: string; candidateId: string }[]> {
  const now = deps.clock.now();
  const due = or(
    eq(interviewAnswers.transcriptStatus, 'pending'),
    and(
      eq(interviewAnswers.transcriptStatus, 'retrying'),
      or(isNull(interviewAnswers.transcriptNextAt), lte(interviewAnswers.transcriptNextAt, now)),
    ),
  );
  const filters = [due];
  if (options.candidateIds) filters.push(inArray(interviewAnswers.candidateId, [...options.candidateIds]));
  const query = deps.db
    .select({ answerId: interviewAnswers.id, candidateId: interviewAnswers.candidateId })
    .from(interviewAnswers)
    .innerJoin(interviewCandidates, eq(interviewCandidates.id, interviewAnswers.candidateId))
    .where(
      and(
        ...filters,
        options.campaignId ? eq(interviewCandidates.campaignId, options.campaignId) : undefined,
        inArray(interviewCandidates.status, ['consented', 'submitted']),
      ),
    )
    .orderBy(asc(interviewAnswers.transcriptNextAt))
    .limit(options.limit ?? 100);
  return query;
}

/**
 * Queue a failed or retrying transcription for an immediate try (the recruiter's "retry now").
 * Returns how many answers were queued.
 */
export async function requeueTranscriptions(deps: InterviewDeps, candidateId: string): Promise<string[]> {
  const rows = await deps.db
    .update(interviewAnswers)
    .set({ transcriptStatus: 'pending', transcriptNextAt: null })
    .where(
      and(
        eq(interviewAnswers.candidateId, candidateId),
        inArray(interviewAnswers.transcriptStatus, ['retrying', 'failed', 'pending']),
      ),
    )
    .returning({ id: interviewAnswers.id });
  return rows.map((r) => r.id);
}
