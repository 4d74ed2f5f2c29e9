/**
 * @module The rate-limiter port and its in-memory adapter. Node and Deno keep buckets in a Map
 * (per process — enough for one instance); a Workers adapter can keep them in a Durable Object
 * behind the same `hit` without the middleware changing.
 */
import { type BucketPolicy, type BucketState, type BucketVerdict, takeToken } from './token-bucket.ts';

export interface RateLimiter {
  /** Counts one request against `key` under `policy`. */
  hit(key: string, policy: BucketPolicy): Promise<BucketVerdict>;
}

/**
 * Buckets in a Map, oldest evicted past `maxKeys` so a flood of distinct addresses cannot grow
 * memory without bound (an evicted key starts full again, which only errs towards allowing).
 */
export function createMemoryRateLimiter(now: () => number, maxKeys = 50_000): RateLimiter {
  const buckets = new Map<string, BucketState>();
  return {
    async hit(key, policy) {
      const verdict = takeToken(buckets.get(key), policy, now());
      buckets.delete(key);
      buckets.set(key, verdict.state);
      if (buckets.size > maxKeys) {
        const oldest = buckets.keys().next().value;
        if (oldest !== undefined) buckets.delete(oldest);
      }
      return verdict;
    },
  };
}
