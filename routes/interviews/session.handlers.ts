/** @module Candidate handlers: the personal token in the path is the only credential. */
import type { Context } from 'hono';
import type { AppEnv } from '#src/http/env.ts';
import { STATUS } from '#src/http/problem.ts';
import { createRouter } from '#src/http/router.ts';
import { interviewsFor } from '#src/services/interviews/index.ts';
import {
  consentRoute,
  finishRoute,
  putChunkRoute,
  recordingStateRoute,
  registerRoute,
  sessionRoute,
  startRecordingRoute,
  submitAnswerRoute,
  typingEventsRoute,
  typingSubmitRoute,
  withdrawRoute,
} from './session.routes.ts';

const svc = (c: Context<AppEnv>) => interviewsFor(c.get('services')).session;
const status = (c: {
  status: 'invited' | 'consented' | 'submitted' | 'withdrawn';
  consentedAt: number | null;
  submittedAt: number | null;
}) => ({
  status: c.status,
  consentedAt: c.consentedAt,
  submittedAt: c.submittedAt,
});

export const sessionRoutes = createRouter()
  .openapi(sessionRoute, async (c) => {
    c.header('cache-control', 'no-store');
    return c.json(await svc(c).view(c.req.valid('param').token), STATUS.OK);
  })
  .openapi(consentRoute, async (c) => {
    const { group } = c.req.valid('json');
    return c.json(status(await svc(c).consent(c.req.valid('param').token, { group })), STATUS.OK);
  })
  .openapi(withdrawRoute, async (c) => {
    const { deletedRecordings } = await svc(c).withdraw(c.req.valid('param').token);
    return c.json({ status: 'withdrawn' as const, deletedRecordings }, STATUS.OK);
  })
  .openapi(typingEventsRoute, async (c) => {
    const { seq, events } = c.req.valid('json');
    return c.json(await svc(c).appendTyping(c.req.valid('param').token, seq, events), STATUS.OK);
  })
  .openapi(typingSubmitRoute, async (c) => {
    return c.json(await svc(c).submitTyping(c.req.valid('param').token, c.req.valid('json')), STATUS.OK);
  })
  .openapi(startRecordingRoute, async (c) => {
    const { token, questionId } = c.req.valid('param');
    return c.json(await svc(c).startRecording(token, questionId, c.req.valid('json')), STATUS.OK);
  })
  .openapi(recordingStateRoute, async (c) => {
    const { token, questionId } = c.req.valid('param');
    return c.json(await svc(c).getRecording(token, questionId), STATUS.OK);
  })
  .openapi(putChunkRoute, async (c) => {
    const { token, questionId, index } = c.req.valid('param');
    const { total } = c.req.valid('query');
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    return c.json(await svc(c).putChunk(token, questionId, { index, total, bytes }), STATUS.OK);
  })
  .openapi(submitAnswerRoute, async (c) => {
    const { token, questionId } = c.req.valid('param');
    const a = await svc(c).submitAnswer(token, questionId, c.req.valid('json'));
    return c.json(
      {
        questionId: a.questionId,
        mode: a.mode,
        submittedAt: a.submittedAt,
        transcriptStatus: a.transcriptStatus,
      },
      STATUS.OK,
    );
  })
  .openapi(finishRoute, async (c) => {
    return c.json(status(await svc(c).finish(c.req.valid('param').token)), STATUS.OK);
  })
  .openapi(registerRoute, async (c) => {
    const { token } = await interviewsFor(c.get('services')).register(
      c.req.valid('param').inviteToken,
      c.req.valid('json'),
    );
    return c.json({ link: `/interview/${token}` }, STATUS.CREATED);
  });
