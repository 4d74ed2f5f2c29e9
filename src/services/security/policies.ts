/** @module The numbers of session security, in one place: rate limits, lockout, session defaults. */
import type { BucketPolicy } from '#src/core/rate-limit/token-bucket.ts';

/** Per client address and route. */
export const RATE_POLICIES = {
  /** Password sign-in (API and form): a burst of 10, then one every 6 s. */
  login: { capacity: 10, refillPerSecond: 1 / 6 },
  /** Token refresh and re-authentication. */
  refresh: { capacity: 30, refillPerSecond: 0.5 },
  /** Anonymous widget sessions: a shop's visitors may share a NAT, so a wider bucket. */
  widget: { capacity: 30, refillPerSecond: 0.5 },
} as const satisfies Record<string, BucketPolicy>;
export type RatePolicyName = keyof typeof RATE_POLICIES;

export const LOCKOUT = {
  /** Failed passwords for one account within `windowMs` … */
  maxFailures: 5,
  windowMs: 15 * 60_000,
  /** … lock it this long. */
  lockMs: 15 * 60_000,
};

/** Used when a tenant has no tenant_security_settings row. */
export const DEFAULT_SESSION_SETTINGS = {
  maxSessionsPerUser: 3,
  idleLockMinutes: 15,
  ipAllowList: null as string[] | null,
};

/** How long the revocation/lock state of a session is trusted from memory before re-reading. */
export const SESSION_CACHE_MS = 5_000;
/** last_seen_at is written at most this often per session (it drives the idle lock). */
export const TOUCH_EVERY_MS = 30_000;

/** Anomaly alert thresholds for supervisors. */
export const ALERTS = {
  /** Reveals of personal data by one person within the last hour. */
  revealsPerHour: 20,
  /** Conversations assigned to one agent in the window with no reply from them. */
  openedWithoutReply: 10,
  /** Window for the conversation and new-network alerts, in hours. */
  windowHours: 8,
};
