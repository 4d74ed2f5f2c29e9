import { describe, expect, it } from 'vitest';
import { binomial, passHatK } from './passk.ts';

describe('pass^k (DOMAIN.md §11)', () => {
  it('one task, n=4, c=3: pass^1 0.75, pass^2 0.5, pass^3 0.25, pass^4 0', () => {
    const t = [{ n: 4, c: 3 }];
    expect(passHatK(t, 1)).toBeCloseTo(0.75, 12);
    expect(passHatK(t, 2)).toBeCloseTo(0.5, 12);
    expect(passHatK(t, 3)).toBeCloseTo(0.25, 12);
    expect(passHatK(t, 4)).toBe(0);
  });

  it('tasks (8,8) and (8,4): pass^1 0.75, pass^2 0.6071, pass^4 0.5071, pass^8 0.5', () => {
    const t = [
      { n: 8, c: 8 },
      { n: 8, c: 4 },
    ];
    expect(passHatK(t, 1)).toBeCloseTo(0.75, 12);
    expect(passHatK(t, 2)).toBeCloseTo(0.6071, 4);
    expect(passHatK(t, 4)).toBeCloseTo(0.5071, 4);
    expect(passHatK(t, 8)).toBeCloseTo(0.5, 12);
  });

  it('needs k ≤ n and a positive integer k', () => {
    expect(() => passHatK([{ n: 2, c: 1 }], 3)).toThrow(RangeError);
    expect(() => passHatK([{ n: 2, c: 1 }], 0)).toThrow(RangeError);
    expect(binomial(8, 2)).toBe(28);
  });
});
