/** @module Route specs for PII: try the detectors, tenant patterns and policy, step policy, reveal. */
import { createRoute, z } from '@hono/zod-openapi';
import { CustomPatternSchema, PiiTypeSchema } from '#src/core/pii/index.ts';
import { bearer, body, ok, pathParam } from '#src/http/openapi.ts';
import { problemResponses } from '#src/http/problem.ts';
import { OVERSIGHT_REVEAL_ROLES } from '#src/services/pii/policy.ts';

/** The `pii` field of a stored message: where its masks are and which vault entries hold the values. */
export const MessagePiiSchema = z
  .object({
    entities: z.array(
      z.object({
        id: z.string().openapi({ description: 'Entity id for POST …/pii/{entityId}/reveal' }),
        type: z.string().openapi({ example: 'PHONE' }),
        start: z.number().int().openapi({ description: 'Offset of the mask in `text` (UTF-16)' }),
        end: z.number().int(),
      }),
    ),
    mac: z
      .string()
      .openapi({ description: 'Keyed MAC of the raw text (tells retries apart); not reversible' }),
    kv: z.number().int().openapi({ description: 'Vault key version of the MAC' }),
  })
  .openapi('MessagePii');

export const DetectRequestSchema = z
  .object({
    text: z.string().min(1, 'must not be empty').max(8000, 'must be at most 8000 characters'),
    lang: z.enum(['zh', 'en']).optional(),
  })
  .openapi('PiiDetectRequest');

export const DetectedEntitySchema = z
  .object({
    type: z.string().openapi({ example: 'PHONE' }),
    start: z.number().int().openapi({ description: 'Offset in the submitted text (UTF-16, end exclusive)' }),
    end: z.number().int(),
    score: z.number(),
    display: z.string().openapi({ example: '138****5678' }),
    maskedStart: z.number().int().openapi({ description: 'Offset of the mask in `masked`' }),
    maskedEnd: z.number().int(),
  })
  .openapi('PiiDetectedEntity');

export const DetectResponseSchema = z
  .object({ masked: z.string(), entities: z.array(DetectedEntitySchema) })
  .openapi('PiiDetectResult');
export type DetectResponse = z.infer<typeof DetectResponseSchema>;

export const PatternsSchema = z
  .object({
    items: z.array(CustomPatternSchema),
    updatedAt: z.number().int().nullable(),
  })
  .openapi('PiiPatterns');
export type PatternsDto = z.infer<typeof PatternsSchema>;

export const PolicySchema = z
  .object({
    revealRoles: z.array(z.enum(OVERSIGHT_REVEAL_ROLES)),
    revealSeconds: z.number().int().min(1).max(600),
  })
  .openapi('PiiPolicy');

export const PolicyResponseSchema = PolicySchema.extend({
  /** Every type a step may list: the built-in ones and the tenant's pattern types. */
  types: z.array(z.string()),
}).openapi('PiiPolicyWithTypes');
export type PolicyDto = z.infer<typeof PolicyResponseSchema>;

export const StepPolicySchema = z
  .object({
    id: z.string(),
    sopId: z.string(),
    key: z.string(),
    position: z.number().int(),
    titleZh: z.string(),
    titleEn: z.string(),
    piiTypes: z.array(z.string()),
  })
  .openapi('PiiStepPolicy');
export type StepPolicyDto = z.infer<typeof StepPolicySchema>;

export const SopPolicySchema = z
  .object({
    id: z.string(),
    key: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    steps: z.array(StepPolicySchema),
  })
  .openapi('PiiSopPolicy');
export type SopPolicyDto = z.infer<typeof SopPolicySchema>;

export const RevealRequestSchema = z
  .object({
    reason: z
      .string()
      .trim()
      .min(3, 'say why (at least 3 characters)')
      .max(500)
      .openapi({ example: '核对新地址 / read back the new address' }),
  })
  .openapi('PiiRevealRequest');

