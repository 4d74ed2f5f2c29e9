/** @module Dispatch handlers: thin adapters from HTTP to the dispatch service and its reads. */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { conversations } from '#src/db/schema/conversations.ts';
import { agentShiftOffers } from '#src/db/schema/dispatch.ts';
import { skills } from '#src/db/schema/skills.ts';
import { requireStaff } from '#src/http/auth.ts';
import { AppError, type FieldError, STATUS } from '#src/http/problem.ts';
import { createRouter } from '#src/http/router.ts';
import { forecastTenant } from '#src/services/dispatch/forecast.ts';
import { loadSettings, saveSettings } from '#src/services/dispatch/settings.ts';
import { buildWall } from '#src/services/dispatch/wall.ts';
import { forecastRoute, getPolicyRoute, putPolicyRoute, wallRoute } from './dispatch.routes.ts';
import {
  acceptShiftRoute,
  declineShiftRoute,
  getPresenceRoute,
  heartbeatRoute,
  myOffersRoute,
  myShiftOffersRoute,
  setPresenceRoute,
} from './presence.routes.ts';

export const dispatchRoutes = createRouter()
  .openapi(getPolicyRoute, async (c) => {
    const p = requireStaff(c, 'admin', 'supervisor');
    return c.json(await loadSettings(c.get('services').db, p.tenantId), STATUS.OK);
  })
  .openapi(putPolicyRoute, async (c) => {
    const p = requireStaff(c, 'admin');
    const { db, clock, dispatch } = c.get('services');
    const settings = c.req.valid('json');
    const known = new Set(
      (await db.select({ key: skills.key }).from(skills).where(eq(skills.tenantId, p.tenantId))).map(
        (s) => s.key,
      ),
    );
    const errors: FieldError[] = [];
    for (const [from, to] of Object.entries(settings.overflowSkills)) {
      if (!known.has(from))
        errors.push({ path: `body.overflowSkills.${from}`, message: 'unknown skill key' });
      to.forEach((k, i) => {
        if (!known.has(k))
          errors.push({ path: `body.overflowSkills.${from}.${i}`, message: 'unknown skill key' });
      });
    }
    if (errors.length)
      throw new AppError('validation_failed', 'The policy names skills this tenant does not have.', errors);
    await saveSettings(db, p.tenantId, settings, p.userId, clock.now());
    await dispatch.settingsChanged(p.tenantId);
    return c.json(settings, STATUS.OK);
  })
  .openapi(wallRoute, async (c) => {
    const p = requireStaff(c, 'supervisor', 'admin');
    const { db, clock } = c.get('services');
    const settings = await loadSettings(db, p.tenantId);
    return c.json(await buildWall(db, p.tenantId, settings, clock.now()), STATUS.OK);
  })
  .openapi(forecastRoute, async (c) => {
    const p = requireStaff(c, 'supervisor', 'admin');
    const { db, clock } = c.get('services');
    const settings = await loadSettings(db, p.tenantId);
    const report = await forecastTenant(
      db,
      p.tenantId,
      settings,
      clock.now(),
      c.req.valid('query').intervals,
    );
    return c.json(report, STATUS.OK);
  })
  .openapi(getPresenceRoute, async (c) => {
    const p = requireStaff(c);
    return c.json(await c.get('services').dispatch.presence(p), STATUS.OK);
  })
  .openapi(setPresenceRoute, async (c) => {
    const p = requireStaff(c);
    return c.json(await c.get('services').dispatch.setPresence(p, c.req.valid('json').status), STATUS.OK);
  })
  .openapi(heartbeatRoute, async (c) => {
    const p = requireStaff(c);
    // The body is optional: an empty POST is a plain heartbeat.
    const body = c.req.valid('json') as { sentAt?: number } | undefined;
    return c.json(await c.get('services').dispatch.heartbeat(p, body?.sentAt), STATUS.OK);
  })
  .openapi(myOffersRoute, async (c) => {
    const p = requireStaff(c);
    const items = await c
      .get('services')
      .db.select()
      .from(conversations)
      .where(
        and(
          eq(conversations.tenantId, p.tenantId),
          eq(conversations.state, 'queued'),
          eq(conversations.offeredTo, p.userId),
        ),
      )
      .orderBy(asc(conversations.createdAt));
    return c.json({ items }, STATUS.OK);
  })
  .openapi(myShiftOffersRoute, async (c) => {
    const p = requireStaff(c);
    const rows = await c
      .get('services')
      .db.select()
      .from(agentShiftOffers)
      .where(
        and(
          eq(agentShiftOffers.tenantId, p.tenantId),
          eq(agentShiftOffers.userId, p.userId),
          inArray(agentShiftOffers.status, ['offered', 'accepted']),
        ),
      )
      .orderBy(desc(agentShiftOffers.createdAt));
    return c.json({ items: rows.map(({ tenantId: _t, ...o }) => o) }, STATUS.OK);
  })
  .openapi(acceptShiftRoute, async (c) => {
    const p = requireStaff(c);
    const { tenantId: _t, ...offer } = await c
      .get('services')
      .dispatch.respondToShift(p, c.req.valid('param').id, true);
    return c.json(offer, STATUS.OK);
  })
  .openapi(declineShiftRoute, async (c) => {
    const p = requireStaff(c);
    const { tenantId: _t, ...offer } = await c
      .get('services')
      .dispatch.respondToShift(p, c.req.valid('param').id, false);
    return c.json(offer, STATUS.OK);
  });
