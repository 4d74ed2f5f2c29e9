/**
 * @module Session security state: staff sessions (each token names one, so a session can be
 * revoked, idle-locked or counted), per-account sign-in throttling (lockout after repeated
 * failures), and each tenant's session settings.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { tenants } from './tenants.ts';
import { users } from './users.ts';

/**
 * One row per staff sign-in. The token carries `sid` = `id`; refreshing issues a new token for
 * the same row. `lockedAt` is set when the idle timer ran out (re-authentication clears it);
 * `revokedAt` ends the session for good (logout, logout-all, or the concurrent-session limit).
 */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    lockedAt: integer('locked_at'),
    revokedAt: integer('revoked_at'),
    /** `logout`, `logout-all`, `session-limit`, `admin` … */
    revokedReason: text('revoked_reason'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    deviceId: text('device_id'),
    /**
     * `page` (the browser workspace: idle lock and the concurrent-session limit apply) or `api`
     * (a token from POST /api/v1/auth/token held by a program: revocable, never idle-locked).
     */
    channel: text('channel', { enum: ['page', 'api'] })
      .notNull()
      .default('api'),
  },
  (t) => [
    index('sessions_user_idx').on(t.userId, t.revokedAt, t.createdAt),
    index('sessions_tenant_idx').on(t.tenantId, t.createdAt),
  ],
);

/**
 * Failed sign-ins per account (lower-cased e-mail, so unknown accounts are throttled alike and
 * their existence is not revealed). A window of `failures` since `windowStart`; `lockedUntil` set
 * once the limit is hit.
 */
export const loginThrottle = sqliteTable('login_throttle', {
  email: text('email').primaryKey(),
  failures: integer('failures').notNull(),
  windowStart: integer('window_start').notNull(),
  lockedUntil: integer('locked_until'),
  updatedAt: integer('updated_at').notNull(),
});

/** A tenant's session settings; absent row → the defaults in services/security. */
export const tenantSecuritySettings = sqliteTable('tenant_security_settings', {
  tenantId: text('tenant_id')
    .primaryKey()
    .references(() => tenants.id),
  /** Concurrent sessions one staff member may hold; signing in past it revokes the oldest. */
  maxSessionsPerUser: integer('max_sessions_per_user').notNull(),
  /** Minutes without activity before the session locks and asks for the password again. */
  idleLockMinutes: integer('idle_lock_minutes').notNull(),
  /** Optional CIDR / address allow-list for staff sign-in and API use; null = anywhere. */
  ipAllowList: text('ip_allow_list', { mode: 'json' }).$type<string[]>(),
  updatedAt: integer('updated_at').notNull(),
});

export type Session = typeof sessions.$inferSelect;
export type NewSession = typeof sessions.$inferInsert;
export type LoginThrottle = typeof loginThrottle.$inferSelect;
export type TenantSecuritySettings = typeof tenantSecuritySettings.$inferSelect;
