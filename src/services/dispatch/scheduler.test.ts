import { describe, expect, it } from 'vitest';
import { createFakeClock, systemClock } from '#src/ports/clock.ts';
import { manualScheduler, timerScheduler } from './scheduler.ts';

describe('scheduler', () => {
  it('manual: runs what is due, earliest first, and nothing early; cancel works', () => {
    const clock = createFakeClock(1_000);
    const s = manualScheduler(clock);
    const ran: string[] = [];
    s.at(3_000, () => ran.push('c'));
    s.at(2_000, () => ran.push('b'));
    const cancel = s.at(2_500, () => ran.push('x'));
    s.at(5_000, () => ran.push('late'));
    cancel();
    expect(s.runDue()).toBe(0);
    clock.set(3_000);
    expect(s.runDue()).toBe(2);
    expect(ran).toEqual(['b', 'c']);
    expect(s.nextAt()).toBe(5_000);
    expect(s.pending).toBe(1);
  });

  it('manual: a task scheduled by a running task runs in the same pass when already due', () => {
    const clock = createFakeClock(0);
    const s = manualScheduler(clock);
    const ran: number[] = [];
    s.at(0, () => {
      ran.push(1);
      s.at(0, () => ran.push(2));
    });
    expect(s.runDue()).toBe(2);
    expect(ran).toEqual([1, 2]);
  });

  it('timers: fires at the clock time and can be cancelled', async () => {
    const s = timerScheduler(systemClock);
    const fired = await new Promise<number>((resolve) => {
      s.at(systemClock.now() + 20, () => resolve(systemClock.now()));
    });
    expect(fired).toBeGreaterThan(0);
    let late = false;
    const cancel = s.at(systemClock.now() + 10, () => {
      late = true;
    });
    cancel();
    await new Promise((r) => setTimeout(r, 40));
    expect(late).toBe(false);
  });
});
