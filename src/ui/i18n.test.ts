import { describe, expect, it } from 'vitest';
import { format, LANGS, pickStrings, translate } from './i18n.ts';
import { langFromAcceptLanguage } from './lang.ts';
import { scriptSafeJson } from './layout.tsx';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionary', () => {
  it('has the same keys in both languages, none empty, with the same placeholders', () => {
    const zh = pickStrings('zh', ['']);
    const en = pickStrings('en', ['']);
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const [key, enText] of Object.entries(en)) {
      const zhText = zh[key as keyof typeof zh] ?? '';
      expect(enText.trim(), key).not.toBe('');
      expect(zhText.trim(), key).not.toBe('');
      expect(placeholders(zhText), key).toEqual(placeholders(enText));
    }
  });

  it('really is translated: the Chinese text of page headings contains Han characters', () => {
    for (const key of [
      'login.title',
      'agent.queueEmpty',
      'sup.title',
      'admin.title',
      'widget.greeting.title',
    ] as const) {
      expect(translate('zh', key)).toMatch(/\p{Script=Han}/u);
      expect(translate('en', key)).not.toMatch(/\p{Script=Han}/u);
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'agent.waiting', { time: '3 min' })).toBe('waiting 3 min');
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('hands islands only the strings they ask for', () => {
    const picked = pickStrings('en', ['widget.']);
    expect(Object.keys(picked).length).toBeGreaterThan(5);
    expect(Object.keys(picked).every((k) => k.startsWith('widget.'))).toBe(true);
    expect(LANGS).toEqual(['zh', 'en']);
  });
});

describe('langFromAcceptLanguage', () => {
  it.each([
    ['en-US,en;q=0.9,zh-CN;q=0.8', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh'],
    ['fr-FR, en;q=0.5, zh;q=0.7', 'zh'],
    ['en;q=0, zh', 'zh'],
    ['fr', null],
    ['', null],
    [undefined, null],
  ])('%s → %s', (header, lang) => {
    expect(langFromAcceptLanguage(header)).toBe(lang);
  });
});

describe('scriptSafeJson', () => {
  it('cannot close the data block it sits in', () => {
    const json = scriptSafeJson({ text: '</script><script>alert(1)</script> & <!--' });
    expect(json).not.toMatch(/[<>&]/);
    expect(JSON.parse(json)).toEqual({ text: '</script><script>alert(1)</script> & <!--' });
  });
});
