/**
 * @module Router factory: every route module uses this so request validation failures become
 * RFC 9457 problems with field paths (422), the same everywhere.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './env.ts';
import { AppError, fieldErrors } from './problem.ts';

const SOURCE: Record<string, string> = {
  json: 'body',
  query: 'query',
  param: 'path',
  header: 'header',
  cookie: 'cookie',
  form: 'body',
};

export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new AppError(
          'validation_failed',
          'The request has invalid fields; see errors[].',
          fieldErrors(result.error, SOURCE[result.target] ?? result.target),
        );
      }
    },
  });
}

export type Router = ReturnType<typeof createRouter>;
