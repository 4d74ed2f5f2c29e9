/**
 * @module Per client address and route rate limiting for the public and sign-in endpoints:
 * 429 problem+json with Retry-After. Loopback callers without a proxy header (`local`: tests,
 * the bench, the operator) and callers whose address is unknowable are not limited — the
 * account lockout still guards passwords for them.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '#src/http/env.ts';
import { AppError, problemResponse, STATUS } from '#src/http/problem.ts';
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
    if (!c.req.path.startsWith('/api/')) {
      // A person at the sign-in form gets a page in their language, not a JSON document.
      const lang = resolveLang(c);
      c.header('retry-after', String(retryAfter));
      return c.html(
        `<!doctype html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>Tidedesk</title>` +
          `<link rel="stylesheet" href="/ui/app.css"></head><body><main class="message-page"><h1>429</h1>` +
          `<p>${rateLimitedMessage(lang, retryAfter)}</p><p><a class="btn btn-primary" href="/login">${lang === 'zh' ? '返回登录' : 'Back to sign-in'}</a></p></main></body></html>`,
        STATUS.TOO_MANY_REQUESTS,
      );
    }
    const lang = 'en';
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
