/**
 * @module Password sign-in with the security around it: the account lockout is checked first,
 * the password is verified by the people service, a server-side session is opened for the
 * token, and every outcome (success, failure, lockout, refusal while locked) is audited.
 */
import { eq } from 'drizzle-orm';
import type { StaffPrincipal } from '#src/core/auth/principal.ts';
import { users } from '#src/db/schema/users.ts';
import type { Services } from '#src/http/env.ts';
import { AppError } from '#src/http/problem.ts';
import type { TokenService } from '#src/services/auth/tokens.ts';
import { signIn } from '#src/services/people/sign-in.ts';
import { isNewNetwork, NEW_NETWORK_ACTION } from './alerts.ts';
import { lockedMessage, NETWORK_REFUSED } from './messages.ts';
import type { SessionMeta } from './sessions.ts';

export interface SignInRequest extends SessionMeta {
  email: string;
  password: string;
}

/** The refusal thrown while an account is locked; `lockedUntil` lets pages word it themselves. */
export function accountLocked(untilMs: number, nowMs: number): AppError {
  return new AppError('account_locked', lockedMessage('en', untilMs, nowMs), undefined, {
    lockedUntil: untilMs,
    retryAfterSeconds: Math.ceil((untilMs - nowMs) / 1000),
  });
}

export async function secureSignIn(services: Services, req: SignInRequest) {
  const { db, clock, audit, logger, security } = services;
  const email = req.email.trim().toLowerCase();
  const [account] = await db
    .select({ id: users.id, tenantId: users.tenantId, role: users.role })
    .from(users)
    .where(eq(users.email, email));
  const record = async (action: string, detail: Record<string, unknown> = {}) => {
    // The audit log is per tenant; a wrong unknown e-mail belongs to none, so it goes to the log.
    if (!account) return logger.info('sign-in refused for an unknown account', { action, ip: req.ip });
    await audit.record({
      tenantId: account.tenantId,
      actor: { id: account.id, role: account.role },
      action,
      target: { type: 'user', id: account.id },
      ip: req.ip ?? null,
      userAgent: req.userAgent ?? null,
      detail: { channel: req.channel, ...detail },
    });
  };

  const lockedUntil = await security.throttle.lockedUntil(email);
  if (lockedUntil !== null) {
    await record('auth.login.locked', { lockedUntil });
    throw accountLocked(lockedUntil, clock.now());
  }

  let sid: string | null = null;
  let newNetwork = false;
  // The people service verifies the password and shapes the user; its token is the session's.
  const tokens: TokenService = {
    ...services.tokens,
    async issue(principal) {
      // Checked only once the password was right, so the refusal reveals nothing to a guesser.
      if (!(await security.networkAllowed(principal.tenantId, req.ip))) {
        await record('auth.login.network-refused');
        throw new AppError('forbidden', NETWORK_REFUSED);
      }
      newNetwork = await isNewNetwork(db, principal.kind === 'staff' ? principal.userId : '', req.ip);
      const started = await security.sessions.start(principal as StaffPrincipal, req);
      sid = started.sid;
      return { token: started.token, expiresAt: started.expiresAt };
    },
  };
  try {
    const result = await signIn({ db, tokens }, email, req.password);
    await security.throttle.succeeded(email);
    await record('auth.login', { sessionId: sid });
    if (newNetwork) await record(NEW_NETWORK_ACTION, { sessionId: sid });
    return { ...result, sessionId: sid as string | null };
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'unauthorized') throw err;
    const lockedNow = await security.throttle.failed(email);
    if (lockedNow !== null) {
      await record('auth.lockout', { lockedUntil: lockedNow });
      throw accountLocked(lockedNow, clock.now());
    }
    await record('auth.login.failed');
    throw err;
  }
}
