/**
 * @module Route specs for compliance: the realtime check of a draft, the tenant's rule pack (read,
 * save a new version, history), supervisor overrides of a blocked draft, and complaint risk.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { CATEGORIES, SEVERITIES } from '#assist/compliance/types.ts';
import { OVERRIDE_STATUSES, RISK_LEVELS } from '#src/db/schema/compliance.ts';
import { bearer, body, ok, pathParam } from '#src/http/openapi.ts';
import { problemResponses } from '#src/http/problem.ts';
import { RISK_REASONS } from '#src/services/compliance/risk-score.ts';

/** Longest draft accepted by the check (a paste); the engine itself checks at most 100,000. */
export const MAX_CHECK_CHARS = 60_000;

export const FindingSchema = z
  .object({
    rule: z.string().openapi({ example: 'forbidden.off-platform.zh' }),
    category: z.enum(CATEGORIES),
    severity: z.enum(SEVERITIES),
    start: z.number().int().openapi({ description: 'UTF-16 offset in the submitted text' }),
    end: z.number().int().openapi({ description: 'End offset, exclusive' }),
    message: z.string(),
    rewrite: z
      .string()
      .openapi({ description: 'Suggested replacement (or text to add, for a missing disclosure)' }),
  })
  .openapi('ComplianceFinding');
export type FindingDto = z.infer<typeof FindingSchema>;

export const CheckRequestSchema = z
  .object({
    text: z
      .string()
      .max(MAX_CHECK_CHARS, `must be at most ${MAX_CHECK_CHARS} characters`)
      .openapi({ example: '您可以加我微信私聊' }),
    conversationId: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .openapi({ description: 'Fills in the SOP, the current step and the customer’s last message' }),
    judge: z.boolean().optional().openapi({
      description:
        'Ask the LLM second pass about borderline drafts (default true; only when an LLM is configured). The agent workspace sends false while typing.',
    }),
  })
  .openapi('ComplianceCheckRequest');

const JudgeSchema = z
  .object({
    outcome: z.enum(['not-needed', 'fallback', 'judged']),
    reason: z.enum(['not-configured', 'timeout', 'error', 'circuit-open', 'invalid-output']).optional(),
    provider: z.string().nullable(),
    model: z.string().nullable(),
    latencyMs: z.number(),
    confirmed: z.array(z.string()),
    cleared: z.array(z.string()),
    added: z.number().int(),
    complaintRisk: z.number().nullable(),
  })
  .openapi('ComplianceJudgeReport');

export const CheckResponseSchema = z
  .object({
    findings: z.array(FindingSchema),
    blocked: z.boolean().openapi({ description: 'A block-level finding: the server will refuse this send' }),
    riskScore: z.number().optional().openapi({ description: 'The conversation’s complaint risk, 0–1' }),
    riskLevel: z.enum(RISK_LEVELS).optional(),
    context: z.object({ sop: z.string().nullable(), step: z.string().nullable() }),
    packVersion: z.number().int(),
    judge: JudgeSchema,
  })
  .openapi('ComplianceCheckResult');
export type CheckResponse = z.infer<typeof CheckResponseSchema>;

/** A rule pack as stored (see assist/compliance/rule-pack.ts for its full schema). */
const PackSchema = z.record(z.string(), z.unknown()).openapi('ComplianceRulePackBody', {
  description:
    'A rule pack: { id, version, name?, rules: [{ id, category, lang, matcher, severity, message: {zh,en}, rewrite: {zh,en}, enabled }] }. See assist/compliance/rule-pack.ts.',
});

export const StoredPackSchema = z
  .object({
    version: z.number().int(),
    pack: PackSchema,
    createdBy: z.string().nullable(),
    createdAt: z.number().int(),
  })
  .openapi('ComplianceRulePack');
export type StoredPackDto = z.infer<typeof StoredPackSchema>;

export const PackVersionSchema = z
  .object({
    version: z.number().int(),
    active: z.boolean(),
    rules: z.number().int(),
    createdBy: z.string().nullable(),
    createdByName: z.string().nullable(),
    createdAt: z.number().int(),
  })
  .openapi('ComplianceRulePackVersion');
