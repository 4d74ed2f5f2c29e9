/** @module Route specs for the recruiter side of interviews: settings, campaigns, import, review, fairness. */
import { createRoute, z } from '@hono/zod-openapi';
import { bearer } from '#src/http/openapi.ts';
import { problemResponses } from '#src/http/problem.ts';
import {
  BatchResultSchema,
  CampaignInputSchema,
  CampaignSchema,
  CampaignSummarySchema,
  CandidateDetailSchema,
  CandidateSchema,
  CardSchema,
  DecisionInputSchema,
  DecisionSchema,
  FairnessReportSchema,
  ImportRequestSchema,
  ImportResultSchema,
  QueueItemSchema,
  QueueQuerySchema,
  RetryResultSchema,
  SettingsSchema,
  ThresholdsSchema,
} from './schemas.ts';

const tags = ['Interviews'];
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const body = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});
const Id = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const getSettingsRoute = createRoute({
  method: 'get',
  path: '/api/v1/interviews/settings',
  tags,
  summary: "The tenant's default interview thresholds (recruiter, admin)",
  security: bearer,
  responses: { 200: json(SettingsSchema, 'Defaults for new campaigns'), ...problemResponses(401, 403) },
});

export const putSettingsRoute = createRoute({
  method: 'put',
  path: '/api/v1/interviews/settings',
  tags,
  summary: "Set the tenant's default thresholds (typing speed and accuracy, speech, total score)",
  security: bearer,
  request: { body: body(z.object({ thresholds: ThresholdsSchema })) },
  responses: {
    200: json(SettingsSchema, 'Stored'),
    ...problemResponses(400, 401, 403, 413, 415, 422),
  },
});

export const listCampaignsRoute = createRoute({
  method: 'get',
  path: '/api/v1/interviews/campaigns',
  tags,
  summary: 'Interview campaigns of the tenant, newest first',
  security: bearer,
  responses: {
    200: json(z.object({ items: z.array(CampaignSummarySchema) }), 'Campaigns with candidate counts'),
    ...problemResponses(401, 403),
  },
});

export const createCampaignRoute = createRoute({
  method: 'post',
  path: '/api/v1/interviews/campaigns',
  tags,
  summary:
    'Create a campaign: role, language, questions with anchored 1–5 scales, typing passage, thresholds, media mode',
  security: bearer,
  request: { body: body(CampaignInputSchema) },
  responses: {
    201: json(CampaignSchema, 'Created, with its invitation link'),
    ...problemResponses(400, 401, 403, 413, 415, 422),
  },
});

export const getCampaignRoute = createRoute({
  method: 'get',
  path: '/api/v1/interviews/campaigns/{id}',
  tags,
  summary: 'One campaign with its questions',
  security: bearer,
  request: { params: Id },
  responses: { 200: json(CampaignSchema, 'The campaign'), ...problemResponses(401, 403, 404, 422) },
});

export const updateCampaignRoute = createRoute({
  method: 'put',
  path: '/api/v1/interviews/campaigns/{id}',
  tags,
  summary: 'Edit a campaign (questions keep their ids; an answered question cannot be removed)',
  security: bearer,
  request: { params: Id, body: body(CampaignInputSchema) },
  responses: {
    200: json(CampaignSchema, 'Updated'),
    ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422),
  },
});

export const importCandidatesRoute = createRoute({
  method: 'post',
  path: '/api/v1/interviews/campaigns/{id}/candidates/import',
  tags,
  summary: 'Bulk-import candidates from CSV (columns email, name, optional group)',
  description:
    'Good rows are imported; every bad row (bad or duplicate email, missing name, wrong field count, unknown group) is reported with its line number and field. Each imported candidate gets a personal link.',
  security: bearer,
  request: { params: Id, body: body(ImportRequestSchema) },
  responses: {
    200: json(ImportResultSchema, 'Imported rows and row-level errors'),
    ...problemResponses(400, 401, 403, 404, 413, 415, 422),
  },
});

export const listCandidatesRoute = createRoute({
  method: 'get',
  path: '/api/v1/interviews/campaigns/{id}/candidates',
  tags,
  summary: 'The campaign’s candidates with their personal interview links',
  security: bearer,
  request: { params: Id },
  responses: {
    200: json(z.object({ items: z.array(CandidateSchema) }), 'Candidates in import order'),
    ...problemResponses(401, 403, 404, 422),
  },
});

