/**
 * @module Signed, expiring session tokens (HS256 JWT via WebCrypto). The same token is sent as
 * `Authorization: Bearer` by API clients and as an HttpOnly cookie by pages.
 */
import { sign, verify } from 'hono/jwt';
import { type Principal, PrincipalSchema } from '#src/core/auth/principal.ts';
import type { Clock } from '#src/ports/clock.ts';

export interface TokenService {
  /** `sid` names the server-side session (services/security) the token belongs to. */
  issue(principal: Principal, opts?: { sid?: string }): Promise<{ token: string; expiresAt: number }>;
  /** The principal, or null for a bad, expired or tampered token. */
  read(token: string): Promise<Principal | null>;
  /** The principal and the session id it carries (absent on customer and pre-session tokens). */
  verify(token: string): Promise<{ principal: Principal; sid?: string } | null>;
}

export function createTokenService(secret: string, ttlSeconds: number, clock: Clock): TokenService {
  const service: TokenService = {
    async issue(principal, opts) {
      const nowS = Math.floor(clock.now() / 1000);
      const exp = nowS + ttlSeconds;
      const sid = opts?.sid ? { sid: opts.sid } : {};
      const token = await sign({ ...principal, ...sid, iat: nowS, exp }, secret, 'HS256');
      return { token, expiresAt: exp * 1000 };
    },
    async read(token) {
      return (await service.verify(token))?.principal ?? null;
    },
    async verify(token) {
      try {
        // Expiry is checked against the injected clock, not hono's wall clock.
        const payload = await verify(token, secret, { alg: 'HS256', exp: false, nbf: false, iat: false });
        if (typeof payload.exp !== 'number' || payload.exp * 1000 <= clock.now()) return null;
        const parsed = PrincipalSchema.safeParse(payload);
        if (!parsed.success) return null;
        return typeof payload.sid === 'string'
          ? { principal: parsed.data, sid: payload.sid }
          : { principal: parsed.data };
      } catch {
        return null;
      }
    },
  };
  return service;
}
