/**
 * @module Page sessions: the `td_session` cookie holds the same signed token the API accepts, so
 * client islands call the JSON API with no token handling of their own. Also the page guard.
 */

import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { StaffPrincipal } from '#src/core/auth/principal.ts';
import { type Tenant, tenants } from '#src/db/schema/tenants.ts';
import { type Role, type User, users } from '#src/db/schema/users.ts';
import { SESSION_COOKIE } from '#src/http/auth.ts';
import type { AppEnv } from '#src/http/env.ts';
import type { Lang } from './i18n.ts';
import { resolveLang } from './lang.ts';

export function setSession(c: Context<AppEnv>, token: string): void {
  const { config } = c.get('services');
  setCookie(c, SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: config.secureCookies,
    maxAge: config.tokenTtlSeconds,
  });
}

export function clearSession(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/** Where each role lands after signing in. */
export function homeFor(role: Role): string {
  if (role === 'supervisor') return '/supervisor';
  if (role === 'admin') return '/admin';
  if (role === 'trainee') return '/train';
  if (role === 'recruiter') return '/recruit';
  if (role === 'qa') return '/qa';
  return '/agent';
}

/** Only same-site paths are followed after sign-in, so `next` cannot send people elsewhere. */
export function safeNext(next: string | undefined): string | null {
  if (!next?.startsWith('/') || next.startsWith('//') || next.includes('\\')) return null;
  if (next.startsWith('/login')) return null;
  return next;
}

export interface StaffPageContext {
  principal: StaffPrincipal;
  user: User;
  tenant: Tenant;
  lang: Lang;
}

export type PageGuard =
  | { ok: true; page: StaffPageContext }
  | { ok: false; reason: 'signed-out'; login: string }
  | { ok: false; reason: 'forbidden'; page: StaffPageContext };

/** Checks the signed-in staff member against the roles a page needs. */
export async function guardPage(c: Context<AppEnv>, roles: readonly Role[]): Promise<PageGuard> {
  const url = new URL(c.req.url);
  const login = `/login?next=${encodeURIComponent(url.pathname + url.search)}`;
  const principal = c.get('principal');
  if (principal?.kind !== 'staff') return { ok: false, reason: 'signed-out', login };
  const { db } = c.get('services');
  const [row] = await db
    .select({ user: users, tenant: tenants })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .where(eq(users.id, principal.userId));
  // A valid token for a deleted person is as good as none.
  if (!row) return { ok: false, reason: 'signed-out', login };
  const page: StaffPageContext = {
    principal,
    user: row.user,
    tenant: row.tenant,
    lang: resolveLang(c, row.tenant.defaultLocale),
  };
  return roles.includes(principal.role) ? { ok: true, page } : { ok: false, reason: 'forbidden', page };
}
