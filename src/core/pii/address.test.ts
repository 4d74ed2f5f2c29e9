import { describe, expect, it } from 'vitest';
import { values } from './test-helpers.ts';

describe('Chinese address recogniser', () => {
  it('finds a full address and starts it after the verb before it', () => {
    expect(values('我住在上海市浦东新区张江路88号3号楼1202室，麻烦尽快发货', 'ADDRESS')).toEqual([
      '上海市浦东新区张江路88号3号楼1202室',
    ]);
    expect(values('收件人张三，地址：广东省深圳市南山区科技园南区高新南七道18号', 'ADDRESS')).toEqual([
      '广东省深圳市南山区科技园南区高新南七道18号',
    ]);
  });

  it('keeps place names that contain common words (人民路, 成都)', () => {
    expect(values('寄到四川省成都市武侯区人民南路473号', 'ADDRESS')).toEqual([
      '四川省成都市武侯区人民南路473号',
    ]);
  });

  it('allows spaces between components', () => {
    expect(values('地址：广东省 深圳市 南山区 科技园南路42号', 'ADDRESS')).toEqual([
      '广东省 深圳市 南山区 科技园南路42号',
    ]);
  });

  it('does not take a city alone, or sentences that merely contain unit characters', () => {
    expect(values('我在上海，浦东新区附近有门店吗', 'ADDRESS')).toEqual([]);
    expect(values('我不知道3号楼在哪里，快递员说在小区门口', 'ADDRESS')).toEqual([]);
    expect(values('这个路由器的号码是多少', 'ADDRESS')).toEqual([]);
  });
});

describe('English address recogniser', () => {
  it('finds street, unit, city, state and ZIP', () => {
    expect(values('Ship to 1668 Glyn St, Apt 4B, Springfield, IL 62704.', 'ADDRESS')).toEqual([
      '1668 Glyn St, Apt 4B, Springfield, IL 62704',
    ]);
    expect(values('The store at 350 5th Avenue, New York, NY 10118 had it.', 'ADDRESS')).toEqual([
      '350 5th Avenue, New York, NY 10118',
    ]);
  });

  it('keeps a quadrant after the street type, with the city, state and ZIP after it', () => {
    expect(values('Ship to 1600 Pennsylvania Avenue NW, Washington, DC 20500 please', 'ADDRESS')).toEqual([
      '1600 Pennsylvania Avenue NW, Washington, DC 20500',
    ]);
    expect(values('Drop it at 15 Main St E today', 'ADDRESS')).toEqual(['15 Main St E']);
  });

  it('finds PO boxes, UK postcodes and continental street forms', () => {
    expect(values('Mail it to PO Box 9120, Springfield, IL 62704.', 'ADDRESS')).toEqual([
      'PO Box 9120, Springfield, IL 62704',
    ]);
    expect(values('Deliver to Unit 4, 22 Baker Street, London W1U 3BW.', 'ADDRESS')).toEqual([
      'Unit 4, 22 Baker Street, London W1U 3BW',
    ]);
    expect(values('She lives at Via Franscini 71 now', 'ADDRESS')).toEqual(['Via Franscini 71']);
  });

  it('does not take quantities followed by capitalised words', () => {
    expect(values('I bought 3 Large Boxes yesterday', 'ADDRESS')).toEqual([]);
  });
});
