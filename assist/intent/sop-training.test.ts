import { describe, expect, it } from 'vitest';
import { DEMO_SOPS } from '#src/db/seed/demo-sops.ts';
import { BACKGROUND_EN, BACKGROUND_ZH } from './background.ts';
import { NONE_LABEL } from './classifier.ts';
import { sopExamples, sopTextsFromRows, sopTextsFromSeed, trainSopClassifier } from './sop-training.ts';

const ROWS = {
  sops: [
    {
      id: 's1',
      key: 'refund',
      nameZh: '退款申请',
      nameEn: 'Refund request',
      resolutionZh: '退款已提交',
      resolutionEn: 'Refund submitted',
    },
    {
      id: 's2',
      key: 'invoice',
      nameZh: '开发票',
      nameEn: 'Invoice request',
      resolutionZh: '发票已申请',
      resolutionEn: 'Invoice requested',
    },
  ],
  steps: [
    {
      sopId: 's2',
      titleZh: '核对抬头',
      titleEn: 'Check the title',
      scriptZh: '请提供发票抬头和税号',
      scriptEn: 'Please give the invoice title and tax number',
    },
  ],
  phrasings: [
    { sopId: 's1', text: '我要退款' },
    { sopId: 's1', text: 'I want my money back' },
    { sopId: 's2', text: '开发票' },
    { sopId: 'gone', text: 'phrasing of a deleted SOP' },
  ],
};

describe('SOP training data', () => {
  it('groups stored rows by SOP key, with steps as context and orphans dropped', () => {
    const texts = sopTextsFromRows(ROWS);
    expect(texts.map((t) => t.key)).toEqual(['refund', 'invoice']);
    expect(texts[0]!.phrasings).toEqual(['我要退款', 'I want my money back']);
    expect(texts[1]!.context).toContain('请提供发票抬头和税号');
    expect(texts.flatMap((t) => t.phrasings)).not.toContain('phrasing of a deleted SOP');
  });

  it('weights phrasings fully, SOP context weakly and the background as one average SOP', () => {
    const examples = sopExamples(sopTextsFromRows(ROWS));
    const phrasing = examples.find((e) => e.text === '我要退款')!;
    expect(phrasing.weight ?? 1).toBe(1);
    expect(examples.find((e) => e.text === 'Refund request')!.weight).toBe(0.5);
    const background = examples.filter((e) => e.label === NONE_LABEL);
    expect(background).toHaveLength(BACKGROUND_ZH.length + BACKGROUND_EN.length);
    const total = background.reduce((s, e) => s + (e.weight ?? 1), 0);
    expect(total).toBeCloseTo(1.5); // 3 phrasings over 2 SOPs
    expect(sopExamples(sopTextsFromRows(ROWS), { background: false, sopContext: false })).toHaveLength(3);
  });

  it('builds a working tenant classifier from the demo SOP seed', () => {
    const clf = trainSopClassifier(sopTextsFromSeed(DEMO_SOPS));
    expect(clf.labels).toEqual(DEMO_SOPS.map((s) => s.key).sort());
    expect(clf.classify('发票抬头怎么修改').label).toBe('invoice');
    expect(clf.classify('在吗？').label).toBe(NONE_LABEL);
    const t0 = performance.now();
    for (let i = 0; i < 200; i++) clf.classify('my parcel says delivered but I never got it');
    expect((performance.now() - t0) / 200).toBeLessThan(1);
  });
});
