import { describe, expect, it } from 'vitest';
import { SearchIndex } from '#assist/embedded/search-index.ts';
import {
  generateKnowledgeBase,
  generateQueries,
  type SyntheticArticle,
} from '#assist/embedded/testing/synthetic-kb.ts';
import { KnowledgeIndex } from './knowledge.ts';
import { contentVector, termVector } from './text.ts';

describe('KnowledgeIndex', () => {
  const articles = [
    {
      id: 'pay',
      lang: 'en' as const,
      title: 'Accepted payment methods',
      body: 'We accept Alipay and cards. Cash on delivery is not available.',
    },
    {
      id: 'ship',
      lang: 'en' as const,
      title: 'Dispatch and delivery times',
      body: 'Delivery takes 2-5 days. Delivery times vary.',
    },
    {
      id: 'zh',
      lang: 'zh' as const,
      title: '退款到账时间',
      body: '退款一律原路退回。储蓄卡 1-3 个工作日到账。',
    },
    { id: 'any', title: 'Service hours', body: 'Live chat is open 08:00–24:00.' },
  ];

  it('finds articles in the reply language or language-neutral ones only', () => {
    const kb = new KnowledgeIndex(articles);
    expect(kb.search('退款多久到账', { lang: 'zh', limit: 5 }).map((h) => h.article.id)).toEqual(['zh']);
    expect(kb.search('chat hours', { lang: 'zh', limit: 5 }).map((h) => h.article.id)).toEqual(['any']);
    expect(kb.search('', { lang: 'en', limit: 5 })).toEqual([]);
  });

  it('weights the rare word of a question more than the common ones', () => {
    const kb = new KnowledgeIndex(articles);
    const q = contentVector('can I pay cash on delivery');
    expect(kb.answerCoverage(q, articles[0]!)).toBeGreaterThan(kb.answerCoverage(q, articles[1]!));
    expect(kb.answerCoverage(termVector(''), articles[0]!)).toBe(0);
  });

  it('suggests the whole body when it fits, otherwise the best run of consecutive sentences', () => {
    const kb = new KnowledgeIndex(articles);
    expect(kb.excerpt(articles[2]!, termVector('退款'), 180)).toBe(articles[2]!.body);
    const long = {
      id: 'l',
      lang: 'en' as const,
      title: 'Long',
      body: 'First about coupons. Second about refunds to cards. Third about refunds to Alipay. Fourth about points.',
    };
    expect(kb.excerpt(long, termVector('refunds alipay cards'), 70)).toBe(
      'Second about refunds to cards. Third about refunds to Alipay.',
    );
  });

  it('updates search and term statistics when articles change', () => {
    const kb = new KnowledgeIndex(articles);
    kb.upsert({ id: 'ship', lang: 'en', title: 'Shipping to Tibet', body: 'Tibet takes 5-10 days.' });
    expect(kb.search('Tibet', { lang: 'en', limit: 3 }).map((h) => h.article.id)).toEqual(['ship']);
    expect(kb.remove('ship')).toBe(true);
    expect(kb.search('Tibet', { lang: 'en', limit: 3 })).toEqual([]);
    expect(kb.size).toBe(3);
  });

  it('drops only the most common query terms on a large base and stays on topic', () => {
    const kb = generateKnowledgeBase(2_000, 5);
    const mine = new KnowledgeIndex(kb);
    const raw = new SearchIndex<SyntheticArticle>({
      fields: [{ name: 'title', boost: 3 }, { name: 'tags', boost: 2 }, 'body'],
      storeFields: ['lang', 'sopKey'],
    });
    raw.addAll(kb);
    const queries = generateQueries(200, 9);
    let onTopic = 0;
    let rawOnTopic = 0;
    let sameTop = 0;
    for (const q of queries) {
      const hits = mine.search(q.text, { lang: q.lang, limit: 5 });
      const top = raw.search(q.text, { limit: 1, filter: { lang: q.lang } })[0];
      if (hits[0]?.article.sopKey === q.sopKey) onTopic++;
      if (top?.stored.sopKey === q.sopKey) rawOnTopic++;
      if (hits[0]?.article.id === top?.id) sameTop++;
    }
    // As on topic as the full query, give or take a few queries, and mostly the same first hit.
    expect(onTopic).toBeGreaterThanOrEqual(rawOnTopic - 6);
    expect(sameTop / queries.length).toBeGreaterThan(0.8);
  }, 60_000);
});
