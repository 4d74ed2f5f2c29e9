/**
 * @module Slot values of a conversation — order numbers, products, dates, amounts and masked
 * personal data — found by strict patterns, and the filling of suggestion templates with them.
 *
 * Only the matched value ever leaves this module, never the words around it: that is what lets a
 * suggestion mention the customer's order number without customer text flowing into it. Masked
 * placeholders (`<PHONE_1>`, `<ORDER_1>`) and display masks (`138****5678`) are kept exactly as
 * they are; nothing here can unmask them. Amounts are filled only from agent messages: a customer
 * naming an amount ("refund me 500 yuan") is a claim, not a fact a reply may repeat.
 */
import type { Lang, Message, Role, SlotName, SlotValue } from './types.ts';

/** `<ORDER_1>`, `<ORDER_NUMBER_2>`: an order number masked upstream. */
const ORDER_PLACEHOLDER = /<[A-Z_]*ORDER[A-Z_]*_\d+>/g;
/** Bitext-style template markers a customer message may carry: `{{Order Number}}`. */
const ORDER_MARKER = /\{\{\s*(?:order|purchase)[^}]*\}\}/gi;
/** Words that announce an order (or reservation) id shortly before it. */
const ORDER_CUE =
  /(?:订单号?|单号|订单编号|order|purchase|reservation|booking)\s*(?:号|id|number|no\.?|#|是|为|:|：)?\s*(?:是|为|:|：)?\s*$/i;
/** An id with letters, as τ² writes them (#W2378156) or a reservation code after its cue. */
const ALNUM_ID = /#?\b[A-Z]{1,3}\d{5,15}\b|#\d{5,15}\b/g;
const DIGIT_RUN = /(?<![\d.,¥$])\d{6,20}(?!\d|[.,]\d|\s*(?:元|块|rmb|yuan|dollars?|usd))/gi;
const MOBILE = /^1[3-9]\d{9}$/;
const MASKED_DISPLAY = /\d{2,4}\*{3,}\d{2,4}/g;
const PLACEHOLDER = /<[A-Z][A-Z0-9_]*_\d+>/g;

const ZH_DATE =
  /\d{4}年\d{1,2}月\d{1,2}[日号]?|\d{1,2}月\d{1,2}[日号]|\d{4}[-/]\d{1,2}[-/]\d{1,2}|大前天|前天|昨天|今天|上周[一二三四五六日天]?|上个?月|上星期[一二三四五六日天]?|(?:这|本)?周[一二三四五六日天]|星期[一二三四五六日天]/g;
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const EN_DATE = new RegExp(
  [
    `\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s*\\d{4})?\\b`,
    `\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}(?:\\s+\\d{4})?\\b`,
    '\\b\\d{4}-\\d{1,2}-\\d{1,2}\\b',
    '\\b(?:yesterday|today|last\\s+(?:week|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday))\\b',
    '\\b(?:on\\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b',
  ].join('|'),
  'gi',
);
const AMOUNT =
  /[¥￥$]\s?\d+(?:,\d{3})*(?:\.\d{1,2})?|\d+(?:,\d{3})*(?:\.\d{1,2})?\s*(?:元|块钱?|rmb|yuan|dollars?|usd)/gi;

/** Product nouns customers name, longest first so 运动鞋 wins over 鞋. Extend per tenant later. */
const PRODUCTS = [
  '空气炸锅',
  '扫地机器人',
  '笔记本电脑',
  '电饭煲',
  '咖啡机',
  '吹风机',
  '破壁机',
  '行李箱',
  '羽绒服',
  '连衣裙',
  '牛仔裤',
  '运动鞋',
  '显示器',
  '充电器',
  '数据线',
  '护肤品',
  '马克杯',
  '智能手表',
  '耳机',
  '手机',
  '平板',
  '手表',
  '键盘',
  '鼠标',
  '床垫',
  '沙发',
  '台灯',
  '书包',
  '背包',
  '口红',
  '奶粉',
  '猫粮',
  '茶叶',
  '杯子',
  '衣服',
  '外套',
  '夹克',
  '裤子',
  '裙子',
  '衬衫',
  '毛衣',
  '鞋子',
  '内衣',
  '泳衣',
  'rice cooker',
  'air fryer',
  'coffee machine',
  'robot vacuum',
  'hair dryer',
  'running shoes',
  'down jacket',
  'smartwatch',
  'headphones',
  'earbuds',
  'earphones',
  'keyboard',
  'monitor',
  'mattress',
  'suitcase',
  'blender',
  'laptop',
  'tablet',
  'phone',
  'jacket',
  'sweater',
  'jeans',
  'trousers',
  'pants',
  'dress',
  'shirt',
  'shoes',
  'sneakers',
  'boots',
  'mug',
  'cup',
  'lipstick',
  'charger',
  'cable',
  'backpack',
  'lamp',
  'thermostat',
  'camera',
];
/** A phone is a product, except in "phone number" / 手机号. */
const NOT_AFTER: Record<string, string> = { phone: '(?!\\s*(?:number|no\\b|is\\b|:))', 手机: '(?!号|尾号)' };
const PRODUCT_RE = new RegExp(
  PRODUCTS.map((p) => {
    const word = /^[a-z ]+$/.test(p) ? `\\b${p.replace(/ /g, '\\s+')}\\b` : p;
    return word + (NOT_AFTER[p] ?? '');
  }).join('|'),
  'gi',
);

function push(out: SlotValue[], name: SlotName, value: string, role: Role, message: number): void {
  if (!out.some((s) => s.name === name && s.value === value && s.message === message)) {
    out.push({ name, value, role, message });
  }
}

/** Order numbers in one text: placeholders, τ²-style ids and digit runs (phones and cue-less dates excluded). */
export function findOrderNumbers(text: string): string[] {
  const found: string[] = [];
  const add = (v: string) => {
    if (!found.includes(v)) found.push(v);
  };
  for (const m of text.matchAll(ORDER_PLACEHOLDER)) add(m[0]);
  for (const m of text.matchAll(ORDER_MARKER)) add(m[0]);
  const taken: [number, number][] = [];
  for (const m of text.matchAll(ALNUM_ID)) {
    const before = text.slice(Math.max(0, m.index - 16), m.index);
    if (m[0].startsWith('#') || ORDER_CUE.test(before)) {
      add(m[0]);
      taken.push([m.index, m.index + m[0].length]);
    }
  }
  for (const m of text.matchAll(DIGIT_RUN)) {
    const v = m[0];
    if (taken.some(([a, b]) => m.index >= a && m.index < b)) continue;
    const before = text.slice(Math.max(0, m.index - 16), m.index);
    const cued = ORDER_CUE.test(before);
    // A mobile number is never an order number, whatever precedes it.
    if (MOBILE.test(v) || (!cued && v.length < 7)) continue;
    if (!cued && /^20\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/.test(v)) continue;
    add(v);
  }
  for (const m of text.matchAll(MASKED_DISPLAY)) {
    const before = text.slice(Math.max(0, m.index - 16), m.index);
    if (ORDER_CUE.test(before)) add(m[0]);
  }
  return found;
}

/** Every slot value in the conversation, in message order. */
export function extractSlots(messages: readonly Message[]): SlotValue[] {
  const out: SlotValue[] = [];
  messages.forEach((m, i) => {
    const orders = findOrderNumbers(m.text);
    for (const v of orders) push(out, 'order_number', v, m.role, i);
    for (const p of m.text.matchAll(PLACEHOLDER)) {
      if (!orders.includes(p[0])) push(out, 'masked', p[0], m.role, i);
    }
    for (const d of m.text.matchAll(MASKED_DISPLAY)) {
      if (!orders.includes(d[0])) push(out, 'masked', d[0], m.role, i);
    }
    for (const p of m.text.matchAll(PRODUCT_RE)) push(out, 'product', p[0].toLowerCase(), m.role, i);
    for (const d of m.text.matchAll(ZH_DATE)) push(out, 'date', d[0], m.role, i);
    for (const d of m.text.matchAll(EN_DATE)) push(out, 'date', d[0].trim(), m.role, i);
    for (const a of m.text.matchAll(AMOUNT)) push(out, 'amount', a[0].trim(), m.role, i);
  });
  return out;
}

/** The most recent value of a slot (agent-stated only for amounts, see the module note). */
export function latestSlot(slots: readonly SlotValue[], name: SlotName): string | null {
  for (let i = slots.length - 1; i >= 0; i--) {
    const s = slots[i]!;
    if (s.name !== name) continue;
    if (name === 'amount' && s.role !== 'agent') continue;
    return s.value;
  }
  return null;
}

const MARKER = /\{\{\s*([^{}]+?)\s*\}\}|\{([a-z_]+)\}/g;

/** Which slot a template marker names: `{{order_number}}`, `{{Order ID Anonymized}}`, `{product}` … */
function markerSlot(name: string): SlotName | null {
  const n = name.toLowerCase();
  if (/order|purchase|reservation/.test(n) && /number|id|no\b|#/.test(n)) return 'order_number';
  if (n === 'order') return 'order_number';
  if (/product|item/.test(n)) return 'product';
  if (/date|day/.test(n)) return 'date';
  if (/amount|price|refund/.test(n)) return 'amount';
  return null;
}

/**
 * Fill template markers with slot values. Markers without a value stay visible for the agent to
 * complete; placeholders inside values stay placeholders.
 */
export function fillTemplate(template: string, slots: readonly SlotValue[]): string {
  return template.replace(MARKER, (whole, long: string | undefined, short: string | undefined) => {
    const slot = markerSlot(long ?? short ?? '');
    const value = slot ? latestSlot(slots, slot) : null;
    return value ?? whole;
  });
}

const ZH_ORDER_NOUN = /(?<![号单])订单(?![号])/;
const EN_ORDER_NOUN = /\b(?:the|your) order\b(?!\s+(?:number|page|details|status))/i;

/**
 * Name the order in a script that speaks of "the order" in general, once: "我这边看到订单还没有发货"
 * → "我这边看到订单 2024052188341 还没有发货". Scripts that ask for the order number are left alone.
 */
export function mentionOrder(script: string, order: string | null, lang: Lang): string {
  if (!order || script.includes(order)) return script;
  if (lang === 'zh') {
    if (/订单号|单号/.test(script)) return script;
    const m = ZH_ORDER_NOUN.exec(script);
    if (!m) return script;
    const at = m.index + m[0].length;
    return `${script.slice(0, at)} ${order} ${script.slice(at)}`.replace(/ +([，。？！,.?!])/g, '$1');
  }
  if (/order number/i.test(script)) return script;
  return script.replace(EN_ORDER_NOUN, `order ${order}`);
}
