/** @module SOPs of the demo tenant (zh and en steps, intent phrasings). */
import type { SeedSop } from './types.ts';

export const DEMO_SOPS: SeedSop[] = [
  {
    key: 'refund',
    skillKey: 'ecommerce.refund',
    minLevel: 2,
    nameZh: '退款申请',
    nameEn: 'Refund request',
    resolutionZh: '退款已提交并告知到账时间',
    resolutionEn: 'Refund submitted and the customer told when it arrives',
    steps: [
      {
        key: 'greet',
        titleZh: '问候并确认诉求',
        titleEn: 'Greet and confirm the request',
        scriptZh: '您好，我是您的专属客服，请问是要为哪一笔订单申请退款呢？',
        scriptEn: 'Hello, I will help you today. Which order would you like a refund for?',
        mustVerify: [],
        mustDisclose: [],
        piiTypes: [],
      },
      {
        key: 'verify-order',
        titleZh: '核实订单号',
        titleEn: 'Verify the order number',
        scriptZh: '麻烦您提供一下订单号，我帮您核实订单状态。',
        scriptEn: 'Could you share the order number so I can check its status?',
        mustVerify: ['order_number'],
        mustDisclose: [],
        piiTypes: [],
      },
      {
        key: 'disclose-refund-time',
        titleZh: '告知退款时效',
        titleEn: 'Disclose the refund time',
        scriptZh: '退款已为您提交，原路退回，预计 1-3 个工作日到账。',
        scriptEn:
          'Your refund has been submitted to the original payment method and should arrive in 1-3 business days.',
        mustVerify: [],
        mustDisclose: ['refund_time'],
        piiTypes: [],
      },
    ],
    phrasings: {
      zh: ['我要退款', '这个订单能退钱吗', '申请退款怎么操作'],
      en: ['I want a refund', 'Can I get my money back for this order', 'How do I request a refund'],
    },
  },
];
