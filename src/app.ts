/**
 * @module createApp(deps): the one place where middleware, error handling and routes are wired.
 * No runtime imports here — Node, Deno and Workers each build `Deps` and call this.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { agentRoutes } from '#routes/agents/index.ts';
import { auditRoutes } from '#routes/audit/index.ts';
import { authRoutes } from '#routes/auth/index.ts';
import { complianceRoutes } from '#routes/compliance/index.ts';
import { conversationRoutes } from '#routes/conversations/index.ts';
import { copilotRoutes } from '#routes/copilot/index.ts';
import { directoryRoutes } from '#routes/directory/index.ts';
import { dispatchRoutes } from '#routes/dispatch/index.ts';
import { healthRoutes } from '#routes/health/index.ts';
import { interviewRoutes } from '#routes/interviews/index.ts';
import { piiRoutes } from '#routes/pii/index.ts';
import { qaRoutes } from '#routes/qa/index.ts';
import { sessionRoutes } from '#routes/sessions/index.ts';
import { trainingRoutes } from '#routes/training/index.ts';
import type { Deps } from './deps.ts';
import { identify } from './http/auth.ts';
import { csrfGuard } from './http/csrf.ts';
import type { AppEnv, Services } from './http/env.ts';
import { AppError, type ProblemCode, problemResponse } from './http/problem.ts';
import { securityHeaders } from './http/security-headers.ts';
import { createTokenService } from './services/auth/tokens.ts';
import { createComplianceService } from './services/compliance/index.ts';
import { createConversationService } from './services/conversations/conversation-service.ts';
import { createQueueOnlyDispatch } from './services/dispatch/queue-only.ts';
import { createPiiService } from './services/pii/index.ts';
import { createSecurityService } from './services/security/index.ts';
import { rateLimit } from './services/security/rate-limit.ts';
import { docsPage } from './ui/docs-page.ts';
import { uiRoutes } from './ui/routes.tsx';

export const OPENAPI_INFO = {
  title: 'Tidedesk API',
  version: '1.0.0',
  description:
    'Distributed cloud customer service: conversations, realtime delivery, skill-based routing and AI assist. Errors are RFC 9457 problem+json.',
};

/** Hono's own HTTP exceptions (validator, body parsing) mapped onto our problem codes. */
const HTTP_EXCEPTION_CODES: Record<number, ProblemCode> = {
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

function buildServices(deps: Deps): Services {
  const pii = createPiiService(deps);
  const tokens = createTokenService(deps.secrets.tokenKey, deps.config.tokenTtlSeconds, deps.clock);
  const dispatch = deps.dispatch ?? createQueueOnlyDispatch(deps);
  const compliance = createComplianceService({
    ...deps,
    audit: pii.audit,
    hashKey: deps.secrets.tokenKey,
    redact: async (tenantId, text) => (await pii.ingest.prepare(tenantId, text)).text,
    detectors: pii.detectors,
  });
  return {
    ...deps,
    dispatch,
    tokens,
    security: createSecurityService({ ...deps, tokens, tokenTtlSeconds: deps.config.tokenTtlSeconds }),
    pii,
    audit: pii.audit,
    compliance,
    conversations: createConversationService({ ...deps, dispatch, pii: pii.ingest, compliance }),
  };
}

export function createApp(deps: Deps) {
  const services = buildServices(deps);
  const app = new OpenAPIHono<AppEnv>();

  app.use('*', async (c, next) => {
    c.set('services', services);
    await next();
  });
  app.use('*', securityHeaders);
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: deps.config.bodyLimit,
      onError: () => {
        throw new AppError(
          'payload_too_large',
          `Request bodies are limited to ${deps.config.bodyLimit} bytes.`,
        );
      },
    }),
  );
  app.use('*', csrfGuard);
  app.use('/api/v1/auth/token', rateLimit('login'));
  app.use('/api/v1/auth/unlock', rateLimit('login'));
  app.use('/api/v1/auth/refresh', rateLimit('refresh'));
  app.use('/login', rateLimit('login'));
  app.use('/api/v1/widget/sessions', rateLimit('widget'));
  app.use('*', identify);

  app.route('/', healthRoutes);
  app.route('/', authRoutes);
  app.route('/', sessionRoutes);
  app.route('/', conversationRoutes);
  app.route('/', copilotRoutes);
  app.route('/', complianceRoutes);
  app.route('/', agentRoutes);
  app.route('/', directoryRoutes);
  app.route('/', piiRoutes);
  app.route('/', qaRoutes);
  app.route('/', auditRoutes);
  app.route('/', dispatchRoutes);
  app.route('/', interviewRoutes);
  app.route('/', trainingRoutes);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });
  app.doc31('/openapi.json', { openapi: '3.1.0', info: OPENAPI_INFO, servers: [{ url: '/' }] });
  app.get('/docs', (c) => c.html(docsPage()));
  app.route('/', uiRoutes);

  app.notFound((c) =>
    problemResponse(new AppError('not_found', `No route for ${c.req.method} ${c.req.path}.`), c.req.path),
  );

  app.onError((err, c) => {
    if (err instanceof AppError) return problemResponse(err, c.req.path);
    if (err instanceof HTTPException && err.status === 400) {
      return problemResponse(
        new AppError('malformed_json', 'The request body is not valid JSON.'),
        c.req.path,
      );
    }
    if (err instanceof HTTPException && err.status < 500) {
      const code = HTTP_EXCEPTION_CODES[err.status] ?? 'forbidden';
      return problemResponse(new AppError(code, err.message), c.req.path);
    }
    deps.logger.error('unhandled error', {
      path: c.req.path,
      method: c.req.method,
      error: String(err),
      stack: (err as Error).stack,
    });
    return problemResponse(new AppError('internal_error', 'Something went wrong on our side.'), c.req.path);
  });

  return app;
}

export type App = ReturnType<typeof createApp>;
