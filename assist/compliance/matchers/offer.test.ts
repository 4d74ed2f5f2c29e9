import { describe, expect, it } from 'vitest';
import { buildView } from '../text-view.ts';
import { compileOfferScorer } from './offer.ts';

const scorer = compileOfferScorer(
  {
    cash: ['赔', '现金', 'cash', 'pay you'],
    coupon: ['券', 'coupon'],
    offerVerbs: ['给您', 'add', 'give you'],
    negations: ['不能', "can't"],
  },
  20,
);
const env = { context: {}, step: undefined, lang: 'zh' as const };
const found = (draft: string) => scorer.find(buildView(draft), env).map((m) => draft.slice(m.start, m.end));

describe('offer scorer', () => {
  it('flags cash compensation at any amount', () => {
    expect(found('我们赔您 5 元')).toEqual(['5 元']);
    expect(found("I'll pay you ¥50 for the trouble")).toEqual(['¥50']);
  });

  it('flags coupons above the goodwill limit only', () => {
    expect(found('我给您发一张 50 元无门槛券')).toEqual(['50 元']);
    expect(found('我给您发一张 20 元无门槛券')).toEqual([]);
    expect(found("I'll add a ¥10 coupon as compensation")).toEqual([]);
  });

  it('ignores thresholds, amounts that are not offers, and negated offers', () => {
    expect(found('这张券满 150 减 15')).toEqual([]);
    expect(found('新用户首单券满 100 减 20')).toEqual([]);
    expect(found('您实付 128 元，退款金额就是 128 元')).toEqual([]);
    expect(found('我不能给您赔 50 元')).toEqual([]);
  });
});
