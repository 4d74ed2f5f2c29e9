/** @module Route specs for suggested replies on a conversation: JSON, the live stream, feedback. */
import { createRoute, z } from '@hono/zod-openapi';
import { FEEDBACK_ACTIONS, SUGGESTION_SOURCES } from '#src/db/schema/copilot.ts';
import { bearer } from '#src/http/openapi.ts';
import { problemResponses } from '#src/http/problem.ts';

const Lang = z.enum(['zh', 'en']);
const Both = z.object({ zh: z.string(), en: z.string() });

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const id = (name: string) =>
  z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name, in: 'path' } });

export const SuggestionSchema = z
  .object({
    id: z.string().openapi({ description: 'Name it in feedback', example: 'sg_3f1c…' }),
    rank: z.number().int().openapi({ description: '1–3 for the embedded top three, 0 for an LLM draft' }),
    text: z.string(),
    lang: Lang,
    source: z.enum(SUGGESTION_SOURCES),
    sourceId: z.string().nullable().openapi({
      description: '`sop/step`, article id, golden reply id, `clarify:<key>`, or what a draft cited',
    }),
    why: z.string(),
    score: z.number().nullable(),
  })
  .openapi('Suggestion');

const Fact = z.object({ fact: z.string(), kind: z.enum(['verify', 'disclose']), label: Both });

export const SuggestionsSchema = z
  .object({
    conversationId: z.string(),
    seq: z.number().int().openapi({ description: 'The last message seq the suggestions account for' }),
    lang: Lang.openapi({ description: "The customer's language; replies are written in it" }),
    sop: z.object({ key: z.string(), name: Both }).nullable(),
    step: z
      .object({
        key: z.string(),
        index: z.number().int(),
        title: Both,
        missing: z
          .array(Fact)
          .openapi({ description: 'What the current step still has to verify or disclose' }),
        skipped: z.array(Fact),
        complete: z.boolean(),
      })
      .nullable(),
    steps: z.array(z.object({ key: z.string(), title: Both, status: z.enum(['done', 'passed', 'pending']) })),
    slots: z.array(z.object({ name: z.string(), value: z.string() })),
    signals: z.object({ injection: z.boolean(), angry: z.boolean() }),
    suggestions: z.array(SuggestionSchema).max(3),
    provenance: z.object({
      provider: z.literal('embedded'),
      model: z.null(),
      prompt: z.null(),
      latencyMs: z.number(),
    }),
    llm: z.object({
      configured: z.boolean().openapi({ description: 'The stream will draft with an LLM' }),
      model: z.string().nullable(),
    }),
  })
  .openapi('Suggestions');

export const FeedbackRequestSchema = z
  .object({
    action: z.enum(FEEDBACK_ACTIONS).openapi({
      description:
        'accept or edit: the suggestion was sent (which of the two is decided by comparing sentText); dismiss: needs a reason',
    }),
    sentText: z
      .string()
      .max(8000)
      .optional()
      .openapi({ description: 'The text that was sent (never stored)' }),
    reason: z.string().trim().min(1).max(200).optional(),
  })
  .openapi('SuggestionFeedbackRequest');

export const FeedbackSchema = z
  .object({
    id: z.string(),
    conversationId: z.string(),
    agentId: z.string(),
    suggestionId: z.string(),
    source: z.enum(SUGGESTION_SOURCES),
    sourceId: z.string().nullable(),
    provider: z.string(),
    prompt: z.string().nullable(),
    sopKey: z.string().nullable(),
    action: z.enum(FEEDBACK_ACTIONS),
    editDistance: z.number().nullable().openapi({ description: 'Normalised Levenshtein, suggested vs sent' }),
    dismissReason: z.string().nullable(),
    createdAt: z.number().int(),
  })
  .openapi('SuggestionFeedback');

export const getSuggestionsRoute = createRoute({
  method: 'get',
  path: '/api/v1/conversations/{id}/suggestions',
  tags: ['Co-pilot'],
  summary: 'Suggested next replies for the assigned agent',
  description:
    'Where the conversation stands in its SOP (current step, what is missing) and the top three replies from the embedded engine, each with its source and why it was chosen. Agents, supervisors and admins, for a conversation assigned to them; 404 when the caller cannot read it, 403 when it is not theirs.',
  security: bearer,
  request: { params: z.object({ id: id('id') }) },
  responses: {
    200: json(SuggestionsSchema, 'Step tracking and suggestions'),
    ...problemResponses(401, 403, 404, 422),
  },
});

export const suggestionsStreamRoute = createRoute({
  method: 'get',
  path: '/api/v1/conversations/{id}/suggestions/stream',
  tags: ['Co-pilot'],
  summary: 'Live suggestions and the streamed LLM draft (SSE)',
  description: [
    'Events: `suggestions` (as the JSON endpoint, at once and after every new message), `message` (a new message of the conversation), ',
    '`draft.start` {draftId, seq, provider, model, prompt}, `draft.delta` {draftId, text} token by token, ',
    '`draft.done` {draftId, suggestion, citation, provenance} or `draft.fallback` {draftId, reason, label} when the model is unavailable or its answer is discarded, ',
    'and `closed` when the conversation is resolved or leaves the agent. A draft is written only with an LLM configured and when the customer spoke last. ',
    '`?access_token=` is accepted for EventSource.',
  ].join(''),
  security: bearer,
  request: {
    params: z.object({ id: id('id') }),
    query: z.object({ access_token: z.string().optional() }),
  },
  responses: {
    200: { description: 'text/event-stream', content: { 'text/event-stream': { schema: z.string() } } },
    ...problemResponses(401, 403, 404, 422),
  },
});

export const feedbackRoute = createRoute({
  method: 'post',
  path: '/api/v1/conversations/{id}/suggestions/{suggestionId}/feedback',
  tags: ['Co-pilot'],
  summary: 'Accept, edit or dismiss a suggestion',
  description:
    'Only the agent the suggestion was shown to, once per suggestion; the same feedback again returns the stored one (200), different feedback is 409.',
  security: bearer,
  request: {
    params: z.object({ id: id('id'), suggestionId: id('suggestionId') }),
    body: { required: true, content: { 'application/json': { schema: FeedbackRequestSchema } } },
  },
  responses: {
    201: json(FeedbackSchema, 'Recorded'),
    200: json(FeedbackSchema, 'Already recorded'),
    ...problemResponses(400, 401, 403, 404, 409, 415, 422),
  },
});

export type SuggestionsDto = z.infer<typeof SuggestionsSchema>;
export type SuggestionDto = z.infer<typeof SuggestionSchema>;
export type FeedbackDto = z.infer<typeof FeedbackSchema>;
