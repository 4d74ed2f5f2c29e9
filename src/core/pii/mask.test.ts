import { describe, expect, it } from 'vitest';
import { createMaskState, displayMask, maskText, normalise, REDACTED, unmaskText } from './mask.ts';
import type { PiiEntity } from './types.ts';

const span = (text: string, value: string, type: string): PiiEntity => {
  const start = text.indexOf(value);
  return { type, start, end: start + value.length, score: 0.9 };
};

describe('display masking', () => {
  it('shows a mainland mobile as 138****5678, with or without a country prefix', () => {
    expect(displayMask('13812345678', 'phone')).toBe('138****5678');
    expect(displayMask('+86 138-1234-5678', 'phone')).toBe('+86 138-****-5678');
  });

  it('keeps the last four characters of an ID and a card', () => {
    expect(displayMask('11010519491231002X', 'last4')).toBe('**************002X');
    expect(displayMask('4111 1111 1111 1111', 'last4')).toBe('**** **** **** 1111');
  });

  it('masks e-mail as z***@163.com and names by surname', () => {
    expect(displayMask('zhangsan@163.com', 'email')).toBe('z***@163.com');
    expect(displayMask('张三丰', 'name')).toBe('张**');
    expect(displayMask('欧阳娜娜', 'name')).toBe('欧阳**');
    expect(displayMask('John Smith', 'name')).toBe('J*** S****');
  });

  it('keeps the district of a Chinese address and hides the street', () => {
    expect(displayMask('上海市浦东新区张江路88号3号楼1202室', 'address')).toBe('上海市浦东新区****');
  });

  it('keeps the first two octets of an IPv4 address', () => {
    expect(displayMask('203.0.113.42', 'ip')).toBe('203.0.*.*');
  });
});

describe('maskText', () => {
  const text = '手机13812345678，邮箱zhangsan@163.com';
  const entities = [span(text, '13812345678', 'PHONE'), span(text, 'zhangsan@163.com', 'EMAIL')];

  it('replaces each span for display', () => {
    expect(maskText(text, entities, 'display')).toBe('手机138****5678，邮箱z***@163.com');
  });

  it('redacts fully', () => {
    expect(maskText(text, entities, 'redact')).toBe(`手机${REDACTED}，邮箱${REDACTED}`);
  });

  it('numbers placeholders per type and keeps them stable across messages of a conversation', () => {
    const state = createMaskState();
    expect(maskText(text, entities, 'placeholder', state)).toBe('手机<PHONE_1>，邮箱<EMAIL_1>');
    const second = '换个号 139 8765 4321，原来的 +86 138-1234-5678 不用了';
    const e2 = [span(second, '139 8765 4321', 'PHONE'), span(second, '+86 138-1234-5678', 'PHONE')];
    expect(maskText(second, e2, 'placeholder', state)).toBe('换个号 <PHONE_2>，原来的 <PHONE_1> 不用了');
  });

  it('restores placeholders a model echoed', () => {
    const state = createMaskState();
    const masked = maskText(text, entities, 'placeholder', state);
    expect(unmaskText(`已记录 ${masked.slice(2, 11)}`, state)).toBe('已记录 13812345678');
    expect(unmaskText('<PHONE_9> stays', state)).toBe('<PHONE_9> stays');
  });

  it('ignores overlapping and out-of-range entities instead of corrupting the text', () => {
    const bad: PiiEntity[] = [
      { type: 'PHONE', start: 2, end: 13, score: 1 },
      { type: 'PHONE', start: 5, end: 9, score: 1 },
      { type: 'EMAIL', start: 10, end: 999, score: 1 },
    ];
    expect(maskText(text, bad, 'redact')).toBe(`手机${REDACTED}，邮箱zhangsan@163.com`);
  });

  it('normalises equivalent spellings of one value', () => {
    expect(normalise('PHONE', '+86 138-1234-5678')).toBe(normalise('PHONE', '13812345678'));
    expect(normalise('EMAIL', 'A@B.com')).toBe(normalise('EMAIL', 'a@b.com'));
  });
});
