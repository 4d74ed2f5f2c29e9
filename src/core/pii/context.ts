/**
 * @module Context words that raise or lower a candidate's score, in the spirit of Presidio's
 * context enhancer but bilingual and with negative words: "订单号 …" or "tracking number …"
 * before a number argues against it being a card or a phone. The nearest cue wins.
 */
import { type Candidate, clampScore } from './recognizer.ts';

interface Cues {
  positive: readonly string[];
  negative: readonly string[];
}

const ORDERISH = [
  '订单',
  '单号',
  '运单',
  '快递',
  '物流',
  '流水',
  '工单',
  '发票',
  '编号',
  '券码',
  '兑换码',
  '批次',
  '型号',
  '序列号',
  'order',
  'tracking',
  'invoice',
  'ticket',
  'reference',
  'ref',
  'serial',
  'sku',
  'batch',
  'confirmation',
  'case',
] as const;

/** Cue lists per type; words are matched lower-cased as substrings of the window before a value. */
export const CONTEXT_CUES: Record<string, Cues> = {
  PHONE: {
    positive: [
      '手机',
      '电话',
      '联系',
      '致电',
      '号码',
      '来电',
      '微信',
      'tel',
      'phone',
      'mobile',
      'cell',
      'call',
      'fax',
      'contact',
      'reach me',
      'text me',
      'whatsapp',
    ],
    negative: [...ORDERISH, '卡号', '账号', 'card', 'account number', 'acct', 'qq'],
  },
  CN_ID: {
    positive: ['身份证', '证件', '身份号', '公民身份', 'id card', 'id number', 'identity', 'resident id'],
    negative: ORDERISH,
  },
  BANK_CARD: {
    positive: [
      '卡号',
      '银行卡',
      '信用卡',
      '储蓄卡',
      '借记卡',
      '银行账号',
      '账号',
      '账户',
      '卡',
      'card',
      'visa',
      'mastercard',
      'amex',
      'account',
      'acct',
      'pan',
      'debit',
      'credit',
    ],
    negative: ORDERISH,
  },
  USCC: {
    positive: [
      '信用代码',
      '社会信用',
      '税号',
      '纳税人识别号',
      '营业执照',
      '统一代码',
      'uscc',
      'tax id',
      'credit code',
    ],
    negative: ORDERISH,
  },
  PASSPORT: {
    positive: ['护照', '通行证', '回乡证', '台胞证', '港澳', '证件', 'passport', 'travel document', 'permit'],
    negative: [...ORDERISH, '航班', 'flight'],
  },
  US_SSN: {
    positive: ['ssn', 'social security', 'social-security', 'my social', 'ss#', 'ss #', 'taxpayer', 'tin'],
    negative: [...ORDERISH, 'phone', 'tel', 'zip'],
  },
  DATE_OF_BIRTH: {
    positive: [
      '出生',
      '生日',
      '出生日期',
      '生于',
      'born',
      'birth',
      'dob',
      'd.o.b',
      'birthday',
      'b-day',
      'bday',
    ],
    negative: [
      '下单',
      '订单',
      '发货',
      '签收',
      '到货',
      '退款',
      '预约',
      '日期',
      'order',
      'ship',
      'deliver',
      'refund',
      'appointment',
    ],
  },
  LICENSE_PLATE: {
    positive: ['车牌', '牌照', '车号', '号牌', 'plate', 'licence', 'license', 'registration'],
    negative: [],
  },
  ADDRESS: {
    positive: [
      '地址',
      '住在',
      '住址',
      '寄到',
      '送到',
      '寄往',
      '送至',
      '寄至',
      '收货',
      '搬到',
      'address',
      'ship to',
      'live at',
      'lives at',
      'located at',
      'deliver to',
      'send it to',
      'moved to',
    ],
    negative: [],
  },
  IP_ADDRESS: {
    positive: [
      'ip',
      '地址',
      '服务器',
      '主机',
      'address',
      'server',
      'host',
      '登录',
      'login',
      'logged',
      'from',
    ],
    negative: ['版本', 'version', 'ver', 'v.', '固件', 'firmware', 'build', '型号'],
  },
};

const BEFORE = 28;
const AFTER = 6;
const BOOST = 0.35;
const PENALTY = 0.4;

/**
 * Adjust a candidate by the nearest cue in the window before it (and a short window after).
 * `contextWeight` scales the effect: checksum-validated finds barely move.
 */
export function applyContext(text: string, c: Candidate): Candidate {
  const cues = CONTEXT_CUES[c.type];
  const weight = c.contextWeight ?? 1;
  if (!cues || weight === 0) return c;
  const before = text.slice(Math.max(0, c.start - BEFORE), c.start).toLowerCase();
  const after = text.slice(c.end, Math.min(text.length, c.end + AFTER)).toLowerCase();
  const pos = nearest(before, cues.positive);
  const neg = nearest(before, cues.negative);
  let delta = 0;
  if (pos >= 0 && pos >= neg) delta = BOOST;
  else if (neg >= 0) delta = -PENALTY;
  else if (startsWithAny(after, cues.positive)) delta = BOOST / 2;
  return delta === 0 ? c : { ...c, score: clampScore(c.score + delta * weight) };
}

/** One alternation per cue list, longest cue first, compiled once. */
const MATCHERS = new Map<readonly string[], RegExp>();
function matcher(words: readonly string[]): RegExp {
  let re = MATCHERS.get(words);
  if (!re) {
    const alts = [...words]
      .sort((a, b) => b.length - a.length)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    re = new RegExp(alts.join('|'), 'g');
    MATCHERS.set(words, re);
  }
  return re;
}

/** Position (end index) of the cue that ends closest to the value, or -1. */
function nearest(window: string, words: readonly string[]): number {
  if (words.length === 0) return -1;
  const re = matcher(words);
  let best = -1;
  re.lastIndex = 0;
  for (let m = re.exec(window); m !== null; m = re.exec(window)) {
    const w = m[0];
    // Latin cues must be whole words: "ref" must not fire inside "prefer".
    if (isLatinLetter(w.charCodeAt(0)) && !isWordAt(window, m.index, w.length)) {
      re.lastIndex = m.index + 1;
      continue;
    }
    best = Math.max(best, m.index + w.length);
  }
  return best;
}

/** Left edge always; right edge only for short cues ("tel", "ref"), so "cards" still counts. */
function isWordAt(s: string, i: number, len: number): boolean {
  const before = i > 0 ? s.charCodeAt(i - 1) : 32;
  const after = i + len < s.length ? s.charCodeAt(i + len) : 32;
  return !isLatinLetter(before) && (len > 3 || !isLatinLetter(after));
}

function isLatinLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

function startsWithAny(s: string, words: readonly string[]): boolean {
  const head = s.trimStart();
  return words.some((w) => head.startsWith(w));
}
