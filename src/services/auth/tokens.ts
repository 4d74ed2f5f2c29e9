/**
 * @module Signed, expiring session tokens (HS256 JWT via WebCrypto). The same token is sent as
 * `Authorization: Bearer` by API clients and as an HttpOnly cookie by pages.
 */
import { sign, verify } from 'hono/jwt';
import { type Principal, PrincipalSchema } from '#src/core/auth/principal.ts';
import type { Clock } from '#src/ports/clock.ts';

export interface TokenService {
  issue(principal: Principal): Promise<{ token: string; expiresAt: number }>;
  /** The principal, or null for a bad, expired or tampered token. */
  read(token: string): Promise<Principal | null>;
}

export function createTokenService(secret: string, ttlSeconds: number, clock: Clock): TokenService {
  return {
    async issue(principal) {
      const nowS = Math.floor(clock.now() / 1000);
      const exp = nowS + ttlSeconds;
      const token = await sign({ ...principal, iat: nowS, exp }, secret, 'HS256');
      return { token, expiresAt: exp * 1000 };
    },
    async read(token) {
      try {
        // Expiry is checked against the injected clock, not hono's wall clock.
        const payload = await verify(token, secret, { alg: 'HS256', exp: false, nbf: false, iat: false });
        if (typeof payload.exp !== 'number' || payload.exp * 1000 <= clock.now()) return null;
        const parsed = PrincipalSchema.safeParse(payload);
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
  };
}
