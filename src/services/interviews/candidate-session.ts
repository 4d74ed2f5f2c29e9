/**
 * @module The candidate's side of an interview, reached only through the personal token link:
 * consent (required before anything is recorded), withdrawal (deletes recordings, transcripts,
 * written answers and keystroke logs), the typing test's keystroke log (idempotent batches) and
 * result, recorded answers uploaded in idempotent chunks that a dropped connection can resume,
 * written answers, and finishing the interview.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { analyzeTyping, type KeystrokeEvent } from '#assist/interview/index.ts';
import {
  type InterviewAnswer,
  type InterviewCandidate,
  type InterviewRecording,
  interviewAnswers,
  interviewCandidates,
  interviewRecordingChunks,
  interviewRecordings,
  interviewScorecards,
  interviewTranscripts,
  interviewTypingBatches,
  interviewTypingTests,
  type MediaMode,
} from '#src/db/schema/interviews.ts';
import { AppError, notFound } from '#src/http/problem.ts';
import { auditInsert } from './audit.ts';
import { type CampaignWithQuestions, getCampaign } from './campaigns.ts';
import { candidateByToken } from './candidates.ts';
import { type InterviewDeps, recordingKey } from './context.ts';

/** Recording kinds and text each campaign mode allows: a missing camera or microphone falls back. */
export const ALLOWED_MODES: Record<MediaMode, readonly MediaMode[]> = {
  video: ['video', 'audio', 'text'],
  audio: ['audio', 'text'],
  text: ['text'],
};
/** Upper bound on chunks per recording (at the default 64 KiB body limit, 256 MiB). */
export const MAX_CHUNKS = 4096;

export interface Session {
  candidate: InterviewCandidate;
  campaign: CampaignWithQuestions;
}

export async function openSession(deps: InterviewDeps, token: string): Promise<Session> {
  const candidate = await candidateByToken(deps, token);
  const campaign = await getCampaign(deps, candidate.tenantId, candidate.campaignId);
  return { candidate, campaign };
}

/** Recording, typing and answering need consent, and are closed once submitted or withdrawn. */
function requireActive(s: Session): void {
  const { status } = s.candidate;
  if (status === 'invited') {
    throw new AppError(
      'conflict',
      'Consent first: nothing is recorded before the candidate agrees.',
      undefined,
      {
        reason: 'consent-required',
      },
    );
  }
  if (status === 'withdrawn') {
    throw new AppError('conflict', 'The candidate withdrew from this interview.', undefined, {
      reason: 'withdrawn',
    });
  }
  if (status === 'submitted') {
    throw new AppError('conflict', 'This interview was already submitted.', undefined, {
      reason: 'submitted',
    });
  }
}

function questionOf(s: Session, questionId: string) {
  const q = s.campaign.questions.find((x) => x.id === questionId);
  if (!q) throw notFound('question');
  return q;
}

export function transcriptionConfigured(deps: InterviewDeps): boolean {
  return deps.assist.llm?.isConfigured('transcription') ?? false;
}

export interface RecordingState {
  recordingId: string;
  kind: 'video' | 'audio';
  mimeType: string;
  status: InterviewRecording['status'];
  totalChunks: number | null;
  received: number[];
  bytes: number;
}

async function recordingState(deps: InterviewDeps, rec: InterviewRecording): Promise<RecordingState> {
  const chunks = await deps.db
    .select({ idx: interviewRecordingChunks.idx })
    .from(interviewRecordingChunks)
    .where(eq(interviewRecordingChunks.recordingId, rec.id))
    .orderBy(asc(interviewRecordingChunks.idx));
  return {
    recordingId: rec.id,
    kind: rec.kind,
    mimeType: rec.mimeType,
    status: rec.status,
    totalChunks: rec.totalChunks,
    received: chunks.map((c) => c.idx),
    bytes: rec.bytes,
  };
}

