import { describe, expect, it } from 'vitest';
import { isCnMobile } from './phone.ts';
import { values } from './test-helpers.ts';

describe('mainland phones', () => {
  it.each([
    '13812345678',
    '138 1234 5678',
    '138-1234-5678',
    '+86 138 1234 5678',
    '+8613812345678',
    '0086 13812345678',
  ])('finds the mobile %s with its prefix and separators', (phone) => {
    expect(values(`请联系${phone}，谢谢`, 'PHONE', 'zh')).toEqual([phone]);
  });

  it('follows the 1[3-9] rule (DOMAIN.md §11)', () => {
    expect(isCnMobile('13812345678')).toBe(true);
    expect(isCnMobile('19912345678')).toBe(true);
    expect(isCnMobile('12812345678')).toBe(false);
    expect(isCnMobile('1381234567')).toBe(false);
    expect(values('数字12345678901不是手机号', 'PHONE', 'zh')).toEqual([]);
  });

  it('finds landlines with an area code, and skips company hotlines', () => {
    expect(values('座机010-62345678', 'PHONE', 'zh')).toEqual(['010-62345678']);
    expect(values('电话（0755）8765 4321', 'PHONE', 'zh')).toEqual(['（0755）8765 4321']);
    expect(values('客服热线400-820-8820或95588', 'PHONE', 'zh')).toEqual([]);
  });

  it('does not cut a phone out of a longer number', () => {
    expect(values('订单号202405011381234567890', 'PHONE', 'zh')).toEqual([]);
  });
});

describe('phones in other formats (libphonenumber-js)', () => {
  it.each([
    '(415) 555-0132',
    '415-555-0132',
    '415.555.0132',
    '+1 415 555 0132',
    '1-415-555-0132',
    '+44 20 7946 0958',
  ])('finds %s', (phone) => {
    expect(values(`Call me at ${phone} tomorrow.`, 'PHONE', 'en')).toEqual([phone]);
  });

  it('skips toll-free numbers, dotted quads, dates and times', () => {
    expect(values('Our hotline is 1-800-275-2273.', 'PHONE', 'en')).toEqual([]);
    expect(values('server 101.13.59.120 is down', 'PHONE', 'en')).toEqual([]);
    expect(values('ordered 2025-11-24 23:17', 'PHONE', 'en')).toEqual([]);
  });

  it('keeps an extension with the number', () => {
    expect(values('work: 415-555-0132 ext. 23', 'PHONE', 'en')).toEqual(['415-555-0132 ext. 23']);
  });
});
