import { describe, expect, it } from 'vitest';
import { normalize, normalizeText, toOriginalSpan } from './normalize.ts';

describe('normalize', () => {
  it('folds full-width ASCII and ideographic spaces to half width and lower-cases Latin', () => {
    expect(normalizeText('ＨＥＬＬＯ　Ｗｏｒｌｄ １２３！')).toBe('hello world 123!');
  });

  it('composes half-width katakana with its voiced mark as NFKC does', () => {
    expect(normalize('ｶﾞｲﾄﾞ').text).toBe('ガイド');
    expect(normalizeText('ｶﾞｲﾄﾞ')).toBe('ガイド');
  });

  it('keeps case when lowercase is off and leaves Chinese untouched', () => {
    expect(normalizeText('iPhone 退款', { lowercase: false })).toBe('iPhone 退款');
  });

  it('collapses whitespace runs and trims, or keeps them when asked', () => {
    expect(normalizeText('  a \t\n b  ')).toBe('a b');
    expect(normalize('  a \t b ', { collapseWhitespace: false }).text).toBe('  a \t b ');
  });

  it('removes zero-width characters used to split words', () => {
    expect(normalizeText('re\u200Bfund 退\u200D款')).toBe('refund 退款');
    expect(normalize('re\u200Bfund').text).toBe('refund');
  });

  it('joins spaced-out Chinese only when joinCjkSpacing is on, and never across Latin', () => {
    expect(normalizeText('不 知 道')).toBe('不 知 道');
    expect(normalizeText('不 知 道', { joinCjkSpacing: true })).toBe('不知道');
    expect(normalizeText('退款 refund 到账', { joinCjkSpacing: true })).toBe('退款 refund 到账');
  });

  it('strips filler punctuation between Han characters only with stripCjkFillers', () => {
    expect(normalizeText('不*知*道', { stripCjkFillers: true })).toBe('不知道');
    expect(normalizeText('退·款', { stripCjkFillers: true })).toBe('退款');
    expect(normalizeText('a*b', { stripCjkFillers: true })).toBe('a*b');
    expect(normalizeText('退款，到账。好的', { stripCjkFillers: true })).toBe('退款,到账。好的');
    expect(normalize('退款，到账', { stripCjkFillers: true }).text).toBe('退款,到账');
    expect(normalizeText('不 * 知', { stripCjkFillers: true })).toBe('不 * 知');
    expect(normalizeText('不 * 知', { stripCjkFillers: true, joinCjkSpacing: true })).toBe('不知');
  });

  it('gives the same text with and without the offset map', () => {
    const samples = [
      '  Ｒｅｆｕｎｄ   ｐｌｅａｓｅ，谢谢！ ',
      '我的订单号是 ＡＢ１２３ ，还没到',
      ' ,x',
      'café naïve e\u0301',
      '不 知 道 你 在 说 什 么',
      '退*款 · 到 账 hello , world',
      '㈱テスト ﬁle',
      '😀 emoji 😀 表情',
    ];
    const optionSets = [
      {},
      { joinCjkSpacing: true },
      { stripCjkFillers: true },
      { joinCjkSpacing: true, stripCjkFillers: true },
      { lowercase: false },
    ];
    for (const s of samples) {
      for (const o of optionSets)
        expect(normalize(s, o).text, JSON.stringify([s, o])).toBe(normalizeText(s, o));
    }
  });

  it('maps spans of the normalised text back to the original text', () => {
    const source = '请  不 知 道 ＶＩＰ 会员';
    const n = normalize(source, { joinCjkSpacing: true });
    expect(n.text).toBe('请不知道 vip 会员');
    const at = n.text.indexOf('不知道');
    const span = toOriginalSpan(n, at, at + 3);
    expect(source.slice(span.start, span.end)).toBe('不 知 道');
    const vip = n.text.indexOf('vip');
    const vipSpan = toOriginalSpan(n, vip, vip + 3);
    expect(source.slice(vipSpan.start, vipSpan.end)).toBe('ＶＩＰ');
  });

  it('maps a character NFKC expands into several back to the one original character', () => {
    const source = 'x ﬁne';
    const n = normalize(source);
    expect(n.text).toBe('x fine');
    expect(toOriginalSpan(n, 2, 3)).toEqual({ start: 2, end: 3 });
    expect(toOriginalSpan(n, 2, 6)).toEqual({ start: 2, end: 5 });
  });

  it('keeps surrogate pairs and combining marks inside their original span', () => {
    const source = 'a 😀 e\u0301';
    const n = normalize(source);
    expect(n.text).toBe('a 😀 é');
    const e = n.text.indexOf('é');
    expect(source.slice(toOriginalSpan(n, e, e + 1).start)).toBe('e\u0301');
    const smile = n.text.indexOf('😀');
    expect(toOriginalSpan(n, smile, smile + 2)).toEqual({ start: 2, end: 4 });
  });

  it('maps empty spans and rejects spans outside the text', () => {
    const n = normalize('  ab');
    expect(toOriginalSpan(n, 0, 0)).toEqual({ start: 2, end: 2 });
    expect(toOriginalSpan(n, 2, 2)).toEqual({ start: 4, end: 4 });
    expect(() => toOriginalSpan(n, 1, 3)).toThrow(RangeError);
    expect(normalize('').text).toBe('');
  });
});