/** What the candidate page needs: the campaign (no rubric, no reference), progress, recordings. */
export async function sessionView(deps: InterviewDeps, token: string) {
  const s = await openSession(deps, token);
  const { candidate, campaign } = s;
  const [answers, recordings, typing] = await Promise.all([
    deps.db.select().from(interviewAnswers).where(eq(interviewAnswers.candidateId, candidate.id)),
    deps.db.select().from(interviewRecordings).where(eq(interviewRecordings.candidateId, candidate.id)),
    deps.db
      .select({ submittedAt: interviewTypingTests.submittedAt })
      .from(interviewTypingTests)
      .where(eq(interviewTypingTests.candidateId, candidate.id)),
  ]);
  const recordingOf = async (answerId: string) => {
    const rec = recordings.find((r) => r.answerId === answerId && r.status !== 'deleted');
    return rec ? recordingState(deps, rec) : null;
  };
  return {
    candidate: {
      name: candidate.name,
      status: candidate.status,
      consentedAt: candidate.consentedAt,
      submittedAt: candidate.submittedAt,
      group: candidate.groupValue,
    },
    campaign: {
      name: campaign.name,
      role: campaign.role,
      language: campaign.language,
      typingLang: campaign.typingLang,
      typingPassage: campaign.typingPassage,
      typingSeconds: campaign.typingSeconds,
      mediaMode: campaign.mediaMode,
      groupField: campaign.groupField ?? null,
      thresholds: { typing: campaign.thresholds.typing },
    },
    questions: campaign.questions.map((q) => ({
      id: q.id,
      position: q.position,
      prompt: q.prompt,
      timeLimitSeconds: q.timeLimitSeconds,
    })),
    typing: { submitted: typing.length > 0 },
    answers: await Promise.all(
      answers.map(async (a) => ({
        questionId: a.questionId,
        mode: a.mode,
        submitted: a.submittedAt !== null,
        recording: await recordingOf(a.id),
      })),
    ),
    transcription: { configured: transcriptionConfigured(deps) },
  };
}

export async function giveConsent(
  deps: InterviewDeps,
  token: string,
  input: { group?: string | null | undefined },
): Promise<InterviewCandidate> {
  const s = await openSession(deps, token);
  if (s.candidate.status === 'withdrawn') {
    throw new AppError('conflict', 'The candidate withdrew from this interview.', undefined, {
      reason: 'withdrawn',
    });
  }
  if (s.candidate.status !== 'invited') return s.candidate;
  const options = s.campaign.groupField?.options ?? null;
  const group = input.group ?? null;
  if (group !== null && !options?.includes(group)) {
    throw new AppError('validation_failed', 'That answer is not one of the options.', [
      { path: 'body.group', message: `must be one of: ${(options ?? []).join(', ') || '(none collected)'}` },
    ]);
  }
  const [row] = await deps.db
    .update(interviewCandidates)
    .set({
      status: 'consented',
      consentedAt: deps.clock.now(),
      ...(group !== null ? { groupValue: group } : {}),
    })
    .where(and(eq(interviewCandidates.id, s.candidate.id), eq(interviewCandidates.status, 'invited')))
    .returning();
  return row ?? (await candidateByToken(deps, token));
}

/**
 * Withdraw consent: the recordings' bytes are deleted from the store, and transcripts, written
 * answers, the typing text and keystroke logs and the scorecard from the database. Recording rows
 * stay as tombstones (status deleted, deletedAt) and decisions stay: they are the audit trail.
 */
export async function withdraw(deps: InterviewDeps, token: string): Promise<{ deletedRecordings: number }> {
  const s = await openSession(deps, token);
  const id = s.candidate.id;
  const now = deps.clock.now();
  const recordings = await deps.db
    .select()
    .from(interviewRecordings)
    .where(and(eq(interviewRecordings.candidateId, id)));
  for (const r of recordings) await deps.recordings.delete(recordingKey(r.tenantId, r.id));
  const answerIds = (
    await deps.db
      .select({ id: interviewAnswers.id })
      .from(interviewAnswers)
      .where(eq(interviewAnswers.candidateId, id))
  ).map((a) => a.id);
  const recordingIds = recordings.map((r) => r.id);
  await deps.db.batch([
    deps.db
      .update(interviewCandidates)
      .set({ status: 'withdrawn', withdrawnAt: now })
      .where(eq(interviewCandidates.id, id)),
    deps.db
      .update(interviewRecordings)
      .set({ status: 'deleted', deletedAt: now })
      .where(eq(interviewRecordings.candidateId, id)),
    ...recordingIds.map((rid) =>
      deps.db.delete(interviewRecordingChunks).where(eq(interviewRecordingChunks.recordingId, rid)),
    ),
    ...answerIds.map((aid) =>
      deps.db.delete(interviewTranscripts).where(eq(interviewTranscripts.answerId, aid)),
    ),
    deps.db
      .update(interviewAnswers)
      .set({ writtenText: null, transcriptStatus: 'none', transcriptNextAt: null })
      .where(eq(interviewAnswers.candidateId, id)),
    deps.db.delete(interviewTypingBatches).where(eq(interviewTypingBatches.candidateId, id)),
    deps.db.delete(interviewTypingTests).where(eq(interviewTypingTests.candidateId, id)),
    deps.db.delete(interviewScorecards).where(eq(interviewScorecards.candidateId, id)),
    auditInsert(deps, {
      tenantId: s.candidate.tenantId,
      actor: { id, role: 'candidate' },
      action: 'interview.consent.withdrawn',
      target: { type: 'interview_candidate', id },
      detail: {
        campaignId: s.candidate.campaignId,
        recordingsDeleted: recordings.filter((r) => r.status !== 'deleted').length,
      },
    }),
  ]);
  deps.logger.info('interview consent withdrawn', { candidateId: id, recordingsDeleted: recordings.length });
  return { deletedRecordings: recordings.filter((r) => r.status !== 'deleted').length };
}

