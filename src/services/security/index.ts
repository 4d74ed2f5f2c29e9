/**
 * @module Session security, assembled: sign-in throttling, rate limits, server-side sessions
 * and each tenant's session settings. Built once per app by createApp.
 */
import { createMemoryRateLimiter, type RateLimiter } from '#src/core/rate-limit/limiter.ts';
import type { Db } from '#src/db/client.ts';
import type { Clock } from '#src/ports/clock.ts';
import type { Ids } from '#src/ports/ids.ts';
import type { TokenService } from '#src/services/auth/tokens.ts';
import { ipAllowed } from './ip-allow.ts';
import { createLoginThrottle, type LoginThrottleService } from './login-throttle.ts';
import { createSessionService, type SessionService } from './sessions.ts';
import { createSecuritySettings, type SecuritySettingsService } from './settings.ts';

export interface SecurityService {
  throttle: LoginThrottleService;
  sessions: SessionService;
  settings: SecuritySettingsService;
  /** In memory on Node/Deno; a Workers adapter can pass a Durable Object–backed one. */
  limiter: RateLimiter;
  /** False when the tenant has an IP allow-list and `ip` is not on it (or is unknown). */
  networkAllowed(tenantId: string, ip: string | null | undefined): Promise<boolean>;
}

export function createSecurityService(deps: {
  db: Db;
  clock: Clock;
  ids: Ids;
  tokens: TokenService;
  tokenTtlSeconds: number;
  limiter?: RateLimiter;
}): SecurityService {
  const settings = createSecuritySettings(deps);
  return {
    throttle: createLoginThrottle(deps),
    settings,
    sessions: createSessionService({ ...deps, ttlSeconds: deps.tokenTtlSeconds, settings }),
    limiter: deps.limiter ?? createMemoryRateLimiter(() => deps.clock.now()),
    async networkAllowed(tenantId, ip) {
      const { ipAllowList } = await settings.get(tenantId);
      return !ipAllowList?.length || ipAllowed(ip ?? undefined, ipAllowList);
    },
  };
}
