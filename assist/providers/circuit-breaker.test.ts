import { describe, expect, it } from 'vitest';
import { createFakeClock } from '#src/ports/clock.ts';
import { createBreakerRegistry, createCircuitBreaker } from './circuit-breaker.ts';

function setup() {
  const clock = createFakeClock();
  return { clock, breaker: createCircuitBreaker({ failureThreshold: 3, cooldownMs: 10_000, clock }) };
}

function fail(breaker: ReturnType<typeof setup>['breaker'], times: number) {
  for (let i = 0; i < times; i++) {
    expect(breaker.tryAcquire()).toBe(true);
    breaker.onFailure();
  }
}

describe('circuit breaker', () => {
  it('stays closed below the threshold and a success resets the count', () => {
    const { breaker } = setup();
    fail(breaker, 2);
    breaker.tryAcquire();
    breaker.onSuccess();
    fail(breaker, 2);
    expect(breaker.state()).toBe('closed');
  });

  it('opens after N consecutive failures and refuses calls until the cooldown passes', () => {
    const { breaker, clock } = setup();
    fail(breaker, 3);
    expect(breaker.state()).toBe('open');
    expect(breaker.tryAcquire()).toBe(false);
    clock.advance(9_999);
    expect(breaker.tryAcquire()).toBe(false);
    clock.advance(1);
    expect(breaker.state()).toBe('half-open');
  });

  it('lets exactly one probe through when half-open; success closes it', () => {
    const { breaker, clock } = setup();
    fail(breaker, 3);
    clock.advance(10_000);
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(false);
    breaker.onSuccess();
    expect(breaker.state()).toBe('closed');
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('reopens for a full cooldown when the half-open probe fails', () => {
    const { breaker, clock } = setup();
    fail(breaker, 3);
    clock.advance(10_000);
    fail(breaker, 1);
    expect(breaker.state()).toBe('open');
    clock.advance(9_000);
    expect(breaker.tryAcquire()).toBe(false);
    clock.advance(1_000);
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('frees the probe slot when a call is released without an outcome', () => {
    const { breaker, clock } = setup();
    fail(breaker, 3);
    clock.advance(10_000);
    expect(breaker.tryAcquire()).toBe(true);
    breaker.release();
    expect(breaker.state()).toBe('half-open');
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('keeps one breaker per provider and capability', () => {
    const clock = createFakeClock();
    const registry = createBreakerRegistry({ failureThreshold: 1, cooldownMs: 1_000, clock });
    registry.get('openai-compatible', 'copilot').tryAcquire();
    registry.get('openai-compatible', 'copilot').onFailure();
    expect(registry.get('openai-compatible', 'copilot').state()).toBe('open');
    expect(registry.get('openai-compatible', 'compliance').state()).toBe('closed');
    expect(registry.get('replay', 'copilot').state()).toBe('closed');
  });
});
