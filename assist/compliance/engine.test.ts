import { describe, expect, it } from 'vitest';
import { createPiiDetector } from '#src/core/pii/index.ts';
import { DEFAULT_PACK_INPUT, defaultPack } from './default-pack.ts';
import { demoComplianceKnowledge } from './demo-knowledge.ts';
import { createComplianceChecker, isBlocked, MAX_CHECKED_CHARS } from './engine.ts';
import type { CheckContext, Finding } from './types.ts';

const checker = createComplianceChecker(defaultPack(), {
  detector: createPiiDetector(),
  knowledge: demoComplianceKnowledge(),
});

const categories = (draft: string, context?: CheckContext) =>
  [
    ...new Set(
      checker
        .check(draft, context)
        .filter((f) => f.severity !== 'info')
        .map((f) => f.category),
    ),
  ].sort();

/** The finding's span in the draft as typed. */
const span = (draft: string, f: Finding) => draft.slice(f.start, f.end);

describe('createComplianceChecker — the issue examples', () => {
  it('treats "我们无法保证送达时间" and "I don\'t know yet, I\'ll check" as clean', () => {
    expect(checker.check('我们无法保证送达时间')).toEqual([]);
    expect(checker.check("I don't know yet, I'll check")).toEqual([]);
  });

  it('flags each category on a typical draft', () => {
    expect(categories('您的手机号是 13812345678，快递员会联系您。')).toEqual(['pii_leak']);
    expect(categories('这个我不知道，您问问快递吧。')).toEqual(['forbidden_phrase']);
    expect(categories("That's not my problem.")).toEqual(['forbidden_phrase']);
    expect(categories('我保证明天一定送到。')).toEqual(['unauthorized_promise']);
    expect(categories('I guarantee it will arrive by Friday.')).toEqual(['unauthorized_promise']);
    expect(categories('你是不是傻？')).toEqual(['rude_tone']);
    expect(categories('爱买不买。')).toEqual(['rude_tone']);
    expect(categories('Did you even read my message?')).toEqual(['rude_tone']);
    expect(
      categories('退款已经为您提交了，请问还有其他可以帮您的吗？', {
        sop: 'refund',
        step: 'disclose-refund-time',
      }),
    ).toEqual(['missing_disclosure']);
    expect(categories('退款一般 3-5 个工作日到账。')).toEqual(['kb_contradiction']);
  });

  it('returns findings with rule, category, severity, offsets into the original draft, message and rewrite', () => {
    const draft = '好的，电话 13812345678 已记录。';
    const [f] = checker.check(draft);
    expect(f).toMatchObject({ rule: 'pii.in-clear', category: 'pii_leak', severity: 'block' });
    expect(span(draft, f!)).toBe('13812345678');
    expect(f!.message).toContain('PHONE');
    expect(f!.rewrite).toBe('138****5678');
  });

  it('tells the agent what the knowledge base says', () => {
    const draft = 'Refunds to a debit card take 5-7 business days.';
    const [f] = checker.check(draft);
    expect(span(draft, f!)).toBe('5-7 business days');
    expect(f!.message).toContain('1-3 business days');
    expect(f!.message).toContain('7 business days');
  });

  it('offers the SOP step script as the rewrite for a missing disclosure', () => {
    const draft = 'Your refund has been submitted. Anything else I can help with?';
    const [f] = checker.check(draft, { sop: 'refund', step: 'disclose-refund-time' });
    expect(f!.category).toBe('missing_disclosure');
    expect(span(draft, f!)).toBe('Anything else');
    expect(f!.message).toContain('refund_time');
    expect(f!.rewrite).toContain('business days');
  });
});

describe('createComplianceChecker — precision', () => {
  it.each([
    '不知道您现在方便接电话吗？',
    "I can't promise, but I'll try to get it out today.",
    '您预留的手机号是 138****5678。',
    '收件人 <PERSON_1>，电话 <PHONE_1>。',
    '请您一定保管好验证码，不要告诉任何人。',
    '您说“你们客服是不是傻”，我理解您很生气。',
    '储蓄卡 1-3 个工作日到账，信用卡最长 7 个工作日。',
    'It has been 12 days since delivery, so the 7-day no-reason window has passed.',
    'Our hotline is 400-820-1234.',
  ])('keeps %s clean', (draft) => {
    expect(categories(draft)).toEqual([]);
  });

  it('does not judge a disclosure without SOP context, or before the draft closes the topic', () => {
    expect(categories('退款已经为您提交了，请问还有其他可以帮您的吗？')).toEqual([]);
    expect(categories('好的，我这就为您提交退款。', { sop: 'refund', step: 'disclose-refund-time' })).toEqual(
      [],
    );
  });

  it('lets a step that reads PII back on purpose show it, as info only', () => {
    const draft = '跟您核对一下：收件人李娜，电话 13912345678，确认无误我就提交。';
    const findings = checker.check(draft, { sop: 'address-change', step: 'confirm-new-address' });
    expect(findings.map((f) => [f.category, f.severity])).toEqual([['pii_leak', 'info']]);
    expect(categories(draft)).toEqual(['pii_leak']);
  });

  it('reports an unauthorized money offer once, as a promise, not also as a KB contradiction', () => {
    const findings = checker.check('这次延误我们赔您 200 元。');
    expect(findings.map((f) => f.category)).toEqual(['unauthorized_promise']);
    expect(isBlocked(findings)).toBe(true);
  });
});

