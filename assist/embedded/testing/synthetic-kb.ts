/**
 * @module A generated bilingual (zh/en) knowledge base for search tests and speed checks. Articles
 * are assembled from e-commerce topics, products and sentence templates with a seeded PRNG, so the
 * vocabulary overlaps heavily between articles — a harder case for posting-list length than
 * real, more varied articles.
 */
import { createRng } from '../random.ts';

export interface SyntheticArticle {
  id: string;
  lang: 'zh' | 'en';
  title: string;
  body: string;
  tags: string[];
  sopKey: string;
}

const TOPICS: [sop: string, zh: string, en: string][] = [
  ['refund', '退款', 'refund'],
  ['refund', '退款到账', 'refund arrival'],
  ['return', '退货', 'return'],
  ['return', '退货运费', 'return shipping fee'],
  ['exchange', '换货', 'exchange'],
  ['exchange', '尺码更换', 'size exchange'],
  ['logistics-delay', '物流延迟', 'delivery delay'],
  ['logistics-delay', '发货时间', 'dispatch time'],
  ['lost-parcel', '包裹丢失', 'lost parcel'],
  ['lost-parcel', '快递破损', 'damaged parcel'],
  ['address-change', '修改地址', 'change address'],
  ['address-change', '收货人信息', 'recipient details'],
  ['invoice', '发票', 'invoice'],
  ['invoice', '增值税专用发票', 'VAT invoice'],
  ['account-locked', '账号冻结', 'locked account'],
  ['account-locked', '登录失败', 'login failure'],
  ['payment-failed', '支付失败', 'payment failed'],
  ['payment-failed', '重复扣款', 'double charge'],
  ['coupon', '优惠券', 'coupon'],
  ['coupon', '满减活动', 'spend-and-save offer'],
  ['complaint-escalation', '投诉', 'complaint'],
  ['complaint-escalation', '服务态度', 'service attitude'],
  ['membership', '会员积分', 'membership points'],
  ['membership', '会员等级', 'membership tier'],
  ['warranty', '保修', 'warranty'],
  ['warranty', '售后维修', 'after-sales repair'],
  ['price', '价格保护', 'price protection'],
  ['price', '降价补差', 'price drop refund'],
  ['preorder', '预售', 'pre-order'],
  ['preorder', '定金', 'deposit'],
];

const PRODUCTS: [zh: string, en: string][] = [
  ['手机', 'phone'],
  ['耳机', 'headphones'],
  ['笔记本电脑', 'laptop'],
  ['平板', 'tablet'],
  ['智能手表', 'smartwatch'],
  ['运动鞋', 'running shoes'],
  ['羽绒服', 'down jacket'],
  ['牛仔裤', 'jeans'],
  ['连衣裙', 'dress'],
  ['行李箱', 'suitcase'],
  ['电饭煲', 'rice cooker'],
  ['空气炸锅', 'air fryer'],
  ['扫地机器人', 'robot vacuum'],
  ['咖啡机', 'coffee machine'],
  ['婴儿车', 'stroller'],
  ['奶粉', 'baby formula'],
  ['护肤品', 'skincare set'],
  ['口红', 'lipstick'],
  ['洗衣液', 'laundry detergent'],
  ['猫粮', 'cat food'],
  ['书包', 'backpack'],
  ['台灯', 'desk lamp'],
  ['显示器', 'monitor'],
  ['键盘', 'keyboard'],
  ['鼠标', 'mouse'],
  ['床垫', 'mattress'],
  ['沙发', 'sofa'],
  ['自行车', 'bicycle'],
  ['帐篷', 'tent'],
  ['茶叶', 'tea'],
];

const ZH_SENTENCES = [
  '{p}的{t}需要在签收后{n}天内提交申请。',
  '如果{p}出现质量问题，{t}可以免费办理，运费由商家承担。',
  '申请{t}前请准备好订单号和{p}的照片。',
  '{t}审核一般需要{n}个工作日，审核通过后会短信通知。',
  '会员用户办理{t}可以享受优先处理，最快{n}小时完成。',
  '促销期间购买的{p}同样支持{t}，赠品需要一并寄回。',
  '跨境商品的{t}规则与普通商品不同，请以页面说明为准。',
  '若超过{n}天未处理，您可以在订单详情页点击联系客服。',
  '{p}拆封后如不影响二次销售，仍可申请{t}。',
  '定制类{p}不支持无理由{t}，请在下单前确认规格。',
  '请在我的订单中找到对应的{p}，点击申请{t}并填写原因。',
  '{t}完成后，款项将原路退回到您的支付账户。',
  '节假日期间{t}处理时间可能延长{n}个工作日。',
  '企业客户批量采购{p}，{t}请联系专属客户经理。',
];

