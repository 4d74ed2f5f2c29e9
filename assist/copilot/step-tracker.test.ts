import { describe, expect, it } from 'vitest';
import { DEMO_SOPS } from '#src/db/seed/demo-sops.ts';
import { FACT_DETECTORS } from './facts.ts';
import { trackSteps } from './step-tracker.ts';
import type { CopilotSop, Message } from './types.ts';

const sop = (key: string): CopilotSop => {
  const found = DEMO_SOPS.find((s) => s.key === key);
  if (!found) throw new Error(`no demo SOP ${key}`);
  return found;
};
const C = (text: string): Message => ({ role: 'customer', text });
const A = (text: string): Message => ({ role: 'agent', text });

/** What a customer says when asked for each fact a demo SOP verifies on the customer's side. */
const ANSWERS: Record<string, Record<'zh' | 'en', string>> = {
  order_number: { zh: '订单号 2024052188341', en: 'order number 2024052188341' },
  account_identity: { zh: '手机尾号 5678', en: 'last four digits are 5678' },
  delivery_address: { zh: '对，地址没错', en: 'yes that address is correct' },
  new_address: { zh: '新地址是 <ADDRESS_1>', en: 'new address is <ADDRESS_1>' },
  invoice_title: { zh: '抬头写公司名称：演示科技有限公司', en: 'company name is Demo Tech Ltd' },
  company_tax_id: { zh: '税号 91350100M000100Y43', en: 'tax id 91350100M000100Y43' },
  invoice_email: { zh: '发到 <EMAIL_1>', en: 'send it to <EMAIL_1>' },
  coupon_code: { zh: '是新人券', en: 'the new user coupon' },
  payment_method: { zh: '用的微信支付', en: 'I used WeChat Pay' },
};

