/** @module Small builders shared by every route spec, so each `createRoute` reads the same way. */
import { z } from '@hono/zod-openapi';

/** Security requirement of routes that need a Bearer token (or the page cookie). */
export const bearer = [{ bearerAuth: [] }];

/** A JSON response with its description. */
export const ok = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** A required JSON request body. */
export const body = <T extends z.ZodType>(schema: T) => ({
  body: { required: true, content: { 'application/json': { schema } } },
});

/** A path parameter holding an id. */
export const pathParam = (name: string) =>
  z
    .string()
    .min(1)
    .max(120)
    .openapi({ param: { name, in: 'path' } });
