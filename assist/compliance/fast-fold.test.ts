import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalize } from '#assist/embedded/normalize.ts';
import { createRandom } from '#src/core/simulation/random.ts';
import { fastFold } from './fast-fold.ts';

const FOLD = { lowercase: true, collapseWhitespace: true, joinCjkSpacing: true } as const;

function expectSameAsNormalize(text: string) {
  const fast = fastFold(text);
  if (fast === null) return false;
  const slow = normalize(text, FOLD);
  expect(fast.text, JSON.stringify(text)).toBe(slow.text);
  expect([...fast.starts], JSON.stringify(text)).toEqual([...slow.starts]);
  expect([...fast.ends], JSON.stringify(text)).toEqual([...slow.ends]);
  return true;
}

describe('fastFold', () => {
  it('gives exactly what normalize() gives on the authored golden drafts', () => {
    const drafts = readFileSync(new URL('../../eval/compliance/cases.jsonl', import.meta.url), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => (JSON.parse(l) as { draft: string }).draft);
    const handled = drafts.filter(expectSameAsNormalize).length;
    expect(handled / drafts.length).toBeGreaterThan(0.9);
  });

  it('gives exactly what normalize() gives on edge cases', () => {
    for (const text of [
      '',
      '   ',
      '  不 知 道  ',
      '好， 我 ，好',
      'ＧＵＡＲＡＮＴＥＥ　和\u00a0a\tb\n\n c',
      '满 99 元……好的',
      '“引号”与‘单引号’ — ￥20',
      '〇々 〇',
    ]) {
      expect(expectSameAsNormalize(text), text).toBe(true);
    }
  });

  it('gives exactly what normalize() gives on random mixes of the characters it handles', () => {
    const alphabet = [
      ' ',
      '  ',
      '\n',
      '\u3000',
      'a',
      'Z',
      '1',
      ',',
      '.',
      '!',
      '不',
      '知',
      '道',
      '，',
      '。',
      '！',
      'Ａ',
      '…',
      '·',
      '“',
    ];
    const rng = createRandom(7);
    for (let k = 0; k < 300; k++) {
      let text = '';
      const len = Math.floor(rng.next() * 30);
      for (let i = 0; i < len; i++) text += alphabet[Math.floor(rng.next() * alphabet.length)];
      expect(expectSameAsNormalize(text), JSON.stringify(text)).toBe(true);
    }
  });

  it('declines text it does not know, so the caller normalises it', () => {
    expect(fastFold('ｶﾞ')).toBeNull();
    expect(fastFold('e\u0301')).toBeNull();
    expect(fastFold('a\u200bb')).toBeNull();
    expect(fastFold('👍')).toBeNull();
  });
});
