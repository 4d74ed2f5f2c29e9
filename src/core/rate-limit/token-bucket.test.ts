import { describe, expect, it } from 'vitest';
import { createMemoryRateLimiter } from './limiter.ts';
import { takeToken } from './token-bucket.ts';

const policy = { capacity: 3, refillPerSecond: 0.5 };

describe('takeToken', () => {
  it('allows a burst of `capacity`, then refuses with the wait until one token is back', () => {
    let state: ReturnType<typeof takeToken>['state'] | undefined;
    const verdicts = [];
    for (let i = 0; i < 4; i++) {
      const v = takeToken(state, policy, 1_000);
      state = v.state;
      verdicts.push(v);
    }
    expect(verdicts.map((v) => v.allowed)).toEqual([true, true, true, false]);
    expect(verdicts[2]?.remaining).toBe(0);
    expect(verdicts[3]?.retryAfterMs).toBe(2_000);
  });

  it('refills at the policy rate and never past capacity', () => {
    let v = takeToken(undefined, policy, 0);
    v = takeToken(v.state, policy, 0);
    v = takeToken(v.state, policy, 0);
    expect(takeToken(v.state, policy, 1_999).allowed).toBe(false);
    expect(takeToken(v.state, policy, 2_000).allowed).toBe(true);
    expect(takeToken(v.state, policy, 3_600_000).remaining).toBe(2);
  });

  it('a clock stepping backwards refills nothing', () => {
    let v = takeToken(undefined, { capacity: 1, refillPerSecond: 1 }, 10_000);
    v = takeToken(v.state, { capacity: 1, refillPerSecond: 1 }, 5_000);
    expect(v.allowed).toBe(false);
  });
});

describe('createMemoryRateLimiter', () => {
  it('keeps one bucket per key and evicts the oldest past maxKeys', async () => {
    let now = 0;
    const limiter = createMemoryRateLimiter(() => now, 2);
    const one = { capacity: 1, refillPerSecond: 0.001 };
    expect((await limiter.hit('a', one)).allowed).toBe(true);
    expect((await limiter.hit('a', one)).allowed).toBe(false);
    expect((await limiter.hit('b', one)).allowed).toBe(true);
    expect((await limiter.hit('c', one)).allowed).toBe(true);
    // 'a' was the oldest and was evicted: it starts full again.
    expect((await limiter.hit('a', one)).allowed).toBe(true);
    now += 1;
    expect((await limiter.hit('c', one)).allowed).toBe(false);
  });
});
