import { describe, expect, it } from 'vitest';
import { createPiiDetector } from './index.ts';

const detector = createPiiDetector();
const found = (text: string, lang?: 'zh' | 'en') =>
  detector.detect(text, lang ? { lang } : {}).map((e) => [e.type, text.slice(e.start, e.end)]);

describe('detector', () => {
  it('finds a mobile, a resident ID and an e-mail in one Chinese message', () => {
    expect(found('我的手机号是13812345678，身份证11010519491231002X，邮箱zhang.san@163.com', 'zh')).toEqual([
      ['PHONE', '13812345678'],
      ['CN_ID', '11010519491231002X'],
      ['EMAIL', 'zhang.san@163.com'],
    ]);
  });

  it('does not take an 18-digit order number that fails the ID check for an ID', () => {
    expect(found('订单号110105194912310021已发货', 'zh')).toEqual([]);
  });

  it('does not take a card-shaped number that fails Luhn for a card', () => {
    expect(found('卡号4111 1111 1111 1112', 'zh')).toEqual([]);
    expect(found('卡号4111 1111 1111 1111', 'zh')).toEqual([['BANK_CARD', '4111 1111 1111 1111']]);
  });

  it('does not detect already-masked values again', () => {
    expect(found('已绑定手机138****5678，邮箱z***@163.com', 'zh')).toEqual([]);
  });

  it('keeps spans non-overlapping and sorted', () => {
    const entities = detector.detect('+86 138-1234-5678 / 0086 13987654321 / 010-87654321');
    for (let i = 1; i < entities.length; i++)
      expect(entities[i]!.start).toBeGreaterThanOrEqual(entities[i - 1]!.end);
    expect(entities.map((e) => e.type)).toEqual(['PHONE', 'PHONE', 'PHONE']);
  });
});

describe('detector on adversarial input', () => {
  // Generous bound: the machine is shared; catastrophic backtracking would take seconds or hang.
  it.each([
    ['digits', '1'.repeat(50_000)],
    ['at signs', 'a@'.repeat(25_000)],
    ['address keywords', '省市区路号'.repeat(10_000)],
    ['spaced digits', '1 '.repeat(25_000)],
    ['dashed digits', '12-'.repeat(16_000)],
    ['dotted digits', '1.'.repeat(25_000)],
    ['letters', 'a'.repeat(50_000)],
    ['name cues', '我叫'.repeat(25_000)],
    ['capitalised words', 'My name is Ab '.repeat(3_500)],
  ])('detects in bounded time on 50,000 chars of %s', (_name, text) => {
    const started = performance.now();
    detector.detect(text);
    expect(performance.now() - started).toBeLessThan(200);
  });
});
