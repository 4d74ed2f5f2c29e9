/**
 * @module Request and response schemas of the interview API. Stored shapes come from the
 * drizzle tables (drizzle-zod) with their JSON columns typed by the service's domain schemas.
 */
import { z } from '@hono/zod-openapi';
import { createSelectSchema } from 'drizzle-zod';
import {
  CANDIDATE_STATUSES,
  DECISION_OUTCOMES,
  interviewCampaigns,
  interviewDecisions,
  interviewQuestions,
  MEDIA_MODES,
  RECOMMENDATIONS,
  TRANSCRIPT_STATUSES,
} from '#src/db/schema/interviews.ts';
import {
  GroupFieldSchema,
  KeystrokeEventSchema,
  RubricAnchorSchema,
  ThresholdsSchema,
} from '#src/services/interviews/model.ts';
import { QUEUE_SORTS } from '#src/services/interviews/review.ts';

export {
  CampaignInputSchema,
  ThresholdsSchema,
} from '#src/services/interviews/model.ts';

export const QuestionSchema = createSelectSchema(interviewQuestions, { rubric: z.array(RubricAnchorSchema) })
  .omit({ tenantId: true })
  .openapi('InterviewQuestion');

export const CampaignSchema = createSelectSchema(interviewCampaigns, {
  thresholds: ThresholdsSchema,
  groupField: GroupFieldSchema.nullable(),
})
  .extend({ questions: z.array(QuestionSchema), inviteLink: z.string() })
  .openapi('InterviewCampaign');

export const CampaignSummarySchema = createSelectSchema(interviewCampaigns, {
  thresholds: ThresholdsSchema,
  groupField: GroupFieldSchema.nullable(),
})
  .extend({
    questionCount: z.number().int(),
    candidates: z.object({
      total: z.number().int(),
      submitted: z.number().int(),
      withdrawn: z.number().int(),
    }),
    inviteLink: z.string(),
  })
  .openapi('InterviewCampaignSummary');

export const SettingsSchema = z
  .object({ thresholds: ThresholdsSchema, custom: z.boolean() })
  .openapi('InterviewSettings');

export const ImportRequestSchema = z
  .object({
    csv: z
      .string()
      .min(1)
      .max(60_000)
      .openapi({ example: 'email,name,group\nwang@example.com,王小明,A\nlee@example.com,Lee Ann,B' }),
  })
  .openapi('CandidateImportRequest');

export const ImportResultSchema = z
  .object({
    imported: z.number().int(),
    candidates: z.array(
      z.object({
        id: z.string(),
        email: z.string(),
        name: z.string(),
        group: z.string().nullable(),
        link: z.string(),
      }),
    ),
    errors: z.array(
      z.object({
        row: z.number().int(),
        field: z.string().nullable(),
        code: z.enum([
          'missing_column',
          'bad_row',
          'invalid_email',
          'missing_name',
          'duplicate_email',
          'bad_group',
        ]),
        message: z.string(),
      }),
    ),
  })
  .openapi('CandidateImportResult');

export const CandidateSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    group: z.string().nullable(),
    status: z.enum(CANDIDATE_STATUSES),
    submittedAt: z.number().nullable(),
    link: z.string(),
  })
  .openapi('InterviewCandidate');

export const BatchResultSchema = z
  .object({
    campaign: z.string(),
    scored: z.number().int(),
    skipped: z.number().int(),
    failed: z.number().int(),
    failures: z.array(z.object({ candidateId: z.string(), error: z.string() })),
    durationMs: z.number(),
  })
  .openapi('InterviewBatchResult');

