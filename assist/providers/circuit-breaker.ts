/**
 * @module A circuit breaker per provider + capability. After `failureThreshold` consecutive
 * failures it opens and every call goes straight to the embedded engine (no waiting on a sick
 * endpoint); after `cooldownMs` it lets one probe through (half-open): success closes it, failure
 * opens it again. Time comes from the Clock port so tests advance a fake clock instead of sleeping.
 */
import type { Capability, ProviderName } from '#assist/capabilities.ts';
import type { Clock } from '#src/ports/clock.ts';

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerOptions {
  failureThreshold: number;
  cooldownMs: number;
  clock: Clock;
}

export interface CircuitBreaker {
  state(): BreakerState;
  /** Ask to make a call. False while open, and in half-open while the one probe is in flight. */
  tryAcquire(): boolean;
  onSuccess(): void;
  onFailure(): void;
  /** Give back an acquired call that ended neither way (a consumer stopped reading a stream). */
  release(): void;
}

export function createCircuitBreaker(options: BreakerOptions): CircuitBreaker {
  const { failureThreshold, cooldownMs, clock } = options;
  let failures = 0;
  let openedAt: number | null = null;
  let probing = false;

  const state = (): BreakerState => {
    if (openedAt === null) return 'closed';
    return clock.now() - openedAt >= cooldownMs ? 'half-open' : 'open';
  };

  return {
    state,
    tryAcquire() {
      const s = state();
      if (s === 'closed') return true;
      if (s === 'open' || probing) return false;
      probing = true;
      return true;
    },
    onSuccess() {
      failures = 0;
      openedAt = null;
      probing = false;
    },
    onFailure() {
      failures += 1;
      // A failed probe reopens at once; otherwise open only when the threshold is reached.
      if (probing || failures >= failureThreshold) openedAt = clock.now();
      probing = false;
    },
    release() {
      probing = false;
    },
  };
}

/** Breakers keyed by provider and capability, created on first use. */
export interface BreakerRegistry {
  get(provider: ProviderName, capability: Capability): CircuitBreaker;
}

export function createBreakerRegistry(options: BreakerOptions): BreakerRegistry {
  const breakers = new Map<string, CircuitBreaker>();
  return {
    get(provider, capability) {
      const key = `${provider}:${capability}`;
      let breaker = breakers.get(key);
      if (!breaker) {
        breaker = createCircuitBreaker(options);
        breakers.set(key, breaker);
      }
      return breaker;
    },
  };
}
