import { describe, expect, it } from 'vitest';
import { buildView } from '../text-view.ts';
import type { SopStepInfo } from '../types.ts';
import { compileDisclosureScorer } from './disclosure.ts';

const scorer = compileDisclosureScorer({
  closings: ['还有…吗', 'anything else'],
  cues: {
    refund_time: ['工作日|即时', 'business days?|instant'],
    refund_amount: ['金额|实付', 'amount|paid'],
  },
});
const step: SopStepInfo = {
  key: 'disclose-refund-time',
  mustDisclose: ['refund_amount', 'refund_time', 'no_cues_for_this_key'],
  piiTypes: [],
  scriptZh: '退款金额为实付金额，1-3 个工作日到账。',
  scriptEn: 'You get back what you paid within 1-3 business days.',
};
const find = (draft: string, s: SopStepInfo | null = step) =>
  scorer.find(buildView(draft), { context: {}, step: s ?? undefined, lang: 'zh' });

describe('disclosure scorer', () => {
  it('flags a closing draft that leaves out a required disclosure, on the closing phrase', () => {
    const draft = '退款金额就是实付金额。还有其他问题吗？';
    const [m] = find(draft);
    expect(draft.slice(m!.start, m!.end)).toBe('还有其他问题吗');
    expect(m!.detail?.en).toBe('refund_time');
    expect(m!.rewrite?.zh).toBe(step.scriptZh);
  });

  it('passes once every key with cues is stated, in either language', () => {
    expect(find('金额为实付金额，储蓄卡 1-3 个工作日到账。还有其他问题吗？')).toEqual([]);
    expect(find('You get back what you paid, instantly. Anything else?')).toEqual([]);
  });

  it('waits until the draft closes, and needs a step with something to disclose', () => {
    expect(find('好的，我这就提交退款')).toEqual([]);
    expect(find('退款已提交，还有其他问题吗？', null)).toEqual([]);
    expect(find('退款已提交，还有其他问题吗？', { ...step, mustDisclose: [] })).toEqual([]);
  });
});
