/**
 * @module Server-side staff sessions behind the stateless tokens. Every staff token names a
 * session (`sid`); the session can be refreshed, logged out (one or all), revoked when the
 * person signs in past the tenant's concurrent-session limit, and idle-locked (page sessions).
 * `check` sits on the hot path of every request, so a session's state is kept in memory for
 * `SESSION_CACHE_MS` and `last_seen_at` is written at most every `TOUCH_EVERY_MS`: a revocation
 * made by this process is seen at once, one made by another instance within a few seconds.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { StaffPrincipal } from '#src/core/auth/principal.ts';
import type { Db } from '#src/db/client.ts';
import { type Session, sessions } from '#src/db/schema/security.ts';
import type { Clock } from '#src/ports/clock.ts';
import type { Ids } from '#src/ports/ids.ts';
import type { TokenService } from '#src/services/auth/tokens.ts';
import { SESSION_CACHE_MS, TOUCH_EVERY_MS } from './policies.ts';
import type { SecuritySettingsService } from './settings.ts';

export type SessionChannel = Session['channel'];
export type SessionState = 'active' | 'locked' | 'revoked' | 'expired' | 'missing';

export interface SessionMeta {
  channel: SessionChannel;
  ip?: string | null;
  userAgent?: string | null;
  deviceId?: string | null;
}

export interface SessionService {
  /** Creates the session row and its first token; enforces the concurrent-session limit. */
  start(
    principal: StaffPrincipal,
    meta: SessionMeta,
  ): Promise<{ sid: string; token: string; expiresAt: number }>;
  /** The session's state now; also records activity (throttled) and applies the idle lock. */
  check(sid: string): Promise<SessionState>;
  /** A fresh token for an active session, pushing its expiry out by one token lifetime. */
  refresh(sid: string, principal: StaffPrincipal): Promise<{ token: string; expiresAt: number }>;
  /** Locks now (the page saw no input for the idle time). */
  lock(sid: string): Promise<void>;
  /** Clears an idle lock after the password was checked again. */
  unlock(sid: string): Promise<void>;
  revoke(sid: string, reason: string): Promise<void>;
  /** Revokes every open session of a person; returns how many. */
  revokeAll(userId: string, reason: string): Promise<number>;
  get(sid: string): Promise<Session | undefined>;
}

interface Cached {
  row: Session;
  readAt: number;
}

export function createSessionService(deps: {
  db: Db;
  clock: Clock;
  ids: Ids;
  tokens: TokenService;
  ttlSeconds: number;
  settings: SecuritySettingsService;
}): SessionService {
  const { db, clock, ids, tokens, settings } = deps;
  const cache = new Map<string, Cached>();

  async function load(sid: string, fresh = false): Promise<Session | undefined> {
    const now = clock.now();
    const hit = cache.get(sid);
    if (!fresh && hit && now - hit.readAt < SESSION_CACHE_MS && now >= hit.readAt) return hit.row;
    const [row] = await db.select().from(sessions).where(eq(sessions.id, sid));
    if (row) cache.set(sid, { row, readAt: now });
    else cache.delete(sid);
    // Bounded: entries are re-read every few seconds anyway, so dropping them all is harmless.
    if (cache.size > 20_000) cache.clear();
    return row;
  }

  async function update(sid: string, patch: Partial<Session>): Promise<void> {
    await db.update(sessions).set(patch).where(eq(sessions.id, sid));
    const hit = cache.get(sid);
    if (hit) cache.set(sid, { row: { ...hit.row, ...patch }, readAt: hit.readAt });
  }

  /** Oldest page sessions past the tenant's limit are revoked, newest kept. */
  async function enforceLimit(principal: StaffPrincipal): Promise<void> {
    const { maxSessionsPerUser } = await settings.get(principal.tenantId);
    if (maxSessionsPerUser <= 0) return;
    const now = clock.now();
    const open = (
      await db
        .select({ id: sessions.id, expiresAt: sessions.expiresAt })
        .from(sessions)
        .where(
          and(
            eq(sessions.userId, principal.userId),
            eq(sessions.channel, 'page'),
            isNull(sessions.revokedAt),
          ),
        )
        .orderBy(asc(sessions.createdAt), asc(sessions.id))
    ).filter((s) => s.expiresAt > now);
    const excess = open.length - maxSessionsPerUser;
    for (const s of open.slice(0, Math.max(0, excess))) {
      await update(s.id, { revokedAt: now, revokedReason: 'session-limit' });
    }
  }

  return {
    async start(principal, meta) {
      const now = clock.now();
      const sid = ids.next('ses');
      const issued = await tokens.issue(principal, { sid });
      await db.insert(sessions).values({
        id: sid,
        tenantId: principal.tenantId,
        userId: principal.userId,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: issued.expiresAt,
        channel: meta.channel,
        ip: meta.ip ?? null,
        userAgent: meta.userAgent?.slice(0, 300) ?? null,
        deviceId: meta.deviceId ?? null,
      });
      if (meta.channel === 'page') await enforceLimit(principal);
      return { sid, ...issued };
    },

    async check(sid) {
      const row = await load(sid);
      if (!row) return 'missing';
      const now = clock.now();
      if (row.revokedAt !== null) return 'revoked';
      if (row.expiresAt <= now) return 'expired';
      if (row.lockedAt !== null) return 'locked';
      if (row.channel === 'page') {
        const { idleLockMinutes } = await settings.get(row.tenantId);
        if (idleLockMinutes > 0 && now - row.lastSeenAt > idleLockMinutes * 60_000) {
          await update(sid, { lockedAt: now });
          return 'locked';
        }
      }
      if (now - row.lastSeenAt >= TOUCH_EVERY_MS) await update(sid, { lastSeenAt: now });
      return 'active';
    },

    async refresh(sid, principal) {
      const issued = await tokens.issue(principal, { sid });
      await update(sid, { expiresAt: issued.expiresAt, lastSeenAt: clock.now() });
      return issued;
    },

    async lock(sid) {
      await update(sid, { lockedAt: clock.now() });
    },

    async unlock(sid) {
      await update(sid, { lockedAt: null, lastSeenAt: clock.now() });
    },

    async revoke(sid, reason) {
      await update(sid, { revokedAt: clock.now(), revokedReason: reason });
    },

    async revokeAll(userId, reason) {
      const now = clock.now();
      const open = await db
        .select({ id: sessions.id })
        .from(sessions)
        .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
      await db
        .update(sessions)
        .set({ revokedAt: now, revokedReason: reason })
        .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
      for (const { id } of open) cache.delete(id);
      return open.length;
    },

    get: (sid) => load(sid, true),
  };
}
