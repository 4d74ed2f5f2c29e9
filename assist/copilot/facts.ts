/**
 * @module Fact detectors: for every `mustVerify` / `mustDisclose` key used by the SOPs, how a
 * message shows the fact was verified or disclosed, in Chinese and English, plus its human label.
 *
 * Patterns run on normalised text (NFKC, lower case, collapsed spaces). Who may establish a fact
 * matters more than the words: a disclosure counts only from the agent (a customer asking "when
 * will my refund arrive" discloses nothing, and a customer claiming "you already told me it's
 * instant" cannot tick it), while a verification such as an order number counts from the customer.
 * Facts the agent reads in the order system (status, payment method, delivery date …) are
 * `lookupAfter` the order number — unless the step's own script asks the customer for them, which
 * `request` recognises. Keys without an entry still work: they are done when the agent sends
 * (nearly) the step's script (see step-tracker.ts).
 */
import { findOrderNumbers } from './slots.ts';
import type { Lang } from './types.ts';

export type FactSide = 'customer' | 'agent' | 'either';

export interface FactDetector {
  label: Record<Lang, string>;
  /** Whose messages can establish the fact when it is verified (disclosures: always the agent). */
  who: FactSide;
  /** Any match establishes the fact. Lower-case, on normalised text. */
  patterns: readonly RegExp[];
  /** Custom test for values patterns cannot express (order numbers). */
  test?: (text: string, raw: string) => string | null;
  /** What an agent restating the fact looks like, for a read-back step that verifies it again. */
  readBack?: readonly RegExp[];
  /** Known to the agent from the order system once this fact is done. */
  lookupAfter?: string;
  /** A step script matching one of these asks the customer for the fact, so no lookup applies. */
  request?: readonly RegExp[];
  /** Customer words that make the fact not apply (a personal invoice needs no tax id). */
  notNeeded?: readonly RegExp[];
  /** A customer's "yes" right after the agent asked for it confirms the fact. */
  confirmable?: boolean;
  /** A bare answer ("3390") counts when the agent's previous message asked for the fact (`request`). */
  reply?: readonly RegExp[];
}

const RANGE = (a: string, b: string) => `${a}\\s*[-–—~～至到]\\s*${b}`;
const re = (source: string) => new RegExp(source, 'u');

const PHONE_LIKE = /<phone_\d+>|1[3-9]\d\*{3,}\d{4}|(?<!\d)1[3-9]\d{9}(?!\d)/;
const EMAIL_LIKE = /<email_\d+>|[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}|[a-z0-9]\*{2,}@[a-z0-9.-]+/;
const ADDRESS_LIKE =
  /<address_\d+>|[\p{Script=Han}\d]{2,}(?:路|街|道|巷|弄)\s*\d+\s*号|\d+\s*(?:栋|幢|号楼|单元|室)|\b\d{1,5}\s+[a-z]+(?:\s+[a-z]+)?\s+(?:street|st|road|rd|avenue|ave|lane|ln|drive|dr|boulevard|blvd|way)\b/u;

