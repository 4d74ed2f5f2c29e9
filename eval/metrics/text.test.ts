import { describe, expect, it } from 'vitest';
import { levenshtein, normalizedLevenshtein } from './text.ts';

describe('Levenshtein', () => {
  it('kitten → sitting is 3', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
  });

  it('您好，请提供订单号 → 您好，请您提供一下订单号 is 3, normalised 3/12 = 0.25', () => {
    expect(levenshtein('您好，请提供订单号', '您好，请您提供一下订单号')).toBe(3);
    expect(normalizedLevenshtein('您好，请提供订单号', '您好，请您提供一下订单号')).toBe(0.25);
  });

  it('counts an astral character (emoji) as one edit and handles empties', () => {
    expect(levenshtein('a😀b', 'ab')).toBe(1);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(normalizedLevenshtein('', '')).toBe(0);
  });
});
