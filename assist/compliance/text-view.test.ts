import { describe, expect, it } from 'vitest';
import { buildView, dominantLang, foldPhrase } from './text-view.ts';

describe('buildView', () => {
  it('folds width, case and spacing tricks and maps spans back to the original', () => {
    const v = buildView('我 不 知 道，ＧＵＡＲＡＮＴＥＥ 和 g u a r a n t e e');
    expect(v.text).toBe('我不知道,guarantee 和 guarantee');
    const at = v.text.indexOf('不知道');
    expect(v.toOriginal(at, at + 3)).toEqual({ start: 2, end: 7 });
    const g = v.text.lastIndexOf('guarantee');
    const o = v.toOriginal(g, g + 9);
    expect(v.source.slice(o.start, o.end)).toBe('g u a r a n t e e');
  });

  it('drops filler punctuation between Han characters but keeps sentence punctuation', () => {
    expect(buildView('不*知*道。好的').text).toBe('不知道。好的');
    expect(buildView('不知道，好的').text).toBe('不知道,好的');
  });

  it('does not glue ordinary words or apostrophes', () => {
    expect(buildView("It's a b c fine").text).toBe("it's a b c fine");
    expect(buildView('I don’t know').text).toBe("i don't know");
  });

  it('finds sentences and clauses', () => {
    const v = buildView('退款已提交。储蓄卡 1-3 个工作日到账，信用卡最长 7 个工作日! Anything else?');
    const i = v.text.indexOf('信用卡');
    expect(v.text.slice(v.sentenceStart(i), v.sentenceEnd(i))).toBe(
      '储蓄卡 1-3 个工作日到账,信用卡最长 7 个工作日',
    );
    expect(v.text.slice(v.clauseStart(i), v.clauseEnd(i))).toBe('信用卡最长 7 个工作日');
    expect(v.sentenceStart(0)).toBe(0);
  });

  it('knows quoted spans', () => {
    const v = buildView("您说“不知道包裹在哪”，他说 'not my problem' 对吧");
    const a = v.text.indexOf('不知道');
    const b = v.text.indexOf('not my problem');
    expect(v.quoted(a, a + 3)).toBe(true);
    expect(v.quoted(b, b + 14)).toBe(true);
    expect(v.quoted(0, 2)).toBe(false);
  });

  it('handles empty text', () => {
    const v = buildView('');
    expect(v.text).toBe('');
    expect(v.toOriginal(0, 0)).toEqual({ start: 0, end: 0 });
  });
});

describe('foldPhrase and dominantLang', () => {
  it('folds phrases like drafts', () => {
    expect(foldPhrase('Ｉ  GUARANTEE')).toBe('i guarantee');
    expect(foldPhrase('不 归 我 管')).toBe('不归我管');
  });

  it('picks the language of messages from the script', () => {
    expect(dominantLang(buildView('退款已提交'))).toBe('zh');
    expect(dominantLang(buildView('Refund submitted'))).toBe('en');
    expect(dominantLang(buildView('这个 refund 的进度我不清楚'))).toBe('zh');
  });
});