export type PackVersionDto = z.infer<typeof PackVersionSchema>;

export const OverrideRequestSchema = z
  .object({
    text: z.string().trim().min(1, 'must not be empty').max(8000, 'must be at most 8000 characters'),
    reason: z.string().trim().min(3, 'give a reason').max(500, 'must be at most 500 characters'),
  })
  .openapi('ComplianceOverrideRequest');

export const OverrideSchema = z
  .object({
    id: z.string(),
    conversationId: z.string(),
    status: z.enum(OVERRIDE_STATUSES),
    findings: z.array(z.object({ rule: z.string(), category: z.string(), severity: z.string() })),
    reason: z.string().openapi({ description: 'Masked' }),
    requestedBy: z.string(),
    requestedAt: z.number().int(),
    approvedBy: z.string().nullable(),
    approvedAt: z.number().int().nullable(),
    expiresAt: z.number().int().nullable(),
    usedAt: z.number().int().nullable(),
  })
  .openapi('ComplianceOverride');
export type OverrideDto = z.infer<typeof OverrideSchema>;

export const RiskSchema = z
  .object({
    conversationId: z.string(),
    score: z.number(),
    level: z.enum(RISK_LEVELS),
    reasons: z.array(z.enum(RISK_REASONS)),
    messages: z.number().int(),
    alerted: z.boolean(),
    updatedAt: z.number().int().nullable(),
  })
  .openapi('ComplaintRisk');
export type RiskDto = z.infer<typeof RiskSchema>;

export const RiskListItemSchema = RiskSchema.extend({
  subject: z.string(),
  state: z.string(),
  assigneeId: z.string().nullable(),
}).openapi('ComplaintRiskItem');
export type RiskListItemDto = z.infer<typeof RiskListItemSchema>;

export const checkRoute = createRoute({
  method: 'post',
  path: '/api/v1/compliance/check',
  tags: ['Compliance'],
  summary: 'Check a draft before it is sent (agent, supervisor, admin, trainee, QA)',
  description:
    'Embedded rules first (p99 < 5 ms for 1,000 characters); with an LLM configured and `judge` not false, borderline drafts get a second opinion under a deadline, and the embedded result stands on timeout or error. An empty text has no findings.',
  security: bearer,
  request: body(CheckRequestSchema),
  responses: {
    200: ok(CheckResponseSchema, 'Findings with offsets into the submitted text'),
    ...problemResponses(400, 401, 403, 404, 413, 415, 422),
  },
});

export const getRulePackRoute = createRoute({
  method: 'get',
  path: '/api/v1/compliance/rule-pack',
  tags: ['Compliance'],
  summary: "The tenant's active rule pack (admin, supervisor, QA)",
  description: 'A tenant that never saved one gets the shipped e-commerce pack as version 1.',
  security: bearer,
  responses: { 200: ok(StoredPackSchema, 'The active pack'), ...problemResponses(401, 403) },
});

export const putRulePackRoute = createRoute({
  method: 'put',
  path: '/api/v1/compliance/rule-pack',
  tags: ['Compliance'],
  summary: 'Save a new version of the rule pack (admin)',
  description:
    'The body is the whole pack. It is validated (schema, then every pattern for safety on adversarial input); errors name the field, e.g. `body.rules.3.matcher.pattern`. The saved pack becomes the next version and is enforced from the next check. `If-Match: "<version>"` refuses the save (409) if another version was saved meanwhile.',
  security: bearer,
  request: {
    headers: z.object({ 'if-match': z.string().max(20).optional() }),
    ...body(PackSchema),
  },
  responses: {
    200: ok(StoredPackSchema, 'Saved and active'),
    ...problemResponses(400, 401, 403, 409, 413, 415, 422),
  },
});

export const listRulePackVersionsRoute = createRoute({
  method: 'get',
  path: '/api/v1/compliance/rule-pack/versions',
  tags: ['Compliance'],
  summary: 'Rule pack history, newest first (admin, supervisor, QA)',
  security: bearer,
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }) },
  responses: {
    200: ok(z.object({ items: z.array(PackVersionSchema) }), 'Versions'),
    ...problemResponses(401, 403, 422),
  },
});

