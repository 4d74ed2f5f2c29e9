/** @module Handlers for the signed-in staff member. */
import { eq } from 'drizzle-orm';
import { OVERSIGHT_ROLES } from '#src/core/auth/principal.ts';
import { users } from '#src/db/schema/users.ts';
import { requireStaff } from '#src/http/auth.ts';
import { notFound, STATUS } from '#src/http/problem.ts';
import { createRouter } from '#src/http/router.ts';
import { eventStream, resumePosition } from '#src/http/sse.ts';
import { inboxEventsAfter, inboxWants } from '#src/services/conversations/event-log.ts';
import { publicUser } from '#src/services/people/sign-in.ts';
import { inboxEventsRoute, meRoute } from './agents.routes.ts';

export const agentRoutes = createRouter()
  .openapi(meRoute, async (c) => {
    const p = requireStaff(c);
    const [user] = await c.get('services').db.select().from(users).where(eq(users.id, p.userId));
    if (!user) throw notFound('user');
    return c.json(publicUser(user), STATUS.OK);
  })
  .openapi(inboxEventsRoute, async (c) => {
    const p = requireStaff(c);
    const seeAll = (OVERSIGHT_ROLES as readonly string[]).includes(p.role);
    const { db } = c.get('services');
    return eventStream(c, {
      tenantId: p.tenantId,
      after: resumePosition(c),
      keyOf: (ev) => ev.id,
      wants: (ev) => inboxWants(ev, p.userId, seeAll),
      // Global ids skip over other people's events, so only the log can say what is next.
      isNext: () => false,
      replay: (after) => inboxEventsAfter(db, p.tenantId, p.userId, seeAll, after),
    }) as never;
  });
