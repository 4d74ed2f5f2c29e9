/** @module Session lifecycle handlers: refresh, unlock after idle, logout, logout everywhere. */

import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import type { StaffPrincipal } from '#src/core/auth/principal.ts';
import { users } from '#src/db/schema/users.ts';
import { requireStaff, tokenFrom } from '#src/http/auth.ts';
import type { AppEnv } from '#src/http/env.ts';
import { AppError, STATUS } from '#src/http/problem.ts';
import { createRouter } from '#src/http/router.ts';
import { verifyPassword } from '#src/services/auth/passwords.ts';
import { securityAlerts } from '#src/services/security/alerts.ts';
import { clientIp } from '#src/services/security/client-ip.ts';
import { ipAllowed, validAllowEntry } from '#src/services/security/ip-allow.ts';
import {
  alertsRoute,
  getSettingsRoute,
  lockRoute,
  logoutAllRoute,
  logoutRoute,
  putSettingsRoute,
  refreshRoute,
  sessionInfoRoute,
  unlockRoute,
} from './sessions.routes.ts';

/** The staff caller and the session their token names. */
async function currentSession(c: Context<AppEnv>): Promise<{ principal: StaffPrincipal; sid: string }> {
  const principal = requireStaff(c);
  const token = tokenFrom(c);
  const verified = token ? await c.get('services').tokens.verify(token) : null;
  if (!verified?.sid) throw new AppError('unauthorized', 'This token has no session; sign in again.');
  return { principal, sid: verified.sid };
}

export const sessionRoutes = createRouter()
  .openapi(refreshRoute, async (c) => {
    const { principal, sid } = await currentSession(c);
    const { security } = c.get('services');
    if ((await security.sessions.check(sid)) !== 'active') {
      throw new AppError('session_locked', 'The session is locked: unlock it before refreshing.');
    }
    const issued = await security.sessions.refresh(sid, principal);
    return c.json({ ...issued, sessionId: sid }, STATUS.OK);
  })
  .openapi(unlockRoute, async (c) => {
    const { principal, sid } = await currentSession(c);
    const { db, security, audit } = c.get('services');
    const [user] = await db.select().from(users).where(eq(users.id, principal.userId));
    const ok = user ? await verifyPassword(c.req.valid('json').password, user.passwordHash) : false;
    const entry = {
      tenantId: principal.tenantId,
      actor: { id: principal.userId, role: principal.role },
      target: { type: 'session', id: sid },
      ip: clientIp(c) ?? null,
      userAgent: c.req.header('user-agent') ?? null,
    };
    if (!ok) {
      await audit.record({ ...entry, action: 'auth.unlock.failed' });
      // Guessing at the lock dialog is guessing at the password: it ends the session.
      await security.sessions.revoke(sid, 'unlock-failed');
      throw new AppError('unauthorized', 'Wrong password: the session has ended, sign in again.');
    }
    await security.sessions.unlock(sid);
    await audit.record({ ...entry, action: 'auth.unlock' });
    return c.json({ unlocked: true as const }, STATUS.OK);
  })
  .openapi(logoutRoute, async (c) => {
    const { principal, sid } = await currentSession(c);
    const { security, audit } = c.get('services');
    await security.sessions.revoke(sid, 'logout');
    await audit.record({
      tenantId: principal.tenantId,
      actor: { id: principal.userId, role: principal.role },
      action: 'auth.logout',
      target: { type: 'session', id: sid },
    });
    return c.json({ revoked: 1 }, STATUS.OK);
  })
  .openapi(logoutAllRoute, async (c) => {
    const { principal } = await currentSession(c);
    const { security, audit } = c.get('services');
    const revoked = await security.sessions.revokeAll(principal.userId, 'logout-all');
    await audit.record({
      tenantId: principal.tenantId,
      actor: { id: principal.userId, role: principal.role },
      action: 'auth.logout-all',
      target: { type: 'user', id: principal.userId },
      detail: { revoked },
    });
    return c.json({ revoked }, STATUS.OK);
  })
  .openapi(sessionInfoRoute, async (c) => {
    const { principal, sid } = await currentSession(c);
    const { security } = c.get('services');
    const row = await security.sessions.get(sid);
    if (!row) throw new AppError('unauthorized', 'This session no longer exists; sign in again.');
    const { idleLockMinutes } = await security.settings.get(principal.tenantId);
    return c.json(
      {
        sessionId: sid,
        channel: row.channel,
        createdAt: row.createdAt,
        expiresAt: row.expiresAt,
        idleLockMinutes: row.channel === 'page' ? idleLockMinutes : 0,
      },
      STATUS.OK,
    );
  })
  .openapi(lockRoute, async (c) => {
    const { sid } = await currentSession(c);
    await c.get('services').security.sessions.lock(sid);
    return c.json({ locked: true as const }, STATUS.OK);
  })
  .openapi(alertsRoute, async (c) => {
    const p = requireStaff(c, 'supervisor', 'admin');
    const { db, clock } = c.get('services');
    return c.json({ items: await securityAlerts(db, p.tenantId, clock.now()) }, STATUS.OK);
  })
  .openapi(getSettingsRoute, async (c) => {
    const p = requireStaff(c, 'admin');
    return c.json(await c.get('services').security.settings.get(p.tenantId), STATUS.OK);
  })
  .openapi(putSettingsRoute, async (c) => {
    const p = requireStaff(c, 'admin');
    const { security, audit } = c.get('services');
    const patch = c.req.valid('json');
    if (patch.ipAllowList) {
      const bad = patch.ipAllowList.findIndex((e) => !validAllowEntry(e));
      if (bad >= 0) {
        throw new AppError(
          'validation_failed',
          'Allow-list entries are IPv4 addresses, IPv4 CIDR ranges or IPv6 addresses.',
          [{ path: `body.ipAllowList.${bad}`, message: 'Not an address or IPv4 range' }],
        );
      }
      // An allow-list that leaves out the admin setting it would lock them out on the next request.
      if (patch.ipAllowList.length && !ipAllowed(clientIp(c), patch.ipAllowList)) {
        throw new AppError(
          'validation_failed',
          'The allow-list must include the address you are using now.',
          [
            {
              path: 'body.ipAllowList',
              message: `Does not include ${clientIp(c) ?? 'your (unknown) address'}`,
            },
          ],
        );
      }
    }
    const next = await security.settings.put(p.tenantId, patch);
    await audit.record({
      tenantId: p.tenantId,
      actor: { id: p.userId, role: p.role },
      action: 'security.settings',
      detail: { ...patch },
    });
    return c.json(next, STATUS.OK);
  });
