import { describe, expect, it } from 'vitest';
import { comparable, includedShare, REFERENCE_MATCH, replySimilarity } from './similarity.ts';

// The pairs the threshold was fixed on, before any suite run (see similarity.ts).
const SAME_MOVE: [string, string][] = [
  [
    '退款金额为您的实际支付金额，会原路退回：余额、支付宝和微信支付即时到账，储蓄卡 1-3 个工作日，信用卡最长 7 个工作日，请您留意查收。',
    '退款会按您实际支付的金额原路退回，支付宝和微信是即时到账的，储蓄卡一般 1-3 个工作日，信用卡最长 7 个工作日。',
  ],
  [
    '麻烦您提供一下订单号，我马上帮您查看订单状态和支付方式。',
    '您好，麻烦发一下订单号，我帮您查一下订单状态。',
  ],
  [
    'Could you share the order number? I will check its status and how it was paid.',
    'Sure, could you give me your order number so I can check its status?',
  ],
  [
    'You will get back the amount you actually paid, to the original payment method: store balance, Alipay and WeChat Pay arrive instantly, debit cards take 1-3 business days and credit cards up to 7 business days.',
    'The refund goes back to your original payment method for the amount you paid. Alipay and WeChat Pay are instant, debit cards take 1-3 business days, and credit cards can take up to 7 business days.',
  ],
  [
    '我们支持签收后 7 天内无理由退货，商品需要未使用，吊牌、原包装、配件和赠品齐全。',
    '签收 7 天内都可以无理由退货的，只要商品没有使用过，吊牌和包装都在就可以。',
  ],
  [
    "I'm sorry you're still waiting. Let me check where your parcel is right now.",
    'Sorry for the wait! Let me check where your parcel is.',
  ],
  [
    '温馨提醒：客服不会向您索要密码或短信验证码，请不要把验证码告诉任何人。',
    '提醒您一下，我们客服不会问您要密码和验证码的，验证码请不要告诉任何人哦。',
  ],
  [
    "Your refund has been submitted and you'll get a text confirming it. Is there anything else I can help with?",
    'The refund is submitted now. Is there anything else I can help you with?',
  ],
];
const OTHER_MOVE: [string, string][] = [
  [
    '麻烦您提供一下订单号，我马上帮您查看订单状态和支付方式。',
    '退款金额为您的实际支付金额，会原路退回：余额、支付宝和微信支付即时到账，储蓄卡 1-3 个工作日。',
  ],
  [
    'Could you share the order number? I will check its status and how it was paid.',
    "I can see the order hasn't shipped yet, so I can cancel it and refund the full amount, shipping included.",
  ],
  [
    '我们支持签收后 7 天内无理由退货，商品需要未使用，吊牌、原包装、配件和赠品齐全。',
    '如果是无理由退货，寄回运费需要您承担，原订单运费不退；如果是质量问题，我们会安排快递免费上门取件。',
  ],
  [
    '您好，我来帮您办理退货。请问是哪件商品，遇到了什么情况呢？',
    '麻烦您提供一下订单号，我核对一下签收时间和商品信息。',
  ],
  [
    "For a no-reason return the return shipping is on you and the original shipping fee isn't refunded.",
    'The warehouse checks returns within 2 business days of receiving them. Once it passes, the refund goes back to your original payment method.',
  ],
  [
    '退款已经为您提交成功，稍后您会收到短信通知。请问还有其他可以帮您的吗？',
    '退款金额为您的实际支付金额，会原路退回。',
  ],
  [
    'Hello, thanks for contacting Demo Mall. Which order would you like a refund for?',
    'Could you share the order number? I will check its status and how it was paid.',
  ],
];

describe('replySimilarity and the reference threshold', () => {
  it('puts every same-move paraphrase at or above the threshold and every other move below it', () => {
    for (const [a, b] of SAME_MOVE) expect(replySimilarity(a, b), b).toBeGreaterThanOrEqual(REFERENCE_MATCH);
    for (const [a, b] of OTHER_MOVE) expect(replySimilarity(a, b), b).toBeLessThan(REFERENCE_MATCH);
  });

  it('is symmetric, 1 for the same text and 0 against nothing', () => {
    const [a, b] = SAME_MOVE[0]!;
    expect(replySimilarity(a, b)).toBeCloseTo(replySimilarity(b, a), 12);
    expect(replySimilarity(a, a)).toBeCloseTo(1, 12);
    expect(replySimilarity(a, '')).toBe(0);
  });
});

describe('includedShare', () => {
  it('matches must-include strings ignoring case, width, spaces and dash style', () => {
    expect(comparable('１－３ 个工作日')).toBe('1-3个工作日');
    expect(includedShare('储蓄卡 1–3 个工作日到账', ['1-3', '工作日'])).toBe(1);
    expect(includedShare('Debit cards take 1 - 3 Business Days', ['1-3 business days', '¥10'])).toBe(0.5);
    expect(includedShare('anything', [])).toBe(1);
  });
});