/** Append one batch of keystroke events; the same sequence number again is ignored. */
export async function appendTypingBatch(
  deps: InterviewDeps,
  token: string,
  seq: number,
  events: KeystrokeEvent[],
): Promise<{ seq: number; stored: boolean }> {
  const s = await openSession(deps, token);
  requireActive(s);
  const rows = await deps.db
    .insert(interviewTypingBatches)
    .values({ candidateId: s.candidate.id, seq, events, receivedAt: deps.clock.now() })
    .onConflictDoNothing()
    .returning({ seq: interviewTypingBatches.seq });
  return { seq, stored: rows.length > 0 };
}

/** Every keystroke event of a candidate, in batch order. */
export async function typingEvents(
  deps: InterviewDeps,
  candidateIds: readonly string[],
): Promise<Map<string, KeystrokeEvent[]>> {
  const out = new Map<string, KeystrokeEvent[]>();
  if (candidateIds.length === 0) return out;
  const rows = await deps.db
    .select()
    .from(interviewTypingBatches)
    .where(inArray(interviewTypingBatches.candidateId, [...candidateIds]))
    .orderBy(asc(interviewTypingBatches.candidateId), asc(interviewTypingBatches.seq));
  for (const r of rows) {
    const list = out.get(r.candidateId) ?? [];
    for (const e of r.events as KeystrokeEvent[]) list.push(e);
    out.set(r.candidateId, list);
  }
  return out;
}

/** Finish the typing test: analyse the whole log (assist/interview/typing.ts) against the campaign's thresholds. */
export async function submitTyping(
  deps: InterviewDeps,
  token: string,
  input: { finalText: string; durationMs: number },
): Promise<{ submitted: true }> {
  const s = await openSession(deps, token);
  requireActive(s);
  const events = (await typingEvents(deps, [s.candidate.id])).get(s.candidate.id) ?? [];
  const result = analyzeTyping({
    lang: s.campaign.typingLang,
    passage: s.campaign.typingPassage,
    finalText: input.finalText,
    events,
    durationMs: input.durationMs,
    thresholds: s.campaign.thresholds.typing,
  });
  await deps.db
    .insert(interviewTypingTests)
    .values({
      candidateId: s.candidate.id,
      tenantId: s.candidate.tenantId,
      finalText: input.finalText,
      durationMs: input.durationMs,
      result: result as unknown as Record<string, unknown>,
      submittedAt: deps.clock.now(),
    })
    .onConflictDoNothing();
  return { submitted: true };
}

async function answerFor(
  deps: InterviewDeps,
  s: Session,
  questionId: string,
  mode: MediaMode,
): Promise<InterviewAnswer> {
  questionOf(s, questionId);
  await deps.db
    .insert(interviewAnswers)
    .values({
      id: deps.ids.next('ians'),
      tenantId: s.candidate.tenantId,
      candidateId: s.candidate.id,
      questionId,
      mode,
    })
    .onConflictDoNothing();
  const [answer] = await deps.db
    .select()
    .from(interviewAnswers)
    .where(
      and(eq(interviewAnswers.candidateId, s.candidate.id), eq(interviewAnswers.questionId, questionId)),
    );
  if (!answer) throw new AppError('internal_error', 'answer row vanished');
  return answer;
}

