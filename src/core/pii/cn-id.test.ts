import { describe, expect, it } from 'vitest';
import { validateCnId, validateLegacyCnId } from './cn-id.ts';
import { values } from './test-helpers.ts';

describe('resident ID recogniser', () => {
  it('finds an 18-character ID written plain, spaced or dashed, with a lower-case x', () => {
    expect(values('身份证号11010519491231002X', 'CN_ID')).toEqual(['11010519491231002X']);
    expect(values('身份证 1101 0519 4912 3100 2x 请核对', 'CN_ID')).toEqual(['1101 0519 4912 3100 2x']);
    expect(values('ID 110105-19491231-002X', 'CN_ID')).toEqual(['110105-19491231-002X']);
  });

  it('rejects an 18-digit number whose check character is wrong (an order number)', () => {
    expect(values('订单号110105194912310021', 'CN_ID')).toEqual([]);
  });

  it('rejects a checksum-valid number with an impossible birth date or area code', () => {
    expect(validateCnId('110105194913310021')).toBe('bad-date');
    expect(validateCnId('000101199001011234')).toBe('bad-area');
    expect(values('证件110105194902290029', 'CN_ID')).toEqual([]);
  });

  it('does not take an ID out of a longer digit string or a code with letters', () => {
    expect(values('流水号9911010519491231002X88', 'CN_ID')).toEqual([]);
    expect(values('编号A11010519491231002X', 'CN_ID')).toEqual([]);
  });

  it('accepts a legacy 15-digit ID only with an ID word before it', () => {
    expect(validateLegacyCnId('110105491231002')).toBe('valid');
    expect(values('身份证号码110105491231002', 'CN_ID')).toEqual(['110105491231002']);
    expect(values('交易号110105491231002', 'CN_ID')).toEqual([]);
  });
});