export const scoreCampaignRoute = createRoute({
  method: 'post',
  path: '/api/v1/interviews/campaigns/{id}/score',
  tags,
  summary: 'Score every submitted candidate (current scorecards are skipped unless rescore is true)',
  security: bearer,
  request: {
    params: Id,
    body: {
      required: false,
      content: { 'application/json': { schema: z.object({ rescore: z.boolean().default(false) }) } },
    },
  },
  responses: {
    200: json(BatchResultSchema, 'Batch result'),
    ...problemResponses(400, 401, 403, 404, 415, 422),
  },
});

export const fairnessRoute = createRoute({
  method: 'get',
  path: '/api/v1/interviews/campaigns/{id}/fairness',
  tags,
  summary:
    'Fairness report: selection rates, four-fifths impact ratios, LL144 scoring rates, score distributions',
  security: bearer,
  request: { params: Id },
  responses: { 200: json(FairnessReportSchema, 'The report'), ...problemResponses(401, 403, 404, 422) },
});

export const fairnessCsvRoute = createRoute({
  method: 'get',
  path: '/api/v1/interviews/campaigns/{id}/fairness.csv',
  tags,
  summary: 'The fairness report as CSV',
  security: bearer,
  request: { params: Id },
  responses: {
    200: { description: 'text/csv', content: { 'text/csv': { schema: z.string() } } },
    ...problemResponses(401, 403, 404, 422),
  },
});

export const reviewQueueRoute = createRoute({
  method: 'get',
  path: '/api/v1/interviews/review',
  tags,
  summary: 'The review queue: every candidate, sorted and filterable; a person decides each one',
  security: bearer,
  request: { query: QueueQuerySchema },
  responses: {
    200: json(z.object({ items: z.array(QueueItemSchema), total: z.number().int() }), 'A page of the queue'),
    ...problemResponses(401, 403, 422),
  },
});

export const candidateDetailRoute = createRoute({
  method: 'get',
  path: '/api/v1/interviews/candidates/{id}',
  tags,
  summary:
    'A candidate’s scorecard: typing, each answer with evidence, transcripts and recordings, decisions',
  security: bearer,
  request: { params: Id },
  responses: { 200: json(CandidateDetailSchema, 'The candidate'), ...problemResponses(401, 403, 404, 422) },
});

export const decideRoute = createRoute({
  method: 'post',
  path: '/api/v1/interviews/candidates/{id}/decisions',
  tags,
  summary: 'Record a person’s decision (advance / reject / hold) with a note; audited, append-only',
  description:
    'A rejection, and any decision that goes against the tool’s advice, needs a note. The tool never decides: this is the only way a candidate is advanced or rejected.',
  security: bearer,
  request: { params: Id, body: body(DecisionInputSchema) },
  responses: {
    201: json(DecisionSchema, 'Recorded'),
    ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422),
  },
});

export const rescoreRoute = createRoute({
  method: 'post',
  path: '/api/v1/interviews/candidates/{id}/score',
  tags,
  summary: 'Score one submitted candidate again',
  security: bearer,
  request: { params: Id },
  responses: {
    200: json(z.object({ card: CardSchema.nullable() }), 'The new scorecard (null: not submitted)'),
    ...problemResponses(401, 403, 404, 422),
  },
});

export const retryTranscriptionRoute = createRoute({
  method: 'post',
  path: '/api/v1/interviews/candidates/{id}/transcriptions/retry',
  tags,
  summary: 'Retry the candidate’s queued or failed transcriptions now',
  security: bearer,
  request: { params: Id },
  responses: { 200: json(RetryResultSchema, 'What happened'), ...problemResponses(401, 403, 404, 422) },
});

export const recordingRoute = createRoute({
  method: 'get',
  path: '/api/v1/interviews/candidates/{id}/recordings/{recordingId}',
  tags,
  summary: 'Play back a recorded answer (staff of the same tenant; supports Range)',
  security: bearer,
  request: {
    params: Id.extend({
      recordingId: z
        .string()
        .min(1)
        .max(100)
        .openapi({ param: { name: 'recordingId', in: 'path' } }),
    }),
  },
  responses: {
    200: {
      description: 'The recording',
      content: { 'video/webm': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    206: {
      description: 'A byte range',
      content: { 'video/webm': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...problemResponses(401, 403, 404, 422),
  },
});
