import { describe, expect, it } from 'vitest';
import { createProgress } from './eval-progress.ts';

describe('eval progress', () => {
  const setup = (isTTY: boolean) => {
    const lines: string[] = [];
    let t = 0;
    const progress = createProgress({ isTTY, write: (s) => lines.push(s) }, () => t);
    return { lines, progress, advance: (ms: number) => (t += ms) };
  };
  const p = (done: number, total = 1000) => ({ suite: 'pii', set: 'presidio', done, total });

  it('stays quiet for a set that finishes within a second', () => {
    const { lines, progress, advance } = setup(false);
    progress(p(1));
    advance(500);
    progress(p(1000));
    expect(lines).toEqual([]);
  });

  it('prints throttled lines for a long run, and the final count', () => {
    const { lines, progress, advance } = setup(false);
    progress(p(1));
    advance(1500);
    progress(p(300));
    advance(1000);
    progress(p(400)); // within the 5 s throttle
    advance(500);
    progress(p(1000));
    expect(lines).toEqual([
      '  pii/presidio: 300/1000 cases (200/s)\n',
      '  pii/presidio: 1000/1000 cases (333/s)\n',
    ]);
  });

  it('rewrites one line in place on a terminal', () => {
    const { lines, progress, advance } = setup(true);
    progress(p(1));
    advance(1200);
    progress(p(600));
    advance(300);
    progress(p(1000));
    expect(lines[0]).toMatch(/^\r\x1b\[2K {2}pii\/presidio: 600\/1000/);
    expect(lines.at(-1)).toMatch(/1000\/1000 cases .*\n$/);
  });
});
