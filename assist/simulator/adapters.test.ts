import { describe, expect, it } from 'vitest';
import { DEMO_CARDS } from './cards/demo-cards.ts';
import { analyzeReply, contextFor, emptyProgress } from './coaching.ts';
import { complianceSignals, kindOf } from './compliance-signals.ts';
import { copilotFacts } from './copilot-facts.ts';
import { lexiconFacts } from './detect.ts';
import { demoKnowledge } from './knowledge.ts';
import { foldMessage } from './phrases.ts';
import { DEMO_SIM_SOPS } from './sop.ts';

const signals = complianceSignals();
const kinds = (text: string) => signals.signals(foldMessage(text)).map((s) => s.kind);

describe('signals from the compliance checker', () => {
  it('maps its findings onto the simulator’s kinds and keeps empathy from the lexicon', () => {
    expect(kindOf({ rule: 'tone.insult.en', category: 'rude_tone' })).toBe('abusive');
    expect(kindOf({ rule: 'pii.ask-secret.zh', category: 'pii_leak' })).toBe('privacy');
    expect(kindOf({ rule: 'kb.stated-fact', category: 'kb_contradiction' })).toBeNull();
    expect(kinds('请把短信验证码发给我')).toContain('privacy');
    expect(kinds('加我微信私聊吧')).toContain('offplatform');
    expect(kinds('I guarantee it will arrive tomorrow.')).toContain('promise');
    expect(kinds("I'm so sorry for the trouble, please bear with me.")).toEqual(
      expect.arrayContaining(['empathy', 'polite']),
    );
    expect(kinds('你是不是傻，听不懂吗')).toContain('abusive');
  });
});

describe('facts shared with the co-pilot', () => {
  const card = DEMO_CARDS.find((c) => c.id === 'return-damaged-item-en')!;
  const ctx = contextFor(card, DEMO_SIM_SOPS.find((s) => s.key === card.sop)!, demoKnowledge(), {
    facts: copilotFacts,
  });
  const run = (text: string) =>
    analyzeReply({ card, ctx, progress: emptyProgress(), turn: 1, text, customerSaid: '', mood: 20 })
      .progress;

  it('credits a disclosure worded the co-pilot’s way, but never one with a wrong number', () => {
    const text = 'The money goes back to your original payment method.';
    const input = { card, sop: ctx.sop, message: foldMessage(text), allowed: ctx.allowed, customerSaid: '' };
    expect(lexiconFacts.detect(input).disclosed.map((d) => d.key)).not.toContain('refund_time');
    expect(run(text).disclosed).toContain('refund_time');
    const wrong = run('Your refund goes back to your original payment method within 20 business days.');
    expect(wrong.disclosed).not.toContain('refund_time');
    expect(wrong.attempted).toContain('refund_time');
  });
});