export const getRulePackVersionRoute = createRoute({
  method: 'get',
  path: '/api/v1/compliance/rule-pack/versions/{version}',
  tags: ['Compliance'],
  summary: 'One stored version of the rule pack',
  security: bearer,
  request: {
    params: z.object({
      version: z.coerce
        .number()
        .int()
        .min(1)
        .openapi({ param: { name: 'version', in: 'path' } }),
    }),
  },
  responses: { 200: ok(StoredPackSchema, 'That version'), ...problemResponses(401, 403, 404, 422) },
});

export const requestOverrideRoute = createRoute({
  method: 'post',
  path: '/api/v1/conversations/{id}/compliance/overrides',
  tags: ['Compliance'],
  summary: 'Override a blocked draft (supervisor: approved at once; assigned agent: a request)',
  description:
    'Binds to this conversation and the exact text (a keyed hash), valid for 10 minutes once approved, used once: the agent sends the same text with `overrideId`. Request, approval and use are audited (`compliance.override.*`). 409 when the text has nothing blocking.',
  security: bearer,
  request: { params: z.object({ id: pathParam('id') }), ...body(OverrideRequestSchema) },
  responses: {
    201: ok(OverrideSchema, 'Created (approved when a supervisor or admin asked)'),
    ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422),
  },
});

export const listOverridesRoute = createRoute({
  method: 'get',
  path: '/api/v1/conversations/{id}/compliance/overrides',
  tags: ['Compliance'],
  summary: 'Overrides of a conversation, newest first',
  security: bearer,
  request: { params: z.object({ id: pathParam('id') }) },
  responses: {
    200: ok(z.object({ items: z.array(OverrideSchema) }), 'Overrides'),
    ...problemResponses(401, 403, 404, 422),
  },
});

export const PendingOverrideSchema = OverrideSchema.extend({ subject: z.string() }).openapi(
  'CompliancePendingOverride',
);
export type PendingOverrideDto = z.infer<typeof PendingOverrideSchema>;

export const pendingOverridesRoute = createRoute({
  method: 'get',
  path: '/api/v1/compliance/overrides/pending',
  tags: ['Compliance'],
  summary: "Agents' override requests waiting for approval, newest first (supervisor, admin)",
  security: bearer,
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }) },
  responses: {
    200: ok(z.object({ items: z.array(PendingOverrideSchema) }), 'Pending requests'),
    ...problemResponses(401, 403, 422),
  },
});

export const approveOverrideRoute = createRoute({
  method: 'post',
  path: '/api/v1/conversations/{id}/compliance/overrides/{overrideId}/approve',
  tags: ['Compliance'],
  summary: "Approve an agent's override request (supervisor, admin)",
  security: bearer,
  request: { params: z.object({ id: pathParam('id'), overrideId: pathParam('overrideId') }) },
  responses: { 200: ok(OverrideSchema, 'Approved'), ...problemResponses(401, 403, 404, 409, 422) },
});

export const conversationRiskRoute = createRoute({
  method: 'get',
  path: '/api/v1/conversations/{id}/compliance/risk',
  tags: ['Compliance'],
  summary: 'Complaint risk of one conversation',
  security: bearer,
  request: { params: z.object({ id: pathParam('id') }) },
  responses: {
    200: ok(RiskSchema, 'Risk (score 0 before any message)'),
    ...problemResponses(401, 403, 404, 422),
  },
});

export const listRiskRoute = createRoute({
  method: 'get',
  path: '/api/v1/compliance/risk',
  tags: ['Compliance'],
  summary: 'Open conversations at or above a complaint risk, riskiest first (supervisor, admin, QA)',
  security: bearer,
  request: {
    query: z.object({
      minScore: z.coerce.number().min(0).max(1).default(0.35),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
  },
  responses: {
    200: ok(z.object({ items: z.array(RiskListItemSchema), threshold: z.number() }), 'Risky conversations'),
    ...problemResponses(401, 403, 422),
  },
});
