import { describe, expect, it } from 'vitest';
import { checkPatternSafety, InvalidCustomPatternError, validateCustomPattern } from './custom-patterns.ts';
import { createPiiDetector, maskText } from './index.ts';

describe('custom pattern safety', () => {
  it.each([
    ['(a+)+$', false],
    ['(a|a)*', false],
    ['(\\d{1,3}){1,10}', false],
    ['\\d+', false],
    ['(a)\\1', false],
    ['[', false],
    ['VIP\\d{8}', true],
    ['(?:M|VIP)-?\\d{6,10}', true],
    ['[A-Z]{2}\\d{4}(?:-\\d{2})?', true],
  ])('%s safe=%s', (pattern, ok) => {
    expect(checkPatternSafety(pattern).ok).toBe(ok);
  });

  it('rejects a pattern whose probes blow the time budget', () => {
    let t = 0;
    const slowClock = () => (t += 100);
    expect(validateCustomPattern({ type: 'MEMBER_NO', pattern: 'VIP\\d{8}' }, slowClock)).toEqual({
      ok: false,
      reason: 'pattern is too slow on long inputs',
    });
  });

  it('rejects patterns that match the empty string', () => {
    expect(validateCustomPattern({ type: 'MEMBER_NO', pattern: '\\d{0,4}' }).ok).toBe(false);
  });
});

describe('custom patterns in the detector', () => {
  it('detects a tenant membership number, applies its validator and its display rule', () => {
    const detector = createPiiDetector({
      customPatterns: [
        { type: 'MEMBER_NO', pattern: 'VIP\\d{8}', maskStyle: 'first3last4', context: ['会员'] },
      ],
    });
    const text = '会员号VIP20240001，谢谢';
    const entities = detector.detect(text);
    expect(entities).toEqual([{ type: 'MEMBER_NO', start: 3, end: 14, score: 1 }]);
    expect(maskText(text, entities, 'display', undefined, { displayRules: detector.displayRules })).toBe(
      '会员号VIP****0001，谢谢',
    );
  });

  it('drops matches that fail the validator', () => {
    const detector = createPiiDetector({
      customPatterns: [{ type: 'GIFT_CARD', pattern: 'GC\\d{10}', validator: 'luhn' }],
    });
    expect(detector.detect('GC0000000018 and GC0000000019').map((e) => e.start)).toEqual([0]);
  });

  it('refuses an unvalidated unsafe pattern at construction', () => {
    expect(() => createPiiDetector({ customPatterns: [{ type: 'BAD', pattern: '(a+)+' }] })).toThrow(
      InvalidCustomPatternError,
    );
  });
});
