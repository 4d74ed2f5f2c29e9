/** @module Route specs for session lifecycle (refresh, unlock, logout) and tenant session settings. */
import { createRoute, z } from '@hono/zod-openapi';
import { bearer } from '#src/http/openapi.ts';
import { problemResponses } from '#src/http/problem.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const RefreshedSchema = z
  .object({ token: z.string(), expiresAt: z.number().int(), sessionId: z.string() })
  .openapi('RefreshedSession');

export const LoggedOutSchema = z
  .object({ revoked: z.number().int().openapi({ description: 'Sessions ended by this call' }) })
  .openapi('LoggedOut');

export const UnlockRequestSchema = z
  .object({ password: z.string().min(1).max(200) })
  .openapi('UnlockRequest');

export const SessionSettingsSchema = z
  .object({
    maxSessionsPerUser: z.number().int().min(0).max(50).openapi({ description: '0 = no limit' }),
    idleLockMinutes: z
      .number()
      .int()
      .min(0)
      .max(24 * 60)
      .openapi({ description: '0 = never lock' }),
    ipAllowList: z.array(z.string().max(64)).max(100).nullable(),
  })
  .openapi('SessionSettings');

export const refreshRoute = createRoute({
  method: 'post',
  path: '/api/v1/auth/refresh',
  tags: ['Auth'],
  summary: 'A fresh token for the current session (extends it by one token lifetime)',
  security: bearer,
  responses: { 200: json(RefreshedSchema, 'New token, same session'), ...problemResponses(401, 403, 429) },
});

export const unlockRoute = createRoute({
  method: 'post',
  path: '/api/v1/auth/unlock',
  tags: ['Auth'],
  summary: 'Re-enter the password to continue an idle-locked session',
  security: bearer,
  request: { body: { required: true, content: { 'application/json': { schema: UnlockRequestSchema } } } },
  responses: {
    200: json(z.object({ unlocked: z.literal(true) }), 'Unlocked'),
    ...problemResponses(401, 403, 422, 429),
  },
});

export const logoutRoute = createRoute({
  method: 'post',
  path: '/api/v1/auth/logout',
  tags: ['Auth'],
  summary: 'End this session (its tokens stop working at once)',
  security: bearer,
  responses: { 200: json(LoggedOutSchema, 'Ended'), ...problemResponses(401, 403) },
});

export const logoutAllRoute = createRoute({
  method: 'post',
  path: '/api/v1/auth/logout-all',
  tags: ['Auth'],
  summary: 'End every session of the caller, on every device',
  security: bearer,
  responses: { 200: json(LoggedOutSchema, 'Ended'), ...problemResponses(401, 403) },
});

export const getSettingsRoute = createRoute({
  method: 'get',
  path: '/api/v1/security/settings',
  tags: ['Security'],
  summary: "The tenant's session settings (admin)",
  security: bearer,
  responses: { 200: json(SessionSettingsSchema, 'Settings'), ...problemResponses(401, 403) },
});

export const putSettingsRoute = createRoute({
  method: 'put',
  path: '/api/v1/security/settings',
  tags: ['Security'],
  summary: "Change the tenant's session settings (admin)",
  security: bearer,
  request: {
    body: { required: true, content: { 'application/json': { schema: SessionSettingsSchema.partial() } } },
  },
  responses: { 200: json(SessionSettingsSchema, 'Settings'), ...problemResponses(401, 403, 422) },
});

export const SessionInfoSchema = z
  .object({
    sessionId: z.string(),
    channel: z.enum(['page', 'api']),
    createdAt: z.number().int(),
    expiresAt: z.number().int(),
    idleLockMinutes: z.number().int(),
  })
  .openapi('SessionInfo');

export const sessionInfoRoute = createRoute({
  method: 'get',
  path: '/api/v1/auth/session',
  tags: ['Auth'],
  summary: 'The current session and the idle lock that applies to it',
  security: bearer,
  responses: { 200: json(SessionInfoSchema, 'Session'), ...problemResponses(401, 403) },
});

export const lockRoute = createRoute({
  method: 'post',
  path: '/api/v1/auth/lock',
  tags: ['Auth'],
  summary: 'Lock the current session now (the page does this after the idle time without input)',
  security: bearer,
  responses: {
    200: json(z.object({ locked: z.literal(true) }), 'Locked'),
    ...problemResponses(401, 403),
  },
});

export const SecurityAlertSchema = z
  .object({
    kind: z.enum(['reveal-volume', 'opened-without-reply', 'new-network']),
    userId: z.string(),
    displayName: z.string().nullable(),
    count: z.number().int(),
    ip: z.string().nullable().optional(),
    at: z.number().int(),
  })
  .openapi('SecurityAlert');

export const alertsRoute = createRoute({
  method: 'get',
  path: '/api/v1/security/alerts',
  tags: ['Security'],
  summary:
    'Anomaly alerts for supervisors: reveal volume in the last hour, conversations taken without a reply, sign-ins from new networks',
  security: bearer,
  responses: {
    200: json(z.object({ items: z.array(SecurityAlertSchema) }), 'Alerts, newest first'),
    ...problemResponses(401, 403),
  },
});
