/**
 * @module Default pack, missing_disclosure: what counts as closing the topic, and for each
 * mustDisclose key of the SOP catalogue (demo-sops.ts) the patterns that count as stating it.
 * Patterns run on the folded draft (lower case, half width) and must pass the pack's safety check.
 */
import type { RuleInput } from './rule-input.ts';

const N = '[0-9一二两三四五六七八九十百]{1,4}';

/** mustDisclose key → cue patterns. */
export const DISCLOSURE_CUES: Record<string, string[]> = {
  refund_amount: [
    '实际支付|实付|全额|退款金额|金额|全部退|\\d\\s?元|¥\\s?\\d',
    'amount|full refund|in full|what you (?:actually )?paid|the full',
  ],
  refund_time: [
    `工作日|即时|立即到账|实时到账|秒到|${N}\\s?(?:天|小时)`,
    'business days?|working days?|instant|right away|within \\d|\\d-\\d (?:business )?days',
  ],
  refund_conditions: [
    '未发货|没发货|没有发货|还没发货|发货前|已发货|已经发货|拒收|退货|验收|取消',
    "hasn't shipped|not (?:yet )?shipped|before (?:it|the order) ships|refuse|cancel|inspect|unshipped",
  ],
  return_window: [
    `${N}\\s?天|无理由|签收后`,
    '\\d{1,6} days|\\d{1,6}-day|no-reason|any reason|days? of delivery',
  ],
  shipping_fee_policy: [
    '运费|邮费|包邮|免费(?:上门)?取件',
    'shipping (?:fee|cost)|return shipping|pay (?:for|to send)|free (?:pickup|both ways|of charge)|on you|at no (?:cost|charge)|postage|cover (?:all )?the shipping',
  ],
  replacement_time: [`${N}\\s?(?:小时|天)`, '\\d{1,6} hours|\\d{1,6} days|within \\d{1,6}'],
  exchange_window: [`${N}\\s?天|签收后`, '\\d{1,6} days|days? of delivery|\\d{1,6}-day'],
  delivery_estimate: [
    `${N}(?:-${N})?\\s?天|预计|送达`,
    '\\d{1,6}(?:-\\d{1,6})? days|estimated|expected|arrive (?:in|within|by)',
  ],
  trace_reply_time: [`${N}\\s?(?:个)?小时|一天内|当天`, '\\d{1,6} hours|within a day|same day'],
  delay_compensation: ['优惠券|券|补偿', 'coupon|voucher|compensat'],
  investigation_time: [
    `${N}\\s?(?:个)?工作日|${N}\\s?天`,
    'business days?|working days?|\\d{1,6} days|(?:three|two|five) (?:business )?days',
  ],
  lost_parcel_options: ['补发|重新发货|重发|退款', 'reship|refund|replacement|send (?:it|a new one) again'],
  address_change_policy: [
    '发货前|发货之前|未发货|没发货|没有发货|还没发货|已发货|已经发货|发货后|不收|免费',
    "before (?:it|the order|an order) (?:ships|has shipped)|hasn't shipped|not (?:yet )?shipped|once (?:it|the order|an order) (?:has )?shipped|no charge|free of charge",
  ],
  invoice_issue_time: [
    `${N}\\s?(?:个)?(?:小时|工作日|天)`,
    '\\d{1,6} hours|\\d{1,6} business days|within \\d{1,6}|\\d{1,6} days',
  ],
  no_password_request: [
    '不会.{0,8}(?:索要|要|询问|问).{0,6}(?:密码|验证码)|不要.{0,8}(?:告诉|透露|泄露|提供)',
    "never ask|won't ask|will not ask|don't share|never share|do not share",
  ],
  lock_reason: [
    `${N}\\s?次|输错|密码错误`,
    'wrong password|incorrect password|failed (?:sign-in|login)|\\d{1,6} (?:wrong|failed)',
  ],
  unlock_time: [`${N}\\s?分钟|半小时|忘记密码|重置`, '\\d{1,6} minutes|half an hour|forgot password|reset'],
  account_appeal: ['申诉', 'appeal'],
  payment_failure_causes: [
    '限额|余额不足|风控|过期|网络|超时',
    'limit|insufficient|risk control|expired|time ?out|network',
  ],
  unpaid_order_timeout: [
    `${N}\\s?分钟|半小时|自动取消`,
    '\\d{1,6} minutes|half an hour|cancell?ed automatically|automatically cancel',
  ],
  coupon_rules: ['一张|叠加|只能(?:使用|用)一|门槛|满减', 'one coupon|stack|per order|minimum spend|combine'],
  coupon_expiry: ['有效期|过期|延期|补发', 'valid|expir|extend|reissue'],
  escalation_sla: [`${N}\\s?(?:个)?(?:小时|工作日)`, '\\d{1,6} hours|\\d{1,6} business days|within \\d{1,6}'],
  case_number: ['工单号|工单|单号|编号', 'case number|ticket|reference number|case id'],
  compensation_limit: [
    '\\d{1,6}\\s?元|¥\\s?\\d|优惠券|券|专员.{0,12}(?:商定|确定|协商)',
    '¥\\s?\\d|coupon|voucher|specialist',
  ],
  membership_tiers: ['\\d[\\d,]{2,8}\\s?元|¥\\s?\\d[\\d,]{2,8}|12\\s?个月', '¥\\s?\\d[\\d,]{2,8}|12 months'],
  points_rules: [
    `每实付|${N}\\s?(?:积分|分)|积\\s?${N}\\s?分`,
    '\\d{1,6} points?|points? per|per ¥|credited|\\d{1,6} days after',
  ],
};

export const DISCLOSURE_CLOSINGS = [
  '还有…吗',
  '还有什么可以帮您',
  '还有什么可以帮你',
  '还有其他可以帮您',
  '还有什么需要',
  '祝您生活愉快',
  '祝您购物愉快',
  '祝您愉快',
  '感谢您的耐心',
  '感谢您的咨询',
  '感谢您的来访',
  '再见',
  'anything else',
  'have a great day',
  'have a good day',
  'have a nice day',
  'have a lovely day',
  'have a great evening',
  'have a good evening',
  'have a good one',
  'thanks for reaching out',
  'thanks for contacting',
  'thank you for contacting',
  'thanks for your patience',
  'thank you for your patience',
  'anything you would like to add',
  "anything you'd like to add",
  'take care',
  'goodbye',
];

export const DISCLOSURE_RULES: RuleInput[] = [
  {
    id: 'disclosure.sop-step',
    category: 'missing_disclosure',
    lang: 'any',
    matcher: { kind: 'scorer', scorer: 'disclosure', closings: DISCLOSURE_CLOSINGS, cues: DISCLOSURE_CUES },
    severity: 'warn',
    message: {
      zh: '当前 SOP 步骤要求告知的内容还没说（{detail}），就要结束话题了',
      en: 'The current SOP step requires a disclosure you have not made yet ({detail})',
    },
    rewrite: { zh: '请先按 SOP 告知客户。', en: 'Tell the customer first, as the SOP step requires.' },
  },
];
