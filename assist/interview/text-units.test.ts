import { describe, expect, it } from 'vitest';
import { clauseSpans, contentUnits, scriptShare } from './text-units.ts';

describe('clauseSpans', () => {
  it('splits zh and en at punctuation with exact offsets, merges short fragments, keeps "3.5"', () => {
    const zh = '您好，非常抱歉。退款会在3个工作日内原路退回；请耐心等待！';
    const spans = clauseSpans(zh).map((s) => zh.slice(s.start, s.end));
    expect(spans).toEqual(['您好，非常抱歉', '退款会在3个工作日内原路退回', '请耐心等待']);

    const en = "I'd apologise. Then I'd check version 3.5 of the app, and confirm the address.";
    const parts = clauseSpans(en).map((s) => en.slice(s.start, s.end));
    expect(parts).toEqual([
      "I'd apologise",
      "Then I'd check version 3.5 of the app",
      'and confirm the address',
    ]);
    // "and confirm" alone is too short to quote and joins the clause before it.
    const short = 'Then I check the tracking, and confirm.';
    expect(clauseSpans(short).map((s) => short.slice(s.start, s.end))).toEqual([
      'Then I check the tracking, and confirm',
    ]);
  });

  it('returns nothing for blank text', () => {
    expect(clauseSpans('   ')).toEqual([]);
  });
});

describe('contentUnits and scriptShare', () => {
  it('counts 汉字 and Latin words alike', () => {
    expect(contentUnits('退款 3 working days')).toBe(2 + 3);
  });

  it('measures how much of an answer is in the expected script', () => {
    expect(scriptShare('我会先道歉', 'zh')).toBe(1);
    expect(scriptShare('I would apologise first', 'zh')).toBe(0);
    expect(scriptShare('I would apologise first', 'en')).toBe(1);
    expect(scriptShare('请重启 iPhone 再试', 'zh')).toBeGreaterThan(0.8);
    expect(scriptShare('123', 'en')).toBe(1);
  });
});