function checkMode(s: Session, mode: MediaMode): void {
  if (!ALLOWED_MODES[s.campaign.mediaMode].includes(mode)) {
    throw new AppError('validation_failed', `This campaign does not accept ${mode} answers.`, [
      { path: 'body.kind', message: `allowed: ${ALLOWED_MODES[s.campaign.mediaMode].join(', ')}` },
    ]);
  }
}

async function liveRecording(deps: InterviewDeps, answerId: string): Promise<InterviewRecording | null> {
  const [rec] = await deps.db
    .select()
    .from(interviewRecordings)
    .where(eq(interviewRecordings.answerId, answerId));
  return rec && rec.status !== 'deleted' ? rec : null;
}

/**
 * Start (or resume) the recording of an answer. Resuming returns the chunks already received;
 * `restart` discards an unfinished or finished recording to record again before submitting.
 */
export async function startRecording(
  deps: InterviewDeps,
  token: string,
  questionId: string,
  input: { kind: 'video' | 'audio'; mimeType: string; restart?: boolean | undefined },
): Promise<RecordingState> {
  const s = await openSession(deps, token);
  requireActive(s);
  checkMode(s, input.kind);
  const answer = await answerFor(deps, s, questionId, input.kind);
  if (answer.submittedAt !== null) throw new AppError('conflict', 'This answer was already submitted.');
  const existing = await liveRecording(deps, answer.id);
  if (existing && !input.restart) return recordingState(deps, existing);
  if (existing) {
    await deps.recordings.delete(recordingKey(existing.tenantId, existing.id));
    await deps.db.batch([
      deps.db.delete(interviewRecordingChunks).where(eq(interviewRecordingChunks.recordingId, existing.id)),
      deps.db.delete(interviewRecordings).where(eq(interviewRecordings.id, existing.id)),
    ]);
  }
  const id = deps.ids.next('irec');
  await deps.db.batch([
    deps.db.update(interviewAnswers).set({ mode: input.kind }).where(eq(interviewAnswers.id, answer.id)),
    deps.db.insert(interviewRecordings).values({
      id,
      tenantId: s.candidate.tenantId,
      candidateId: s.candidate.id,
      answerId: answer.id,
      kind: input.kind,
      mimeType: input.mimeType,
      createdAt: deps.clock.now(),
    }),
  ]);
  const rec = await liveRecording(deps, answer.id);
  if (!rec) throw new AppError('internal_error', 'recording row vanished');
  return recordingState(deps, rec);
}

async function sessionRecording(
  deps: InterviewDeps,
  s: Session,
  questionId: string,
): Promise<InterviewRecording> {
  questionOf(s, questionId);
  const [answer] = await deps.db
    .select()
    .from(interviewAnswers)
    .where(
      and(eq(interviewAnswers.candidateId, s.candidate.id), eq(interviewAnswers.questionId, questionId)),
    );
  const rec = answer ? await liveRecording(deps, answer.id) : null;
  if (!rec) throw notFound('recording (start it first)');
  return rec;
}

/** Which chunks the server has: what a page asks after a dropped connection. */
export async function getRecording(
  deps: InterviewDeps,
  token: string,
  questionId: string,
): Promise<RecordingState> {
  const s = await openSession(deps, token);
  return recordingState(deps, await sessionRecording(deps, s, questionId));
}

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Store chunk `index` of `total`. Idempotent: the same bytes again change nothing; different
 * bytes for a stored index, or a different total, are a conflict. The last chunk assembles the
 * recording.
 */
