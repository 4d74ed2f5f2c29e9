import { describe, expect, it } from 'vitest';
import { DEMO_ARTICLES } from '#src/db/seed/demo-knowledge.ts';
import { DEMO_SOPS } from '#src/db/seed/demo-sops.ts';
import { createCopilot } from './suggest.ts';
import type { KnowledgeArticle, Message } from './types.ts';

const C = (text: string): Message => ({ role: 'customer', text });
const A = (text: string): Message => ({ role: 'agent', text });
const knowledge: KnowledgeArticle[] = DEMO_ARTICLES.map((a, i) => ({ ...a, id: `kb-${i}` }));
const copilot = createCopilot({ sops: DEMO_SOPS, knowledge });

describe('createCopilot().suggest', () => {
  it('reports the step and up to three suggestions with source, id, reason and score, best first', () => {
    const r = copilot.suggest({
      sop: 'refund',
      messages: [C('不想要了，能直接退钱吗？订单号 2024052188341')],
    });
    expect(r).toMatchObject({ lang: 'zh', sop: 'refund', step: { key: 'check-eligibility', index: 2 } });
    expect(r.suggestions).toHaveLength(3);
    const [first] = r.suggestions;
    expect(first).toMatchObject({ source: 'sop-script', sourceId: 'refund/check-eligibility', lang: 'zh' });
    // The script names the customer's order.
    expect(first!.text).toContain('订单 2024052188341 还没有发货');
    expect(first!.why).toContain('判断退款方式');
    expect(first!.why).toContain('说明退款条件');
    const scores = r.suggestions.map((s) => s.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(
      r.suggestions.filter((s) => s.source === 'knowledge').every((s) => s.sourceId.startsWith('kb-')),
    ).toBe(true);
  });

  it('answers in the customer’s language, detected from their messages or given', () => {
    const en = copilot.suggest({ sop: 'refund', messages: [C('hi, I need a refund')] });
    expect(en.lang).toBe('en');
    expect(en.suggestions.every((s) => s.lang === 'en')).toBe(true);
    expect(en.suggestions[0]!.text).toBe(
      'Hello, thanks for contacting Demo Mall. Which order would you like a refund for?',
    );
    const mixed = copilot.suggest({
      sop: 'logistics-delay',
      messages: [C('我的 order 还没到，都一周了 where is it')],
    });
    expect(mixed.lang).toBe('zh');
    const forced = copilot.suggest({ sop: 'refund', lang: 'zh', messages: [C('refund')] });
    expect(forced.suggestions[0]!.text).toContain('您好');
  });

  it('puts a knowledge answer first when the customer turns to a question another article answers', () => {
    const r = copilot.suggest({
      sop: 'logistics-delay',
      messages: [
        C('My parcel is late'),
        A("I'm sorry you're still waiting."),
        C('Also, can I pay with cash on delivery next time?'),
      ],
    });
    expect(r.step?.key).toBe('verify-order');
    expect(r.suggestions[0]).toMatchObject({ source: 'knowledge' });
    expect(r.suggestions[0]!.text).toContain('Cash on delivery is not available');
    expect(r.suggestions.some((s) => s.source === 'sop-script')).toBe(true);
  });

  it('suggests clarifying questions and knowledge hits without an SOP, and skips the order question once it is known', () => {
    const r = copilot.suggest({ messages: [C('你们支持货到付款吗')] });
    expect(r.sop).toBeNull();
    expect(r.step).toBeNull();
    expect(r.suggestions[0]!.source).toBe('clarifying-question');
    expect(r.suggestions.some((s) => s.source === 'knowledge' && s.text.includes('不支持货到付款'))).toBe(
      true,
    );
    const known = copilot.suggest({
      sop: 'no-such-sop',
      messages: [C('how do I get an invoice for order 66201934')],
    });
    expect(known.sop).toBeNull();
    expect(known.suggestions[0]).toMatchObject({
      sourceId: 'clarify:ask-what-to-do',
      text: 'Thanks, I have order 66201934. What would you like me to do with it?',
    });
  });

  it('works with an empty knowledge base and with no messages at all', () => {
    const bare = createCopilot({ sops: DEMO_SOPS, knowledge: [] });
    const r = bare.suggest({ sop: 'return', messages: [C('想退货')] });
    expect(r.suggestions.map((s) => s.source)).toEqual(['sop-script']);
    const none = bare.suggest({ messages: [] });
    expect(none.suggestions).toHaveLength(1);
    expect(none.suggestions[0]!.sourceId).toBe('clarify:ask-issue');
    expect(bare.knowledgeSize).toBe(0);
  });

  it('uses accepted past replies of the same SOP step, filled with slot values, and learns new ones', () => {
    const c = createCopilot({
      sops: DEMO_SOPS,
      knowledge: [],
      goldenReplies: [
        {
          id: 'g1',
          sop: 'refund',
          step: 'check-eligibility',
          lang: 'en',
          text: 'Order {{order_number}} can be cancelled now for a full refund.',
          context: 'cancel my order',
        },
        { id: 'g2', sop: 'refund', step: 'verify-order', lang: 'en', text: 'Which order number is it?' },
      ],
    });
    const r = c.suggest({ sop: 'refund', messages: [C('please cancel my order 20240611093')] });
    expect(r.suggestions.map((s) => s.sourceId)).toEqual(['refund/check-eligibility', 'g1']);
    expect(r.suggestions[1]).toMatchObject({
      source: 'golden-reply',
      text: 'Order 20240611093 can be cancelled now for a full refund.',
    });
    c.addGoldenReply({
      id: 'g3',
      sop: 'refund',
      step: 'check-eligibility',
      lang: 'en',
      text: "Since it hasn't shipped, I'll cancel and refund it in full.",
      context: 'cancel order',
    });
    expect(
      c
        .suggest({ sop: 'refund', messages: [C('please cancel my order 20240611093')] })
        .suggestions.map((s) => s.sourceId),
    ).toContain('g3');
    expect(c.removeGoldenReply('g3')).toBe(true);
  });

  it('picks up knowledge edits without a rebuild', () => {
    const c = createCopilot({ sops: DEMO_SOPS, knowledge: [] });
    c.upsertArticle({
      id: 'hk',
      lang: 'en',
      title: 'Hong Kong delivery',
      body: 'Hong Kong orders cost ¥30 to ship and arrive in 5-8 days.',
    });
    expect(
      c.suggest({ messages: [C('How much is shipping to Hong Kong?')] }).suggestions.map((s) => s.sourceId),
    ).toContain('hk');
    expect(c.removeArticle('hk')).toBe(true);
    expect(
      c.suggest({ messages: [C('How much is shipping to Hong Kong?')] }).suggestions.map((s) => s.sourceId),
    ).not.toContain('hk');
  });

  it('resolves an SOP by its skill key when only one SOP has that skill', () => {
    expect(copilot.suggest({ sop: 'ecommerce.refund', messages: [C('refund')] }).sop).toBe('refund');
    // return and exchange share ecommerce.returns, so the skill names neither.
    expect(copilot.suggest({ sop: 'ecommerce.returns', messages: [C('return')] }).sop).toBeNull();
  });

  it('follows the tenant style guide', () => {
    const styled = createCopilot({
      sops: DEMO_SOPS,
      knowledge: [],
      styleGuide: {
        zhAddress: 'ni',
        enContractions: 'expand',
        opener: { zh: '亲，', en: 'Hi there!' },
        bannedPhrases: ['Demo Mall'],
      },
    });
    const zh = styled.suggest({ sop: 'refund', messages: [C('退款'), A('您好'), C('我想退一笔订单')] });
    expect(zh.suggestions[0]!.text).toBe('麻烦你提供一下订单号，我马上帮你查看订单状态和支付方式。');
    const first = styled.suggest({ sop: 'logistics-delay', messages: [C('where is order 20240605117')] });
    expect(first.suggestions[0]!.text.startsWith('Hi there! ')).toBe(true);
    expect(first.suggestions[0]!.text).toContain('Here is the latest tracking update');
    // The refund greeting names "Demo Mall", which this tenant bans.
    expect(styled.suggest({ sop: 'refund', messages: [C('refund please')] }).suggestions).toEqual([]);
  });

  it('returns the same answer for the same input', () => {
    const conv = { sop: 'exchange', messages: [C('M码能换成L码吗？订单号 3390217745')] };
    expect(copilot.suggest(conv)).toEqual(copilot.suggest(conv));
  });
});