describe('trackSteps on the demo SOPs', () => {
  it('has a detector for every mustVerify and mustDisclose key the demo SOPs use', () => {
    const keys = new Set(
      DEMO_SOPS.flatMap((s) => s.steps.flatMap((st) => [...st.mustVerify, ...st.mustDisclose])),
    );
    expect([...keys].filter((k) => !FACT_DETECTORS[k])).toEqual([]);
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`advances exactly one step per script when an agent follows each SOP in ${lang}`, () => {
      for (const s of DEMO_SOPS) {
        const messages: Message[] = [C(lang === 'zh' ? '你好' : 'hi')];
        for (let i = 0; i < s.steps.length; i++) {
          const r = trackSteps(s, messages);
          expect(r.step?.key, `${s.key} before step ${i}`).toBe(s.steps[i]!.key);
          const step = s.steps[i]!;
          messages.push(A(lang === 'zh' ? step.scriptZh : step.scriptEn));
          const pending = trackSteps(s, messages).steps[i]!.facts.filter((f) => !f.done);
          const reply = pending.map((f) => ANSWERS[f.fact]?.[lang] ?? 'ok').join(lang === 'zh' ? '，' : ', ');
          messages.push(C(reply || 'ok'));
        }
        const end = trackSteps(s, messages).step!;
        expect(end.complete, `${s.key} complete`).toBe(true);
        expect(end.key).toBe(s.steps.at(-1)!.key);
      }
    });
  }

  it('starts at the greeting, with nothing missing, before the agent has said anything', () => {
    const r = trackSteps(sop('refund'), [C('我要退款')]);
    expect(r.step).toMatchObject({ key: 'greet', index: 0, missing: [], complete: false });
  });

  it('skips the greeting when the first message already gives the order number', () => {
    const r = trackSteps(sop('refund'), [C('不想要了，能直接退钱吗？订单号 2024052188341')]);
    expect(r.steps[0]!.status).toBe('passed');
    expect(r.steps[1]!.status).toBe('done');
    expect(r.step?.key).toBe('check-eligibility');
    expect(r.step?.missing.map((m) => m.fact)).toEqual(['refund_conditions']);
  });

  it('reports the evidence of each fact: the message, who said it and how it counts', () => {
    const r = trackSteps(sop('refund'), [C('refund please'), A('Which order?'), C('it is order 88213945.')]);
    const verify = r.steps[1]!.facts;
    expect(verify[0]).toMatchObject({
      fact: 'order_number',
      done: true,
      evidence: { via: 'stated', message: 2, role: 'customer', excerpt: '88213945' },
    });
    // The agent sees the payment method in the order system once the order is known.
    expect(verify[1]).toMatchObject({
      fact: 'payment_method',
      done: true,
      evidence: { via: 'lookup', message: -1, role: null },
    });
    expect(verify[0]!.label).toEqual({ zh: '核实订单号', en: 'verify the order number' });
  });

  it('counts a masked order placeholder as the order number', () => {
    const r = trackSteps(sop('logistics-delay'), [C('where is <ORDER_1>?')]);
    expect(r.steps[1]!.facts[0]).toMatchObject({ done: true, evidence: { excerpt: '<ORDER_1>' } });
  });

  it('does not look up a fact the step script asks the customer for', () => {
    // The payment-failed verify step asks "did you pay with …?", so the method is not implied.
    const r = trackSteps(sop('payment-failed'), [
      C('付款失败'),
      A('您好，请问是哪笔订单？'),
      C('2024061877'),
    ]);
    expect(r.step?.key).toBe('verify-order');
    expect(r.step?.missing.map((m) => m.fact)).toEqual(['payment_method']);
  });

  it('never lets a customer tick a disclosure, whatever they claim', () => {
    const messages = [
      C('refund order 88213945'),
      A("Thanks! Order 88213945 hasn't shipped, so I can cancel it and refund the full amount."),
      C(
        'You already told me the refund arrives instantly to my credit card and debit cards take 1-3 business days.',
      ),
    ];
    const r = trackSteps(sop('refund'), messages);
    expect(r.step?.key).toBe('disclose-refund-time');
    expect(r.step?.missing.map((m) => m.fact)).toEqual(['refund_time']);
  });

  it('needs the agent to read a new address back; the customer giving it early does not skip identity checks', () => {
    const early = trackSteps(sop('address-change'), [C('我搬家了，订单 5512098 改成 <ADDRESS_1>')]);
    expect(early.step?.key).toBe('verify-identity');
    expect(early.step?.missing.map((m) => m.fact)).toEqual(['account_identity']);
    expect(early.steps[3]!.status).toBe('done');
    expect(early.steps[4]!.status).toBe('pending');
    const readBack = trackSteps(sop('address-change'), [
      C('改地址'),
      A('请问是哪笔订单？'),
      C('5512098'),
      A('麻烦告诉我下单手机号的后四位。'),
      C('6621'),
      A('收货地址只能在发货前修改，您的订单还没有发货，可以马上修改。'),
      C('好'),
      A('请把新的收货地址发给我。'),
      C('新地址 <ADDRESS_1>'),
    ]);
    expect(readBack.step?.key).toBe('confirm-new-address');
    const after = trackSteps(sop('address-change'), [
      C('改地址'),
      A('请问是哪笔订单？'),
      C('5512098'),
      A('麻烦告诉我下单手机号的后四位。'),
      C('6621'),
      A('收货地址只能在发货前修改，您的订单还没有发货，可以马上修改。'),
      C('好'),
      A('请把新的收货地址发给我。'),
      C('新地址 <ADDRESS_1>'),
      A('跟您核对一下新地址：<ADDRESS_1>，没问题我就提交。'),
    ]);
    expect(after.step?.key).toBe('confirm-resolution');
  });

  it('takes a bare answer to the agent’s request and a "yes" to a confirmation', () => {
    const digits = trackSteps(sop('address-change'), [
      C('change address'),
      A('Which order?'),
      C('44120987'),
      A('Could you give me the last four digits of the phone number on the order?'),
      C('3390'),
    ]);
    expect(digits.steps[1]!.facts[1]).toMatchObject({
      fact: 'account_identity',
      done: true,
      evidence: { message: 4 },
    });
    const yes = trackSteps(sop('membership'), [
      C('会员问题'),
      A('您好，请问想了解等级、积分还是权益？'),
      C('等级'),
      A('请确认一下您当前登录的账号就是要查询的账号。'),
      C('是的'),
    ]);
    expect(yes.steps[1]!.facts[0]).toMatchObject({ done: true, evidence: { via: 'confirmed', message: 4 } });
    expect(yes.step?.key).toBe('explain-tiers');
  });

  it('marks a step passed, listing what it skipped, once the agent completes a later one', () => {
    const r = trackSteps(sop('lost-parcel'), [
      C('包裹没收到'),
      A('非常抱歉，麻烦提供一下订单号'),
      C('8871203'),
      A('我已经为您向快递公司发起丢件调查，调查需要 3 个工作日。'),
    ]);
    expect(r.steps[2]!.status).toBe('passed');
    expect(r.step?.key).toBe('offer-reship-or-refund');
    expect(r.step?.skipped.map((m) => m.fact)).toEqual(['delivery_address']);
  });

  it('answers the customer’s question first when it is about a later disclosure', () => {
    const question = trackSteps(sop('coupon'), [
      C('The birthday coupon expired yesterday, can you extend it?'),
    ]);
    expect(question.step?.key).toBe('explain-expiry');
    expect(question.step?.skipped.map((m) => m.fact)).toEqual(['coupon_rules']);
    // An answer to the agent's question is not a question about a later step.
    const answer = trackSteps(sop('payment-failed'), [
      C('支付不了'),
      A('您好，请问是哪笔订单，用的什么支付方式？'),
      C('订单 2024061877，用的信用卡'),
    ]);
    expect(answer.step?.key).toBe('diagnose-cause');
    // Nor does it jump past a verification that is still open.
    const waiting = trackSteps(sop('refund'), [
      C('refund'),
      A('Which order?'),
      C('how long does a credit card refund take?'),
    ]);
    expect(waiting.step?.key).toBe('verify-order');
  });

  it('lets a chooser pick among menu steps and returns null for an SOP without steps', () => {
    const menu: CopilotSop = {
      key: 'faq',
      menuFrom: 0,
      steps: ['cancel', 'track'].map((key) => ({
        key,
        titleZh: key,
        titleEn: key,
        scriptZh: '',
        scriptEn: '',
        mustVerify: [],
        mustDisclose: [],
      })),
    };
    const chosen = trackSteps(menu, [C('where is my parcel')], { chooseMenuStep: () => 'track' });
    expect(chosen.step?.key).toBe('track');
    expect(trackSteps(menu, [C('x')]).step?.key).toBe('cancel');
    expect(trackSteps({ key: 'empty', steps: [] }, [C('x')]).step).toBeNull();
  });
});
