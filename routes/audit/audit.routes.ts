/** @module Route specs for the audit log: browse (JSON, paged) and export (CSV or JSON Lines). */
import { createRoute, z } from '@hono/zod-openapi';
import { bearer } from '#src/http/openapi.ts';
import { problemResponses } from '#src/http/problem.ts';

/** ISO 8601 (a date or a date-time) or epoch milliseconds → epoch ms. */
const instant = z
  .string()
  .max(40)
  .transform((s, ctx) => {
    const ms = /^\d+$/.test(s) ? Number(s) : Date.parse(s);
    if (Number.isNaN(ms)) {
      ctx.addIssue({ code: 'custom', message: 'an ISO 8601 date or date-time, or epoch milliseconds' });
      return z.NEVER;
    }
    return ms;
  })
  .openapi({ type: 'string', example: '2026-11-24T00:00:00Z' });

export const AuditFilterSchema = z.object({
  action: z
    .string()
    .max(80)
    .regex(/^[a-z0-9._-]+$/, 'a dotted action name such as pii.reveal')
    .optional()
    .openapi({
      example: 'pii.reveal',
      description: 'An action; also matches its sub-actions (pii.reveal.denied)',
    }),
  actor: z.string().max(200).optional().openapi({ description: 'A user id or e-mail address' }),
  from: instant.optional(),
  to: instant.optional(),
});

export const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    actorId: z.string().nullable(),
    actorRole: z.string(),
    actorName: z.string().nullable(),
    actorEmail: z.string().nullable(),
    action: z.string(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    conversationId: z.string().nullable(),
    reason: z.string().nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()).nullable(),
    createdAt: z.number().int(),
  })
  .openapi('AuditEntry');
export type AuditEntryDto = z.infer<typeof AuditEntrySchema>;

export const listAuditRoute = createRoute({
  method: 'get',
  path: '/api/v1/audit',
  tags: ['Audit'],
  summary: 'Audit log entries, newest first (admin)',
  security: bearer,
  request: {
    query: AuditFilterSchema.extend({
      limit: z.coerce.number().int().min(1).max(500).default(100),
      before: z.coerce
        .number()
        .int()
        .positive()
        .optional()
        .openapi({ description: 'Page on: the last id seen' }),
    }),
  },
  responses: {
    200: {
      description: 'Entries',
      content: {
        'application/json': {
          schema: z.object({ items: z.array(AuditEntrySchema), next: z.number().int().nullable() }),
        },
      },
    },
    ...problemResponses(401, 403, 422),
  },
});

export const exportAuditRoute = createRoute({
  method: 'get',
  path: '/api/v1/audit/export',
  tags: ['Audit'],
  summary: 'Export the audit log (admin) as CSV or JSON Lines, streamed',
  security: bearer,
  request: { query: AuditFilterSchema.extend({ format: z.enum(['csv', 'jsonl']).default('csv') }) },
  responses: {
    200: {
      description: 'The matching entries, newest first',
      content: {
        'text/csv': { schema: z.string() },
        'application/x-ndjson': { schema: z.string() },
      },
    },
    ...problemResponses(401, 403, 422),
  },
});