describe('createComplianceChecker — failure cases', () => {
  it('returns no findings for an empty or blank draft', () => {
    expect(checker.check('')).toEqual([]);
    expect(checker.check('   \n\t ')).toEqual([]);
    expect(checker.check('\u200b\u200b')).toEqual([]);
  });

  it('checks a 50,000-character paste in bounded time and still finds what is in it', () => {
    const para =
      '您好，退款已经提交，储蓄卡 1-3 个工作日到账。Your refund will arrive in 1-3 business days. 这不归我管。电话 13812345678。';
    const draft = para.repeat(Math.ceil(50_000 / para.length)).slice(0, 50_000);
    const started = performance.now();
    const findings = checker.check(draft);
    const ms = performance.now() - started;
    expect(ms).toBeLessThan(500);
    expect(findings.some((f) => f.category === 'forbidden_phrase')).toBe(true);
    expect(findings.some((f) => f.category === 'pii_leak')).toBe(true);
    for (const f of findings) expect(f.end).toBeLessThanOrEqual(draft.length);
  });

  it('checks only a prefix of an absurdly long draft', () => {
    const draft = `${'好'.repeat(MAX_CHECKED_CHARS)}这不归我管`;
    expect(checker.check(draft)).toEqual([]);
  });

  it('handles mixed zh/en text with both languages’ rules', () => {
    const draft = '这个 refund 的进度我不清楚。Also, I guarantee delivery tomorrow.';
    expect(categories(draft)).toEqual(['forbidden_phrase', 'unauthorized_promise']);
  });

  it('sees through full-width characters and spacing tricks, with offsets into the original', () => {
    const cases: [string, string, string][] = [
      ['这个我 不 知 道，您问别人吧。', '不 知 道', 'forbidden_phrase'],
      ['Ｉ ｇｕａｒａｎｔｅｅ delivery tomorrow.', 'Ｉ ｇｕａｒａｎｔｅｅ', 'unauthorized_promise'],
      ["It's g u a r a n t e e d to ship by Monday.", 'g u a r a n t e e d', 'unauthorized_promise'],
      ['你 是 不 是 傻', '是 不 是 傻', 'rude_tone'],
      ['手机号 1 3 9 8 8 7 7 6 6 5 5 已更新', '1 3 9 8 8 7 7 6 6 5 5', 'pii_leak'],
      ['不*知*道，等通知吧', '不*知*道', 'forbidden_phrase'],
    ];
    for (const [draft, expected, category] of cases) {
      const f = checker.check(draft).find((x) => x.category === category);
      expect(f, draft).toBeDefined();
      expect(span(draft, f!), draft).toBe(expected);
    }
  });

  it('writes messages in the agent locale when given, else in the draft language', () => {
    const draft = '这不归我管';
    expect(checker.check(draft)[0]!.message).toMatch(/禁用语/);
    expect(checker.check(draft, { locale: 'en' })[0]!.message).toMatch(/Dismissive/);
  });
});

describe('createComplianceChecker — tenant packs', () => {
  it('compiles a custom pack and skips disabled rules', () => {
    const custom = createComplianceChecker(
      {
        id: 'northwind',
        version: 3,
        rules: [
          {
            id: 'nw.competitor',
            category: 'forbidden_phrase',
            lang: 'any',
            matcher: { kind: 'phrases', phrases: ['去别家买'], exceptions: [], negations: ['不用'] },
            severity: 'warn',
            message: { zh: '不要把客户推给竞争对手', en: 'Do not send customers to competitors' },
            rewrite: { zh: '我来帮您解决', en: 'Let me sort it out' },
          },
          {
            id: 'nw.off',
            category: 'rude_tone',
            lang: 'any',
            enabled: false,
            matcher: { kind: 'phrases', phrases: ['去别家买'] },
            severity: 'block',
            message: { zh: 'x', en: 'x' },
            rewrite: { zh: 'x', en: 'x' },
          },
        ],
      },
      { detector: createPiiDetector() },
    );
    expect(custom.pack).toEqual({ id: 'northwind', version: 3 });
    expect(custom.check('那您去别家买吧').map((f) => [f.rule, f.severity])).toEqual([
      ['nw.competitor', 'warn'],
    ]);
    expect(custom.check('不用去别家买，我来处理')).toEqual([]);
  });

  it('refuses to compile an invalid pack', () => {
    const broken = structuredClone(DEFAULT_PACK_INPUT);
    broken.rules[0] = { ...broken.rules[0]!, matcher: { kind: 'pattern', pattern: '(a+)+$' } };
    expect(() => createComplianceChecker(broken, { detector: createPiiDetector() })).toThrow();
  });
});

describe('createComplianceChecker — quoting the customer', () => {
  it('does not blame the agent for repeating the customer’s words as reported speech', () => {
    const customer = '你们客服是不是傻，说好的明天到呢？';
    const draft = '您说客服是不是傻，我理解您的心情，真的很抱歉。';
    expect(categories(draft)).toEqual(['rude_tone']);
    expect(categories(draft, { customer })).toEqual([]);
  });

  it('still flags personal data the agent repeats from the customer', () => {
    const customer = '我的电话是13812345678';
    expect(categories('您说电话是 13812345678 对吗？', { customer })).toEqual(['pii_leak']);
  });
});
