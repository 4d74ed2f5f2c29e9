import { describe, expect, it } from 'vitest';
import { values } from './test-helpers.ts';

describe('date of birth recogniser', () => {
  it('finds a date after a birth word, in Chinese and English formats', () => {
    expect(values('出生日期：1990年5月12日', 'DATE_OF_BIRTH')).toEqual(['1990年5月12日']);
    expect(values('生日1995.08.17，会员等级', 'DATE_OF_BIRTH')).toEqual(['1995.08.17']);
    expect(values('I was born on March 3, 1985.', 'DATE_OF_BIRTH')).toEqual(['March 3, 1985']);
    expect(values('DOB: 1960-11-13. Name: Brian.', 'DATE_OF_BIRTH')).toEqual(['1960-11-13']);
    expect(values('DOB 7/4/76, holder since 2001', 'DATE_OF_BIRTH')).toEqual(['7/4/76']);
  });

  it('leaves order, delivery and appointment dates alone', () => {
    expect(values('下单时间2024年5月1日，还没发货', 'DATE_OF_BIRTH')).toEqual([]);
    expect(values('I placed the order on 03/15/2024.', 'DATE_OF_BIRTH')).toEqual([]);
  });

  it('rejects impossible dates', () => {
    expect(values('born on 02/30/1990', 'DATE_OF_BIRTH')).toEqual([]);
  });
});
