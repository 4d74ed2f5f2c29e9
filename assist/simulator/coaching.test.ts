import { describe, expect, it } from 'vitest';
import { DEMO_CARDS } from './cards/demo-cards.ts';
import { analyzeReply, contextFor, emptyProgress } from './coaching.ts';
import { demoKnowledge } from './knowledge.ts';
import { DEMO_SIM_SOPS } from './sop.ts';

const knowledge = demoKnowledge();
function coach(cardId: string, text: string, mood = 20) {
  const card = DEMO_CARDS.find((c) => c.id === cardId)!;
  const ctx = contextFor(card, DEMO_SIM_SOPS.find((s) => s.key === card.sop)!, knowledge);
  return analyzeReply({ card, ctx, progress: emptyProgress(), turn: 1, text, customerSaid: '', mood });
}

describe('per-reply coaching', () => {
  it('names the steps a reply covers and the next one', () => {
    const { report } = coach(
      'refund-unshipped-zh',
      '您好，很高兴为您服务！麻烦您提供一下订单号，我帮您查看订单状态。',
    );
    expect(report.stepsCovered).toEqual(expect.arrayContaining(['greet', 'verify-order']));
    expect(report.verified.map((v) => v.key)).toContain('order_number');
    expect(report.nextStep?.key).toBe('disclose-refund-time');
    expect(report.tips.at(-1)).toBe('下一步：告知退款金额与到账时间');
  });

  it('flags a wrong refund time against the knowledge base, and does not count it as disclosed', () => {
    const { report, progress } = coach(
      'refund-unshipped-en',
      'Your refund will be back on your card within 14 business days.',
    );
    expect(report.accuracy.wrong).toEqual([
      expect.objectContaining({ quote: '14 business days', unit: 'day' }),
    ]);
    expect(report.findings).toContainEqual(
      expect.objectContaining({ kind: 'kb_contradiction', quote: '14 business days' }),
    );
    expect(progress.disclosed).not.toContain('refund_time');
    expect(progress.attempted).toContain('refund_time');
    const ok = coach(
      'refund-unshipped-en',
      'Refunds reach a debit card in 1-3 business days, a credit card in up to 7.',
    );
    expect(ok.report.accuracy.wrong).toEqual([]);
    expect(ok.progress.disclosed).toContain('refund_time');
  });

  it('reports compliance findings: a card rule, a secret asked, off-platform contact, rudeness', () => {
    const rule = coach('refund-credit-card-late-zh', '我帮您加急，今天之内一定到账。');
    expect(rule.report.findings).toContainEqual(
      expect.objectContaining({ kind: 'must_not_accept', severity: 'block', rule: 0 }),
    );
    const secret = coach('account-locked-urgent-zh', '请把手机收到的验证码告诉我，我帮您解锁。');
    expect(secret.report.findings.map((f) => f.kind)).toContain('privacy');
    const notSecret = coach(
      'account-locked-urgent-zh',
      '温馨提醒：客服不会向您索要密码或短信验证码，请不要把验证码告诉任何人。',
    );
    expect(notSecret.report.findings).toEqual([]);
    expect(notSecret.report.disclosed.map((d) => d.key)).toContain('no_password_request');
    const off = coach('coupon-stacking-en', 'Add me on WeChat and I will sort it privately.');
    expect(off.report.findings.map((f) => f.kind)).toContain('offplatform');
    const rude = coach('coupon-stacking-en', "Calm down, it's your own fault.");
    expect(rude.report.findings.filter((f) => f.kind === 'rude').length).toBeGreaterThan(0);
    expect(rude.report.empathy.score).toBe(0);
  });

  it('quotes spans of the original message', () => {
    const text = 'I’m  SORRY for the wait — our CS team will check it.';
    const { report } = coach('refund-unshipped-en', text);
    for (const c of report.empathy.cues) expect(text.slice(c.start, c.end)).toBe(c.quote);
    expect(report.empathy.score).toBe(1);
  });

  it('scores clarity and suggests empathy to an upset customer', () => {
    const long = `${'This is a very long sentence that keeps going and going without any pause at all for the reader '.repeat(3)}.`;
    const { report } = coach('refund-unshipped-en', long, 80);
    expect(report.clarity.score).toBeLessThan(1);
    expect(report.tips).toContain('The customer is upset: acknowledge and apologise first.');
  });

  it('is fast enough to show beside the chat (well under a second per reply)', () => {
    const started = performance.now();
    for (let i = 0; i < 200; i++)
      coach('lost-parcel-signed-zh', `非常抱歉，我已经为您发起丢件调查，调查需要 3 个工作日。第 ${i} 次`);
    const perReply = (performance.now() - started) / 200;
    expect(perReply).toBeLessThan(50);
  });
});
