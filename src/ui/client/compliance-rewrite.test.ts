import { describe, expect, it } from 'vitest';
import { defaultPack } from '#assist/compliance/default-pack.ts';
import { demoComplianceKnowledge } from '#assist/compliance/demo-knowledge.ts';
import { createComplianceChecker, isBlocked } from '#assist/compliance/engine.ts';
import { createPiiDetector } from '#src/core/pii/index.ts';
import { applyRewrite, sentenceAround } from './compliance-rewrite.ts';

const checker = createComplianceChecker(defaultPack(), {
  detector: createPiiDetector(),
  knowledge: demoComplianceKnowledge(),
});

/** Apply the first block-level rewrite until nothing blocks (as an agent clicking would). */
function fixAll(draft: string): string {
  let text = draft;
  for (let i = 0; i < 5; i++) {
    const f = checker.check(text).find((x) => x.severity === 'block');
    if (!f) return text;
    text = applyRewrite(text, f).text;
  }
  return text;
}

describe('applyRewrite', () => {
  it('replaces the whole sentence when the rewrite is a sentence, keeping the rest of the draft', () => {
    const draft = '您好！您可以加我微信，我私下给您处理。还有别的问题吗？';
    const f = checker.check(draft).find((x) => x.rule === 'forbidden.off-platform.zh')!;
    const out = applyRewrite(draft, f);
    expect(out.text.startsWith('您好！')).toBe(true);
    expect(out.text.endsWith('还有别的问题吗？')).toBe(true);
    expect(out.text).not.toContain('微信');
    expect(out.text).toContain(f.rewrite);
  });

  it('leaves drafts the shipped rewrites can fix free of block-level findings', () => {
    for (const draft of [
      '我保证明天一定送到。',
      'I guarantee it arrives tomorrow. Thanks for waiting!',
      'Please add me on WeChat so we can talk privately.',
      '你是不是傻，页面上写着呢。',
    ]) {
      const fixed = fixAll(draft);
      expect(isBlocked(checker.check(fixed)), `${draft} → ${fixed}`).toBe(false);
    }
  });

  it('replaces only the span for a short rewrite (a figure from the knowledge base)', () => {
    const draft = 'Refunds take 10 business days to arrive.';
    const f = { category: 'kb_contradiction', start: 13, end: 29, rewrite: '1-3 business days' };
    expect(applyRewrite(draft, f)).toEqual({
      text: 'Refunds take 1-3 business days to arrive.',
      caret: 30,
    });
  });

  it('adds a missing disclosure before the sentence that closes the topic', () => {
    const draft = '已为您提交退款。还有其他问题吗？';
    const start = draft.indexOf('还有其他问题吗');
    const f = {
      category: 'missing_disclosure',
      start,
      end: start + 7,
      rewrite: '退款将在1-3个工作日原路退回。',
    };
    expect(applyRewrite(draft, f).text).toBe('已为您提交退款。退款将在1-3个工作日原路退回。还有其他问题吗？');
  });

  it('finds sentence bounds without splitting numbers', () => {
    const text = 'It costs 3.5 yuan. I promise it is free! Bye.';
    const at = text.indexOf('promise');
    expect(text.slice(...Object.values(sentenceAround(text, at, at + 7)))).toBe('I promise it is free!');
  });
});
