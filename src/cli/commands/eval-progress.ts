/**
 * @module Progress for long eval runs, on stderr so stdout (and the `--json` last line) stays
 * clean. Quiet for sets that finish within a second; on a terminal the line is rewritten in place,
 * otherwise a line is printed at most every few seconds.
 */
import type { Progress } from '../../../eval/harness/runner.ts';

const QUIET_MS = 1000;

export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export function createProgress(
  stream: ProgressStream = process.stderr,
  now: () => number = Date.now,
): (p: Progress) => void {
  const tty = Boolean(stream.isTTY);
  const throttleMs = tty ? 200 : 5000;
  let key = '';
  let started = 0;
  let last = Number.NEGATIVE_INFINITY;
  let shown = false;
  return (p) => {
    const t = now();
    const k = `${p.suite}/${p.set}`;
    if (k !== key) {
      key = k;
      started = t;
      last = Number.NEGATIVE_INFINITY;
      shown = false;
    }
    const finished = p.done === p.total;
    if (t - started < QUIET_MS && !(finished && shown)) return;
    if (!finished && t - last < throttleMs) return;
    last = t;
    shown = true;
    const rate = p.done / Math.max(0.001, (t - started) / 1000);
    const text = `  ${k}: ${p.done}/${p.total} cases (${rate.toFixed(0)}/s)`;
    if (tty) stream.write(`\r\x1b[2K${text}${finished ? '\n' : ''}`);
    else stream.write(`${text}\n`);
  };
}
