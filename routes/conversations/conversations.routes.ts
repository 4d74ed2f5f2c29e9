/** @module Route specs for conversations and messages (the public chat contract). */
import { createRoute, z } from '@hono/zod-openapi';
import { createSelectSchema } from 'drizzle-zod';
import { MessagePiiSchema } from '#routes/pii/pii.routes.ts';
import { CONVERSATION_STATES, conversations, messages } from '#src/db/schema/conversations.ts';
import { bearer } from '#src/http/openapi.ts';
import { problemResponses } from '#src/http/problem.ts';

export const ConversationSchema = createSelectSchema(conversations).openapi('Conversation');
export const MessageSchema = createSelectSchema(messages, { pii: MessagePiiSchema.nullable() })
  .omit({ tenantId: true })
  .openapi('Message');
export type ConversationDto = z.infer<typeof ConversationSchema>;
export type MessageDto = z.infer<typeof MessageSchema>;

export const NewMessageSchema = z
  .object({
    text: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(8000, 'must be at most 8000 characters')
      .openapi({ example: '我的快递三天没动了 / My parcel has not moved for three days' }),
    clientMessageId: z
      .string()
      .min(1)
      .max(100)
      .regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only')
      .openapi({ example: 'c-3f7a9e21' }),
    overrideId: z.string().min(1).max(100).optional().openapi({
      description:
        'Agents: a supervisor-approved compliance override for exactly this text (POST …/compliance/overrides); without one, block-level findings are refused with 422 compliance_blocked.',
    }),
  })
  .openapi('NewMessage');

const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const createConversationRoute = createRoute({
  method: 'post',
  path: '/api/v1/conversations',
  tags: ['Conversations'],
  summary: 'Open a conversation (customer)',
  description: 'Idempotent on clientMessageId: a retry returns the original conversation with 200.',
  security: bearer,
  request: { body: { required: true, content: { 'application/json': { schema: NewMessageSchema } } } },
  responses: {
    201: json(ConversationSchema, 'Created'),
    200: json(ConversationSchema, 'Already created by an earlier attempt with the same clientMessageId'),
    ...problemResponses(400, 401, 403, 409, 413, 415, 422),
  },
});

