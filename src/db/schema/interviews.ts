/**
 * @module Unmanned interviews: campaigns and their questions, candidates (invited by a token
 * link, no account), the typing test, answers with their recordings (chunk bookkeeping; the bytes
 * live in a RecordingStore), masked transcripts, advisory scorecards, and the append-only log of
 * human decisions. A recommendation is stored on the scorecard; only a decision row, which names
 * the person who made it, ever says advance or reject.
 */
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { tenants } from './tenants.ts';
import { users } from './users.ts';

export const INTERVIEW_LANGS = ['zh', 'en'] as const;
export const MEDIA_MODES = ['video', 'audio', 'text'] as const;
export type MediaMode = (typeof MEDIA_MODES)[number];
export const CAMPAIGN_STATUSES = ['draft', 'open', 'closed'] as const;
export const CANDIDATE_STATUSES = ['invited', 'consented', 'submitted', 'withdrawn'] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];
export const TRANSCRIPT_STATUSES = [
  'none',
  'not-configured',
  'pending',
  'retrying',
  'done',
  'failed',
] as const;
export type TranscriptStatus = (typeof TRANSCRIPT_STATUSES)[number];
export const RECORDING_STATUSES = ['uploading', 'complete', 'deleted'] as const;
export const RECOMMENDATIONS = ['advance', 'review', 'not-advance'] as const;
export const DECISION_OUTCOMES = ['advance', 'reject', 'hold'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** Campaign thresholds; validated by the service's zod schema before they are stored. */
export interface CampaignThresholds {
  typing: { minNet: number; minAccuracy: number };
  speech: { rateLow: number; rateHigh: number; maxPauseRatio: number; minFluencyBand: string | null };
  total: { advanceAt: number; notAdvanceBelow: number };
}

/** One level of a question's anchored rating scale (1–5) with example answers. */
export interface RubricAnchor {
  level: number;
  descriptor: string;
  examples: string[];
}

/** An optional self-reported field for the fairness report (e.g. gender, age band). */
export interface GroupField {
  label: string;
  options: string[];
}

/** A tenant's default thresholds for new campaigns (absent: the product defaults). */
export const interviewSettings = sqliteTable('interview_settings', {
  tenantId: text('tenant_id')
    .primaryKey()
    .references(() => tenants.id),
  thresholds: text('thresholds', { mode: 'json' }).$type<CampaignThresholds>().notNull(),
  updatedAt: integer('updated_at').notNull(),
  updatedBy: text('updated_by').references(() => users.id),
});

export const interviewCampaigns = sqliteTable(
  'interview_campaigns',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    name: text('name').notNull(),
    role: text('role').notNull(),
    language: text('language', { enum: INTERVIEW_LANGS }).notNull(),
    typingLang: text('typing_lang', { enum: INTERVIEW_LANGS }).notNull(),
    typingPassage: text('typing_passage').notNull(),
    typingSeconds: integer('typing_seconds').notNull().default(120),
    thresholds: text('thresholds', { mode: 'json' }).$type<CampaignThresholds>().notNull(),
    mediaMode: text('media_mode', { enum: MEDIA_MODES }).notNull(),
    groupField: text('group_field', { mode: 'json' }).$type<GroupField | null>(),
    /** The open invitation link (/interview/apply/{token}): candidates register themselves. */
    inviteToken: text('invite_token').notNull(),
    status: text('status', { enum: CAMPAIGN_STATUSES }).notNull().default('open'),
    createdBy: text('created_by').references(() => users.id),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('interview_campaigns_tenant_idx').on(t.tenantId, t.createdAt),
    uniqueIndex('interview_campaigns_invite_uq').on(t.inviteToken),
  ],
);

