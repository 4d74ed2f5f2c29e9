import { describe, expect, it } from 'vitest';
import { values } from './test-helpers.ts';

describe('Chinese person names', () => {
  it('finds a name after a field cue, stopping before function words', () => {
    expect(values('我叫李娜，想查订单', 'PERSON')).toEqual(['李娜']);
    expect(values('联系人王明电话13812345678', 'PERSON')).toEqual(['王明']);
    expect(values('收件人：欧阳娜娜', 'PERSON')).toEqual(['欧阳娜娜']);
    expect(values('收货人是我妈张伟，她不太会用手机', 'PERSON')).toEqual(['张伟']);
  });

  it('finds a full name before an honorific or a phone, not a bare surname with one', () => {
    expect(values('王小明先生您好', 'PERSON')).toEqual(['王小明']);
    expect(values('袁媛 18285445335 湖北省武汉市', 'PERSON')).toEqual(['袁媛']);
    expect(values('张先生帮我下的单', 'PERSON')).toEqual([]);
  });

  it('does not read ordinary words after a weak cue as a name', () => {
    expect(values('我是王者荣耀玩家', 'PERSON')).toEqual([]);
    expect(values('马上帮您处理，周一之前回复', 'PERSON')).toEqual([]);
  });
});

describe('Chinese names after English cues', () => {
  it('finds a full Chinese name after "I\'m", "my name is" or "Dear", not ordinary words', () => {
    expect(values("Hi, I'm 王芳, my phone is 13912345678", 'PERSON')).toEqual(['王芳']);
    expect(values('my name is 欧阳娜娜', 'PERSON')).toEqual(['欧阳娜娜']);
    expect(values('Dear 李明，您好', 'PERSON')).toEqual(['李明']);
    expect(values("I'm 王者荣耀 player", 'PERSON')).toEqual([]);
    expect(values("It's 下午三点 now", 'PERSON')).toEqual([]);
  });
});

describe('English person names', () => {
  it('finds names after cues, titles with full names, and all-caps card names', () => {
    expect(values('My name is Sarah Johnson.', 'PERSON')).toEqual(['Sarah Johnson']);
    expect(values("Account holder: Kevin O'Brien.", 'PERSON')).toEqual(["Kevin O'Brien"]);
    expect(values('Dear Ms. Emily Carter, thanks', 'PERSON')).toEqual(['Emily Carter']);
    expect(values('Name on card: JOHN A SMITH', 'PERSON')).toEqual(['JOHN A SMITH']);
    expect(values('hi my name is maria lopez and i need help', 'PERSON')).toEqual(['maria lopez']);
  });

  it('finds listed given names with or without a surname', () => {
    expect(values('Could Maria Garcia from your team call me?', 'PERSON')).toEqual(['Maria Garcia']);
    expect(values('Why is Hannah so upset?', 'PERSON')).toEqual(['Hannah']);
  });

  it('skips a title with a surname only, and capitalised ordinary words after "I\'m"', () => {
    expect(values('Thanks for your patience, Mr. Garcia.', 'PERSON')).toEqual([]);
    expect(values("I'm Happy with the fix.", 'PERSON')).toEqual([]);
    expect(values('This is Urgent: my account was hacked.', 'PERSON')).toEqual([]);
  });

  it('keeps a name to one line', () => {
    expect(values('Name: Laura Martinez\nPhone: (702) 298-2927', 'PERSON')).toEqual(['Laura Martinez']);
  });
});