export const FACT_DETECTORS: Readonly<Record<string, FactDetector>> = {
  order_number: {
    label: { zh: '核实订单号', en: 'verify the order number' },
    who: 'customer',
    patterns: [],
    test: (_text, raw) => findOrderNumbers(raw)[0] ?? null,
  },
  payment_method: {
    label: { zh: '核实支付方式', en: 'verify the payment method' },
    who: 'either',
    patterns: [
      /支付宝|微信(支付)?|银行卡|信用卡|储蓄卡|借记卡|余额支付|账户余额|花呗|云闪付|银联/u,
      /\b(alipay|wechat( pay)?|credit card|debit card|bank card|store balance|paypal|apple pay|unionpay|gift card)\b/,
    ],
    lookupAfter: 'order_number',
    request: [
      /用的是|哪种支付方式|什么方式支付/u,
      /\b(did you pay|pay with|paid with|which payment method)\b/,
    ],
  },
  order_status: {
    label: { zh: '确认订单状态', en: 'check the order status' },
    who: 'either',
    patterns: [
      /(还)?没(有)?发货|未发货|待发货|已(经)?发货|发货了|已签收|已取消|运输中|派送中/u,
      /\b(hasn't|has not|hasnt|not yet|haven't|already|has|have|was|been) (been )?(shipped|delivered|dispatched)\b|\b(shipped|in transit|out for delivery|pending)\b/,
    ],
    lookupAfter: 'order_number',
  },
  refund_conditions: {
    label: { zh: '说明退款条件', en: 'explain how the refund can be made' },
    who: 'agent',
    patterns: [
      /(未|没有?|还没有?)发货.{0,30}(取消|全额退款|直接退)|拒收|验收通过|(已经?|如果)发货.{0,30}(退货|拒收)/u,
      /(hasn't|has not|not yet|before it) (been )?ship.{0,80}(cancel|refund)|refuse (the )?delivery|(once|after) the warehouse|start a return|full (amount|refund)/,
    ],
  },
  refund_amount: {
    label: { zh: '告知退款金额', en: 'state the refund amount' },
    who: 'agent',
    patterns: [
      /实际支付|实付金额|退款金额|全额退款|退还.{0,6}金额/u,
      /\b(actually paid|amount you paid|what you paid|full amount|refund amount|full refund|refund of [¥$])/,
    ],
  },
  refund_time: {
    label: { zh: '告知退款到账时间', en: 'disclose when the refund arrives' },
    who: 'agent',
    patterns: [
      re(RANGE('1', '3') + '\\s*个?工作日'),
      /(信用卡|储蓄卡|借记卡|银行卡).{0,12}(工作日|到账)|即时到账|实时到账|马上到账|原路退回|原支付方式/u,
      re(RANGE('1', '3') + ' business days'),
      /(credit|debit|bank) cards?.{0,40}(business days|instantly)|\binstant(ly)?\b.{0,40}(refund|arriv|balance|alipay|wechat)|(refund|money).{0,40}\b(arrive|arrives|land|lands|show up|shows up)\b|original payment method|up to 7 business days/,
    ],
  },
  delivery_date: {
    label: { zh: '核对签收时间', en: 'check the delivery date' },
    who: 'either',
    patterns: [
      /签收(了|于|时间)|收到(货|的时候)?.{0,4}(\d+|[一二三四五六七八九十两]+)\s*天/u,
      /\b(delivered|received it|arrived) (on|last|yesterday|\d+ days ago)\b/,
    ],
    lookupAfter: 'order_number',
  },
  item_condition: {
    label: { zh: '确认商品状态（未使用、吊牌完好）', en: 'check the item is unused with tags' },
    who: 'either',
    patterns: [
      /未使用|没(有)?用过|没穿过|未穿|全新|吊牌(还在|完好|没剪|都在)|未拆封|没拆|包装(完好|都在)|拆了包装/u,
      /\b(unused|never used|not used|unworn|never worn|tags (still )?(on|attached)|with (its|the) tags|original packaging|unopened)\b/,
    ],
  },
  return_window: {
    label: { zh: '说明 7 天无理由退货条件', en: 'explain the 7-day return window' },
    who: 'agent',
    patterns: [
      /7\s*天(内)?无理由|签收(后|之日起)?\s*7\s*天|七天无理由/u,
      /within 7 days of delivery|7-day (no-reason )?return|no-reason returns? within 7 days/,
    ],
  },
  shipping_fee_policy: {
    label: { zh: '说明运费由谁承担', en: 'explain who pays the shipping' },
    who: 'agent',
    patterns: [
      /运费.{0,12}(承担|由|谁出|不退|全部)|免运费|免费上门取件|寄回运费|运费由/u,
      /return shipping|shipping (is on you|fee)|(you|we) pay to (send|ship)|free (pickup|both ways)|cover (all )?(the )?(return )?shipping|pays? the (return )?shipping/,
    ],
  },
  defect_photos: {
    label: { zh: '请客户提供问题照片', en: 'get photos of the fault' },
    who: 'either',
    patterns: [/照片|图片|拍(几张|一下|了)|截图/u, /\b(photos?|pictures?|pics?|images?)\b/],
  },
  exchange_window: {
    label: { zh: '说明换货时限', en: 'explain the exchange window' },
    who: 'agent',
    patterns: [
      /15\s*天(内)?.{0,10}换货|签收后\s*(15|7)\s*天内.{0,12}(换|申请)|(7|15)\s*天内申请换货/u,
      /exchanged within 15 days|within (15|7) days of delivery|(exchange|swap)s?.{0,60}within (7|15) days/,
    ],
  },
  replacement_time: {
    label: { zh: '告知新商品发出时间', en: 'say when the replacement ships' },
    who: 'agent',
    patterns: [
      /48\s*小时内.{0,12}(寄出|发出|发货)|新商品.{0,16}48\s*小时/u,
      /(ship|send|dispatch)(es)? the (replacement|new (one|item)) within 48 hours|replacement.{0,40}48 hours|within 48 hours of the warehouse/,
    ],
  },
  tracking_status: {
    label: { zh: '查询物流状态', en: 'check the tracking status' },
    who: 'either',
    patterns: [
      /物流(信息|显示|状态|节点)|显示(已签收|运输中|派送)|运输(途)?中|中转站|快递柜|已签收/u,
      /\btracking (says|shows|status|update)|in transit|out for delivery|marked as delivered|says delivered|shows delivered|sorting cent(er|re)\b/,
    ],
    lookupAfter: 'order_number',
  },
  delivery_estimate: {
    label: { zh: '告知预计送达时间', en: 'give the delivery estimate' },
    who: 'agent',
    patterns: [
      re(RANGE('2', '5') + '\\s*天|' + RANGE('5', '10') + '\\s*天'),
      /预计.{0,8}(送达|到达|到货)|一般.{0,10}天.{0,4}(送达|到)/u,
      re(RANGE('2', '5') + ' days|' + RANGE('5', '10') + ' days'),
      /usually (take|takes|arrive)|estimated (delivery|arrival)|should (arrive|reach you)|expected to arrive/,
    ],
  },
  trace_reply_time: {
    label: { zh: '说明催件与回复时效', en: 'explain the trace and reply time' },
    who: 'agent',
    patterns: [
      /催件|24\s*小时内(给|回复)/u,
      /\btrace\b|reply within 24 hours|chase the courier|chasing the courier/,
    ],
  },
  delay_compensation: {
    label: { zh: '说明延误补偿', en: 'explain delay compensation' },
    who: 'agent',
    patterns: [/补偿|10\s*元.{0,8}(无门槛)?(优惠)?券/u, /compensat|[¥$]\s?10 .{0,24}coupon/],
  },
  delivery_address: {
    label: { zh: '核对收件人与地址', en: 'confirm recipient and address' },
    who: 'customer',
    patterns: [
      /(地址|收件人|收货人).{0,6}(没错|没问题|是对的|正确|对的|无误)/u,
      /\b(address|recipient|name) (is|are) (correct|right|fine)\b|right address|correct address/,
      ADDRESS_LIKE,
    ],
    request: [/确认.{0,12}(地址|收件人)/u, /confirm the (recipient|delivery address|address)/],
    confirmable: true,
  },
  investigation_time: {
    label: { zh: '告知丢件调查时效', en: 'disclose the investigation time' },
    who: 'agent',
    patterns: [
      /丢件调查|调查需要|3\s*个工作日.{0,10}(结果|调查)/u,
      /investigation.{0,60}3 business days|lost-parcel investigation|opened an investigation|open an investigation/,
    ],
  },
  lost_parcel_options: {
    label: { zh: '提供补发或退款方案', en: 'offer reshipment or refund' },
    who: 'agent',
    patterns: [/补发|重新发货|重发/u, /\breship|resend|re-send|send (it|a new one) again/],
  },
  account_identity: {
    label: { zh: '核实账号身份', en: 'verify the account holder' },
    who: 'customer',
    patterns: [
      PHONE_LIKE,
      EMAIL_LIKE,
      /后\s*(四|4)\s*位.{0,4}\d{4}|尾号.{0,3}\d{4}/u,
      /last (four|4)( digits)?( are| is|:)? ?\d{4}|\bzip( code)?( is)? ?\d{5}\b|user id (is )?\w+|\b[a-z]+_[a-z]+_\d{3,5}\b/,
    ],
    lookupAfter: 'order_number',
    request: [
      /后四位|绑定的手机号|手机号|确认.{0,12}账号/u,
      /last four digits|phone number|confirm the account|registered/,
    ],
    confirmable: true,
    reply: [/^\D{0,12}\d{4}(\D|$)/],
  },
  address_change_policy: {
    label: { zh: '说明地址只能在发货前修改', en: 'explain addresses change only before shipping' },
    who: 'agent',
    patterns: [
      /只能在(订单)?发货前|发货前.{0,8}(修改|改)|(已经?|一旦)?发货(后|了|之后).{0,12}(无法|不能|没法)/u,
      /only be changed before|before (an |the |your )?order ships|can(no|')?t be changed|can no longer be changed|once (an |the |your )?order (has )?shipped/,
    ],
  },
  new_address: {
    label: { zh: '收集并复核新地址', en: 'collect and read back the new address' },
    who: 'customer',
    patterns: [ADDRESS_LIKE],
    readBack: [
      /(核对|确认|复核).{0,16}(地址|收件人)|<address_\d+>/u,
      /read (back|it back)|confirm the new|new address (is|:)|<address_\d+>/,
    ],
  },
  invoice_title: {
    label: { zh: '确认发票抬头', en: 'get the invoice title' },
    who: 'customer',
    patterns: [
      /(个人|公司|单位)抬头|抬头.{0,4}(个人|是|写|为|:)|开(给|成)?个人|个人就行|公司名称?(是|为|:)|有限公司|股份公司|集团|工作室/u,
      /\b(personal|individual) (invoice|title)|invoice (title|name) (is|:)|company name (is|:)|in the name of|under my name|for myself|(it'?s|it is) (personal|for me|individual)|just my name|\b(ltd|limited|inc|llc|corp)\b/,
    ],
  },
  company_tax_id: {
    label: { zh: '收集税号（统一社会信用代码）', en: 'collect the tax ID' },
    who: 'customer',
    patterns: [
      /<uscc_\d+>|\b[0-9a-hj-npqrtuwxy]{2}\d{6}[0-9a-hj-npqrtuwxy]{10}\b/u,
      /税号.{0,3}[0-9a-z]{15,20}/u,
      /tax id (is |:)?\s*[0-9a-z]{15,20}/,
    ],
    notNeeded: [
      /个人抬头|抬头.{0,4}个人|开(给|成)?个人|个人就行/u,
      /\b(personal|individual|for myself|my own name|my name)\b/,
    ],
  },
  invoice_email: {
    label: { zh: '确认接收邮箱', en: 'confirm the email address' },
    who: 'customer',
    patterns: [EMAIL_LIKE],
  },
  invoice_issue_time: {
    label: { zh: '告知开票时间', en: 'disclose when the invoice is issued' },
    who: 'agent',
    patterns: [
      /24\s*小时内(开具|开出)|确认收货后\s*24\s*小时|5\s*个工作日内开具/u,
      /issued within (24 hours|5 business days)|within 24 hours of (you )?confirming|within 5 business days/,
    ],
  },
  no_password_request: {
    label: { zh: '提醒不索要密码和验证码', en: 'say we never ask for passwords or codes' },
    who: 'agent',
    patterns: [
      /不会.{0,10}(索要|要|询问|问).{0,8}(密码|验证码)|不要.{0,8}(告诉|透露|提供).{0,10}验证码/u,
      /never ask (you )?for (your )?(password|verification code|sms code|code)|(don't|do not) share (them|your code|it|the code)/,
    ],
  },
  lock_reason: {
    label: { zh: '说明锁定原因', en: 'explain why the account locked' },
    who: 'agent',
    patterns: [
      /(5|五)\s*次.{0,8}(错|失败)|输错.{0,6}(5|五)\s*次/u,
      /5 wrong passwords|too many (wrong |failed )?(password )?attempts|locked (after|because)/,
    ],
  },
  unlock_time: {
    label: { zh: '告知解锁时间与自助解锁', en: 'say when and how it unlocks' },
    who: 'agent',
    patterns: [
      /30\s*分钟.{0,8}解锁|忘记密码/u,
      /unlock(s)? (by itself|automatically|after 30)|after 30 minutes|forgot password/,
    ],
  },
  account_appeal: {
    label: { zh: '说明账号申诉', en: 'explain the account appeal' },
    who: 'agent',
    patterns: [/申诉/u, /\bappeal\b/],
  },
  payment_failure_causes: {
    label: { zh: '说明支付失败原因', en: 'explain why payments fail' },
    who: 'agent',
    patterns: [
      /单日限额|风控|余额不足|卡片过期|网络超时/u,
      /daily limit|risk control|insufficient funds|expired card|network timeout/,
    ],
  },
  charge_record: {
    label: { zh: '核实扣款记录', en: 'check the charge record' },
    who: 'either',
    patterns: [
      /扣(了)?(两|2)次|重复扣款|扣款|扣了钱|钱扣了|已经付(了|款)/u,
      /charged twice|double charged|double charge|charged but|money (was )?taken|money left|already paid/,
    ],
    lookupAfter: 'order_number',
  },
  unpaid_order_timeout: {
    label: { zh: '提醒未支付订单保留 30 分钟', en: 'remind unpaid orders are held 30 minutes' },
    who: 'agent',
    patterns: [
      /保留\s*30\s*分钟|30\s*分钟.{0,10}(自动)?取消/u,
      /held for 30 minutes|30 minutes.{0,30}cancel/,
    ],
  },
  coupon_code: {
    label: { zh: '核实优惠券', en: 'identify the coupon' },
    who: 'customer',
    patterns: [
      /券码|新人券|满减券|补偿券|生日券|无门槛券|满\s*\d+\s*减\s*\d+|\d+\s*元(无门槛)?(优惠)?券/u,
      /\b(code|coupon|voucher)( is|:)? ?[a-z]*\d[a-z0-9]{3,}\b|\b\d+ off \d+\b|[¥$]\s?\d+ (off|coupon|voucher)|new[- ](user|customer) coupon|birthday coupon|welcome coupon/,
    ],
  },
  coupon_rules: {
    label: { zh: '说明优惠券使用规则', en: 'explain the coupon rules' },
    who: 'agent',
    patterns: [
      /只能(使用|用)一张|不能(和其他优惠券)?叠加|一张优惠券|门槛.{0,12}不含运费|下单时选择/u,
      /one coupon (can be used )?per order|only one coupon|can(no|')t be stacked|minimum spend|chosen at checkout|picked at checkout/,
    ],
  },
  coupon_expiry: {
    label: { zh: '说明有效期与退券规则', en: 'explain expiry and coupon returns' },
    who: 'agent',
    patterns: [
      /有效期|过期后|自动退回.{0,4}(账户)?|不退券/u,
      /valid for the dates|expired coupons?|expiry|goes back to your account|returns to the account/,
    ],
  },
  complaint_details: {
    label: { zh: '完整记录投诉内容', en: 'record the complaint in full' },
    who: 'agent',
    patterns: [
      /复述|(已|会)?(详细|完整|认真)?记录(下来|好了|了)|您反映的/u,
      /repeat (it )?back|i('ve| have) (noted|recorded|written down)|what you told me/,
    ],
  },
  escalation_sla: {
    label: { zh: '告知升级处理时效', en: 'disclose the escalation timeline' },
    who: 'agent',
    patterns: [
      /资深.{0,4}专员|24\s*小时内联系|3\s*个工作日内给出/u,
      /senior specialist|contact you within 24 hours|within 3 business days/,
    ],
  },
  case_number: {
    label: { zh: '提供工单号', en: 'give the case number' },
    who: 'agent',
    patterns: [/工单号|工单编号/u, /case number|ticket number|reference number/],
  },
  compensation_limit: {
    label: { zh: '说明补偿权限', en: 'explain what compensation is possible' },
    who: 'agent',
    patterns: [
      /20\s*元.{0,10}券|专员.{0,12}(商定|审核|确定)/u,
      /[¥$]\s?20 .{0,30}coupon|agreed with you by the specialist|the specialist (will )?(decide|agree)/,
    ],
  },
  membership_tiers: {
    label: { zh: '说明会员等级与权益', en: 'explain tiers and benefits' },
    who: 'agent',
    patterns: [/银卡|金卡|铂金/u, /\b(silver|gold|platinum)\b/],
  },
  points_rules: {
    label: { zh: '说明积分规则', en: 'explain the points rules' },
    who: 'agent',
    patterns: [
      /积分.{0,12}(抵扣|到账|清零|倍)|100\s*积分|积\s*1\s*分/u,
      /\bpoints? (take|expire|are credited|credited)|100 points|1 point (per|for)/,
    ],
  },
};

/** A customer's short yes: 是的 / 对 / 没错 / yes / correct / that's right. */
export const AFFIRMATIVE =
  /^(是的?|对(的)?|嗯+|没错|没问题|正确|确认|好的|可以|yes|yep|yeah|correct|right|that'?s (right|correct)|confirmed?|sure)([，,。.!！~\s]|$)/u;

/** The agent closing the conversation: "anything else I can help with?". */
export const CLOSING =
  /还有(什么|其他|别的)(可以|需要|问题|要)|还有其他问题|anything else|is there anything|something else i can/u;

/** A readable label for a fact key the table does not know: `return_window` → "return window". */
export function factLabel(fact: string): Record<Lang, string> {
  const known = FACT_DETECTORS[fact];
  if (known) return known.label;
  const words = fact.replace(/[_-]+/g, ' ');
  return { zh: words, en: words };
}
