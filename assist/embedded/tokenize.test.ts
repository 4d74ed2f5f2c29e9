import { describe, expect, it } from 'vitest';
import { segmentWords, stem, tokenize } from './tokenize.ts';

describe('tokenize', () => {
  it('turns Chinese runs into character unigrams and bigrams that cross segmenter word boundaries', () => {
    const tokens = tokenize('订单号');
    expect(tokens).toEqual(expect.arrayContaining(['订', '单', '号', '订单', '单号']));
    expect(tokens).toHaveLength(5);
  });

  it('does not build bigrams across punctuation or Latin text', () => {
    const tokens = tokenize('退款，到账');
    expect(tokens).toContain('退款');
    expect(tokens).toContain('到账');
    expect(tokens).not.toContain('款到');
  });

  it('drops Chinese stopword unigrams and all-stopword bigrams but keeps negations', () => {
    const tokens = tokenize('我的快递还没到');
    expect(tokens).not.toContain('的');
    expect(tokens).not.toContain('我的');
    expect(tokens).toContain('没');
    expect(tokens).toContain('快递');
    expect(tokenize('我的快递', { stopwords: false })).toContain('我的');
  });

  it('offers isolated-only unigrams and segmenter words for search', () => {
    expect(tokenize('退款 与 发票', { cjkUnigrams: 'isolated', stopwords: false })).toEqual([
      '退款',
      '与',
      '发票',
    ]);
    expect(tokenize('退款申请', { cjkUnigrams: false, cjkBigrams: false, cjkWords: true })).toEqual([]);
    expect(tokenize('信用卡账单', { cjkUnigrams: false, cjkWords: true })).toContain('信用卡');
  });

  it('lower-cases, stems and drops English stopwords while keeping negations', () => {
    expect(tokenize("My card doesn't work, the charges were DECLINED")).toEqual([
      'card',
      'not',
      'work',
      'charg',
      'declin',
    ]);
    expect(tokenize('I was charged', { stopwords: false, stem: false })).toEqual(['i', 'was', 'charged']);
  });

  it('normalises full-width input unless told the text is already normalised', () => {
    expect(tokenize('ＲＥＦＵＮＤ')).toEqual(['refund']);
    expect(tokenize('ＲＥＦＵＮＤ', { normalize: false, stem: false })).toEqual(['ＲＥＦＵＮＤ']);
  });

  it('splits mixed Han/Latin segments and keeps numbers and codes', () => {
    const tokens = tokenize('订单A123的3号包裹');
    expect(tokens).toContain('a123');
    expect(tokens).toContain('包裹');
    expect(tokens).toContain('3');
  });

  it('meets different inflections at one stem', () => {
    const forms = ['charge', 'charges', 'charged', 'charging'].map(stem);
    expect(new Set(forms).size).toBe(1);
    expect(stem('running')).toBe('run');
    expect(stem('policies')).toBe('policy');
    expect(stem('applied')).toBe('apply');
    expect(stem('address')).toBe('address');
    expect(stem('need')).toBe('need');
    expect(stem('a1s')).toBe('a1s');
  });

  it('gives the same tokens with the fast word finder as with Intl.Segmenter', () => {
    const texts = [
      "I don't think it's working, e-mail me at a.b@c.com, order #A123-45, 3.5kg iPhone13",
      "1,000 yuan; a,b foo_bar x:y rock'n'roll",
      '订单A123的3号包裹 iPhone退款 ｶﾞｲﾄﾞ café',
      '我昨天买的羽绒服尺码不合适，想换成 XL 码，可以吗？',
      'U.S.A. 5.0... hello...world it’s',
      '亲，你们的客服电话是多少啊～～ 急！！',
    ];
    for (const t of texts) {
      for (const cjkUnigrams of [true, 'isolated'] as const) {
        expect(tokenize(t, { cjkUnigrams, intlSegmenter: false }), t).toEqual(
          tokenize(t, { cjkUnigrams, intlSegmenter: true }),
        );
      }
    }
  });

  it('reports word-like segments with their offsets', () => {
    const words = segmentWords('hi, 退款 ok');
    expect(words.map((w) => w.text)).toEqual(['hi', '退款', 'ok']);
    expect(words[1]).toEqual({ text: '退款', index: 4, han: true });
  });
});
