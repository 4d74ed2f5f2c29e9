/**
 * @module Factual accuracy of what a trainee states, against the knowledge base: quantities
 * ("1-3 个工作日", "¥10", "within 48 hours", "七天") are parsed from the message and compared with
 * the quantities the SOP's scripts and knowledge articles state for the same unit. A stated
 * quantity is correct when both of its ends fall inside an allowed value or range, wrong when the
 * knowledge states that unit and the value is outside it, and unjudged when the knowledge says
 * nothing in that unit (an order number, a phone number or a price nobody wrote down is not a
 * claim we can check). The demo knowledge comes from demo-sops.ts and demo-knowledge.ts, whose
 * numbers all come from DEMO_POLICY, so this is "contradicts DEMO_POLICY" without restating it.
 */
import { DEMO_ARTICLES } from '#src/db/seed/demo-knowledge.ts';
import { DEMO_SOPS } from '#src/db/seed/demo-sops.ts';

export const QUANTITY_UNITS = [
  'day',
  'hour',
  'minute',
  'month',
  'yuan',
  'dollar',
  'percent',
  'times',
] as const;
export type QuantityUnit = (typeof QUANTITY_UNITS)[number];

/** A quantity found in a (folded) text: [lo, hi] in `unit`, at [start, end). */
export interface Quantity {
  lo: number;
  hi: number;
  unit: QuantityUnit;
  start: number;
  end: number;
  text: string;
}

