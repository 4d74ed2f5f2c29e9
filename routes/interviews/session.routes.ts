/**
 * @module Route specs for the candidate's side (no account: the personal token in the path is
 * the credential) and for self-registration through a campaign's invitation link.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { problemResponses } from '#src/http/problem.ts';
import {
  AnswerResultSchema,
  AnswerSubmitSchema,
  CandidateStatusSchema,
  ConsentInputSchema,
  RecordingStartSchema,
  RecordingStateSchema,
  RegisterInputSchema,
  SessionSchema,
  TypingBatchSchema,
  TypingSubmitSchema,
} from './schemas.ts';

const tags = ['Interview sessions'];
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const body = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});
const param = (name: string) =>
  z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name, in: 'path' } });
const Token = z.object({ token: param('token') });
const TokenQuestion = Token.extend({ questionId: param('questionId') });
const base = '/api/v1/interviews/sessions/{token}';

export const sessionRoute = createRoute({
  method: 'get',
  path: base,
  tags,
  summary: 'The candidate’s interview: campaign, questions (no rubric), progress, upload state',
  request: { params: Token },
  responses: { 200: json(SessionSchema, 'The session'), ...problemResponses(404, 422) },
});

export const consentRoute = createRoute({
  method: 'post',
  path: `${base}/consent`,
  tags,
  summary: 'Give consent (required before anything is recorded); optionally report the group field',
  request: { params: Token, body: body(ConsentInputSchema) },
  responses: {
    200: json(CandidateStatusSchema, 'Consent recorded'),
    ...problemResponses(400, 404, 409, 413, 415, 422),
  },
});

export const withdrawRoute = createRoute({
  method: 'post',
  path: `${base}/withdraw`,
  tags,
  summary: 'Withdraw consent: deletes the recordings, transcripts, written answers and typing log',
  request: { params: Token },
  responses: {
    200: json(z.object({ status: z.literal('withdrawn'), deletedRecordings: z.number().int() }), 'Withdrawn'),
    ...problemResponses(404, 422),
  },
});

export const typingEventsRoute = createRoute({
  method: 'post',
  path: `${base}/typing/events`,
  tags,
  summary: 'Append a batch of typing-test keystroke events (idempotent by seq)',
  request: { params: Token, body: body(TypingBatchSchema) },
  responses: {
    200: json(z.object({ seq: z.number().int(), stored: z.boolean() }), 'Stored (false: already had it)'),
    ...problemResponses(400, 404, 409, 413, 415, 422),
  },
});

export const typingSubmitRoute = createRoute({
  method: 'post',
  path: `${base}/typing`,
  tags,
  summary:
    'Finish the typing test; the whole log is analysed (speed, accuracy, corrections, pastes, anomalies)',
  request: { params: Token, body: body(TypingSubmitSchema) },
  responses: {
    200: json(z.object({ submitted: z.literal(true) }), 'Received'),
    ...problemResponses(400, 404, 409, 413, 415, 422),
  },
});

export const startRecordingRoute = createRoute({
  method: 'post',
  path: `${base}/answers/{questionId}/recording`,
  tags,
  summary: 'Start or resume the recording of an answer (returns the chunks already received)',
  request: { params: TokenQuestion, body: body(RecordingStartSchema) },
  responses: {
    200: json(RecordingStateSchema, 'Recording state'),
    ...problemResponses(400, 404, 409, 413, 415, 422),
  },
});

export const recordingStateRoute = createRoute({
  method: 'get',
  path: `${base}/answers/{questionId}/recording`,
  tags,
  summary: 'Which chunks the server has (ask after a dropped connection, then send the rest)',
  request: { params: TokenQuestion },
  responses: { 200: json(RecordingStateSchema, 'Recording state'), ...problemResponses(404, 422) },
});

export const putChunkRoute = createRoute({
  method: 'put',
  path: `${base}/answers/{questionId}/recording/chunks/{index}`,
  tags,
  summary: 'Upload one chunk (raw bytes) of `total`; idempotent — the same chunk again is a no-op',
  request: {
    params: TokenQuestion.extend({
      index: z.coerce
        .number()
        .int()
        .min(0)
        .openapi({ param: { name: 'index', in: 'path' }, type: 'integer' }),
    }),
    query: z.object({ total: z.coerce.number().int().min(1).openapi({ type: 'integer' }) }),
    body: {
      required: true,
      content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
    },
  },
  responses: {
    200: json(RecordingStateSchema, 'Recording state after this chunk'),
    ...problemResponses(404, 409, 413, 422),
  },
});

export const submitAnswerRoute = createRoute({
  method: 'post',
  path: `${base}/answers/{questionId}`,
  tags,
  summary:
    'Submit an answer (recording finished uploading, or text); a written answer is needed without transcription',
  request: { params: TokenQuestion, body: body(AnswerSubmitSchema) },
  responses: {
    200: json(AnswerResultSchema, 'Submitted'),
    ...problemResponses(400, 404, 409, 413, 415, 422),
  },
});

export const finishRoute = createRoute({
  method: 'post',
  path: `${base}/submit`,
  tags,
  summary: 'Finish the interview; it is scored and goes to the recruiter’s review queue',
  request: { params: Token },
  responses: { 200: json(CandidateStatusSchema, 'Submitted'), ...problemResponses(404, 409, 422) },
});

export const registerRoute = createRoute({
  method: 'post',
  path: '/api/v1/interviews/invitations/{inviteToken}/candidates',
  tags,
  summary: 'Register through a campaign’s open invitation link; returns the personal interview link',
  request: { params: z.object({ inviteToken: param('inviteToken') }), body: body(RegisterInputSchema) },
  responses: {
    201: json(z.object({ link: z.string() }), 'Registered'),
    ...problemResponses(400, 404, 409, 413, 415, 422),
  },
});
