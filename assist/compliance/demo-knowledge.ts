/**
 * @module The demo tenant's knowledge in the shape the compliance checker compares against:
 * DEMO_POLICY mapped to (topic, unit, values) facts using the default pack's KB topic ids, the yes/no
 * policies agents tend to get wrong, the 70 knowledge articles, and the SOP catalogue. Other
 * tenants build the same from their own policy tables.
 */
import { DEMO_ARTICLES, DEMO_POLICY as P } from '#src/db/seed/demo-knowledge.ts';
import { DEMO_SOPS } from '#src/db/seed/demo-sops.ts';
import type { ComplianceKnowledge, FactUnit, KbFact, KbPolicyClaim } from './types.ts';

const HOUR = 60;
const DAY = 24 * HOUR;

type Value = number | readonly [number, number];

function fact(topic: string, unit: FactUnit, source: string, ...values: Value[]): KbFact {
  return {
    topic,
    unit,
    source,
    ranges: values.map((v) => (typeof v === 'number' ? ([v, v] as const) : ([v[0], v[1]] as const))),
  };
}

const days = (d: number | readonly [number, number]): Value =>
  typeof d === 'number' ? d * DAY : ([d[0] * DAY, d[1] * DAY] as const);

/** DEMO_POLICY as facts. "Up to 7 business days" is stated as 7, so "5 business days" contradicts. */
export function demoFacts(): KbFact[] {
  const s = P.shipping;
  return [
    fact(
      'refund',
      'business_days',
      'refunds',
      P.refunds.debitCardBusinessDays,
      P.refunds.creditCardMaxBusinessDays,
    ),
    fact('inspection', 'business_days', 'returns.inspection', P.returns.inspectionBusinessDays),
    fact('return_window', 'minutes', 'returns.noReasonDays', days(P.returns.noReasonDays)),
    fact(
      'return',
      'minutes',
      'returns',
      P.returns.approvalHours * HOUR,
      days(P.returns.shipBackWithinDays),
      days(P.returns.noReasonDays),
    ),
    fact('return', 'business_days', 'returns.inspection', P.returns.inspectionBusinessDays),
    fact('quality_exchange', 'minutes', 'exchange.qualityDays', days(P.exchange.qualityDays)),
    fact('size_exchange', 'minutes', 'exchange.sizeColourDays', days(P.exchange.sizeColourDays)),
    fact('exchange', 'minutes', 'exchange.replacement', P.exchange.replacementShipsWithinHours * HOUR),
    fact('exchange', 'times', 'exchange.perItem', P.exchange.perItem),
    fact('dispatch', 'minutes', 'shipping.dispatch', s.dispatchWithinHours * HOUR),
    fact('mainland', 'minutes', 'shipping.mainlandDeliveryDays', days(s.mainlandDeliveryDays)),
    fact('remote', 'minutes', 'shipping.remoteDeliveryDays', days(s.remoteDeliveryDays)),
    fact('remote', 'yuan', 'shipping.remoteSurchargeYuan', s.remoteSurchargeYuan),
    fact('hk_macau', 'minutes', 'shipping.hkMacauDeliveryDays', days(s.hkMacauDeliveryDays)),
    fact('hk_macau', 'yuan', 'shipping.hkMacauFeeYuan', s.hkMacauFeeYuan),
    fact(
      'shipping_fee',
      'yuan',
      'shipping.fees',
      s.standardFeeYuan,
      s.freeShippingFromYuan,
      s.remoteSurchargeYuan,
      s.hkMacauFeeYuan,
    ),
    fact('delay_compensation', 'yuan', 'delay.compensationCouponYuan', P.delay.compensationCouponYuan),
    fact(
      'delay_compensation',
      'minutes',
      'delay',
      days(P.delay.compensationCouponValidDays),
      days(P.delay.lateDeliveryDays),
      s.dispatchWithinHours * HOUR,
    ),
    fact(
      'trace',
      'minutes',
      'delay.trace',
      P.delay.traceAfterNoUpdateHours * HOUR,
      P.delay.courierReplyHours * HOUR,
      days(P.lostParcel.suspectedLostAfterNoUpdateDays),
    ),
    fact('lost_parcel', 'business_days', 'lostParcel.investigation', P.lostParcel.investigationBusinessDays),
    fact(
      'lost_parcel',
      'minutes',
      'lostParcel',
      days(P.lostParcel.suspectedLostAfterNoUpdateDays),
      P.lostParcel.reshipWithinHours * HOUR,
    ),
    fact(
      'invoice',
      'minutes',
      'invoice',
      P.invoice.eInvoiceWithinHours * HOUR,
      days(P.invoice.requestWithinDays),
      days(P.invoice.reissueWithinDays),
    ),
    fact('vat_invoice', 'business_days', 'invoice.vatSpecialBusinessDays', P.invoice.vatSpecialBusinessDays),
    fact('invoice_reissue', 'minutes', 'invoice.reissueWithinDays', days(P.invoice.reissueWithinDays)),
    fact('invoice_reissue', 'times', 'invoice.reissue', 1),
    fact('account_lock', 'times', 'account.maxWrongPasswords', P.account.maxWrongPasswords),
    fact('account_lock', 'minutes', 'account.lockMinutes', P.account.lockMinutes),
    fact('appeal', 'business_days', 'account.appealBusinessDays', P.account.appealBusinessDays),
    fact('unpaid', 'minutes', 'payment.unpaidOrderMinutes', P.payment.unpaidOrderMinutes),
    fact('payment_check', 'minutes', 'payment.chargeCheckHours', P.payment.chargeCheckHours * HOUR),
    fact(
      'new_user_coupon',
      'yuan',
      'coupons.newUser',
      P.coupons.newUserOffYuan,
      P.coupons.newUserMinSpendYuan,
    ),
    fact('new_user_coupon', 'minutes', 'coupons.newUserValidDays', days(P.coupons.newUserValidDays)),
    fact(
      'complaint',
      'minutes',
      'complaints.specialistContactHours',
      P.complaints.specialistContactHours * HOUR,
    ),
    fact(
      'complaint',
      'business_days',
      'complaints.resolutionPlanBusinessDays',
      P.complaints.resolutionPlanBusinessDays,
    ),
    fact('goodwill', 'yuan', 'complaints.frontlineGoodwillMaxYuan', P.complaints.frontlineGoodwillMaxYuan),
    fact('membership', 'months', 'membership.windowMonths', P.membership.windowMonths),
    fact('membership', 'yuan', 'membership.tiers', P.membership.goldFromYuan, P.membership.platinumFromYuan),
    fact(
      'points',
      'minutes',
      'membership.pointsCreditedDaysAfterReceipt',
      days(P.membership.pointsCreditedDaysAfterReceipt),
    ),
    fact('points', 'points', 'membership.points', P.membership.pointsPerYuan, P.membership.pointsPerYuanOff),
    fact('points', 'percent', 'membership.maxPointsSharePercent', P.membership.maxPointsSharePercent),
    fact(
      'birthday',
      'yuan',
      'membership.birthdayCoupons',
      P.membership.birthdayCouponGoldYuan,
      P.membership.birthdayCouponPlatinumYuan,
    ),
    fact('warranty', 'months', 'warranty', P.warranty.electronicsYears * 12, P.warranty.accessoriesMonths),
    fact('warranty', 'business_days', 'warranty.repairBusinessDays', P.warranty.repairBusinessDays),
    fact('account_deletion', 'minutes', 'privacy.accountDeletionDays', days(P.privacy.accountDeletionDays)),
  ];
}

