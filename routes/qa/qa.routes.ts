/** @module Route specs for the QA workspace: suites, eval runs (start, progress, result, report), golden cases. */
import { createRoute, z } from '@hono/zod-openapi';
import { createSelectSchema } from 'drizzle-zod';
import { EVAL_PROVIDERS, evalRuns, goldenCases, RUN_CASE_SOURCES } from '#src/db/schema/qa.ts';
import { bearer } from '#src/http/openapi.ts';
import { problemResponses } from '#src/http/problem.ts';
import { DRAFT_SUITES } from '#src/services/qa/case-drafts.ts';
import { SUITE_NAMES } from '../../eval/harness/suite.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const SuiteSchema = z.enum(SUITE_NAMES).openapi({ example: 'compliance' });
const Headline = z.record(z.string(), z.number().nullable());
const Person = z.object({ id: z.string(), displayName: z.string() });

const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const EvalRunSchema = createSelectSchema(evalRuns, {
  progressDetail: z.object({ set: z.string(), done: z.number(), total: z.number() }).nullable(),
  headline: Headline.nullable(),
})
  .omit({ tenantId: true, heartbeatAt: true, result: true, reportHtml: true, startedBy: true })
  .extend({ startedBy: Person })
  .openapi('EvalRun');
export type EvalRunDto = z.infer<typeof EvalRunSchema>;

const TrendPointSchema = z.object({ runId: z.string(), finishedAt: z.number(), headline: Headline });

export const SuiteOverviewSchema = z
  .object({
    name: SuiteSchema,
    description: z.string(),
    status: z.enum(['ok', 'not-implemented', 'broken', 'unavailable']),
    reason: z.string().optional(),
    authoredCases: z.number().int().nullable(),
    goldenCases: z.number().int(),
    headlineMetrics: z.array(z.string()),
    latest: TrendPointSchema.extend({
      provider: z.string(),
      casesSource: z.string(),
      cases: z.number().int().nullable(),
    }).nullable(),
    trend: z.array(TrendPointSchema),
  })
  .openapi('EvalSuite');
export type SuiteOverviewDto = z.infer<typeof SuiteOverviewSchema>;

export const StartRunSchema = z
  .object({
    suite: SuiteSchema,
    provider: z.enum(EVAL_PROVIDERS).default('embedded'),
    /** `golden`: score the tenant's recorded golden cases instead of the authored file. */
    cases: z.enum(RUN_CASE_SOURCES).default('authored'),
  })
  .openapi('StartEvalRun');

export const GoldenCaseSchema = createSelectSchema(goldenCases, {
  case: z.record(z.string(), z.unknown()),
})
  .omit({ tenantId: true, createdBy: true })
  .extend({ createdBy: Person })
  .openapi('GoldenCase');
export type GoldenCaseDto = z.infer<typeof GoldenCaseSchema>;

export const NewGoldenCaseSchema = z
  .object({
    suite: SuiteSchema,
    /** The case in the suite's own schema (eval/README.md); `id` is assigned when left out. */
    case: z.record(z.string(), z.unknown()).openapi({
      example: { lang: 'zh', draft: '这个问题我们解决不了，你自己想办法吧', expected: ['rude_tone'] },
    }),
    sourceConversationId: z.string().min(1).max(100).optional(),
    sourceMessageSeq: z.number().int().min(1).optional(),
  })
  .openapi('NewGoldenCase');

export const CaseDraftSchema = z
  .object({
    suite: z.enum(DRAFT_SUITES),
    case: z.record(z.string(), z.unknown()),
    messageSeq: z.number().int(),
    notes: z.array(
      z.enum([
        'masked-text',
        'pii-entities-empty',
        'label-from-routing',
        'no-sop',
        'step-guessed',
        'expected-empty',
      ]),
    ),
    options: z.object({
      categories: z.array(z.string()).optional(),
      labels: z.array(z.string()).optional(),
      steps: z.array(z.object({ key: z.string(), titleZh: z.string(), titleEn: z.string() })).optional(),
      entityTypes: z.array(z.string()).optional(),
    }),
  })
  .openapi('GoldenCaseDraft');
export type CaseDraftDto = z.infer<typeof CaseDraftSchema>;

const tags = ['QA workspace'];

