/** @module Route specs for the signed-in agent's dispatch side: presence, heartbeat, offers, shifts. */
import { createRoute, z } from '@hono/zod-openapi';
import { createSelectSchema } from 'drizzle-zod';
import { ConversationSchema } from '#routes/conversations/conversations.routes.ts';
import { agentShiftOffers, PRESENCE_STATUSES } from '#src/db/schema/dispatch.ts';
import { bearer, ok } from '#src/http/openapi.ts';
import { problemResponses } from '#src/http/problem.ts';

export const PresenceSchema = z
  .object({
    status: z.enum(PRESENCE_STATUSES),
    chosen: z.enum(PRESENCE_STATUSES),
    reason: z.string().nullable(),
    since: z.number().int().nullable(),
    lastHeartbeatAt: z.number().int().nullable(),
    serverTime: z.number().int(),
    skewMs: z.number().nullable(),
    timeoutSeconds: z.number().int(),
    dispatch: z.enum(['live', 'queue-only']),
  })
  .openapi('Presence');

export const SetPresenceSchema = z
  .object({ status: z.enum(PRESENCE_STATUSES).openapi({ example: 'online' }) })
  .openapi('SetPresence');

export const HeartbeatSchema = z
  .object({
    sentAt: z
      .number()
      .int()
      .optional()
      .openapi({ description: "The client's clock (epoch ms); only echoed back as skew, never trusted." }),
  })
  .openapi('Heartbeat');

export const ShiftOfferSchema = createSelectSchema(agentShiftOffers)
  .omit({ tenantId: true })
  .openapi('ShiftOffer');

const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const getPresenceRoute = createRoute({
  method: 'get',
  path: '/api/v1/agents/me/presence',
  tags: ['Agents'],
  summary: "The caller's presence as dispatch sees it",
  security: bearer,
  responses: { 200: ok(PresenceSchema, 'Presence'), ...problemResponses(401, 403) },
});

export const setPresenceRoute = createRoute({
  method: 'post',
  path: '/api/v1/agents/me/presence',
  tags: ['Agents'],
  summary: 'Go online, away or offline (agents)',
  description:
    'Online: offers start. Away: no new offers, conversations kept. Offline: held conversations return to the queue ahead of newer ones.',
  security: bearer,
  request: { body: { required: true, content: { 'application/json': { schema: SetPresenceSchema } } } },
  responses: { 200: ok(PresenceSchema, 'Presence'), ...problemResponses(400, 401, 403, 415, 422) },
});

export const heartbeatRoute = createRoute({
  method: 'post',
  path: '/api/v1/agents/me/heartbeat',
  tags: ['Agents'],
  summary: 'Heartbeat (agents): keeps the caller online; send every 15 s',
  description:
    'Missing heartbeats for the policy timeout (server clock) take the agent offline and requeue their conversations; the next heartbeat restores the status they chose.',
  security: bearer,
  request: { body: { required: false, content: { 'application/json': { schema: HeartbeatSchema } } } },
  responses: { 200: ok(PresenceSchema, 'Presence'), ...problemResponses(400, 401, 403, 415, 422) },
});

export const myOffersRoute = createRoute({
  method: 'get',
  path: '/api/v1/agents/me/offers',
  tags: ['Agents'],
  summary: 'Conversations currently offered to the caller',
  security: bearer,
  responses: {
    200: ok(z.object({ items: z.array(ConversationSchema) }), 'Offered conversations, oldest first'),
    ...problemResponses(401, 403),
  },
});

export const myShiftOffersRoute = createRoute({
  method: 'get',
  path: '/api/v1/agents/me/shift-offers',
  tags: ['Agents'],
  summary: 'Open and accepted shift offers of the caller (on-demand agents)',
  security: bearer,
  responses: {
    200: ok(z.object({ items: z.array(ShiftOfferSchema) }), 'Shift offers, newest first'),
    ...problemResponses(401, 403),
  },
});

const shiftAnswer = (answer: 'accept' | 'decline') =>
  createRoute({
    method: 'post',
    path: `/api/v1/agents/me/shift-offers/{id}/${answer}`,
    tags: ['Agents'],
    summary: answer === 'accept' ? 'Accept a shift offer: comes online at once' : 'Decline a shift offer',
    security: bearer,
    request: { params: IdParam },
    responses: { 200: ok(ShiftOfferSchema, 'The offer'), ...problemResponses(401, 403, 404, 409, 422) },
  });

export const acceptShiftRoute = shiftAnswer('accept');
export const declineShiftRoute = shiftAnswer('decline');
