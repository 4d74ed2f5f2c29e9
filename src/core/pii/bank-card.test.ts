import { describe, expect, it } from 'vitest';
import { bankCardRecognizer } from './bank-card.ts';
import { candidates, values } from './test-helpers.ts';

describe('bank card recogniser', () => {
  it('finds Luhn-valid cards with an issuer prefix, plain or in groups of four', () => {
    expect(values('卡号6217 0036 9005 8912 347', 'BANK_CARD')).toEqual([]);
    expect(values('卡号6205500000000000004', 'BANK_CARD')).toEqual(['6205500000000000004']);
    expect(values('card 5555 5555 5555 4444 please', 'BANK_CARD')).toEqual(['5555 5555 5555 4444']);
    expect(values('Amex 3782 822463 10005 declined', 'BANK_CARD')).toEqual(['3782 822463 10005']);
  });

  it('rejects a card-shaped number that fails Luhn', () => {
    expect(values('卡号4111 1111 1111 1112', 'BANK_CARD')).toEqual([]);
  });

  it('needs a card word for a Luhn-valid number without an issuer prefix', () => {
    const bare = '1234567890123452'; // Luhn-valid, no issuer range
    expect(candidates(bankCardRecognizer, bare)[0]!.score).toBeLessThan(0.5);
    expect(values(`银行卡号${bare}`, 'BANK_CARD')).toEqual([bare]);
  });

  it('is argued down by an order word even when Luhn passes', () => {
    expect(values('订单号4111111111111111', 'BANK_CARD')).toEqual([]);
    expect(values('tracking number 4111111111111111', 'BANK_CARD')).toEqual([]);
  });

  it('ignores numbers glued to letters', () => {
    expect(values('编号A4111111111111111', 'BANK_CARD')).toEqual([]);
    expect(values('产品编号ABC4111111111111111XYZ', 'BANK_CARD')).toEqual([]);
  });
});