/** Yes/no policies of the demo shop, with the ways a wrong "yes" tends to be typed. */
export function demoPolicies(): KbPolicyClaim[] {
  return [
    {
      id: 'cash_on_delivery',
      allowed: false,
      zh: ['支持货到付款', '可以货到付款', '能货到付款', '选货到付款', '货到付款也可以'],
      en: [
        'offer cash on delivery',
        'accept cash on delivery',
        'cash on delivery is available',
        'choose cash on delivery',
        'pick cash on delivery',
        'pay cash on delivery',
        'pay on delivery',
      ],
      truth: { zh: '不支持货到付款', en: 'cash on delivery is not available' },
    },
    {
      id: 'coupon_stacking',
      allowed: false,
      zh: ['可以叠加', '能叠加', '叠加使用', '两张一起用', '同时用两张', '多张一起用'],
      en: [
        'stack two coupons',
        'coupons can be stacked',
        'can stack',
        'combine two coupons',
        'use two coupons',
        'stack coupons',
      ],
      truth: {
        zh: '每笔订单只能用一张优惠券，不能叠加',
        en: 'only one coupon per order; coupons cannot be stacked',
      },
    },
    {
      id: 'no_reason_return_shipping_paid_by_shop',
      allowed: P.returns.noReasonReturnShippingPaidBy !== 'customer',
      zh: [
        '无理由退货…我们承担',
        '无理由退货…我们出',
        '无理由退货…包运费',
        '无理由退货…免运费',
        '尺码…运费…我们承担',
        '换尺码…免运费',
      ],
      en: [
        'no-reason return…we pay',
        'no-reason return…we cover',
        'no-reason return…free',
        'size exchange…we pay',
        'size exchange…we cover',
        'size exchange…free',
        'return shipping for your size',
        'return shipping for a size',
        'return shipping on your size',
      ],
      truth: {
        zh: '无理由退货（及尺码颜色换货）的寄回运费由顾客承担',
        en: 'for no-reason returns and size/colour exchanges the customer pays return shipping',
      },
    },
    {
      id: 'address_change_after_shipping',
      allowed: false,
      zh: ['发货了也可以改', '发货后也可以改', '发货后也能改', '已发货也能改', '已经发货也可以修改'],
      en: [
        'already shipped but i can still change',
        'can still change the address after',
        'even after it ships',
      ],
      truth: {
        zh: '订单发货后无法修改收货地址',
        en: 'the address cannot be changed once the order has shipped',
      },
    },
  ];
}

/** Everything the demo tenant's checker needs. */
export function demoComplianceKnowledge(): ComplianceKnowledge {
  return {
    facts: demoFacts(),
    policies: demoPolicies(),
    articles: DEMO_ARTICLES.map((a) => ({ lang: a.lang, title: a.title, body: a.body })),
    sops: DEMO_SOPS.map((sop) => ({
      key: sop.key,
      steps: sop.steps.map((st) => ({
        key: st.key,
        mustDisclose: st.mustDisclose,
        piiTypes: st.piiTypes,
        scriptZh: st.scriptZh,
        scriptEn: st.scriptEn,
      })),
    })),
    goodwillMaxYuan: P.complaints.frontlineGoodwillMaxYuan,
  };
}
