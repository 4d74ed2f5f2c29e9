import { describe, expect, it } from 'vitest';
import { values } from './test-helpers.ts';

describe('passport and permit recogniser', () => {
  it('finds Chinese passports and permits after a document word', () => {
    expect(values('护照号E12345678', 'PASSPORT')).toEqual(['E12345678']);
    expect(values('护照EA1234567，下周出发', 'PASSPORT')).toEqual(['EA1234567']);
    expect(values('港澳通行证C12345678', 'PASSPORT')).toEqual(['C12345678']);
    expect(values('回乡证H1234567801', 'PASSPORT')).toEqual(['H1234567801']);
  });

  it('does not take a code of the same shape without a document word', () => {
    expect(values('型号E12345678的配件', 'PASSPORT')).toEqual([]);
    expect(values('快递单号EA123456789CN', 'PASSPORT')).toEqual([]);
  });

  it('finds generic passport numbers only right after "passport"', () => {
    expect(values('My passport number is 561234789.', 'PASSPORT')).toEqual(['561234789']);
    expect(values('My customer number is 561234789.', 'PASSPORT')).toEqual([]);
  });
});
