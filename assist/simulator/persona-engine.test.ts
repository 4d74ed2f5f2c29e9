import { describe, expect, it } from 'vitest';
import { DEMO_CARDS } from './cards/demo-cards.ts';
import { createSession, playScript, resumeSession, type SessionState } from './persona-engine.ts';

const card = (id: string) => DEMO_CARDS.find((c) => c.id === id)!;

const GOOD_ZH = [
  '非常抱歉让您久等了，您的心情我理解。麻烦提供一下订单号，我马上帮您查。',
  '查到了，退款已经在 5 天前原路退回了。请问您当时是用什么方式支付的呢？',
  '信用卡的退款需要发卡行入账，最长 7 个工作日，现在还在正常时效内。真的很抱歉让您着急了。',
  '还有其他可以帮您的吗？',
];

describe('persona engine', () => {
  it('opens with the goal and replays identically with the same seed', () => {
    const a = playScript(card('refund-credit-card-late-zh'), GOOD_ZH, 42);
    const b = playScript(card('refund-credit-card-late-zh'), GOOD_ZH, 42);
    expect(a.session.opening).toContain(card('refund-credit-card-late-zh').goal);
    expect(a.replies.map((r) => r.customerText)).toEqual(b.replies.map((r) => r.customerText));
    expect(a.verdict).toEqual(b.verdict);
    expect(a.verdict.passed).toBe(true);
    expect(a.verdict.endReason).toBe('criteria-met');
  });

  it('reveals a hidden fact only when the trainee asks the right question', () => {
    const s = createSession(card('refund-credit-card-late-en'), 1);
    const vague = s.reply('Hello, could you give me the order number?');
    expect(vague.revealed).toEqual(['order_number']);
    expect(vague.customerText).not.toContain('credit card');
    const right = s.reply('Thanks. How did you pay for the order?');
    expect(right.revealed).toEqual(['paid_credit_card']);
    expect(right.customerText).toContain('I paid by credit card.');
  });

  it('is resumable: a session stored as JSON after the trainee left continues exactly', () => {
    const whole = playScript(card('refund-credit-card-late-zh'), GOOD_ZH, 7);
    const first = createSession(card('refund-credit-card-late-zh'), 7);
    first.reply(GOOD_ZH[0]!);
    first.reply(GOOD_ZH[1]!);
    const stored = JSON.parse(JSON.stringify(first.state())) as SessionState;
    const resumed = resumeSession(card('refund-credit-card-late-zh'), stored);
    if (!resumed.ok) throw new Error(resumed.reason);
    const rest = [resumed.session.reply(GOOD_ZH[2]!), resumed.session.reply(GOOD_ZH[3]!)];
    expect(rest.map((r) => r.customerText)).toEqual(whole.replies.slice(2).map((r) => r.customerText));
    expect(resumed.session.verdict()).toEqual(whole.verdict);
  });

  it('refuses to resume a state against another card or version', () => {
    const s = createSession(card('refund-unshipped-zh'), 3);
    const other = resumeSession(card('refund-unshipped-en'), s.state());
    expect(other).toEqual({ ok: false, reason: expect.stringContaining('refund-unshipped-zh') });
    const bumped = { ...card('refund-unshipped-zh'), version: 2 };
    expect(resumeSession(bumped, s.state()).ok).toBe(false);
  });

  it('ends the session as failed, with a clear reason, on abusive trainee input', () => {
    const s = createSession(card('complaint-courier-en'), 5);
    const r = s.reply('Shut up, you idiot.');
    expect(r.ended).toBe(true);
    expect(r.endReason).toBe('abusive-trainee');
    expect(r.verdict?.passed).toBe(false);
    expect(r.verdict?.failures).toContain('Abusive trainee input ended the session');
    expect(r.verdict?.scores.empathy).toBe(0);
    // Further replies change nothing.
    const after = s.reply('Sorry, I did not mean that.');
    expect(after.customerText).toBe('');
    expect(s.state().transcript).toHaveLength(3);
  });

  it('escalates an angry customer on rudeness until they leave, and calms with empathy and progress', () => {
    const rude = createSession(card('address-shipped-en'), 9);
    const start = rude.state().mood;
    const r1 = rude.reply("Whatever. It's your own fault, not my problem.");
    expect(r1.mood.value).toBeGreaterThan(start + 20);
    const r2 = rude.reply('How many times do I have to say it? Deal with it.');
    expect(r2.ended).toBe(true);
    expect(r2.endReason).toBe('customer-left');

    const kind = createSession(card('address-shipped-en'), 9);
    const k1 = kind.reply(
      "I'm so sorry about the mix-up. For security, could you give me the order number and the last four digits of the phone number?",
    );
    expect(k1.mood.value).toBeLessThan(start);
  });

  it('a calm customer tolerates more than an angry one', () => {
    const line = 'Calm down, read the website.';
    const calm = createSession(card('refund-unshipped-en'), 2);
    const angry = createSession(card('refund-credit-card-late-en'), 2);
    const dc = calm.reply(line).mood.value - TEMPER_START.calm;
    const da = angry.reply(line).mood.value - TEMPER_START.angry;
    expect(da).toBeGreaterThan(dc);
  });

  it('the customer gives up when patience runs out', () => {
    const s = createSession(card('refund-credit-card-late-en'), 4);
    let last = s.reply('One moment please.');
    for (let i = 0; i < 12 && !last.ended; i++) last = s.reply('Thanks for your patience, still checking.');
    expect(last.ended).toBe(true);
    expect(['patience-exhausted', 'customer-left']).toContain(last.endReason);
    expect(last.verdict?.passed).toBe(false);
  });

  it('keeps the customer talking when the trainee gives in to a forbidden promise, and fails it', () => {
    const { replies, verdict } = playScript(
      card('refund-credit-card-late-en'),
      ['Hello, order number please?', "I'll expedite it, the money will be back today. Anything else?"],
      11,
    );
    expect(replies[1]!.customerText).toMatch(/hold you to that|Perfect/);
    expect(verdict.passed).toBe(false);
    expect(verdict.failures.some((f) => f.includes('up to 7 business days'))).toBe(true);
    expect(verdict.weak).toContain('compliance');
  });
});

const TEMPER_START = { calm: 15, angry: 65 };
