/**
 * @module The interview service: campaigns, candidates, the candidate flow, transcription with
 * retry, scoring, the review queue with human decisions, and the fairness report — the product
 * slice around the embedded scoring core in assist/interview. Routes, pages and the CLI use
 * this; each module underneath takes its dependencies as an argument.
 *
 * Work that must not hold up the candidate's request (transcribing a recording, re-scoring after
 * a transcript arrives) runs in the background and is tracked, so `settle()` can wait for it
 * (tests, shutdown). Transcriptions that fail are retried by `processTranscriptions()`: the
 * review page, the recruiter's "retry now" and `tidedesk interviews score` call it.
 */
import { createProfileCache, type ProfileCache } from '#assist/interview/index.ts';
import type { CampaignThresholds, DecisionOutcome, MediaMode } from '#src/db/schema/interviews.ts';
import type { Services } from '#src/http/env.ts';
import * as campaigns from './campaigns.ts';
import * as session from './candidate-session.ts';
import * as candidates from './candidates.ts';
import type { InterviewDeps } from './context.ts';
import { fairnessCsv, fairnessReport } from './fairness.ts';
import type { CampaignInput } from './model.ts';
import { createMemoryRecordingStore } from './recording-port.ts';
import * as review from './review.ts';
import * as scoring from './scoring.ts';
import * as transcription from './transcription.ts';

export type { InterviewDeps } from './context.ts';
export type { RecordingStore } from './recording-port.ts';
export type { InterviewCard } from './scoring.ts';

