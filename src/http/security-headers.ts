/**
 * @module Security headers on every page and API response: a CSP without inline script, no
 * framing, no MIME sniffing, a strict referrer policy, camera/microphone for this origin only
 * (the interview page records), COOP, and HSTS once the app is served over https.
 * Built on hono's secureHeaders; HSTS is added here because it must be conditional.
 */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './env.ts';

/** The policy as a directive map, exported so tests can assert against the same source. */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // Pages carry small <style> blocks and Swagger UI sets style attributes; styles cannot run code,
  // so 'unsafe-inline' is allowed for styles only — never for scripts.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  mediaSrc: ["'self'", 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  objectSrc: ["'none'"],
};

export const HSTS_VALUE = 'max-age=31536000; includeSubDomains';

const base = secureHeaders({
  contentSecurityPolicy: CSP_DIRECTIVES,
  strictTransportSecurity: false,
  crossOriginOpenerPolicy: 'same-origin',
  // Widget assets may be loaded by a tenant's own site later; same-site is enough for now.
  crossOriginResourcePolicy: 'same-site',
  referrerPolicy: 'strict-origin-when-cross-origin',
  xFrameOptions: 'DENY',
  permissionsPolicy: {
    camera: ['self'],
    microphone: ['self'],
    geolocation: [],
    payment: [],
    usb: [],
  },
});

/** HSTS only over https (seen on the request URL or the proxy's header) or when configured. */
function servedOverHttps(c: Parameters<MiddlewareHandler<AppEnv>>[0]): boolean {
  if (c.get('services').config.secureCookies) return true;
  return new URL(c.req.url).protocol === 'https:';
}

export const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await base(c, async () => {
    await next();
  });
  if (servedOverHttps(c)) c.res.headers.set('Strict-Transport-Security', HSTS_VALUE);
};
