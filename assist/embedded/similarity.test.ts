import { describe, expect, it } from 'vitest';
import {
  charNgramOverlap,
  charNgrams,
  cosine,
  dot,
  jaccard,
  norm,
  sparseFromMap,
  TfidfVectorizer,
} from './similarity.ts';
import { tokenize } from './tokenize.ts';

describe('sparse vectors', () => {
  it('computes dot products over sorted indices and cosine independent of scale', () => {
    const a = sparseFromMap(
      new Map([
        [3, 1],
        [1, 2],
        [7, 0],
      ]),
    );
    const b = sparseFromMap(
      new Map([
        [1, 4],
        [2, 5],
        [3, 2],
      ]),
    );
    expect(Array.from(a.indices)).toEqual([1, 3]);
    expect(dot(a, b)).toBe(10);
    expect(norm(a)).toBeCloseTo(Math.sqrt(5));
    const scaled = sparseFromMap(
      new Map([
        [1, 20],
        [3, 10],
      ]),
    );
    expect(cosine(a, scaled)).toBeCloseTo(1);
    expect(cosine(a, sparseFromMap(new Map()))).toBe(0);
  });
});

describe('jaccard and character n-grams', () => {
  it('measures set overlap', () => {
    expect(jaccard(['a', 'b', 'c'], ['b', 'c', 'd'])).toBeCloseTo(2 / 4);
    expect(jaccard(new Set(['a']), new Set(['a']))).toBe(1);
    expect(jaccard([], [])).toBe(0);
  });

  it('builds n-grams from the normalised text without whitespace', () => {
    expect([...charNgrams('Ａ B c', 2)]).toEqual(['ab', 'bc']);
    expect([...charNgrams('退', 2)]).toEqual(['退']);
  });

  it('scores near-duplicate Chinese phrases above unrelated ones', () => {
    const near = charNgramOverlap('退款什么时候到账', '退款多久到账');
    const far = charNgramOverlap('退款什么时候到账', '修改收货地址');
    expect(charNgramOverlap('退款', '退款')).toBe(1);
    expect(near).toBeGreaterThan(0.3);
    expect(far).toBe(0);
  });
});

describe('TfidfVectorizer', () => {
  const docs = [
    'refund my order',
    'refund the money please',
    'change my delivery address',
    '我要退款',
    '修改收货地址',
  ].map((d) => tokenize(d));

  it('weights rare terms above common ones and produces unit vectors', () => {
    const v = TfidfVectorizer.fit(docs);
    const x = v.transform(tokenize('refund order'));
    const refund = v.vocabulary.get('refund')!;
    const order = v.vocabulary.get('order')!;
    const weightOf = (i: number) => x.values[Array.from(x.indices).indexOf(i)]!;
    expect(weightOf(order)).toBeGreaterThan(weightOf(refund));
    expect(norm(x)).toBeCloseTo(1);
  });

  it('ranks the matching document first by cosine, across both languages', () => {
    const v = TfidfVectorizer.fit(docs);
    const vectors = docs.map((d) => v.transform(d));
    const best = (q: string) => {
      const qv = v.transform(tokenize(q));
      const scores = vectors.map((d) => cosine(qv, d));
      return scores.indexOf(Math.max(...scores));
    };
    expect(best('I want my money refunded')).toBe(1);
    expect(best('地址写错了要修改')).toBe(4);
    expect(best('please update the delivery address')).toBe(2);
  });

  it('ignores unseen terms and honours minDf / maxDfRatio', () => {
    const v = TfidfVectorizer.fit(docs, { minDf: 2 });
    expect([...v.vocabulary.keys()].sort()).toEqual(['refund']);
    expect(v.transform(tokenize('zebra')).indices.length).toBe(0);
    const capped = TfidfVectorizer.fit([['a', 'b'], ['a'], ['a', 'c']], { maxDfRatio: 0.5 });
    expect(capped.vocabulary.has('a')).toBe(false);
    expect(capped.size).toBe(2);
  });

  it('uses sublinear term frequency unless told otherwise', () => {
    const fitted = TfidfVectorizer.fit([['x', 'y']], { l2Normalize: false });
    const raw = TfidfVectorizer.fit([['x', 'y']], { l2Normalize: false, sublinearTf: false });
    const t = ['x', 'x', 'x', 'y'];
    expect(fitted.transform(t).values[0]).toBeCloseTo(1 + Math.log(3));
    expect(raw.transform(t).values[0]).toBeCloseTo(3);
  });
});