const CN_DIGIT: Record<string, number> = {
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 十五 → 15, 三 → 3, 二十四 → 24; null for anything else. */
export function chineseNumber(s: string): number | null {
  if (s.length === 0) return null;
  if (s === '十') return 10;
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 ? (CN_DIGIT[s] ?? null) : null;
  const tens = ten === 0 ? 1 : CN_DIGIT[s.slice(0, ten)];
  const ones = ten === s.length - 1 ? 0 : CN_DIGIT[s.slice(ten + 1)];
  return tens === undefined || ones === undefined ? null : tens * 10 + ones;
}

const NUM = String.raw`(\d[\d,]*(?:\.\d+)?|[零一二两三四五六七八九十]{1,3})`;
const RANGE = String.raw`${NUM}(?:\s*(?:-|–|~|～|到|至|to)\s*${NUM})?`;
const UNIT_WORDS: [QuantityUnit, string][] = [
  ['day', String.raw`个?工作日|个?自然日|天|日|(?:business |working |calendar )?days?\b`],
  ['hour', String.raw`个?小时|hours?\b|hrs?\b|h\b`],
  ['minute', String.raw`分钟|minutes?\b|mins?\b`],
  ['month', String.raw`个月|months?\b`],
  ['yuan', String.raw`元|块钱|块|yuan\b|rmb\b`],
  ['percent', String.raw`%|％|percent\b`],
  ['times', String.raw`次|times\b`],
];
const SUFFIXED = new RegExp(
  String.raw`(?<![\d.])${RANGE}[\s-]*(?:(${UNIT_WORDS.map(([, w]) => `(?:${w})`).join(')|(')}))`,
  'gu',
);
const PREFIXED = new RegExp(String.raw`([¥￥$])\s*${RANGE}`, 'gu');

function toNumber(s: string | undefined): number | null {
  if (s === undefined) return null;
  if (/^\d/.test(s)) return Number(s.replaceAll(',', ''));
  return chineseNumber(s);
}

/** Quantities stated in a folded text, in text order. */
export function parseQuantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of text.matchAll(SUFFIXED)) {
    const lo = toNumber(m[1]);
    const hi = toNumber(m[2]) ?? lo;
    const unitIndex = m.slice(3).findIndex((g) => g !== undefined);
    if (lo === null || hi === null || unitIndex < 0) continue;
    // "5 天前", "five days ago": when something happened, not a claim about how long things take.
    if (/^\s*(?:前|以前|之前|ago\b)/.test(text.slice(m.index + m[0].length))) continue;
    // "第 3 天", "3 日发货" as a date: a day-of-month is not a duration.
    if (
      UNIT_WORDS[unitIndex]![0] === 'day' &&
      /^\d{1,2}\s*日$/.test(m[0]) &&
      /月\s*$/.test(text.slice(0, m.index))
    ) {
      continue;
    }
    out.push({
      lo: Math.min(lo, hi),
      hi: Math.max(lo, hi),
      unit: UNIT_WORDS[unitIndex]![0],
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
    });
  }
  for (const m of text.matchAll(PREFIXED)) {
    const lo = toNumber(m[2]);
    const hi = toNumber(m[3]) ?? lo;
    if (lo === null || hi === null) continue;
    const unit: QuantityUnit = m[1] === '$' ? 'dollar' : 'yuan';
    if (out.some((q) => q.start <= m.index && q.end > m.index)) continue;
    out.push({
      lo: Math.min(lo, hi),
      hi: Math.max(lo, hi),
      unit,
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Allowed values per unit, as closed ranges. */
export type AllowedQuantities = ReadonlyMap<QuantityUnit, readonly (readonly [number, number])[]>;

/** Hours are compared as minutes, so "2 hours" contradicts "30 minutes". */
export function canonical(q: Pick<Quantity, 'lo' | 'hi' | 'unit'>): {
  lo: number;
  hi: number;
  unit: QuantityUnit;
} {
  return q.unit === 'hour' ? { lo: q.lo * 60, hi: q.hi * 60, unit: 'minute' } : q;
}

/** Collect the quantities stated in reference texts. */
export function allowedFrom(texts: Iterable<string>, units?: readonly QuantityUnit[]): AllowedQuantities {
  const map = new Map<QuantityUnit, [number, number][]>();
  for (const t of texts) {
    for (const found of parseQuantities(t.toLowerCase().normalize('NFKC'))) {
      if (units && !units.includes(found.unit)) continue;
      const q = canonical(found);
      const list = map.get(q.unit) ?? [];
      if (!list.some(([a, b]) => a === q.lo && b === q.hi)) list.push([q.lo, q.hi]);
      map.set(q.unit, list);
    }
  }
  return map;
}

/** Merge several allowed sets. */
export function mergeAllowed(...sets: AllowedQuantities[]): AllowedQuantities {
  const map = new Map<QuantityUnit, (readonly [number, number])[]>();
  for (const s of sets) {
    for (const [u, ranges] of s) map.set(u, [...(map.get(u) ?? []), ...ranges]);
  }
  return map;
}

export type Verdict = 'correct' | 'wrong' | 'unjudged';

/** Judge one stated quantity. */
export function judgeQuantity(stated: Quantity, allowed: AllowedQuantities): Verdict {
  const q = canonical(stated);
  const ranges = allowed.get(q.unit);
  if (!ranges || ranges.length === 0) return 'unjudged';
  const inside = (v: number) => ranges.some(([a, b]) => v >= a - 1e-9 && v <= b + 1e-9);
  return inside(q.lo) && inside(q.hi) ? 'correct' : 'wrong';
}

/** Readable list of the allowed values of a unit ("1-3, 7 day"), for coaching messages. */
export function describeAllowed(unit: QuantityUnit, allowed: AllowedQuantities): string {
  const ranges = allowed.get(unit === 'hour' ? 'minute' : unit) ?? [];
  if (unit === 'hour' || unit === 'minute') {
    return ranges.map(([a, b]) => (a === b ? minutes(a) : `${minutes(a)}-${minutes(b)}`)).join(', ');
  }
  return ranges.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(', ');
}

function minutes(m: number): string {
  return m % 60 === 0 && m >= 60 ? `${m / 60} h` : `${m} min`;
}

/** Reference knowledge the coach checks statements against. */
export interface Knowledge {
  /** Allowed quantities when training `sopKey` (the card may add its own reference texts). */
  allowed(sopKey: string): AllowedQuantities;
  /**
   * Allowed quantities for one fact of the SOP (the scripts of the steps that disclose it), so a
   * refund time is checked against refund times, not against every number of the SOP; null when
   * the knowledge has no fact-level view.
   */
  factAllowed?(sopKey: string, factKey: string): AllowedQuantities | null;
}

/** Knowledge from reference texts per SOP key. */
export function knowledgeFromTexts(bySop: Readonly<Record<string, readonly string[]>>): Knowledge {
  const cache = new Map<string, AllowedQuantities>();
  return {
    allowed(sopKey) {
      let a = cache.get(sopKey);
      if (!a) {
        a = allowedFrom(bySop[sopKey] ?? []);
        cache.set(sopKey, a);
      }
      return a;
    },
  };
}

/** The demo tenant's knowledge: each SOP's scripts plus the articles filed under it. */
export function demoKnowledge(): Knowledge {
  const bySop: Record<string, string[]> = {};
  const byFact = new Map<string, AllowedQuantities>();
  for (const sop of DEMO_SOPS) {
    bySop[sop.key] = [
      ...sop.steps.flatMap((s) => [s.scriptZh, s.scriptEn]),
      ...DEMO_ARTICLES.filter((a) => a.sopKey === sop.key).map((a) => a.body),
    ];
    for (const fact of new Set(sop.steps.flatMap((s) => s.mustDisclose))) {
      const scripts = sop.steps
        .filter((s) => s.mustDisclose.includes(fact))
        .flatMap((s) => [s.scriptZh, s.scriptEn]);
      byFact.set(`${sop.key}/${fact}`, allowedFrom(scripts));
    }
  }
  return {
    ...knowledgeFromTexts(bySop),
    factAllowed: (sopKey, factKey) => byFact.get(`${sopKey}/${factKey}`) ?? null,
  };
}
