/**
 * @module CSRF protection for cookie sessions. A browser attaches the `td_session` cookie to
 * any request, including one a hostile site starts, so an unsafe request whose only credential
 * is that cookie must prove it comes from our own pages: `Sec-Fetch-Site: same-origin` (or
 * `none`, typed by the user), or else an `Origin` naming this host. Bearer and `access_token`
 * callers are not at risk (a browser never adds those by itself) and are left alone.
 * Requests without the cookie (the sign-in form) are refused only on positive cross-site evidence,
 * which stops login CSRF without breaking command-line clients.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { SESSION_COOKIE } from './auth.ts';
import type { AppEnv } from './env.ts';
import { AppError } from './problem.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

type Verdict = 'same-origin' | 'cross-site' | 'unknown';

/** What the browser tells us about where the request came from. */
export function requestOrigin(c: Context): Verdict {
  const site = c.req.header('sec-fetch-site');
  if (site) return site === 'same-origin' || site === 'none' ? 'same-origin' : 'cross-site';
  const origin = c.req.header('origin');
  if (!origin) return 'unknown';
  try {
    // Hosts, not schemes: behind a TLS-terminating proxy the app sees http while the page is https.
    return new URL(origin).host === new URL(c.req.url).host ? 'same-origin' : 'cross-site';
  } catch {
    return 'cross-site';
  }
}

function hasExplicitToken(c: Context): boolean {
  return (
    c.req.header('authorization')?.toLowerCase().startsWith('bearer ') === true ||
    Boolean(c.req.query('access_token'))
  );
}

export const csrfGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (SAFE_METHODS.has(c.req.method) || hasExplicitToken(c)) return next();
  const verdict = requestOrigin(c);
  // Signing out with no origin headers at all is harmless (it only ends the caller's session),
  // so /logout needs positive cross-site evidence like the sign-in form does.
  const cookieSession = getCookie(c, SESSION_COOKIE) !== undefined && c.req.path !== '/logout';
  if (verdict === 'cross-site' || (cookieSession && verdict === 'unknown')) {
    throw new AppError(
      'csrf_rejected',
      cookieSession
        ? 'A signed-in browser session may only change things from Tidedesk’s own pages (Origin / Sec-Fetch-Site did not match). API clients send a Bearer token instead.'
        : 'This request came from another site and was refused.',
    );
  }
  return next();
};
