import { describe, expect, it } from 'vitest';
import type { Finding } from '#assist/compliance/types.ts';
import { agentSignal, customerSignal, foldRisk, levelOf, RISK_THRESHOLDS } from './risk-score.ts';

const customer = (text: string, recent = 0) => ({
  ...customerSignal(text, recent),
  role: 'customer' as const,
});

describe('customerSignal', () => {
  it('reads threats to complain in Chinese and English, including 12315 and 曝光', () => {
    for (const text of [
      '我要去12315投诉你们',
      '再不处理我就去网上曝光',
      "I'm going to report you to consumer protection",
      'I will file a complaint',
    ]) {
      expect(customerSignal(text).reasons, text).toContain('complaint_threat');
    }
  });

  it('sees through spacing and full-width tricks', () => {
    expect(customerSignal('我 要 投 诉').reasons).toContain('complaint_threat');
    expect(customerSignal('ｒｅｐｏｒｔ ｙｏｕ').reasons).toContain('complaint_threat');
  });

  it('flags all caps, !!! and repeated contact, alone or from the contact history', () => {
    expect(customerSignal('WHERE IS MY ORDER I PAID LAST WEEK').reasons).toContain('all_caps');
    expect(customerSignal('SKU ID ok').reasons).not.toContain('all_caps');
    expect(customerSignal('还没到？？？').reasons).toContain('exclamation');
    expect(customerSignal('这是我第三次来问了').reasons).toContain('repeated_contact');
    expect(customerSignal('where is my parcel', 2).reasons).toContain('repeated_contact');
    expect(customerSignal('where is my parcel', 1).reasons).toEqual([]);
  });

  it('is zero for a calm question', () => {
    expect(customerSignal('请问我的快递到哪里了？')).toEqual({ score: 0, reasons: [] });
    expect(customerSignal('Could you check my order status please?')).toEqual({ score: 0, reasons: [] });
  });
});

describe('agentSignal', () => {
  const finding = (category: Finding['category'], severity: Finding['severity']): Finding => ({
    rule: 'r',
    category,
    severity,
    start: 0,
    end: 1,
    message: '',
    rewrite: '',
  });

  it('counts sent tone and dismissive findings and an overridden block; info findings do not count', () => {
    expect(agentSignal([finding('rude_tone', 'warn')], false).reasons).toEqual(['agent_tone']);
    expect(agentSignal([finding('forbidden_phrase', 'warn')], true).reasons).toEqual([
      'agent_override',
      'agent_dismissive',
    ]);
    expect(agentSignal([finding('rude_tone', 'info')], false).score).toBe(0);
  });
});

describe('foldRisk', () => {
  it('one explicit threat to complain reaches the alert level', () => {
    const risk = foldRisk([customer('我要去12315投诉你们')]);
    expect(risk.score).toBeGreaterThanOrEqual(RISK_THRESHOLDS.high);
    expect(risk.level).toBe('high');
    expect(risk.reasons[0]).toBe('complaint_threat');
  });

  it('anger that escalates message by message rises through elevated to high', () => {
    const steps = [customer('还没发货吗'), customer('太离谱了'), customer('太差了！！这是第三次了')];
    const levels = steps.map((_, i) => foldRisk(steps.slice(0, i + 1)).level);
    expect(levels).toEqual(['low', 'elevated', 'high']);
    expect(foldRisk(steps).reasons).toContain('escalating');
  });

  it('decays as the conversation calms down', () => {
    const angry = [customer('太离谱了，垃圾服务！！')];
    const calm = [
      ...angry,
      customer('好的谢谢'),
      { score: 0, reasons: [], role: 'agent' as const },
      customer('收到'),
    ];
    expect(foldRisk(calm).score).toBeLessThan(foldRisk(angry).score);
  });

  it('maps scores to levels at the thresholds', () => {
    expect(levelOf(0)).toBe('low');
    expect(levelOf(RISK_THRESHOLDS.elevated)).toBe('elevated');
    expect(levelOf(RISK_THRESHOLDS.high)).toBe('high');
  });
});
