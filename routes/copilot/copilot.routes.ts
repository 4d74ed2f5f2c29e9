/** @module Route specs for the co-pilot's tenant side: style guide, golden replies, feedback, metrics, knowledge search. */
import { createRoute, z } from '@hono/zod-openapi';
import { FEEDBACK_ACTIONS } from '#src/db/schema/copilot.ts';
import { bearer } from '#src/http/openapi.ts';
import { problemResponses } from '#src/http/problem.ts';
import { METRIC_GROUPS } from '#src/services/copilot/metrics.ts';
import { StyleGuideSchema as StoredStyleGuideSchema } from '#src/services/copilot/style-guide.ts';
import { FeedbackSchema } from './suggestions.routes.ts';

const Lang = z.enum(['zh', 'en']);

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const StyleGuideSchema = StoredStyleGuideSchema.openapi('CopilotStyleGuide', {
  example: {
    zhAddress: 'nin',
    enContractions: 'expand',
    opener: { zh: '您好，', en: 'Hello,' },
    bannedPhrases: ['亲'],
  },
});

export const StoredStyleGuideResponse = z
  .object({
    guide: StyleGuideSchema,
    updatedAt: z.number().int().nullable(),
    updatedBy: z.string().nullable(),
  })
  .openapi('CopilotStyleGuideRecord');

export const GoldenReplySchema = z
  .object({
    id: z.string(),
    feedbackId: z.string(),
    sopKey: z.string(),
    stepKey: z.string(),
    lang: Lang,
    text: z.string(),
    context: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.number().int(),
  })
  .openapi('CopilotGoldenReply');

export const FeedbackItemSchema = FeedbackSchema.extend({
  text: z.string().openapi({ description: 'The suggestion as shown' }),
  lang: Lang,
  stepKey: z.string().nullable(),
  agentName: z.string(),
  promoted: z.boolean(),
}).openapi('CopilotFeedbackItem');

const Counts = {
  accepted: z.number().int(),
  edited: z.number().int(),
  dismissed: z.number().int(),
  acceptanceRate: z.number().nullable().openapi({ description: '(accepted + edited) / acted on' }),
  verbatimRate: z.number().nullable().openapi({ description: 'accepted / acted on' }),
  meanEditDistance: z.number().nullable(),
};

export const MetricsSchema = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    by: z.enum(METRIC_GROUPS),
    groups: z.array(
      z.object({
        key: z.string(),
        shown: z.number().int(),
        ...Counts,
        series: z.array(z.object({ day: z.string(), ...Counts })),
      }),
    ),
    total: z.object({ shown: z.number().int(), ...Counts }),
  })
  .openapi('CopilotMetrics');

export const KnowledgeHitSchema = z
  .object({
    id: z.string(),
    lang: Lang.nullable(),
    title: z.string(),
    excerpt: z.string(),
    tags: z.array(z.string()),
    sopKey: z.string().nullable(),
    score: z.number(),
    terms: z.array(z.string()),
  })
  .openapi('CopilotKnowledgeHit');

const DAY = 86_400_000;
/** An instant as epoch milliseconds or an ISO 8601 date / date-time. */
const Instant = z
  .string()
  .trim()
  .min(1)
  .transform((s, ctx) => {
    const n = /^\d+$/.test(s) ? Number(s) : Date.parse(s);
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: 'custom', message: 'epoch milliseconds or an ISO 8601 date' });
      return z.NEVER;
    }
    return n;
  });

export const getStyleGuideRoute = createRoute({
  method: 'get',
  path: '/api/v1/copilot/style-guide',
  tags: ['Co-pilot'],
  summary: "The tenant's style guide for suggested replies (admin)",
  security: bearer,
  responses: {
    200: json(StoredStyleGuideResponse, 'The guide (empty: engine defaults)'),
    ...problemResponses(401, 403),
  },
});

export const putStyleGuideRoute = createRoute({
  method: 'put',
  path: '/api/v1/copilot/style-guide',
  tags: ['Co-pilot'],
  summary: 'Replace the style guide (admin)',
  description:
    'Form of address (您/你), English contractions, an opener for the first reply, banned phrases (a suggestion or LLM draft containing one is dropped) and the longest knowledge excerpt. Applies from the next suggestion.',
  security: bearer,
  request: { body: { required: true, content: { 'application/json': { schema: StyleGuideSchema } } } },
  responses: {
    200: json(StoredStyleGuideResponse, 'Saved'),
    ...problemResponses(400, 401, 403, 413, 415, 422),
  },
});

