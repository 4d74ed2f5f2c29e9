/** @module Skills of the demo tenant 演示商城 Demo Mall. */
import type { SeedSkill } from './types.ts';

export const DEMO_SKILLS: SeedSkill[] = [
  { key: 'ecommerce.refund', nameZh: '退款', nameEn: 'Refunds' },
  { key: 'ecommerce.returns', nameZh: '退换货', nameEn: 'Returns and exchanges' },
  { key: 'ecommerce.logistics', nameZh: '物流', nameEn: 'Logistics' },
  { key: 'ecommerce.billing', nameZh: '发票与支付', nameEn: 'Invoices and payments' },
  { key: 'ecommerce.account', nameZh: '账户', nameEn: 'Accounts' },
  { key: 'ecommerce.promotions', nameZh: '优惠与会员', nameEn: 'Promotions and membership' },
  { key: 'ecommerce.escalation', nameZh: '投诉升级', nameEn: 'Complaint escalation' },
];