export const RevealResponseSchema = z
  .object({
    value: z.string(),
    type: z.string(),
    expiresAt: z.number().int().openapi({ description: 'Epoch ms after which the UI hides the value' }),
    ttlSeconds: z.number().int(),
  })
  .openapi('PiiRevealed');
export type RevealDto = z.infer<typeof RevealResponseSchema>;

export const detectRoute = createRoute({
  method: 'post',
  path: '/api/v1/pii/detect',
  tags: ['PII'],
  summary: "Detect and mask personal data with the tenant's detectors (admin, QA)",
  security: bearer,
  request: body(DetectRequestSchema),
  responses: {
    200: ok(DetectResponseSchema, 'Entities and the display-masked text'),
    ...problemResponses(400, 401, 403, 413, 415, 422),
  },
});

export const getPatternsRoute = createRoute({
  method: 'get',
  path: '/api/v1/pii/patterns',
  tags: ['PII'],
  summary: "The tenant's custom patterns (admin)",
  security: bearer,
  responses: { 200: ok(PatternsSchema, 'Patterns'), ...problemResponses(401, 403) },
});

export const putPatternsRoute = createRoute({
  method: 'put',
  path: '/api/v1/pii/patterns',
  tags: ['PII'],
  summary: "Replace the tenant's custom patterns (admin); unsafe patterns are refused with field paths",
  security: bearer,
  request: body(z.object({ items: z.array(CustomPatternSchema).max(50) }).openapi('PiiPatternsUpdate')),
  responses: {
    200: ok(PatternsSchema, 'Stored and in use'),
    ...problemResponses(400, 401, 403, 413, 415, 422),
  },
});

export const getPolicyRoute = createRoute({
  method: 'get',
  path: '/api/v1/pii/policy',
  tags: ['PII'],
  summary: "The tenant's reveal policy and the PII types steps may list (admin)",
  security: bearer,
  responses: { 200: ok(PolicyResponseSchema, 'Policy'), ...problemResponses(401, 403) },
});

export const putPolicyRoute = createRoute({
  method: 'put',
  path: '/api/v1/pii/policy',
  tags: ['PII'],
  summary: 'Set who besides the assigned agent may reveal, and for how long (admin)',
  security: bearer,
  request: body(PolicySchema),
  responses: {
    200: ok(PolicyResponseSchema, 'Policy'),
    ...problemResponses(400, 401, 403, 413, 415, 422),
  },
});

export const listStepPoliciesRoute = createRoute({
  method: 'get',
  path: '/api/v1/pii/steps',
  tags: ['PII'],
  summary: 'PII types each SOP step may reveal (admin)',
  security: bearer,
  responses: {
    200: ok(z.object({ items: z.array(SopPolicySchema) }), 'SOPs with their steps'),
    ...problemResponses(401, 403),
  },
});

export const putStepPiiRoute = createRoute({
  method: 'put',
  path: '/api/v1/sops/{id}/steps/{stepId}/pii',
  tags: ['PII'],
  summary: 'Set the PII types one SOP step may reveal (admin)',
  security: bearer,
  request: {
    params: z.object({ id: pathParam('id'), stepId: pathParam('stepId') }),
    ...body(z.object({ piiTypes: z.array(PiiTypeSchema).max(40) }).openapi('PiiStepUpdate')),
  },
  responses: {
    200: ok(StepPolicySchema, 'The step'),
    ...problemResponses(400, 401, 403, 404, 413, 415, 422),
  },
});

export const revealRoute = createRoute({
  method: 'post',
  path: '/api/v1/conversations/{id}/pii/{entityId}/reveal',
  tags: ['PII'],
  summary: 'Reveal one masked value (assigned agent, at an SOP step that lists its type); audited',
  description:
    'Every call is written to the audit log: the reveal, or the refusal and why. The value is meant for the screen only, for `ttlSeconds`.',
  security: bearer,
  request: {
    params: z.object({ id: pathParam('id'), entityId: pathParam('entityId') }),
    ...body(RevealRequestSchema),
  },
  responses: {
    200: ok(RevealResponseSchema, 'The raw value, to hide again at expiresAt'),
    ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422),
  },
});
