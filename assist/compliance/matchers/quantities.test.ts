import { describe, expect, it } from 'vitest';
import { buildView } from '../text-view.ts';
import { findQuantities, parseChineseNumber } from './quantities.ts';

const q = (s: string) => findQuantities(buildView(s).text).map((x) => [x.lo, x.hi, x.unit]);

describe('findQuantities', () => {
  it('reads Arabic, Chinese and English numbers with units, durations in minutes', () => {
    expect(q('储蓄卡 1-3 个工作日')).toEqual([[1, 3, 'business_days']]);
    expect(q('一到三个工作日')).toEqual([[1, 3, 'business_days']]);
    expect(q('四十八小时内发货')).toEqual([[2880, 2880, 'minutes']]);
    expect(q('半小时后解锁')).toEqual([[30, 30, 'minutes']]);
    expect(q('within three business days')).toEqual([[3, 3, 'business_days']]);
    expect(q('an hour, two weeks, a 30-day window')).toEqual([
      [60, 60, 'minutes'],
      [20160, 20160, 'minutes'],
      [43200, 43200, 'minutes'],
    ]);
    expect(q('保修 1 年，配件 6 个月')).toEqual([
      [12, 12, 'months'],
      [6, 6, 'months'],
    ]);
    expect(q('连续 5 次')).toEqual([[5, 5, 'times']]);
  });

  it('reads money: ¥, 元, thousands separators and shop shorthand', () => {
    expect(q('¥5,000 或 3000 元')).toEqual([
      [5000, 5000, 'yuan'],
      [3000, 3000, 'yuan'],
    ]);
    expect(q('满 88 包邮')).toEqual([[88, 88, 'yuan']]);
    expect(q('满 200 减 20')).toEqual([
      [200, 200, 'yuan'],
      [20, 20, 'yuan'],
    ]);
    expect(q('退款5个business days')).toEqual([[5, 5, 'business_days']]);
  });

  it('ignores calendar dates, clock times and unitless numbers', () => {
    expect(q('6 月 18 日大促')).toEqual([]);
    expect(q('2024 年')).toEqual([]);
    expect(q('08:00–24:00')).toEqual([]);
    expect(q('订单号 202406180012345678，1.5 倍积分')).toEqual([]);
  });
});

describe('parseChineseNumber', () => {
  it.each([
    ['三', 3],
    ['十', 10],
    ['十五', 15],
    ['四十八', 48],
    ['一百八十', 180],
    ['两万', 20000],
    ['半', 0.5],
  ])('%s = %d', (s, n) => {
    expect(parseChineseNumber(s)).toBe(n);
  });

  it('rejects non-numerals', () => {
    expect(parseChineseNumber('一定')).toBeNull();
  });
});
