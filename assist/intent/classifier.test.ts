import { describe, expect, it } from 'vitest';
import { autoEpochs, EmbeddedIntentClassifier, type IntentExample, NONE_LABEL } from './classifier.ts';

const EXAMPLES: IntentExample[] = [
  ...[
    '我要退款',
    '钱什么时候退回来',
    '申请退款',
    'I want a refund',
    'when do I get my money back',
    'refund my order please',
  ].map((text) => ({ text, label: 'refund' })),
  ...[
    '快递怎么还没到',
    '物流好几天没更新',
    '什么时候发货',
    'where is my parcel',
    'tracking has not updated',
    'my delivery is late',
  ].map((text) => ({ text, label: 'logistics-delay' })),
  ...[
    '发票怎么开',
    '我要开发票',
    '发票抬头写错了',
    'I need an invoice',
    'can you send me an invoice',
    'invoice has the wrong company name',
  ].map((text) => ({ text, label: 'invoice' })),
];

const BACKGROUND: IntentExample[] = [
  '讲个笑话',
  '今天天气怎么样',
  'tell me a joke',
  'what is the weather',
].map((text) => ({
  text,
  label: NONE_LABEL,
}));

describe('EmbeddedIntentClassifier', () => {
  it('routes unseen zh and en paraphrases to the right label', () => {
    const clf = EmbeddedIntentClassifier.train(EXAMPLES, { threshold: 0 });
    expect(clf.classify('退款多久到账').label).toBe('refund');
    expect(clf.classify('my parcel is late, where is it').label).toBe('logistics-delay');
    expect(clf.classify('开一张发票给我').label).toBe('invoice');
    expect(clf.classify('please send the invoice to my email').label).toBe('invoice');
    expect(clf.labels).toEqual(['invoice', 'logistics-delay', 'refund']);
  });

  it('ranks in-scope labels by probability and reports the best as confidence', () => {
    const clf = EmbeddedIntentClassifier.train([...EXAMPLES, ...BACKGROUND], { threshold: 0, topK: 2 });
    const p = clf.classify('I want my money back');
    expect(p.ranked).toHaveLength(2);
    expect(p.ranked[0]!.score).toBeGreaterThanOrEqual(p.ranked[1]!.score);
    expect(p.ranked.map((r) => r.label)).not.toContain(NONE_LABEL);
    expect(p.confidence).toBe(p.ranked[0]!.score);
  });

  it("answers 'none' below the threshold and when the background class wins", () => {
    const strict = EmbeddedIntentClassifier.train(EXAMPLES, { threshold: 0.999 });
    expect(strict.classify('我要退款').label).toBe(NONE_LABEL);
    const withBackground = EmbeddedIntentClassifier.train([...EXAMPLES, ...BACKGROUND], { threshold: 0 });
    const joke = withBackground.classify('tell me a funny joke');
    expect(joke.label).toBe(NONE_LABEL);
    expect(joke.ranked[0]!.label).not.toBe(NONE_LABEL);
    expect(withBackground.classify('我要退款').label).toBe('refund');
  });

  it('calibrates a threshold that rejects more as the reject rate grows', () => {
    const low = EmbeddedIntentClassifier.train(EXAMPLES, { threshold: { rejectRate: 0.05 } });
    const high = EmbeddedIntentClassifier.train(EXAMPLES, { threshold: { rejectRate: 0.6 } });
    expect(low.threshold).toBeGreaterThan(0);
    expect(low.threshold).toBeLessThan(1);
    expect(high.threshold).toBeGreaterThan(low.threshold);
  });

  it('trains deterministically', () => {
    const a = EmbeddedIntentClassifier.train(EXAMPLES, { seed: 3 });
    const b = EmbeddedIntentClassifier.train(EXAMPLES, { seed: 3 });
    expect(a.threshold).toBe(b.threshold);
    expect(a.classify('where is my invoice')).toEqual(b.classify('where is my invoice'));
  });

  it('refuses to train without any in-scope example', () => {
    expect(() => EmbeddedIntentClassifier.train(BACKGROUND)).toThrow(RangeError);
    expect(() => EmbeddedIntentClassifier.train([])).toThrow(RangeError);
  });

  it('scales the number of epochs with the data', () => {
    expect(autoEpochs(100)).toBe(40);
    expect(autoEpochs(4000)).toBe(10);
    expect(autoEpochs(15_000)).toBe(4);
  });
});
