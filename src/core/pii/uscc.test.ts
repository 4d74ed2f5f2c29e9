import { describe, expect, it } from 'vitest';
import { usccCheckChar, usccValid } from './checksums.ts';
import { values } from './test-helpers.ts';

describe('unified social credit code recogniser', () => {
  it('finds a checksum-valid code with letters', () => {
    expect(values('税号91350100M000100Y43，开专票', 'USCC')).toEqual(['91350100M000100Y43']);
    expect(values('code 91110000600037341L', 'USCC')).toEqual(['91110000600037341L']);
  });

  it('rejects a wrong check character or a forbidden letter', () => {
    expect(values('税号91110000600037341M', 'USCC')).toEqual([]);
    expect(values('税号9111000060003734IL', 'USCC')).toEqual([]);
  });

  it('needs a credit-code word for an all-digit code (it could be an order number)', () => {
    // Build a valid code whose check character is a digit.
    let allDigits = '';
    for (let n = 0; !/^\d{18}$/.test(allDigits); n++) {
      const first17 = `9111000060003${String(7000 + n)}`;
      allDigits = first17 + usccCheckChar(first17);
    }
    expect(usccValid(allDigits)).toBe(true);
    expect(values(`单号${allDigits}`, 'USCC')).toEqual([]);
    expect(values(`统一社会信用代码${allDigits}`, 'USCC')).toEqual([allDigits]);
  });
});
