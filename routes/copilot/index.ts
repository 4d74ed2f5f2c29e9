/**
 * @module Co-pilot handlers: thin adapters from HTTP to the co-pilot service. The service (and with
 * it each tenant's built co-pilot) lives as long as the app's services object: it is created on
 * first use and kept beside it, so the app wires this feature with one `app.route` line.
 */
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { AGENT_ROLES } from '#src/core/auth/principal.ts';
import { requireStaff } from '#src/http/auth.ts';
import type { AppEnv, Services } from '#src/http/env.ts';
import { STATUS } from '#src/http/problem.ts';
import { createRouter } from '#src/http/router.ts';
import { type CopilotService, createCopilotService } from '#src/services/copilot/index.ts';
import {
  getStyleGuideRoute,
  knowledgeSearchRoute,
  listFeedbackRoute,
  listGoldenRoute,
  METRICS_DEFAULT_WINDOW_MS,
  metricsRoute,
  promoteGoldenRoute,
  putStyleGuideRoute,
  removeGoldenRoute,
} from './copilot.routes.ts';
import { feedbackRoute, getSuggestionsRoute, suggestionsStreamRoute } from './suggestions.routes.ts';

const services = new WeakMap<Services, CopilotService>();

/** The co-pilot service of this app instance. */
export function copilotOf(c: Context<AppEnv>): CopilotService {
  const s = c.get('services');
  let svc = services.get(s);
  if (!svc) {
    svc = createCopilotService(s);
    services.set(s, svc);
  }
  return svc;
}

const QA_ROLES = ['qa', 'admin'] as const;
const METRICS_ROLES = ['qa', 'supervisor', 'admin'] as const;

export const copilotRoutes = createRouter()
  .openapi(getSuggestionsRoute, async (c) => {
    const p = requireStaff(c, ...AGENT_ROLES);
    return c.json(await copilotOf(c).suggestions(p, c.req.valid('param').id), STATUS.OK);
  })
  .openapi(suggestionsStreamRoute, async (c) => {
    const p = requireStaff(c, ...AGENT_ROLES);
    const svc = copilotOf(c);
    const conversation = await svc.assigned(p, c.req.valid('param').id);
    const session = svc.session(p, conversation);
    const { config } = c.get('services');
    c.header('x-accel-buffering', 'no');
    c.header('cache-control', 'no-cache, no-transform');
    return streamSSE(c, async (stream) => {
      stream.onAbort(() => session.close());
      await stream.write(': connected\n\n');
      await session.run(
        (event, data) => stream.writeSSE({ event, data: JSON.stringify(data) }),
        async () => {
          await stream.write(': keep-alive\n\n');
        },
        config.sseKeepAliveMs,
      );
    }) as never;
  })
  .openapi(feedbackRoute, async (c) => {
    const p = requireStaff(c, ...AGENT_ROLES);
    const { id, suggestionId } = c.req.valid('param');
    const { feedback, created } = await copilotOf(c).feedback(p, id, suggestionId, c.req.valid('json'));
    return created ? c.json(feedback, STATUS.CREATED) : c.json(feedback, STATUS.OK);
  })
  .openapi(getStyleGuideRoute, async (c) => {
    const p = requireStaff(c, 'admin');
    return c.json(await copilotOf(c).styleGuide(p), STATUS.OK);
  })
  .openapi(putStyleGuideRoute, async (c) => {
    const p = requireStaff(c, 'admin');
    return c.json(await copilotOf(c).saveStyleGuide(p, c.req.valid('json')), STATUS.OK);
  })
  .openapi(listGoldenRoute, async (c) => {
    const p = requireStaff(c, ...QA_ROLES);
    return c.json({ items: await copilotOf(c).listGolden(p) }, STATUS.OK);
  })
  .openapi(promoteGoldenRoute, async (c) => {
    const p = requireStaff(c, ...QA_ROLES);
    return c.json(await copilotOf(c).promote(p, c.req.valid('json').feedbackId), STATUS.CREATED);
  })
  .openapi(removeGoldenRoute, async (c) => {
    const p = requireStaff(c, ...QA_ROLES);
    await copilotOf(c).removeGolden(p, c.req.valid('param').id);
    return c.body(null, STATUS.NO_CONTENT);
  })
  .openapi(listFeedbackRoute, async (c) => {
    const p = requireStaff(c, ...METRICS_ROLES);
    return c.json({ items: await copilotOf(c).listFeedback(p, c.req.valid('query')) }, STATUS.OK);
  })
  .openapi(metricsRoute, async (c) => {
    const p = requireStaff(c, ...METRICS_ROLES);
    const q = c.req.valid('query');
    // The default window ends just after now (half-open), so what happened this millisecond counts.
    const to = q.to ?? c.get('services').clock.now() + 1;
    const from = q.from ?? to - METRICS_DEFAULT_WINDOW_MS;
    return c.json(await copilotOf(c).metrics(p, { from, to, by: q.by }), STATUS.OK);
  })
  .openapi(knowledgeSearchRoute, async (c) => {
    const p = requireStaff(c);
    return c.json({ items: await copilotOf(c).searchKnowledge(p, c.req.valid('query')) }, STATUS.OK);
  });
