/** @module Ending the page session on sign-out: the cookie's session is revoked, not just forgotten. */
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { SESSION_COOKIE } from '#src/http/auth.ts';
import type { AppEnv } from '#src/http/env.ts';

export async function endPageSession(c: Context<AppEnv>): Promise<void> {
  const token = getCookie(c, SESSION_COOKIE);
  if (!token) return;
  const { tokens, security, audit } = c.get('services');
  const verified = await tokens.verify(token);
  if (verified?.principal.kind !== 'staff' || !verified.sid) return;
  await security.sessions.revoke(verified.sid, 'logout');
  const p = verified.principal;
  await audit.record({
    tenantId: p.tenantId,
    actor: { id: p.userId, role: p.role },
    action: 'auth.logout',
    target: { type: 'session', id: verified.sid },
  });
}