const EN_SENTENCES = [
  'A {t} for your {p} must be requested within {n} days of delivery.',
  'If your {p} arrives faulty, the {t} is free and we cover the shipping cost.',
  'Before you ask for a {t}, have your order number and a photo of the {p} ready.',
  'Reviewing a {t} usually takes {n} business days and you will get a text when it is approved.',
  'Members get priority handling for a {t}, completed in as little as {n} hours.',
  'Items bought during a sale, including the {p}, also qualify for a {t}; free gifts must be sent back too.',
  'Cross-border goods follow different {t} rules; check the product page for details.',
  'If nothing has happened after {n} days, open the order details page and contact support.',
  'An opened {p} can still get a {t} as long as it can be resold.',
  'Custom-made {p} orders are not eligible for a no-reason {t}, so confirm the specification first.',
  'Find the {p} under My Orders, choose {t} and tell us the reason.',
  'Once the {t} is complete, the money goes back to your original payment method.',
  'During public holidays a {t} may take {n} extra business days.',
  'Business customers buying {p} in bulk should contact their account manager about a {t}.',
];

function fill(template: string, topic: string, product: string, n: number): string {
  return template.replaceAll('{t}', topic).replaceAll('{p}', product).replaceAll('{n}', String(n));
}

/** `count` articles, alternating languages, deterministic for a given seed. */
export function generateKnowledgeBase(count: number, seed = 42): SyntheticArticle[] {
  const rng = createRng(seed);
  const out: SyntheticArticle[] = [];
  for (let i = 0; i < count; i++) {
    const lang = i % 2 === 0 ? 'zh' : 'en';
    const [sopKey, topicZh, topicEn] = rng.pick(TOPICS);
    const [productZh, productEn] = rng.pick(PRODUCTS);
    const sentences = lang === 'zh' ? ZH_SENTENCES : EN_SENTENCES;
    const topic = lang === 'zh' ? topicZh : topicEn;
    const product = lang === 'zh' ? productZh : productEn;
    const body: string[] = [];
    const length = 4 + rng.int(6);
    for (let s = 0; s < length; s++) {
      // Mix in other topics and products so articles are not single-topic clones.
      const t = rng.next() < 0.7 ? topic : lang === 'zh' ? rng.pick(TOPICS)[1] : rng.pick(TOPICS)[2];
      const p = rng.next() < 0.7 ? product : lang === 'zh' ? rng.pick(PRODUCTS)[0] : rng.pick(PRODUCTS)[1];
      body.push(fill(rng.pick(sentences), t, p, 1 + rng.int(30)));
    }
    const title =
      lang === 'zh'
        ? `${product}${topic}说明（${i + 1}）`
        : `${topic} for ${product}: what to know (${i + 1})`;
    out.push({
      id: `kb-${String(i + 1).padStart(5, '0')}`,
      lang,
      title,
      body: body.join(lang === 'zh' ? '' : ' '),
      tags: lang === 'zh' ? [topic, product] : [topic, product],
      sopKey,
    });
  }
  return out;
}

/** Realistic customer queries against the generated knowledge base, half zh, half en. */
export function generateQueries(
  count: number,
  seed = 7,
): { lang: 'zh' | 'en'; text: string; sopKey: string }[] {
  const rng = createRng(seed);
  const zh = ['{p}{t}怎么办', '{p}可以{t}吗', '我的{p}想申请{t}要多久', '{t}的流程是什么', '{p}{t}运费谁出'];
  const en = [
    'how do I get a {t} for my {p}',
    'can I ask for a {t} on a {p}',
    'how long does a {t} take',
    '{p} {t} shipping cost',
    'what is the {t} process',
  ];
  return Array.from({ length: count }, (_, i) => {
    const [sopKey, tz, te] = rng.pick(TOPICS);
    const [pz, pe] = rng.pick(PRODUCTS);
    const lang = i % 2 === 0 ? 'zh' : 'en';
    const text = lang === 'zh' ? fill(rng.pick(zh), tz, pz, 0) : fill(rng.pick(en), te, pe, 0);
    return { lang, text, sopKey };
  });
}
