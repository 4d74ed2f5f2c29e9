/**
 * @module Authentication and role guards. The token comes from `Authorization: Bearer`, the
 * `access_token` in the query (EventSource cannot set headers), or the `td_session` cookie (pages).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { CustomerPrincipal, Principal, StaffPrincipal } from '#src/core/auth/principal.ts';
import type { Role } from '#src/db/schema/users.ts';
import { clientIp } from '#src/services/security/client-ip.ts';
import { NETWORK_REFUSED } from '#src/services/security/messages.ts';
import type { AppEnv } from './env.ts';
import { AppError } from './problem.ts';

export const SESSION_COOKIE = 'td_session';

export function tokenFrom(c: Context<AppEnv>): string | undefined {
  const header = c.req.header('authorization');
  if (header?.toLowerCase().startsWith('bearer ')) return header.slice(7).trim();
  // An explicit token wins over the page cookie: a widget opened in a browser where a staff
  // member is signed in must stream as the customer, not as the staff member.
  const explicit = c.req.query('access_token');
  if (explicit) return explicit;
  return getCookie(c, SESSION_COOKIE) ?? undefined;
}

/** What a locked session may still do: unlock itself, or sign out. */
const LOCKED_SESSION_PATHS = new Set([
  '/api/v1/auth/unlock',
  '/api/v1/auth/logout',
  '/api/v1/auth/logout-all',
  '/logout',
]);

/**
 * Resolves the caller (or null) once per request; guards below decide what is allowed. A staff
 * token is only as good as its server-side session: revoked, expired or session-less tokens count
 * as none, and an idle-locked one is refused with `session_locked` so the page can ask again.
 */
export const identify: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = tokenFrom(c);
  const { tokens, security } = c.get('services');
  const verified = token ? await tokens.verify(token) : null;
  let principal = verified?.principal ?? null;
  if (principal?.kind === 'staff') {
    const state = verified?.sid ? await security.sessions.check(verified.sid) : 'missing';
    if (state === 'locked' && !LOCKED_SESSION_PATHS.has(c.req.path)) {
      if (c.req.path.startsWith('/api/')) {
        throw new AppError(
          'session_locked',
          'The session is locked after inactivity: re-enter the password (POST /api/v1/auth/unlock).',
        );
      }
      principal = null;
    } else if (state !== 'active' && state !== 'locked') {
      principal = null;
    } else if (!(await security.networkAllowed(principal.tenantId, clientIp(c)))) {
      if (c.req.path.startsWith('/api/')) throw new AppError('forbidden', NETWORK_REFUSED);
      principal = null;
    }
  }
  c.set('principal', principal);
  await next();
};

export function requirePrincipal(c: Context<AppEnv>): Principal {
  const p = c.get('principal');
  if (!p)
    throw new AppError('unauthorized', 'Sign in first: send a Bearer token from POST /api/v1/auth/token.');
  return p;
}

export function requireStaff(c: Context<AppEnv>, ...roles: Role[]): StaffPrincipal {
  const p = requirePrincipal(c);
  if (p.kind !== 'staff' || (roles.length > 0 && !roles.includes(p.role))) {
    throw new AppError(
      'forbidden',
      roles.length ? `Requires one of the roles: ${roles.join(', ')}.` : 'Staff only.',
    );
  }
  return p;
}

export function requireCustomer(c: Context<AppEnv>): CustomerPrincipal {
  const p = requirePrincipal(c);
  if (p.kind !== 'customer') {
    throw new AppError(
      'forbidden',
      'Only a customer widget session may do this (POST /api/v1/widget/sessions).',
    );
  }
  return p;
}
