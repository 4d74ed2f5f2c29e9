import { describe, expect, it } from 'vitest';
import { norm } from '#assist/embedded/similarity.ts';
import { charTerms, FeatureSpace, wordTerms } from './features.ts';

describe('intent features', () => {
  it('adds bigrams between Latin words only and keeps stopwords and negations', () => {
    const terms = wordTerms('why was my card not accepted 退款', true);
    expect(terms).toEqual(
      expect.arrayContaining(['why', 'was', 'card', 'not', 'why was', 'card not', '退款']),
    );
    expect(terms.some((t) => t.includes(' ') && /\p{Script=Han}/u.test(t))).toBe(false);
    expect(wordTerms('card not', false)).toEqual(['card', 'not']);
  });

  it('builds edge-padded n-grams inside Latin words and trigrams of Chinese runs', () => {
    expect(charTerms('ab', [2, 3])).toEqual([' a', 'ab', 'b ', ' ab', 'ab ']);
    expect(charTerms('退款到账', [2, 5])).toEqual(['退款到', '款到账']);
  });

  it('maps texts to block-normalised vectors and ignores unseen text', () => {
    const texts = ['refund my order', 'where is my parcel', '我要退款', '包裹丢了'];
    const space = FeatureSpace.fit(texts);
    const v = space.transform('refund order');
    // Word block and character block each have unit length.
    expect(norm(v)).toBeCloseTo(Math.SQRT2, 5);
    expect(space.transform('zzzz qqqq').indices.length).toBe(0);
    const half = FeatureSpace.fit(texts, { charWeight: 0.5 }).transform('refund order');
    expect(norm(half)).toBeCloseTo(Math.sqrt(1.25), 5);
  });

  it('returns the same training vectors from fitTransform as from transform', () => {
    const texts = ['Card declined again', '卡被拒了', 'top up failed'];
    const { space, vectors } = FeatureSpace.fitTransform(texts);
    texts.forEach((t, i) => {
      const v = space.transform(t);
      expect(Array.from(vectors[i]!.indices)).toEqual(Array.from(v.indices));
      expect(Array.from(vectors[i]!.values)).toEqual(Array.from(v.values));
    });
    expect(space.size).toBeGreaterThan(0);
  });
});