export const QueueQuerySchema = z.object({
  campaign: z.string().max(100).optional(),
  status: z.enum([...CANDIDATE_STATUSES, 'all']).optional(),
  recommendation: z.enum([...RECOMMENDATIONS, 'unscored']).optional(),
  decision: z.enum([...DECISION_OUTCOMES, 'undecided']).optional(),
  flag: z.string().max(60).optional(),
  q: z.string().max(100).optional(),
  sort: z.enum(QUEUE_SORTS).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const QueueItemSchema = z
  .object({
    candidateId: z.string(),
    name: z.string(),
    email: z.string(),
    group: z.string().nullable(),
    status: z.enum(CANDIDATE_STATUSES),
    submittedAt: z.number().nullable(),
    campaignId: z.string(),
    campaignName: z.string(),
    score100: z.number().nullable(),
    recommendation: z.enum(RECOMMENDATIONS).nullable(),
    flags: z.array(z.string()),
    scoredAt: z.number().nullable(),
    decision: z.enum(DECISION_OUTCOMES).nullable(),
    decidedAt: z.number().nullable(),
    transcriptsQueued: z.number().int(),
    transcriptsFailed: z.number().int(),
  })
  .openapi('InterviewQueueItem');

export const DecisionSchema = createSelectSchema(interviewDecisions)
  .omit({ tenantId: true })
  .openapi('InterviewDecision');

export const DecisionInputSchema = z
  .object({
    outcome: z.enum(DECISION_OUTCOMES),
    note: z.string().max(4000).default(''),
  })
  .openapi('InterviewDecisionInput');

/** The stored scorecard (assist/interview Scorecard plus flags and scored texts); see InterviewCard. */
export const CardSchema = z.record(z.string(), z.unknown()).openapi('InterviewScorecardCard');

export const CandidateDetailSchema = z
  .object({
    candidate: z.object({
      id: z.string(),
      name: z.string(),
      email: z.string(),
      group: z.string().nullable(),
      status: z.enum(CANDIDATE_STATUSES),
      consentedAt: z.number().nullable(),
      submittedAt: z.number().nullable(),
      withdrawnAt: z.number().nullable(),
      link: z.string(),
    }),
    campaign: z.object({
      id: z.string(),
      name: z.string(),
      role: z.string(),
      language: z.enum(['zh', 'en']),
      typingLang: z.enum(['zh', 'en']),
      mediaMode: z.enum(MEDIA_MODES),
      groupField: GroupFieldSchema.nullable(),
    }),
    questions: z.array(
      z.object({
        id: z.string(),
        position: z.number().int(),
        prompt: z.string(),
        reference: z.string().nullable(),
        rubric: z.array(RubricAnchorSchema),
        weight: z.number(),
      }),
    ),
    answers: z.array(
      z.object({
        questionId: z.string(),
        mode: z.enum(MEDIA_MODES),
        writtenText: z.string().nullable(),
        durationMs: z.number().nullable(),
        submittedAt: z.number().nullable(),
        transcript: z.object({
          status: z.enum(TRANSCRIPT_STATUSES),
          attempts: z.number().int(),
          nextAttemptAt: z.number().nullable(),
          error: z.string().nullable(),
          text: z.string().nullable(),
        }),
        recording: z
          .object({
            id: z.string(),
            kind: z.enum(['video', 'audio']),
            mimeType: z.string(),
            status: z.enum(['uploading', 'complete', 'deleted']),
            bytes: z.number().int(),
            url: z.string(),
          })
          .nullable(),
      }),
    ),
    typing: z.object({ finalText: z.string(), submittedAt: z.number() }).nullable(),
    scorecard: z
      .object({
        score100: z.number(),
        recommendation: z.enum(RECOMMENDATIONS),
        flags: z.array(z.string()),
        scoredAt: z.number(),
        card: CardSchema,
      })
      .nullable(),
    decisions: z.array(DecisionSchema.extend({ tenantId: z.string() })),
  })
  .openapi('InterviewCandidateDetail');

export const RetryResultSchema = z
  .object({
    queued: z.number().int(),
    done: z.number().int(),
    retrying: z.number().int(),
    failed: z.number().int(),
    notConfigured: z.number().int(),
    skipped: z.number().int(),
  })
  .openapi('TranscriptionRetryResult');

const SelectionGroup = z.object({
  group: z.string(),
  applicants: z.number().int(),
  selected: z.number().int(),
  rate: z.number(),
  impactRatio: z.number().nullable(),
  adverseImpact: z.boolean(),
  excluded: z.boolean(),
});
const Selection = z.object({
  groups: z.array(SelectionGroup),
  unknown: z.object({ applicants: z.number().int(), selected: z.number().int() }),
  reference: z.string().nullable(),
  threshold: z.number(),
  flagged: z.array(z.string()),
});
const Summary = z.object({
  n: z.number().int(),
  mean: z.number().nullable(),
  min: z.number().nullable(),
  q1: z.number().nullable(),
  median: z.number().nullable(),
  q3: z.number().nullable(),
  max: z.number().nullable(),
});

export const FairnessReportSchema = z
  .object({
    campaign: z.object({ id: z.string(), name: z.string(), groupLabel: z.string().nullable() }),
    assessed: z.number().int(),
    scored: z.number().int(),
    minShare: z.number(),
    tool: Selection,
    human: Selection.extend({ pending: z.number().int(), held: z.number().int() }),
    scoring: z.object({
      median: z.number().nullable(),
      groups: z.array(
        z.object({
          group: z.string(),
          n: z.number().int(),
          aboveMedian: z.number().int(),
          scoringRate: z.number(),
          impactRatio: z.number().nullable(),
          adverseImpact: z.boolean(),
          excluded: z.boolean(),
        }),
      ),
      unknown: z.object({ n: z.number().int(), aboveMedian: z.number().int() }),
      reference: z.string().nullable(),
      threshold: z.number(),
      flagged: z.array(z.string()),
    }),
    distributions: z.array(
      z.object({
        group: z.string(),
        summary: Summary,
        bins: z.array(z.object({ from: z.number(), to: z.number(), count: z.number().int() })),
      }),
    ),
  })
  .openapi('InterviewFairnessReport');

// ── Candidate session ───────────────────────────────────────────────────────────────────────

export const RecordingStateSchema = z
  .object({
    recordingId: z.string(),
    kind: z.enum(['video', 'audio']),
    mimeType: z.string(),
    status: z.enum(['uploading', 'complete', 'deleted']),
    totalChunks: z.number().int().nullable(),
    received: z.array(z.number().int()),
    bytes: z.number().int(),
  })
  .openapi('InterviewRecordingState');

export const SessionSchema = z
  .object({
    candidate: z.object({
      name: z.string(),
      status: z.enum(CANDIDATE_STATUSES),
      consentedAt: z.number().nullable(),
      submittedAt: z.number().nullable(),
      group: z.string().nullable(),
    }),
    campaign: z.object({
      name: z.string(),
      role: z.string(),
      language: z.enum(['zh', 'en']),
      typingLang: z.enum(['zh', 'en']),
      typingPassage: z.string(),
      typingSeconds: z.number().int(),
      mediaMode: z.enum(MEDIA_MODES),
      groupField: GroupFieldSchema.nullable(),
      thresholds: z.object({ typing: z.object({ minNet: z.number(), minAccuracy: z.number() }) }),
    }),
    questions: z.array(
      z.object({
        id: z.string(),
        position: z.number().int(),
        prompt: z.string(),
        timeLimitSeconds: z.number().int(),
      }),
    ),
    typing: z.object({ submitted: z.boolean() }),
    answers: z.array(
      z.object({
        questionId: z.string(),
        mode: z.enum(MEDIA_MODES),
        submitted: z.boolean(),
        recording: RecordingStateSchema.nullable(),
      }),
    ),
    transcription: z.object({ configured: z.boolean() }),
  })
  .openapi('InterviewSession');

export const ConsentInputSchema = z
  .object({
    consent: z.literal(true, { message: 'consent must be given explicitly (true)' }),
    group: z.string().max(100).nullable().optional(),
  })
  .openapi('InterviewConsent');

export const CandidateStatusSchema = z
  .object({
    status: z.enum(CANDIDATE_STATUSES),
    consentedAt: z.number().nullable(),
    submittedAt: z.number().nullable(),
  })
  .openapi('InterviewCandidateStatus');

export const TypingBatchSchema = z
  .object({
    seq: z.number().int().min(0).max(100_000),
    events: z.array(KeystrokeEventSchema).max(2000),
  })
  .openapi('TypingEventBatch');

export const TypingSubmitSchema = z
  .object({
    finalText: z.string().max(20_000),
    durationMs: z.number().int().min(0).max(3_600_000),
  })
  .openapi('TypingSubmit');

export const RecordingStartSchema = z
  .object({
    kind: z.enum(['video', 'audio']),
    mimeType: z
      .string()
      .min(1)
      .max(100)
      .regex(/^(audio|video)\/[\w.+-]+(;[\w=.,+ -]*)?$/, 'an audio/* or video/* type'),
    restart: z.boolean().optional(),
  })
  .openapi('RecordingStart');

export const AnswerSubmitSchema = z
  .object({
    mode: z.enum(MEDIA_MODES),
    writtenText: z.string().max(4000).nullable().optional(),
    durationMs: z.number().int().min(0).max(3_600_000).nullable().optional(),
  })
  .openapi('InterviewAnswerSubmit');

export const AnswerResultSchema = z
  .object({
    questionId: z.string(),
    mode: z.enum(MEDIA_MODES),
    submittedAt: z.number().nullable(),
    transcriptStatus: z.enum(TRANSCRIPT_STATUSES),
  })
  .openapi('InterviewAnswerResult');

export const RegisterInputSchema = z
  .object({ email: z.string().trim().email().max(200), name: z.string().trim().min(1).max(200) })
  .openapi('InterviewRegistration');
