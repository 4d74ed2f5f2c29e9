/** @module Sign-in and widget-session handlers. */
import { STATUS } from '#src/http/problem.ts';
import { createRouter } from '#src/http/router.ts';
import { signIn, startWidgetSession } from '#src/services/people/sign-in.ts';
import { tokenRoute, widgetSessionRoute } from './auth.routes.ts';

export const authRoutes = createRouter()
  .openapi(tokenRoute, async (c) => {
    const { email, password } = c.req.valid('json');
    return c.json(await signIn(c.get('services'), email, password), STATUS.OK);
  })
  .openapi(widgetSessionRoute, async (c) => {
    return c.json(await startWidgetSession(c.get('services'), c.req.valid('json')), STATUS.CREATED);
  });
