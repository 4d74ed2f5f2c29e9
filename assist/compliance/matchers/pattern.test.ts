import { describe, expect, it } from 'vitest';
import { buildView } from '../text-view.ts';
import { compilePattern, patternFlags } from './pattern.ts';

describe('compilePattern', () => {
  it('matches the folded draft, with negations and exceptions like phrase lists', () => {
    const m = compilePattern({
      pattern: '(?:发|告诉)(?:给)?我[^。]{0,6}?验证码',
      negations: ['不要'],
      exceptions: ['后四位'],
    });
    const found = (s: string) => m.find(buildView(s)).map((h) => h.text);
    expect(found('请 发 给 我 验 证 码')).toEqual(['发给我验证码']);
    expect(found('请不要发给我验证码')).toEqual([]);
    expect(found('告诉我验证码后四位')).toEqual([]);
  });

  it('always compiles global and unicode, keeping the pack flags', () => {
    expect(patternFlags('is')).toBe('guis');
    expect(patternFlags('gu')).toBe('gu');
  });
});
