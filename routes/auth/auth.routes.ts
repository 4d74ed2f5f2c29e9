/** @module Route specs for sign-in and widget sessions. */
import { createRoute, z } from '@hono/zod-openapi';
import { ROLES } from '#src/db/schema/users.ts';
import { problemResponses } from '#src/http/problem.ts';

export const TokenRequestSchema = z
  .object({
    email: z.string().trim().toLowerCase().email().max(200).openapi({ example: 'agent1@demo.test' }),
    password: z.string().min(1).max(200).openapi({ example: 'tidedesk-demo' }),
  })
  .openapi('TokenRequest');

export const TokenResponseSchema = z
  .object({
    token: z.string(),
    expiresAt: z.number().int(),
    user: z.object({
      id: z.string(),
      tenantId: z.string(),
      email: z.string(),
      displayName: z.string(),
      role: z.enum(ROLES),
      locale: z.enum(['zh', 'en']),
    }),
  })
  .openapi('TokenResponse');

export const WidgetSessionRequestSchema = z
  .object({
    tenant: z.string().min(1).max(64).openapi({ example: 'demo' }),
    displayName: z.string().trim().min(1).max(80).optional(),
    locale: z.enum(['zh', 'en']).optional(),
  })
  .openapi('WidgetSessionRequest');

export const WidgetSessionSchema = z
  .object({ token: z.string(), expiresAt: z.number().int(), customerId: z.string(), tenantId: z.string() })
  .openapi('WidgetSession');

export const tokenRoute = createRoute({
  method: 'post',
  path: '/api/v1/auth/token',
  tags: ['Auth'],
  summary: 'Exchange email and password for a bearer token',
  request: { body: { required: true, content: { 'application/json': { schema: TokenRequestSchema } } } },
  responses: {
    200: {
      description: 'Signed, expiring token',
      content: { 'application/json': { schema: TokenResponseSchema } },
    },
    ...problemResponses(400, 401, 413, 415, 422, 429),
  },
});

export const widgetSessionRoute = createRoute({
  method: 'post',
  path: '/api/v1/widget/sessions',
  tags: ['Widget'],
  summary: 'Start an anonymous customer session for the chat widget',
  request: {
    body: { required: true, content: { 'application/json': { schema: WidgetSessionRequestSchema } } },
  },
  responses: {
    201: {
      description: 'Customer session',
      content: { 'application/json': { schema: WidgetSessionSchema } },
    },
    ...problemResponses(400, 404, 413, 415, 422, 429),
  },
});
