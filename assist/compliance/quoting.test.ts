import { describe, expect, it } from 'vitest';
import { quotesCustomer } from './quoting.ts';
import { foldPhrase } from './text-view.ts';

const at = (draft: string, words: string) =>
  [draft.indexOf(words), draft.indexOf(words) + words.length] as const;

describe('quotesCustomer', () => {
  const customer = foldPhrase('你们客服是不是傻？说好的保证明天到呢');

  it('recognises the customer’s words reported with 您说 earlier in the sentence', () => {
    const draft = '您说客服是不是傻，我理解您的心情，非常抱歉。';
    expect(quotesCustomer(draft, ...at(draft, '是不是傻'), customer)).toBe(true);
  });

  it('needs the words in the customer message, a reporting verb, and the same sentence', () => {
    const own = '你是不是傻。';
    expect(quotesCustomer(own, ...at(own, '是不是傻'), customer)).toBe(false);
    const other = '您说得对。是不是傻，这么简单。';
    expect(quotesCustomer(other, ...at(other, '是不是傻'), customer)).toBe(false);
    const notSaid = '您说的是退货，我保证明天到。';
    expect(quotesCustomer(notSaid, ...at(notSaid, '保证'), foldPhrase('退货'))).toBe(false);
    expect(quotesCustomer('您说是不是傻', 3, 7, '')).toBe(false);
  });

  it('works in English', () => {
    const draft = "You mentioned the courier said it's not my problem — I'm sorry.";
    const c = foldPhrase("the courier said it's not my problem!");
    expect(quotesCustomer(draft, ...at(draft, 'not my problem'), c)).toBe(true);
  });
});
