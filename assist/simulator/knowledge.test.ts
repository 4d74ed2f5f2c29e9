import { describe, expect, it } from 'vitest';
import { DEMO_POLICY } from '#src/db/seed/demo-knowledge.ts';
import { allowedFrom, chineseNumber, demoKnowledge, judgeQuantity, parseQuantities } from './knowledge.ts';

describe('quantities', () => {
  it('parses Arabic and Chinese numbers, ranges, currencies and units', () => {
    const qs = parseQuantities(
      '退款 1-3 个工作日到账，信用卡最长七个工作日，¥10 券，48小时内，$1,628，a 7-day window, 30 minutes',
    );
    expect(qs.map((q) => [q.lo, q.hi, q.unit])).toEqual([
      [1, 3, 'day'],
      [7, 7, 'day'],
      [10, 10, 'yuan'],
      [48, 48, 'hour'],
      [1628, 1628, 'dollar'],
      [7, 7, 'day'],
      [30, 30, 'minute'],
    ]);
    expect(chineseNumber('十五')).toBe(15);
    expect(chineseNumber('二十四')).toBe(24);
  });

  it('ignores dates and "ago" references', () => {
    expect(parseQuantities('5 月 3 日发货，5 天前签收')).toEqual([]);
  });

  it('judges against the knowledge, comparing hours with minutes', () => {
    const allowed = allowedFrom(['30 分钟后自动解锁']);
    const [two] = parseQuantities('2 hours');
    const [half] = parseQuantities('half past, 30 min');
    expect(judgeQuantity(two!, allowed)).toBe('wrong');
    expect(judgeQuantity(half!, allowed)).toBe('correct');
    expect(judgeQuantity(parseQuantities('¥5')[0]!, allowed)).toBe('unjudged');
  });

  it('demo knowledge states DEMO_POLICY, per SOP and per fact', () => {
    const k = demoKnowledge();
    const refundDays = k.allowed('refund').get('day')!;
    expect(refundDays).toContainEqual([...DEMO_POLICY.refunds.debitCardBusinessDays]);
    expect(refundDays).toContainEqual([7, 7]);
    // The return SOP mentions the 15-day exchange window, but not as a refund time.
    expect(k.allowed('return').get('day')).toContainEqual([15, 15]);
    expect(k.factAllowed!('return', 'refund_time')!.get('day')).not.toContainEqual([15, 15]);
  });
});
