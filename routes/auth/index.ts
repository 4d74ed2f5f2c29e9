/** @module Sign-in and widget-session handlers. */
import { STATUS } from '#src/http/problem.ts';
import { createRouter } from '#src/http/router.ts';
import { startWidgetSession } from '#src/services/people/sign-in.ts';
import { clientIp } from '#src/services/security/client-ip.ts';
import { secureSignIn } from '#src/services/security/sign-in.ts';
import { tokenRoute, widgetSessionRoute } from './auth.routes.ts';

export const authRoutes = createRouter()
  .openapi(tokenRoute, async (c) => {
    const { email, password } = c.req.valid('json');
    const { token, expiresAt, user } = await secureSignIn(c.get('services'), {
      email,
      password,
      channel: 'api',
      ip: clientIp(c) ?? null,
      userAgent: c.req.header('user-agent') ?? null,
    });
    return c.json({ token, expiresAt, user }, STATUS.OK);
  })
  .openapi(widgetSessionRoute, async (c) => {
    return c.json(await startWidgetSession(c.get('services'), c.req.valid('json')), STATUS.CREATED);
  });
