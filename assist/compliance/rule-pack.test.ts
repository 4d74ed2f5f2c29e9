import { describe, expect, it } from 'vitest';
import { DEFAULT_PACK_INPUT, defaultPack } from './default-pack.ts';
import { type RulePackInput, validateRulePack } from './rule-pack.ts';
import { CATEGORIES } from './types.ts';

const rule = (matcher: unknown, id = 'r1') => ({
  id,
  category: 'forbidden_phrase',
  lang: 'zh',
  matcher,
  severity: 'warn',
  message: { zh: '消息', en: 'message' },
  rewrite: { zh: '改写', en: 'rewrite' },
});

const pack = (...rules: unknown[]) => ({ id: 'tenant-a', version: 1, rules });

describe('validateRulePack', () => {
  it('accepts the shipped default pack, which covers every category in zh and en', () => {
    const result = validateRulePack(DEFAULT_PACK_INPUT);
    expect(result.ok).toBe(true);
    const rules = defaultPack().rules;
    for (const category of CATEGORIES) {
      const langs = new Set(rules.filter((r) => r.category === category).map((r) => r.lang));
      expect(langs.has('any') || (langs.has('zh') && langs.has('en')), category).toBe(true);
    }
  });

  it('applies defaults (exceptions, negations, flags, enabled)', () => {
    const result = validateRulePack(pack(rule({ kind: 'phrases', phrases: ['不知道'] })));
    expect(result.ok && result.pack.rules[0]).toMatchObject({
      enabled: true,
      matcher: { kind: 'phrases', phrases: ['不知道'], exceptions: [], negations: [] },
    });
  });

  it('rejects an invalid regular expression with the field path', () => {
    const result = validateRulePack(
      pack(
        rule({ kind: 'phrases', phrases: ['a'] }, 'ok'),
        rule({ kind: 'pattern', pattern: '保证(到' }, 'bad'),
      ),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([
      { path: 'rules.1.matcher.pattern', message: expect.stringContaining('not a valid regular expression') },
    ]);
  });

  it.each([
    ['(a+)+$', 'unbounded'],
    ['(?:\\w{1,9}){1,9}x', 'repeated group'],
    ['保证.*送达', 'unbounded'],
    ['(\\d)\\1', 'backreferences'],
    ['a?', 'empty string'],
  ])('rejects %s (catastrophic backtracking or useless)', (pattern, reason) => {
    const result = validateRulePack(pack(rule({ kind: 'pattern', pattern })));
    expect(!result.ok && result.errors[0]).toEqual({
      path: 'rules.0.matcher.pattern',
      message: expect.stringContaining(reason),
    });
  });

  it('rejects unknown flags', () => {
    const result = validateRulePack(pack(rule({ kind: 'pattern', pattern: 'abc', flags: 'gy' })));
    expect(!result.ok && result.errors[0]?.path).toBe('rules.0.matcher.pattern');
  });

  it('checks disclosure cue patterns and names the cue', () => {
    const result = validateRulePack(
      pack({
        ...rule({
          kind: 'scorer',
          scorer: 'disclosure',
          closings: ['还有…吗'],
          cues: { refund_time: ['工作日', '(x+)+'] },
        }),
        category: 'missing_disclosure',
      }),
    );
    expect(!result.ok && result.errors.map((e) => e.path)).toEqual(['rules.0.matcher.cues.refund_time.1']);
  });

  it('rejects duplicate rule ids, unknown categories, severities and scorers', () => {
    const dup = validateRulePack(
      pack(rule({ kind: 'phrases', phrases: ['a'] }), rule({ kind: 'phrases', phrases: ['b'] })),
    );
    expect(!dup.ok && dup.errors.map((e) => e.path)).toEqual(['rules.1.id']);
    const bad = validateRulePack(
      pack({ ...rule({ kind: 'scorer', scorer: 'astrology' }), category: 'gossip', severity: 'fatal' }),
    );
    expect(!bad.ok && bad.errors.map((e) => e.path).sort()).toEqual([
      'rules.0.category',
      'rules.0.matcher.scorer',
      'rules.0.severity',
    ]);
  });

  it('rejects a KB topic whose parent does not exist', () => {
    const result = validateRulePack(
      pack({
        ...rule({
          kind: 'scorer',
          scorer: 'kb',
          topics: [{ id: 'size_exchange', parent: 'exchange', keywords: ['尺码'] }],
        }),
        category: 'kb_contradiction',
      }),
    );
    expect(!result.ok && result.errors.map((e) => e.path)).toEqual(['rules.0.matcher.topics.0.parent']);
  });

  it('requires bilingual message and rewrite', () => {
    const input = pack({ ...rule({ kind: 'phrases', phrases: ['a'] }), message: { zh: '只有中文' } });
    const result = validateRulePack(input as unknown as RulePackInput);
    expect(!result.ok && result.errors.map((e) => e.path)).toEqual(['rules.0.message.en']);
  });
});

describe('validateRulePack — timing', () => {
  it('times every pattern on save and names the slow one', () => {
    let t = 0;
    const slowClock = () => {
      t += 1000;
      return t;
    };
    const result = validateRulePack(pack(rule({ kind: 'pattern', pattern: '保证' })), slowClock);
    expect(!result.ok && result.errors).toEqual([
      { path: 'rules.0.matcher.pattern', message: 'pattern is too slow on long input' },
    ]);
  });
});