export async function putChunk(
  deps: InterviewDeps,
  token: string,
  questionId: string,
  chunk: { index: number; total: number; bytes: Uint8Array },
): Promise<RecordingState> {
  const s = await openSession(deps, token);
  requireActive(s);
  const rec = await sessionRecording(deps, s, questionId);
  const { index, total, bytes } = chunk;
  if (total < 1 || total > MAX_CHUNKS || index < 0 || index >= total) {
    throw new AppError('validation_failed', 'Chunk index or total out of range.', [
      { path: 'query.total', message: `index must be below total, total 1–${MAX_CHUNKS}` },
    ]);
  }
  if (bytes.byteLength === 0) {
    throw new AppError('validation_failed', 'An empty chunk.', [
      { path: 'body', message: 'must not be empty' },
    ]);
  }
  if (rec.totalChunks !== null && rec.totalChunks !== total) {
    throw new AppError('conflict', `This recording has ${rec.totalChunks} chunks, not ${total}.`);
  }
  const digest = await sha256(bytes);
  const [known] = await deps.db
    .select()
    .from(interviewRecordingChunks)
    .where(and(eq(interviewRecordingChunks.recordingId, rec.id), eq(interviewRecordingChunks.idx, index)));
  if (known) {
    if (known.digest !== digest)
      throw new AppError('conflict', `Chunk ${index} was already received with different bytes.`);
    return recordingState(deps, rec);
  }
  if (rec.status === 'complete') throw new AppError('conflict', 'This recording is already complete.');
  // Bytes first, bookkeeping second: a chunk listed as received is always really there.
  await deps.recordings.putChunk(recordingKey(rec.tenantId, rec.id), index, bytes);
  await deps.db
    .insert(interviewRecordingChunks)
    .values({ recordingId: rec.id, idx: index, size: bytes.byteLength, digest, receivedAt: deps.clock.now() })
    .onConflictDoNothing();
  if (rec.totalChunks === null) {
    await deps.db
      .update(interviewRecordings)
      .set({ totalChunks: total })
      .where(eq(interviewRecordings.id, rec.id));
  }
  const state = await recordingState(deps, { ...rec, totalChunks: total });
  if (state.received.length === total) {
    const { bytes: size } = await deps.recordings.assemble(recordingKey(rec.tenantId, rec.id), total);
    await deps.db
      .update(interviewRecordings)
      .set({ status: 'complete', bytes: size, completedAt: deps.clock.now() })
      .where(eq(interviewRecordings.id, rec.id));
    return { ...state, status: 'complete', bytes: size };
  }
  return state;
}

/**
 * Submit an answer. A written answer is required in text mode and whenever no transcription
 * endpoint is configured (the text is then what is scored). Returns whether a transcription
 * should be started.
 */
export async function submitAnswer(
  deps: InterviewDeps,
  token: string,
  questionId: string,
  input: { mode: MediaMode; writtenText?: string | null | undefined; durationMs?: number | null | undefined },
): Promise<{ answer: InterviewAnswer; transcribe: boolean }> {
  const s = await openSession(deps, token);
  requireActive(s);
  checkMode(s, input.mode);
  const written = input.writtenText?.trim() || null;
  const configured = transcriptionConfigured(deps);
  if (!written && (input.mode === 'text' || !configured)) {
    throw new AppError('validation_failed', 'Type a short written answer as well.', [
      { path: 'body.writtenText', message: 'required in text mode and when no transcription is available' },
    ]);
  }
  const answer = await answerFor(deps, s, questionId, input.mode);
  if (answer.submittedAt !== null) return { answer, transcribe: false };
  let transcriptStatus: InterviewAnswer['transcriptStatus'] = 'none';
  if (input.mode !== 'text') {
    const rec = await liveRecording(deps, answer.id);
    if (rec?.status !== 'complete') {
      throw new AppError('conflict', 'The recording has not finished uploading yet.', undefined, {
        reason: 'recording-incomplete',
      });
    }
    transcriptStatus = configured ? 'pending' : 'not-configured';
  }
  const [row] = await deps.db
    .update(interviewAnswers)
    .set({
      mode: input.mode,
      writtenText: written,
      durationMs: input.durationMs ?? null,
      submittedAt: deps.clock.now(),
      transcriptStatus,
    })
    .where(eq(interviewAnswers.id, answer.id))
    .returning();
  return { answer: row ?? answer, transcribe: transcriptStatus === 'pending' };
}

/** Finish the interview; the caller scores it. Missing parts are flagged for review, not refused. */
export async function finish(deps: InterviewDeps, token: string): Promise<InterviewCandidate> {
  const s = await openSession(deps, token);
  if (s.candidate.status === 'submitted') return s.candidate;
  requireActive(s);
  const [row] = await deps.db
    .update(interviewCandidates)
    .set({ status: 'submitted', submittedAt: deps.clock.now() })
    .where(and(eq(interviewCandidates.id, s.candidate.id), eq(interviewCandidates.status, 'consented')))
    .returning();
  return row ?? (await candidateByToken(deps, token));
}
