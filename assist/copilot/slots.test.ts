import { describe, expect, it } from 'vitest';
import { extractSlots, fillTemplate, findOrderNumbers, latestSlot, mentionOrder } from './slots.ts';
import type { Message } from './types.ts';

const C = (text: string): Message => ({ role: 'customer', text });
const A = (text: string): Message => ({ role: 'agent', text });

describe('findOrderNumbers', () => {
  it('finds order numbers after a cue, long digit runs, τ²-style ids and masked placeholders', () => {
    expect(findOrderNumbers('订单号 2024052188341 还没到')).toEqual(['2024052188341']);
    expect(findOrderNumbers('refund status for order 88213945?')).toEqual(['88213945']);
    expect(findOrderNumbers('it is order 88213945.')).toEqual(['88213945']);
    expect(findOrderNumbers('订单 8871203 显示派送成功')).toEqual(['8871203']);
    expect(findOrderNumbers('I received order #W2378156 yesterday')).toEqual(['#W2378156']);
    expect(findOrderNumbers('where is <ORDER_1>?')).toEqual(['<ORDER_1>']);
    expect(findOrderNumbers('cancel purchase {{Order Number}} please')).toEqual(['{{Order Number}}']);
  });

  it('leaves out phone numbers, short numbers without a cue, cue-less dates and amounts', () => {
    expect(findOrderNumbers('我的手机号 13812345678')).toEqual([]);
    expect(findOrderNumbers('order 13812345678')).toEqual([]);
    expect(findOrderNumbers('后四位 6621')).toEqual([]);
    expect(findOrderNumbers('bought on 20240521')).toEqual([]);
    expect(findOrderNumbers('退款 1234567 元')).toEqual([]);
  });
});

describe('extractSlots', () => {
  it('collects order numbers, products, dates, amounts and masked values with their message', () => {
    const slots = extractSlots([
      C('上周买的耳机，订单 2024052188341，5月21日签收的，付了 299 元'),
      A('好的'),
      C('my phone is <PHONE_1>, the jacket came yesterday, paid $54.04, card 6222****1234'),
    ]);
    const by = (name: string) => slots.filter((s) => s.name === name).map((s) => s.value);
    expect(by('order_number')).toEqual(['2024052188341']);
    expect(by('product')).toEqual(['耳机', 'jacket']);
    expect(by('date')).toEqual(['上周', '5月21日', 'yesterday']);
    expect(by('amount')).toEqual(['299 元', '$54.04']);
    expect(by('masked')).toEqual(['<PHONE_1>', '6222****1234']);
    expect(slots.find((s) => s.value === 'jacket')).toMatchObject({ role: 'customer', message: 2 });
  });

  it('fills amounts only from what the agent said', () => {
    const slots = extractSlots([C('refund me 500 yuan'), A('The refund is ¥129.00.'), C('no, 500 yuan!')]);
    expect(latestSlot(slots, 'amount')).toBe('¥129.00');
    expect(latestSlot(extractSlots([C('给我退 500 元')]), 'amount')).toBeNull();
  });
});

describe('fillTemplate and mentionOrder', () => {
  const slots = extractSlots([C('order 88213945 — the headphones'), C('my number is <PHONE_1>')]);

  it('fills our markers and Bitext-style markers, and leaves unknown ones for the agent', () => {
    expect(fillTemplate('Order {{order_number}}: {product}', slots)).toBe('Order 88213945: headphones');
    expect(fillTemplate('your purchase {{Purchase ID Anonymized}} on {{Website Name}}', slots)).toBe(
      'your purchase 88213945 on {{Website Name}}',
    );
    expect(fillTemplate('refund of {{Refund Amount}}', slots)).toBe('refund of {{Refund Amount}}');
  });

  it('names the order once in a script that speaks of the order in general', () => {
    expect(mentionOrder('我这边看到订单还没有发货，可以直接为您取消。', '2024052188341', 'zh')).toBe(
      '我这边看到订单 2024052188341 还没有发货，可以直接为您取消。',
    );
    expect(mentionOrder('麻烦您提供一下订单号。', '2024052188341', 'zh')).toBe('麻烦您提供一下订单号。');
    expect(mentionOrder("I can see the order hasn't shipped yet.", '<ORDER_1>', 'en')).toBe(
      "I can see order <ORDER_1> hasn't shipped yet.",
    );
    expect(mentionOrder('Could you share the order number?', '88213945', 'en')).toBe(
      'Could you share the order number?',
    );
    expect(mentionOrder('I can see the order.', null, 'en')).toBe('I can see the order.');
  });
});
