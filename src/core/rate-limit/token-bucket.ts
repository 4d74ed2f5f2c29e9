/**
 * @module A token bucket, pure: the caller passes the stored state and the time and gets back the
 * verdict and the new state. No clock, no storage — a Map on Node or a Durable Object on Workers
 * can hold the state. (hono has no rate limiter of its own and none is installed; this is the
 * whole algorithm, small enough not to need one.)
 */

export interface BucketPolicy {
  /** Largest burst: the bucket starts full with this many tokens. */
  capacity: number;
  /** Tokens added back per second, up to `capacity`. */
  refillPerSecond: number;
}

export interface BucketState {
  tokens: number;
  /** When `tokens` was last computed (ms). */
  at: number;
}

export interface BucketVerdict {
  allowed: boolean;
  state: BucketState;
  /** Tokens left after this request. */
  remaining: number;
  /** When refused: how long until one token is back (ms, at least 1 s for Retry-After). */
  retryAfterMs: number;
}

/** Takes one token if there is one. A clock that steps backwards refills nothing. */
export function takeToken(state: BucketState | undefined, policy: BucketPolicy, now: number): BucketVerdict {
  const prev = state ?? { tokens: policy.capacity, at: now };
  const elapsed = Math.max(0, now - prev.at) / 1000;
  const tokens = Math.min(policy.capacity, prev.tokens + elapsed * policy.refillPerSecond);
  if (tokens >= 1) {
    const next = { tokens: tokens - 1, at: now };
    return { allowed: true, state: next, remaining: Math.floor(next.tokens), retryAfterMs: 0 };
  }
  const waitMs = Math.ceil(((1 - tokens) / policy.refillPerSecond) * 1000);
  return { allowed: false, state: { tokens, at: now }, remaining: 0, retryAfterMs: Math.max(1000, waitMs) };
}
