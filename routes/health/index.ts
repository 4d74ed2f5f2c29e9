/** @module Liveness and readiness: 200 once the database answers. */
import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { problemResponses, STATUS } from '#src/http/problem.ts';
import { createRouter } from '#src/http/router.ts';

const HealthSchema = z.object({ status: z.literal('ok'), time: z.number() }).openapi('Health');

const healthRoute = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['Health'],
  summary: 'Health check',
  responses: {
    200: { description: 'Healthy', content: { 'application/json': { schema: HealthSchema } } },
    ...problemResponses(500),
  },
});

export const healthRoutes = createRouter().openapi(healthRoute, async (c) => {
  const { db, clock } = c.get('services');
  await db.run(sql`select 1`);
  return c.json({ status: 'ok' as const, time: clock.now() }, STATUS.OK);
});
