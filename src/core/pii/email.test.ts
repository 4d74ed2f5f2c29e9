import { describe, expect, it } from 'vitest';
import { isEmail } from './email.ts';
import { values } from './test-helpers.ts';

describe('e-mail recogniser', () => {
  it('finds addresses beside Chinese text and without trailing punctuation', () => {
    expect(values('邮箱test@qq.com和test@163.com。', 'EMAIL')).toEqual(['test@qq.com', 'test@163.com']);
    expect(values('Write to Zhang.Wei+shop@Gmail.com.', 'EMAIL')).toEqual(['Zhang.Wei+shop@Gmail.com']);
  });

  it('leaves masked addresses alone', () => {
    expect(values('已发送到z***@163.com', 'EMAIL')).toEqual([]);
    expect(values('sent to zh***ang@163.com', 'EMAIL')).toEqual([]);
  });

  it('finds spelled-out addresses but not prose', () => {
    expect(values('email me at john dot smith at gmail dot com', 'EMAIL')).toEqual([
      'john dot smith at gmail dot com',
    ]);
    expect(values('write jane(at)example.com', 'EMAIL')).toEqual(['jane(at)example.com']);
    expect(values('I work at amazon dot com', 'EMAIL')).toEqual([]);
  });

  it('validates whole strings', () => {
    expect(isEmail('test.qq@163.com')).toBe(true);
    expect(isEmail('test@example..com')).toBe(false);
    expect(isEmail('@example.com')).toBe(false);
  });
});
