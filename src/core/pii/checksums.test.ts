import { describe, expect, it } from 'vitest';
import {
  cnIdCheckChar,
  cnIdChecksumValid,
  luhnCheckDigit,
  luhnValid,
  usccCheckChar,
  usccValid,
} from './checksums.ts';
import { validateCnId } from './cn-id.ts';

// DOMAIN.md §11 test vectors.
describe('GB 11643 resident ID', () => {
  it.each([
    ['11010519491231002X', 'valid'],
    ['440524188001010014', 'valid'],
    ['110105194912310021', 'bad-checksum'],
    ['11010519491231002x', 'valid'],
    ['110105194913310021', 'bad-date'],
    ['110105194902290029', 'bad-date'],
    ['360426199101010071', 'valid'],
  ])('%s is %s', (id, verdict) => {
    expect(validateCnId(id)).toBe(verdict);
  });

  it('computes the check character from the first 17 digits', () => {
    expect(cnIdCheckChar('11010519491231002')).toBe('X');
    expect(cnIdCheckChar('44052418800101001')).toBe('4');
    expect(cnIdCheckChar('1101051949123100')).toBeNull();
  });

  it('passes the checksum for month 13 and the non-leap 29 February (only the date fails)', () => {
    expect(cnIdChecksumValid('110105194913310021')).toBe(true);
    expect(cnIdChecksumValid('110105194902290029')).toBe(true);
  });
});

describe('GB 32100 unified social credit code', () => {
  it.each([
    ['91350100M000100Y43', true],
    ['91110000600037341L', true],
    ['91110000600037341M', false],
    ['A1110000600037341L', false],
    ['91110000600037341I', false],
    ['9111000060003734OL', false],
    ['91110000600037341', false],
  ])('%s → %s', (code, ok) => {
    expect(usccValid(code)).toBe(ok);
  });

  it('computes the check character', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(usccCheckChar('9111000060003734S')).toBeNull();
  });
});

describe('Luhn', () => {
  it.each([
    ['79927398713', true],
    ['79927398710', false],
    ['4111111111111111', true],
    ['4111111111111112', false],
    ['6200000000000005', true],
    ['6205500000000000004', true],
    ['378282246310005', true],
    ['5555555555554444', true],
  ])('%s → %s', (n, ok) => {
    expect(luhnValid(n)).toBe(ok);
  });

  it('computes the check digit for 7992739871 as 3', () => {
    expect(luhnCheckDigit('7992739871')).toBe(3);
  });

  it('rejects non-digits', () => {
    expect(luhnValid('4111-1111-1111-1111')).toBe(false);
  });
});
