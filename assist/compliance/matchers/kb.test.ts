import { describe, expect, it } from 'vitest';
import { KB_TOPICS } from '../default-pack/kb.ts';
import { buildView } from '../text-view.ts';
import type { ComplianceKnowledge } from '../types.ts';
import { buildFactIndex, compileKbScorer, formatRanges, type KbScorerSpec } from './kb.ts';

const DAY = 1440;
const spec: KbScorerSpec = {
  topics: [
    { id: 'refund', keywords: ['退款', '到账', 'refund', 'refunds'] },
    { id: 'exchange', keywords: ['换货', 'exchange'] },
    { id: 'size_exchange', parent: 'exchange', keywords: ['尺码', 'size'] },
    { id: 'quality_exchange', parent: 'exchange', keywords: ['质量问题', 'faulty'] },
    { id: 'coupon', keywords: ['优惠券', 'coupon'] },
  ],
  ignoreBefore: ['已经', 'been'],
  ignoreAfter: ['前', 'ago'],
};
const knowledge: ComplianceKnowledge = {
  facts: [
    {
      topic: 'refund',
      unit: 'business_days',
      ranges: [
        [1, 3],
        [7, 7],
      ],
      source: 'policy',
    },
    { topic: 'size_exchange', unit: 'minutes', ranges: [[7 * DAY, 7 * DAY]], source: 'policy' },
    { topic: 'quality_exchange', unit: 'minutes', ranges: [[15 * DAY, 15 * DAY]], source: 'policy' },
  ],
  policies: [
    {
      id: 'stacking',
      allowed: false,
      zh: ['可以叠加'],
      en: ['stack two coupons'],
      truth: { zh: '不能叠加', en: 'no stacking' },
    },
  ],
};
const scorer = compileKbScorer(spec, knowledge);
const env = { context: {}, step: undefined, lang: 'zh' as const };
const flagged = (draft: string) => scorer.find(buildView(draft), env).map((m) => draft.slice(m.start, m.end));

describe('kb scorer', () => {
  it('flags a number that differs from the KB for the same topic and unit', () => {
    expect(flagged('退款一般 3-5 个工作日到账')).toEqual(['3-5 个工作日']);
    expect(flagged('Refunds take up to 14 business days')).toEqual(['14 business days']);
    expect(flagged('退款 1-3 个工作日到账，信用卡 7 个工作日')).toEqual([]);
  });

  it('uses the narrower topic named anywhere in the sentence', () => {
    expect(flagged('尺码不合适的话，签收后 15 天内都可以申请换货')).toEqual(['15 天']);
    expect(flagged('质量问题签收后 15 天内可以换货')).toEqual([]);
    expect(flagged('换货的话 15 天内申请')).toEqual([]);
  });

  it('skips numbers about this case rather than the policy, and topics without facts', () => {
    expect(flagged('已经 10 天了还没退款到账')).toEqual([]);
    expect(flagged('You got the refund 9 days ago')).toEqual([]);
    expect(flagged('这张优惠券满 150 减 15')).toEqual([]);
    expect(flagged('退款 268 元')).toEqual([]);
  });

  it('flags a "yes" statement of a policy the KB says no to, unless negated', () => {
    expect(flagged('优惠券可以叠加的')).toEqual(['可以叠加']);
    expect(flagged('You can stack two coupons')).toEqual(['stack two coupons']);
    expect(flagged('优惠券不可以叠加')).toEqual([]);
  });

  it('says what the KB says', () => {
    const [m] = scorer.find(buildView('退款 5 个工作日到账'), env);
    expect(m?.detail).toEqual({ zh: '1-3 个工作日 / 7 个工作日', en: '1-3 business days / 7 business days' });
  });
});

describe('buildFactIndex', () => {
  const articles = [
    { lang: 'zh' as const, title: '退款', body: '退款一般 2 个工作日到账。优惠券有效期 30 天。' },
  ];

  it('builds facts from articles when there are no structured facts', () => {
    const index = buildFactIndex(spec, { articles });
    expect(index.ranges('refund', 'business_days')).toEqual([[2, 2]]);
    expect(index.ranges('coupon', 'minutes')).toEqual([[30 * DAY, 30 * DAY]]);
  });

  it('with structured facts, lets articles only widen pairs the structured facts hold', () => {
    const index = buildFactIndex(spec, { ...knowledge, articles });
    expect(index.ranges('refund', 'business_days')).toEqual([
      [1, 3],
      [7, 7],
      [2, 2],
    ]);
    expect(index.has('coupon', 'minutes')).toBe(false);
  });

  it('gives a parent topic the values of its narrower topics', () => {
    const index = buildFactIndex(spec, knowledge);
    expect(index.ranges('exchange', 'minutes')).toEqual([
      [7 * DAY, 7 * DAY],
      [15 * DAY, 15 * DAY],
    ]);
  });

  it('parses the default topics without error', () => {
    expect(buildFactIndex({ ...spec, topics: KB_TOPICS }, { articles }).size).toBeGreaterThan(0);
  });
});

describe('formatRanges', () => {
  it('says durations the way people do', () => {
    expect(formatRanges([[2 * DAY, 5 * DAY]], 'minutes', 'zh')).toBe('2-5 天');
    expect(
      formatRanges(
        [
          [30, 30],
          [48 * 60, 48 * 60],
        ],
        'minutes',
        'en',
      ),
    ).toBe('30 minutes / 48 hours');
    expect(formatRanges([[12, 12]], 'months', 'en')).toBe('1 year');
    expect(formatRanges([[7 * DAY, 7 * DAY]], 'minutes', 'zh')).toBe('7 天');
    expect(formatRanges([[99, 99]], 'yuan', 'en')).toBe('¥99');
  });
});
