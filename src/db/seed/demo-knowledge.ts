/** @module Knowledge articles of the demo tenant, in Chinese and English. */
import type { SeedArticle } from './types.ts';

export const DEMO_ARTICLES: SeedArticle[] = [
  {
    lang: 'zh',
    title: '退款到账时间',
    body: '退款审核通过后原路退回：余额支付即时到账，银行卡 1-3 个工作日，信用卡最长 7 个工作日。',
    tags: ['退款', '时效'],
    sopKey: 'refund',
  },
  {
    lang: 'en',
    title: 'When refunds arrive',
    body: 'Approved refunds go back to the original payment method: wallet balance instantly, debit cards in 1-3 business days, credit cards within 7 business days.',
    tags: ['refund', 'timing'],
    sopKey: 'refund',
  },
];
