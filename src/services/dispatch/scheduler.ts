/**
 * @module Scheduler port: "run this at that clock time". Production arms real timers against the
 * clock; tests use the manual scheduler, advance the fake clock and run what became due, so
 * offer timeouts, widening, heartbeats and interval boundaries are tested without sleeping.
 */
import type { Clock } from '#src/ports/clock.ts';

export interface Scheduler {
  /** Runs `task` once the clock reaches `at` (epoch ms); returns a cancel function. */
  at(at: number, task: () => void): () => void;
}

/** setTimeout's ceiling (about 24.8 days); longer waits re-arm. */
const MAX_DELAY = 2 ** 31 - 1;

/** Real timers that never keep a process alive on their own. */
export function timerScheduler(clock: Clock): Scheduler {
  return {
    at(at, task) {
      let handle: ReturnType<typeof setTimeout> | undefined;
      let cancelled = false;
      const arm = () => {
        const delay = Math.min(MAX_DELAY, Math.max(0, at - clock.now()));
        handle = setTimeout(() => {
          if (cancelled) return;
          if (clock.now() < at) arm();
          else task();
        }, delay);
        (handle as { unref?: () => void }).unref?.();
      };
      arm();
      return () => {
        cancelled = true;
        clearTimeout(handle);
      };
    },
  };
}

export interface ManualScheduler extends Scheduler {
  /** Runs every task due at the clock's current time, earliest first; returns how many ran. */
  runDue(): number;
  /** Tasks still waiting. */
  readonly pending: number;
  /** The earliest pending time, or null. */
  nextAt(): number | null;
}

export function manualScheduler(clock: Clock): ManualScheduler {
  let seq = 0;
  const tasks = new Map<number, { at: number; task: () => void }>();
  return {
    at(at, task) {
      const id = seq++;
      tasks.set(id, { at, task });
      return () => {
        tasks.delete(id);
      };
    },
    runDue() {
      let ran = 0;
      for (;;) {
        const now = clock.now();
        let best: [number, { at: number; task: () => void }] | undefined;
        for (const entry of tasks) {
          if (entry[1].at <= now && (!best || entry[1].at < best[1].at)) best = entry;
        }
        if (!best) return ran;
        tasks.delete(best[0]);
        best[1].task();
        ran++;
      }
    },
    get pending() {
      return tasks.size;
    },
    nextAt() {
      let next: number | null = null;
      for (const { at } of tasks.values()) if (next === null || at < next) next = at;
      return next;
    },
  };
}
