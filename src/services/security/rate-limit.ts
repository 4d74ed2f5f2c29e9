/**
 * @module Per client address and route rate limiting for the public and sign-in endpoints:
 * 429 problem+json with Retry-After. Loopback callers without a proxy header (`local`: tests,
 * the bench, the operator) and callers whose address is unknowable are not limited — the
 * account lockout still guards passwords for them.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '#src/http/env.ts';
import { AppError, problemResponse } from '#src/http/problem.ts';
import { resolveLang } from '#src/ui/lang.ts';
import { clientIp, LOCAL_CLIENT } from './client-ip.ts';
import { rateLimitedMessage } from './messages.ts';
import { RATE_POLICIES, type RatePolicyName } from './policies.ts';

export function rateLimit(name: RatePolicyName): MiddlewareHandler<AppEnv> {
  const policy = RATE_POLICIES[name];
  return async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const ip = clientIp(c);
    if (ip === undefined || ip === LOCAL_CLIENT) return next();
    const verdict = await c.get('services').security.limiter.hit(`${name}:${ip}`, policy);
    if (verdict.allowed) return next();
    const retryAfter = Math.ceil(verdict.retryAfterMs / 1000);
    const lang = c.req.path.startsWith('/api/') ? 'en' : resolveLang(c);
    const res = problemResponse(
      new AppError('rate_limited', rateLimitedMessage(lang, retryAfter), undefined, {
        retryAfterSeconds: retryAfter,
      }),
      c.req.path,
    );
    res.headers.set('retry-after', String(retryAfter));
    return res;
  };
}