export const listSuitesRoute = createRoute({
  method: 'get',
  path: '/api/v1/qa/suites',
  tags,
  summary: 'Eval suites with case counts, latest metrics and trend (qa, admin)',
  security: bearer,
  responses: {
    200: json(z.object({ items: z.array(SuiteOverviewSchema) }), 'Every suite of the contract'),
    ...problemResponses(401, 403),
  },
});

export const listRunsRoute = createRoute({
  method: 'get',
  path: '/api/v1/qa/runs',
  tags,
  summary: 'Eval runs of the tenant, newest first (qa, admin)',
  security: bearer,
  request: {
    query: z.object({
      suite: SuiteSchema.optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
  },
  responses: {
    200: json(z.object({ items: z.array(EvalRunSchema) }), 'Runs with their headline metrics'),
    ...problemResponses(401, 403, 422),
  },
});

export const startRunRoute = createRoute({
  method: 'post',
  path: '/api/v1/qa/runs',
  tags,
  summary: 'Start an eval run in the background (qa, admin)',
  description:
    'Answers 202 with the queued run; poll GET /api/v1/qa/runs/{id} for progress. One run at a time per tenant (409). 501 where the runtime cannot run suites (Workers).',
  security: bearer,
  request: { body: { required: true, content: { 'application/json': { schema: StartRunSchema } } } },
  responses: {
    202: json(EvalRunSchema, 'Queued'),
    ...problemResponses(400, 401, 403, 409, 413, 415, 422, 501),
  },
});

export const getRunRoute = createRoute({
  method: 'get',
  path: '/api/v1/qa/runs/{id}',
  tags,
  summary: 'One eval run: status and progress (qa, admin)',
  security: bearer,
  request: { params: IdParam },
  responses: { 200: json(EvalRunSchema, 'The run'), ...problemResponses(401, 403, 404, 422) },
});

export const getRunResultRoute = createRoute({
  method: 'get',
  path: '/api/v1/qa/runs/{id}/result',
  tags,
  summary: 'The RunResult JSON of a finished run, as `tidedesk eval compare` reads it (qa, admin)',
  security: bearer,
  request: { params: IdParam },
  responses: {
    200: json(z.record(z.string(), z.unknown()), 'RunResult (eval/harness/run-result.ts)'),
    ...problemResponses(401, 403, 404, 409, 422),
  },
});

export const runReportRoute = createRoute({
  method: 'get',
  path: '/qa/runs/{id}/report',
  tags,
  summary: 'The HTML report of a finished run (qa, admin; page session or Bearer)',
  security: bearer,
  request: { params: IdParam },
  responses: {
    200: { description: 'Self-contained HTML report', content: { 'text/html': { schema: z.string() } } },
    ...problemResponses(401, 403, 404, 409, 422),
  },
});

export const listGoldenCasesRoute = createRoute({
  method: 'get',
  path: '/api/v1/qa/golden-cases',
  tags,
  summary: 'Golden cases recorded for the tenant, newest version of each (qa, admin)',
  security: bearer,
  request: {
    query: z.object({
      suite: SuiteSchema.optional(),
      limit: z.coerce.number().int().min(1).max(1000).default(200),
    }),
  },
  responses: {
    200: json(z.object({ items: z.array(GoldenCaseSchema) }), 'Golden cases'),
    ...problemResponses(401, 403, 422),
  },
});

export const createGoldenCaseRoute = createRoute({
  method: 'post',
  path: '/api/v1/qa/golden-cases',
  tags,
  summary: 'Record a golden case, validated with the suite’s case schema (qa, admin)',
  description:
    'An existing case id stores the next version of that case. Field errors inside the case are reported as body.case.<path>.',
  security: bearer,
  request: { body: { required: true, content: { 'application/json': { schema: NewGoldenCaseSchema } } } },
  responses: {
    201: json(GoldenCaseSchema, 'Stored'),
    ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422, 501),
  },
});

export const caseDraftRoute = createRoute({
  method: 'get',
  path: '/api/v1/qa/conversations/{id}/case-draft',
  tags,
  summary: 'A proposed golden case built from a conversation, for a person to review (qa, admin)',
  security: bearer,
  request: {
    params: IdParam,
    query: z.object({
      suite: z.enum(DRAFT_SUITES),
      seq: z.coerce.number().int().min(1).optional(),
    }),
  },
  responses: {
    200: json(CaseDraftSchema, 'The proposal'),
    ...problemResponses(401, 403, 404, 422),
  },
});
