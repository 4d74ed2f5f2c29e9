import { describe, expect, it } from 'vitest';
import { checkRegex } from './regex-safety.ts';

describe('checkRegex', () => {
  it('accepts bounded patterns the default pack uses', () => {
    expect(checkRegex('(?:一定|肯定)(?:会|能)?[^。]{0,6}?(?:到账|送达)')).toEqual({ ok: true });
    expect(checkRegex("(?:will|'ll) (?:definitely|surely) (?:arrive|ship)", 'i')).toEqual({ ok: true });
  });

  it('rejects a pattern that is too slow on long input, using the injected clock', () => {
    let t = 0;
    const slowClock = () => {
      t += 1000;
      return t;
    };
    expect(checkRegex('abc', '', { now: slowClock })).toEqual({
      ok: false,
      reason: 'pattern is too slow on long input',
    });
    expect(checkRegex('abc', '', { now: slowClock, probe: false })).toEqual({ ok: true });
  });

  it('explains what is wrong', () => {
    expect(checkRegex('(a|aa){1,30}b')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('repeated group'),
    });
    expect(checkRegex('x', 'g')).toMatchObject({ ok: false, reason: expect.stringContaining('flags') });
    expect(checkRegex('[')).toMatchObject({ ok: false, reason: expect.stringContaining('not a valid') });
  });
});
