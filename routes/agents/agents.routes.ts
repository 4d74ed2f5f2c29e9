/** @module Route specs for the signed-in staff member: profile and inbox stream. */
import { createRoute, z } from '@hono/zod-openapi';
import { TokenResponseSchema } from '#routes/auth/auth.routes.ts';
import { bearer } from '#src/http/openapi.ts';
import { problemResponses } from '#src/http/problem.ts';

export const MeSchema = TokenResponseSchema.shape.user.openapi('Me');

export const meRoute = createRoute({
  method: 'get',
  path: '/api/v1/me',
  tags: ['Agents'],
  summary: 'The signed-in staff member',
  security: bearer,
  responses: {
    200: { description: 'Profile', content: { 'application/json': { schema: MeSchema } } },
    ...problemResponses(401, 403),
  },
});

export const inboxEventsRoute = createRoute({
  method: 'get',
  path: '/api/v1/agents/me/events',
  tags: ['Agents'],
  summary: 'Inbox stream (SSE): queue changes and every message of the caller’s conversations',
  description:
    'Every event has `id: <global event id>`; reconnect with `Last-Event-ID` to replay what was missed. Supervisors, admins and QA receive every event of the tenant.',
  security: bearer,
  request: { query: z.object({ after: z.string().optional(), access_token: z.string().optional() }) },
  responses: {
    200: { description: 'text/event-stream', content: { 'text/event-stream': { schema: z.string() } } },
    ...problemResponses(401, 403),
  },
});