export function createInterviewService(deps: InterviewDeps) {
  const cache: ProfileCache = createProfileCache();
  const background = new Set<Promise<unknown>>();
  const transcribing = new Set<string>();
  const inBackground = (what: string, task: () => Promise<unknown>) => {
    const p = task().catch((err: unknown) =>
      deps.logger.error('interview background task failed', { what, error: String(err) }),
    );
    background.add(p);
    p.finally(() => background.delete(p));
  };

  const rescoreById = async (candidateId: string) => {
    const [row] = await deps.db.query.interviewCandidates.findMany({
      where: (c, { eq }) => eq(c.id, candidateId),
      limit: 1,
    });
    if (row) await scoring.rescoreCandidate(deps, row, cache);
  };

  /** Transcribe due answers; candidates whose transcript arrived (or finally failed) are re-scored. */
  const processTranscriptions = async (
    options: { campaignId?: string; candidateIds?: string[]; limit?: number } = {},
  ) => {
    const due = await transcription.dueTranscriptions(deps, options);
    const counts = { done: 0, retrying: 0, failed: 0, notConfigured: 0, skipped: 0 };
    const touched = new Set<string>();
    for (const { answerId, candidateId } of due) {
      // The background task and a recruiter's page may both reach the same answer; try it once.
      if (transcribing.has(answerId)) continue;
      transcribing.add(answerId);
      const outcome = await transcription
        .transcribeAnswer(deps, answerId)
        .finally(() => transcribing.delete(answerId));
      if (outcome === 'done') counts.done++;
      else if (outcome === 'retrying') counts.retrying++;
      else if (outcome === 'failed') counts.failed++;
      else if (outcome === 'not-configured') counts.notConfigured++;
      else counts.skipped++;
      if (outcome !== 'skipped') touched.add(candidateId);
    }
    for (const id of touched) await rescoreById(id);
    return counts;
  };

  return {
    deps,
    settings: {
      get: (tenantId: string) => campaigns.tenantThresholds(deps, tenantId),
      set: (tenantId: string, userId: string, thresholds: CampaignThresholds) =>
        campaigns.setTenantThresholds(deps, tenantId, userId, thresholds),
    },
    campaigns: {
      list: (tenantId: string) => campaigns.listCampaigns(deps, tenantId),
      get: (tenantId: string, id: string) => campaigns.getCampaign(deps, tenantId, id),
      create: (tenantId: string, userId: string, input: CampaignInput) =>
        campaigns.createCampaign(deps, tenantId, userId, input),
      update: (tenantId: string, id: string, input: CampaignInput) =>
        campaigns.updateCampaign(deps, tenantId, id, input),
    },
    listCandidates: (tenantId: string, campaignId: string) =>
      candidates.listCandidates(deps, tenantId, campaignId),
    importCandidates: (tenantId: string, campaignId: string, csv: string) =>
      candidates.importCandidates(deps, tenantId, campaignId, csv),
    campaignByInvite: (inviteToken: string) => candidates.campaignByInvite(deps, inviteToken),
    register: (inviteToken: string, input: { email: string; name: string }) =>
      candidates.registerThroughInvite(deps, inviteToken, input),
    session: {
      open: (token: string) => session.openSession(deps, token),
      view: (token: string) => session.sessionView(deps, token),
      consent: (token: string, input: { group?: string | null | undefined }) =>
        session.giveConsent(deps, token, input),
      withdraw: (token: string) => session.withdraw(deps, token),
      appendTyping: (token: string, seq: number, events: Parameters<typeof session.appendTypingBatch>[3]) =>
        session.appendTypingBatch(deps, token, seq, events),
      submitTyping: (token: string, input: { finalText: string; durationMs: number }) =>
        session.submitTyping(deps, token, input),
      startRecording: (
        token: string,
        questionId: string,
        input: Parameters<typeof session.startRecording>[3],
      ) => session.startRecording(deps, token, questionId, input),
      getRecording: (token: string, questionId: string) => session.getRecording(deps, token, questionId),
      putChunk: (token: string, questionId: string, chunk: Parameters<typeof session.putChunk>[3]) =>
        session.putChunk(deps, token, questionId, chunk),
      async submitAnswer(
        token: string,
        questionId: string,
        input: {
          mode: MediaMode;
          writtenText?: string | null | undefined;
          durationMs?: number | null | undefined;
        },
      ) {
        const result = await session.submitAnswer(deps, token, questionId, input);
        if (result.transcribe) {
          const { candidateId } = result.answer;
          inBackground('transcribe', () => processTranscriptions({ candidateIds: [candidateId], limit: 20 }));
        }
        return result.answer;
      },
      async finish(token: string) {
        const candidate = await session.finish(deps, token);
        await scoring.rescoreCandidate(deps, candidate, cache);
        return candidate;
      },
    },
    review: {
      queue: (tenantId: string, query: review.QueueQuery) => review.reviewQueue(deps, tenantId, query),
      detail: (tenantId: string, candidateId: string) => review.candidateDetail(deps, tenantId, candidateId),
      decide: (
        tenantId: string,
        actor: { id: string; role: string },
        candidateId: string,
        input: { outcome: DecisionOutcome; note: string },
      ) => review.decide(deps, tenantId, actor, candidateId, input),
      recording: (
        tenantId: string,
        actor: { id: string; role: string },
        candidateId: string,
        recordingId: string,
        audited = true,
      ) => review.readRecording(deps, tenantId, actor, candidateId, recordingId, audited),
      async rescore(tenantId: string, candidateId: string) {
        const candidate = await candidates.candidateById(deps, tenantId, candidateId);
        return scoring.rescoreCandidate(deps, candidate, cache);
      },
      /** "Retry now": queue the candidate's failed or waiting transcriptions and try them. */
      async retryTranscriptions(tenantId: string, candidateId: string) {
        await candidates.candidateById(deps, tenantId, candidateId);
        const queued = await transcription.requeueTranscriptions(deps, candidateId);
        const result = await processTranscriptions({ candidateIds: [candidateId] });
        return { queued: queued.length, ...result };
      },
    },
    scoreCampaign: (
      tenantId: string,
      campaignId: string,
      options: Omit<Parameters<typeof scoring.scoreCampaign>[3], 'cache'> = {},
    ) => scoring.scoreCampaign(deps, tenantId, campaignId, { ...options, cache }),
    processTranscriptions,
    /** Start due transcriptions without waiting (the review queue asks for them this way). */
    kickTranscriptions(options: { campaignId?: string; limit?: number } = {}) {
      inBackground('transcribe', () => processTranscriptions(options));
    },
    fairness: (tenantId: string, campaignId: string) => fairnessReport(deps, tenantId, campaignId),
    fairnessCsv,
    /** Wait for background work (transcriptions started by submitted answers) to finish. */
    async settle() {
      while (background.size > 0) await Promise.all([...background]);
    },
  };
}

export type InterviewService = ReturnType<typeof createInterviewService>;

const perApp = new WeakMap<Services, InterviewService>();

/**
 * The interview service of an app (built once per app's services). Without a recording store
 * in the dependencies (tests, Workers) recordings are kept in memory.
 */
export function interviewsFor(services: Services): InterviewService {
  let svc = perApp.get(services);
  if (!svc) {
    svc = createInterviewService({
      db: services.db,
      clock: services.clock,
      ids: services.ids,
      logger: services.logger,
      assist: services.assist,
      recordings: services.recordings ?? createMemoryRecordingStore(),
    });
    perApp.set(services, svc);
  }
  return svc;
}
