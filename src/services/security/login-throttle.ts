/**
 * @module Account lockout: after `LOCKOUT.maxFailures` wrong passwords for one e-mail within
 * the window, sign-in for that e-mail is refused until the lock ends — even with the right
 * password, so guessing cannot continue. Kept in the database so every instance agrees.
 * Unknown e-mails are throttled the same way, so the lock does not reveal who has an account.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { loginThrottle } from '#src/db/schema/security.ts';
import type { Clock } from '#src/ports/clock.ts';
import { LOCKOUT } from './policies.ts';

export interface LoginThrottleService {
  /** When the account is locked: the time it unlocks (ms); otherwise null. */
  lockedUntil(email: string): Promise<number | null>;
  /** Counts a failure; returns the unlock time when this failure locked the account. */
  failed(email: string): Promise<number | null>;
  succeeded(email: string): Promise<void>;
}

export function createLoginThrottle(deps: { db: Db; clock: Clock }): LoginThrottleService {
  const { db, clock } = deps;
  const key = (email: string) => email.trim().toLowerCase();
  const read = async (email: string) =>
    (
      await db
        .select()
        .from(loginThrottle)
        .where(eq(loginThrottle.email, key(email)))
    )[0];

  return {
    async lockedUntil(email) {
      const row = await read(email);
      const now = clock.now();
      return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
    },
    async failed(email) {
      const now = clock.now();
      const row = await read(email);
      // Callers check lockedUntil first, so a row with a lock here holds an expired one: start over.
      const fresh = !row || now - row.windowStart > LOCKOUT.windowMs || row.lockedUntil !== null;
      const failures = fresh ? 1 : row.failures + 1;
      const windowStart = fresh ? now : row.windowStart;
      const lockedUntil = failures >= LOCKOUT.maxFailures ? now + LOCKOUT.lockMs : null;
      const values = { failures, windowStart, lockedUntil, updatedAt: now };
      await db
        .insert(loginThrottle)
        .values({ email: key(email), ...values })
        .onConflictDoUpdate({ target: loginThrottle.email, set: values });
      return lockedUntil;
    },
    async succeeded(email) {
      await db.delete(loginThrottle).where(eq(loginThrottle.email, key(email)));
    },
  };
}