export const interviewQuestions = sqliteTable(
  'interview_questions',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    campaignId: text('campaign_id')
      .notNull()
      .references(() => interviewCampaigns.id),
    position: integer('position').notNull(),
    prompt: text('prompt').notNull(),
    timeLimitSeconds: integer('time_limit_seconds').notNull(),
    reference: text('reference'),
    rubric: text('rubric', { mode: 'json' }).$type<RubricAnchor[]>().notNull(),
    weight: real('weight').notNull().default(1),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('interview_questions_campaign_idx').on(t.campaignId, t.position)],
);

export const interviewCandidates = sqliteTable(
  'interview_candidates',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    campaignId: text('campaign_id')
      .notNull()
      .references(() => interviewCampaigns.id),
    /** Lower-cased; unique within the campaign. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** The self-reported group (campaign's group field), null when not given. */
    groupValue: text('group_value'),
    /** The personal link /interview/{token}; the only credential a candidate has. */
    token: text('token').notNull(),
    status: text('status', { enum: CANDIDATE_STATUSES }).notNull().default('invited'),
    consentedAt: integer('consented_at'),
    withdrawnAt: integer('withdrawn_at'),
    submittedAt: integer('submitted_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('interview_candidates_token_uq').on(t.token),
    uniqueIndex('interview_candidates_email_uq').on(t.campaignId, t.email),
    index('interview_candidates_campaign_idx').on(t.campaignId, t.status),
  ],
);