export const listGoldenRoute = createRoute({
  method: 'get',
  path: '/api/v1/copilot/golden-replies',
  tags: ['Co-pilot'],
  summary: 'Promoted golden replies (QA, admin)',
  security: bearer,
  responses: {
    200: json(z.object({ items: z.array(GoldenReplySchema) }), 'By SOP and step'),
    ...problemResponses(401, 403),
  },
});

export const promoteGoldenRoute = createRoute({
  method: 'post',
  path: '/api/v1/copilot/golden-replies',
  tags: ['Co-pilot'],
  summary: 'Promote an accepted, unedited reply to the golden set (QA, admin)',
  description:
    'The reply becomes a golden reply of its SOP step, offered by the embedded engine in later conversations; order numbers become `{{order_number}}`. 409 for edited or dismissed suggestions, replies without an SOP step, replies with masked personal data, or one promoted already.',
  security: bearer,
  request: {
    body: {
      required: true,
      content: { 'application/json': { schema: z.object({ feedbackId: z.string().min(1).max(100) }) } },
    },
  },
  responses: {
    201: json(GoldenReplySchema, 'Promoted'),
    ...problemResponses(400, 401, 403, 404, 409, 415, 422),
  },
});

export const removeGoldenRoute = createRoute({
  method: 'delete',
  path: '/api/v1/copilot/golden-replies/{id}',
  tags: ['Co-pilot'],
  summary: 'Remove a golden reply (QA, admin)',
  security: bearer,
  request: {
    params: z.object({
      id: z
        .string()
        .min(1)
        .max(100)
        .openapi({ param: { name: 'id', in: 'path' } }),
    }),
  },
  responses: { 204: { description: 'Removed' }, ...problemResponses(401, 403, 404, 422) },
});

export const listFeedbackRoute = createRoute({
  method: 'get',
  path: '/api/v1/copilot/feedback',
  tags: ['Co-pilot'],
  summary: 'Recent suggestion feedback (QA, supervisor, admin)',
  description: '`promotable=true`: accepted, unedited replies at an SOP step not promoted yet.',
  security: bearer,
  request: {
    query: z.object({
      action: z.enum(FEEDBACK_ACTIONS).optional(),
      promotable: z
        .enum(['true', 'false'])
        .optional()
        .transform((v) => v === 'true'),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
  },
  responses: {
    200: json(z.object({ items: z.array(FeedbackItemSchema) }), 'Newest first'),
    ...problemResponses(401, 403, 422),
  },
});

export const metricsRoute = createRoute({
  method: 'get',
  path: '/api/v1/copilot/metrics',
  tags: ['Co-pilot'],
  summary: 'Suggestion acceptance by SOP, source or provider, per day (QA, supervisor, admin)',
  description:
    'acceptanceRate = (accepted + edited) / (accepted + edited + dismissed); verbatimRate = accepted / the same; shown = suggestions shown in the window. `from` (default 30 days before `to`) and `to` (default now): epoch ms or ISO 8601; days are UTC.',
  security: bearer,
  request: {
    query: z.object({
      from: Instant.optional().openapi({ type: 'string', example: '2026-11-01' }),
      to: Instant.optional().openapi({ type: 'string', example: '2026-12-01' }),
      by: z.enum(METRIC_GROUPS).default('source'),
    }),
  },
  responses: {
    200: json(MetricsSchema, 'Per group, with a daily series'),
    ...problemResponses(401, 403, 422),
  },
});

export const METRICS_DEFAULT_WINDOW_MS = 30 * DAY;

export const knowledgeSearchRoute = createRoute({
  method: 'get',
  path: '/api/v1/copilot/knowledge',
  tags: ['Co-pilot'],
  summary: "Search the knowledge base with the co-pilot's ranking (staff)",
  description:
    'BM25 over title, tags and body with bilingual tokenisation (the index the suggestions use), best excerpt per article. Both languages unless `lang` is given.',
  security: bearer,
  request: {
    query: z.object({
      q: z.string().trim().min(1).max(500),
      lang: Lang.optional(),
      limit: z.coerce.number().int().min(1).max(50).default(8),
    }),
  },
  responses: {
    200: json(z.object({ items: z.array(KnowledgeHitSchema) }), 'Best first'),
    ...problemResponses(401, 403, 422),
  },
});

export type CopilotMetricsDto = z.infer<typeof MetricsSchema>;
export type KnowledgeHitDto = z.infer<typeof KnowledgeHitSchema>;
export type GoldenReplyDto = z.infer<typeof GoldenReplySchema>;
export type FeedbackItemDto = z.infer<typeof FeedbackItemSchema>;