export const listConversationsRoute = createRoute({
  method: 'get',
  path: '/api/v1/conversations',
  tags: ['Conversations'],
  summary: 'List conversations visible to the caller (staff)',
  security: bearer,
  request: {
    query: z.object({
      state: z
        .string()
        .optional()
        .transform((s) => (s ? s.split(',') : undefined))
        .pipe(z.array(z.enum(CONVERSATION_STATES)).optional())
        .openapi({ example: 'queued,assigned', type: 'string' }),
      mine: z
        .enum(['true', 'false'])
        .optional()
        .transform((v) => v === 'true'),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
  },
  responses: {
    200: json(z.object({ items: z.array(ConversationSchema) }), 'Conversations, newest activity first'),
    ...problemResponses(401, 403, 422),
  },
});

export const getConversationRoute = createRoute({
  method: 'get',
  path: '/api/v1/conversations/{id}',
  tags: ['Conversations'],
  summary: 'Get one conversation',
  security: bearer,
  request: { params: IdParam },
  responses: { 200: json(ConversationSchema, 'The conversation'), ...problemResponses(401, 404, 422) },
});

export const postMessageRoute = createRoute({
  method: 'post',
  path: '/api/v1/conversations/{id}/messages',
  tags: ['Conversations'],
  summary: 'Post a message (customer or assigned agent)',
  description:
    'Durable before acknowledged. The same clientMessageId again returns the original (200); with different text it is 409.',
  security: bearer,
  request: {
    params: IdParam,
    body: { required: true, content: { 'application/json': { schema: NewMessageSchema } } },
  },
  responses: {
    201: json(MessageSchema, 'Stored and delivered'),
    200: json(MessageSchema, 'Already stored by an earlier attempt'),
    ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422),
  },
});

export const listMessagesRoute = createRoute({
  method: 'get',
  path: '/api/v1/conversations/{id}/messages',
  tags: ['Conversations'],
  summary: 'Messages after a sequence number, in order',
  security: bearer,
  request: {
    params: IdParam,
    query: z.object({
      after: z.coerce.number().int().min(0).default(0),
      limit: z.coerce.number().int().min(1).max(1000).default(200),
    }),
  },
  responses: {
    200: json(z.object({ items: z.array(MessageSchema) }), 'Messages with seq > after'),
    ...problemResponses(401, 404, 422),
  },
});

export const conversationEventsRoute = createRoute({
  method: 'get',
  path: '/api/v1/conversations/{id}/events',
  tags: ['Conversations'],
  summary: 'Realtime event stream of one conversation (SSE)',
  description:
    'Every event has `id: <seq>`. Reconnect with `Last-Event-ID` (or `?after=`) to replay exactly what was missed, across restarts too. `?access_token=` is accepted for EventSource.',
  security: bearer,
  request: {
    params: IdParam,
    query: z.object({ after: z.string().optional(), access_token: z.string().optional() }),
  },
  responses: {
    200: { description: 'text/event-stream', content: { 'text/event-stream': { schema: z.string() } } },
    ...problemResponses(401, 404, 422),
  },
});

export const claimRoute = createRoute({
  method: 'post',
  path: '/api/v1/conversations/{id}/claim',
  tags: ['Conversations'],
  summary: 'Claim a queued conversation (supervisor override)',
  description:
    'With the live dispatcher (Node, Deno) only supervisors and admins claim, taking the conversation themselves and withdrawing any pending offer; agents accept offers instead (403). Without one (Workers) agents claim from the queue.',
  security: bearer,
  request: { params: IdParam },
  responses: {
    200: json(ConversationSchema, 'Assigned to the caller'),
    ...problemResponses(401, 403, 404, 409, 422),
  },
});

export const resolveRoute = createRoute({
  method: 'post',
  path: '/api/v1/conversations/{id}/resolve',
  tags: ['Conversations'],
  summary: 'Resolve a conversation (assignee, supervisor or admin)',
  security: bearer,
  request: { params: IdParam },
  responses: { 200: json(ConversationSchema, 'Resolved'), ...problemResponses(401, 403, 404, 409, 422) },
});

export const TransferSchema = z
  .object({
    skill: z.string().min(1).max(100).openapi({ example: 'ecommerce.billing' }),
    level: z.number().int().min(1).max(5).optional().openapi({ description: 'Minimum level; default 1' }),
    reason: z.string().trim().min(1).max(500).optional(),
  })
  .openapi('Transfer');

export const acceptRoute = createRoute({
  method: 'post',
  path: '/api/v1/conversations/{id}/accept',
  tags: ['Conversations'],
  summary: 'Accept the offer of a conversation (the offered agent)',
  description:
    'Exactly one agent can hold a conversation: only the agent it is offered to may accept, and only before the offer times out. Accepting again is a no-op (200).',
  security: bearer,
  request: { params: IdParam },
  responses: {
    200: json(ConversationSchema, 'Assigned to the caller'),
    ...problemResponses(401, 403, 404, 409, 422),
  },
});

export const declineRoute = createRoute({
  method: 'post',
  path: '/api/v1/conversations/{id}/decline',
  tags: ['Conversations'],
  summary: 'Decline the offer of a conversation; it is offered to someone else',
  security: bearer,
  request: { params: IdParam },
  responses: { 204: { description: 'Declined' }, ...problemResponses(401, 403, 404, 409, 422) },
});

export const transferRoute = createRoute({
  method: 'post',
  path: '/api/v1/conversations/{id}/transfer',
  tags: ['Conversations'],
  summary: 'Transfer to another skill (assignee or supervisor); history is kept',
  description:
    'The same conversation with all its messages goes back to the queue for the new skill, keeping its place in time. Supervisors route triage conversations this way.',
  security: bearer,
  request: {
    params: IdParam,
    body: { required: true, content: { 'application/json': { schema: TransferSchema } } },
  },
  responses: {
    200: json(ConversationSchema, 'Queued for the new skill'),
    ...problemResponses(400, 401, 403, 404, 409, 415, 422),
  },
});