/** Keystroke log batches, appended idempotently by sequence number while the candidate types. */
export const interviewTypingBatches = sqliteTable(
  'interview_typing_batches',
  {
    candidateId: text('candidate_id')
      .notNull()
      .references(() => interviewCandidates.id),
    seq: integer('seq').notNull(),
    events: text('events', { mode: 'json' }).$type<unknown[]>().notNull(),
    receivedAt: integer('received_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.candidateId, t.seq] })],
);

/** The finished typing test and its analysis (assist/interview/typing.ts TypingResult). */
export const interviewTypingTests = sqliteTable('interview_typing_tests', {
  candidateId: text('candidate_id')
    .primaryKey()
    .references(() => interviewCandidates.id),
  tenantId: text('tenant_id')
    .notNull()
    .references(() => tenants.id),
  finalText: text('final_text').notNull(),
  durationMs: integer('duration_ms').notNull(),
  result: text('result', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  submittedAt: integer('submitted_at').notNull(),
});

export const interviewAnswers = sqliteTable(
  'interview_answers',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    candidateId: text('candidate_id')
      .notNull()
      .references(() => interviewCandidates.id),
    questionId: text('question_id')
      .notNull()
      .references(() => interviewQuestions.id),
    mode: text('mode', { enum: MEDIA_MODES }).notNull(),
    writtenText: text('written_text'),
    durationMs: integer('duration_ms'),
    submittedAt: integer('submitted_at'),
    transcriptStatus: text('transcript_status', { enum: TRANSCRIPT_STATUSES }).notNull().default('none'),
    transcriptAttempts: integer('transcript_attempts').notNull().default(0),
    transcriptNextAt: integer('transcript_next_at'),
    transcriptError: text('transcript_error'),
  },
  (t) => [
    uniqueIndex('interview_answers_question_uq').on(t.candidateId, t.questionId),
    index('interview_answers_transcript_idx').on(t.transcriptStatus, t.transcriptNextAt),
  ],
);

export const interviewRecordings = sqliteTable(
  'interview_recordings',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    candidateId: text('candidate_id')
      .notNull()
      .references(() => interviewCandidates.id),
    answerId: text('answer_id')
      .notNull()
      .references(() => interviewAnswers.id),
    kind: text('kind', { enum: ['video', 'audio'] }).notNull(),
    mimeType: text('mime_type').notNull(),
    /** Chunk count, fixed by the first chunk that states it. */
    totalChunks: integer('total_chunks'),
    bytes: integer('bytes').notNull().default(0),
    status: text('status', { enum: RECORDING_STATUSES }).notNull().default('uploading'),
    createdAt: integer('created_at').notNull(),
    completedAt: integer('completed_at'),
    deletedAt: integer('deleted_at'),
  },
  (t) => [
    uniqueIndex('interview_recordings_answer_uq').on(t.answerId),
    index('interview_recordings_candidate_idx').on(t.candidateId),
  ],
);

/** Which chunks of a recording arrived; a resumed upload asks for this list. */
export const interviewRecordingChunks = sqliteTable(
  'interview_recording_chunks',
  {
    recordingId: text('recording_id')
      .notNull()
      .references(() => interviewRecordings.id),
    idx: integer('idx').notNull(),
    size: integer('size').notNull(),
    /** SHA-256 of the chunk: the same chunk again is a no-op, different bytes are a conflict. */
    digest: text('digest').notNull(),
    receivedAt: integer('received_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.recordingId, t.idx] })],
);

/** A transcript, masked by the PII boundary before it is stored or scored. */
export const interviewTranscripts = sqliteTable('interview_transcripts', {
  answerId: text('answer_id')
    .primaryKey()
    .references(() => interviewAnswers.id),
  tenantId: text('tenant_id')
    .notNull()
    .references(() => tenants.id),
  text: text('text').notNull(),
  provider: text('provider').notNull(),
  model: text('model'),
  createdAt: integer('created_at').notNull(),
});

/** The advisory scorecard (assist/interview/scorecard.ts) and the flags that send it to review. */
export const interviewScorecards = sqliteTable(
  'interview_scorecards',
  {
    candidateId: text('candidate_id')
      .primaryKey()
      .references(() => interviewCandidates.id),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    campaignId: text('campaign_id')
      .notNull()
      .references(() => interviewCampaigns.id),
    score100: real('score100').notNull(),
    recommendation: text('recommendation', { enum: RECOMMENDATIONS }).notNull(),
    flags: text('flags', { mode: 'json' }).$type<string[]>().notNull(),
    card: text('card', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** Digest of everything scored, so a re-run can tell a stale scorecard from a current one. */
    inputDigest: text('input_digest').notNull(),
    scoredAt: integer('scored_at').notNull(),
  },
  (t) => [index('interview_scorecards_campaign_idx').on(t.campaignId, t.score100)],
);

/**
 * Human decisions, append-only: the service inserts and never updates or deletes a row, so the
 * table is the audit trail (who, when, what the tool advised, whether they overrode it, why).
 */
export const interviewDecisions = sqliteTable(
  'interview_decisions',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    campaignId: text('campaign_id')
      .notNull()
      .references(() => interviewCampaigns.id),
    candidateId: text('candidate_id')
      .notNull()
      .references(() => interviewCandidates.id),
    outcome: text('outcome', { enum: DECISION_OUTCOMES }).notNull(),
    note: text('note').notNull(),
    decidedBy: text('decided_by')
      .notNull()
      .references(() => users.id),
    decidedByName: text('decided_by_name').notNull(),
    /** The tool's advice when the person decided (null: not scored yet). */
    recommendation: text('recommendation', { enum: RECOMMENDATIONS }),
    score100: real('score100'),
    overridesRecommendation: integer('overrides_recommendation', { mode: 'boolean' }).notNull(),
    decidedAt: integer('decided_at').notNull(),
  },
  (t) => [
    index('interview_decisions_candidate_idx').on(t.candidateId, t.decidedAt),
    index('interview_decisions_campaign_idx').on(t.campaignId),
  ],
);

export type InterviewCampaign = typeof interviewCampaigns.$inferSelect;
export type InterviewQuestion = typeof interviewQuestions.$inferSelect;
export type InterviewCandidate = typeof interviewCandidates.$inferSelect;
export type InterviewAnswer = typeof interviewAnswers.$inferSelect;
export type InterviewRecording = typeof interviewRecordings.$inferSelect;
export type InterviewScorecardRow = typeof interviewScorecards.$inferSelect;
export type InterviewDecision = typeof interviewDecisions.$inferSelect;
