/**
 * @module Stated quantities in folded text: a number or range (Arabic, Chinese or English numerals)
 * with a unit the knowledge base uses — durations (converted to minutes), business days, months,
 * yuan and counts. '1-3 个工作日', '三到五天', 'up to 7 business days', '¥5,000', '半小时',
 * 'a 30-day window'. Calendar dates (6 月 18 日, 2024 年) are not quantities.
 */
import type { TextView } from '../text-view.ts';
import type { FactUnit } from '../types.ts';

export interface Quantity {
  /** Folded offsets of the whole mention, number to unit. */
  start: number;
  end: number;
  /** Offset where the number starts (what `ignoreBefore` looks in front of). */
  numberStart: number;
  lo: number;
  hi: number;
  unit: FactUnit;
}

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
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
const EN_NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  'forty-eight': 48,
  'seventy-two': 72,
  fifty: 50,
  hundred: 100,
  'half an': 0.5,
  'half a': 0.5,
};

/** Chinese numerals up to the ten-thousands: 十五, 四十八, 一百八十, 两万, 半. */
export function parseChineseNumber(s: string): number | null {
  if (s === '半') return 0.5;
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const ch of s) {
    if (ch in CN_DIGITS) {
      digit = CN_DIGITS[ch]!;
      continue;
    }
    const mult = ch === '十' ? 10 : ch === '百' ? 100 : ch === '千' ? 1000 : ch === '万' ? 10000 : 0;
    if (mult === 0) return null;
    if (mult === 10000) {
      total = (total + section + Math.max(digit, 0)) * 10000;
      section = 0;
    } else {
      section += (digit < 0 ? 1 : digit) * mult;
    }
    digit = -1;
  }
  const value = total + section + Math.max(digit, 0);
  return Number.isFinite(value) ? value : null;
}

function parseNumber(raw: string): number | null {
  const s = raw.trim();
  if (/^\d/.test(s)) {
    const n = Number(s.replaceAll(',', ''));
    return Number.isFinite(n) ? n : null;
  }
  if (s in EN_NUMBERS) return EN_NUMBERS[s]!;
  return parseChineseNumber(s);
}

const NUM = String.raw`\d{1,3}(?:,\d{3}){1,3}|\d{1,6}(?:\.\d{1,2})?|[零〇一二两三四五六七八九十百千万]{1,6}|half an?|forty-eight|seventy-two|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|hundred|an?`;
const JOIN = String.raw`\s?(?:-|–|—|~|到|至|to|or)\s?`;

/** Unit words → unit and multiplier into the unit (durations in minutes). */
const UNITS: [RegExp, FactUnit, number][] = [
  [/^(?:个)?工作日|^(?:business|working) days?/, 'business_days', 1],
  [/^分钟|^minutes?|^mins?\b/, 'minutes', 1],
  [/^(?:个)?(?:小时|钟头)|^hours?|^hrs?\b/, 'minutes', 60],
  [/^(?:个)?(?:星期|礼拜)|^周|^weeks?/, 'minutes', 7 * 1440],
  [/^天|^日|^days?/, 'minutes', 1440],
  [/^(?:个)?月|^months?/, 'months', 1],
  [/^年|^years?/, 'months', 12],
  [/^(?:块钱|块|元)|^yuan\b|^rmb\b/, 'yuan', 1],
  [/^次|^times\b/, 'times', 1],
  [/^积分|^分|^points?\b/, 'points', 1],
  [/^%|^percent\b|^per cent\b/, 'percent', 1],
];
const UNIT_ALT =
  '(?:个)?(?:工作日|分钟|小时|钟头|星期|礼拜|周|天|日|月|年|块钱|块|元|次)|(?:business|working) days?|minutes?|mins?|hours?|hrs?|weeks?|days?|months?|years?|yuan|rmb|times|积分|分|points?|%|percent|per cent';

const SUFFIXED = new RegExp(
  String.raw`(?<!\d[.,]|[\da-z])(${NUM})(?:${JOIN}(${NUM}))?(?:\s?-\s?|\s?)(?:个\s?)?(${UNIT_ALT})(?![a-z])`,
  'g',
);
const CURRENCY = new RegExp(
  String.raw`[¥$]\s?(\d{1,3}(?:,\d{3}){1,3}|\d{1,6}(?:\.\d{1,2})?)(?:${JOIN}[¥$]?\s?(\d{1,6}))?`,
  'g',
);
const HALF_HOUR = /半(?:个)?(?:小时|钟头)/g;
/** 百分之二十 (but not 百分之百, which is a promise, not a share). */
const CN_PERCENT = /百分之([零一二两三四五六七八九十]{1,3})(?!百)/g;
/** Shop shorthand without a unit: 满 88 包邮, 满 200 减 20 (amounts in yuan). */
const THRESHOLD_OFF = /满\s?(\d{1,6})\s?(?:元|块)?(?:\s?减\s?(\d{1,6}))?/g;

function unitOf(word: string): [FactUnit, number] | null {
  for (const [re, unit, mult] of UNITS) if (re.test(word)) return [unit, mult];
  return null;
}

/** Every quantity in the folded text, in order. Bounded by the text length. */
export function findQuantities(text: string, limit = 500): Quantity[] {
  const out: Quantity[] = [];
  for (const m of text.matchAll(SUFFIXED)) {
    const unit = unitOf(m[3]!);
    const lo = parseNumber(m[1]!);
    const hi = m[2] === undefined ? lo : parseNumber(m[2]);
    if (!unit || lo === null || hi === null) continue;
    // Bare English articles only count before a time unit ("an hour", "a week").
    if (/^an?$/.test(m[1]!) && unit[0] !== 'minutes' && unit[0] !== 'months') continue;
    // Calendar dates: a bare 月 is a month of the year (durations say 个月), 日 after 月 is a day.
    if (m[3] === '月' && !/个\s?月$/.test(m[0])) continue;
    if (m[3] === '日' && /月\s?$/.test(text.slice(Math.max(0, m.index - 2), m.index))) continue;
    if (m[3] === '年' && lo >= 1900) continue;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      numberStart: m.index,
      lo: lo * unit[1],
      hi: hi * unit[1],
      unit: unit[0],
    });
    if (out.length >= limit) break;
  }
  for (const m of text.matchAll(CURRENCY)) {
    if (m[0].startsWith('$')) continue;
    const lo = parseNumber(m[1]!);
    const hi = m[2] === undefined ? lo : parseNumber(m[2]);
    if (lo === null || hi === null) continue;
    // "¥20 元" is one mention; the suffixed pass already has it.
    if (out.some((q) => q.unit === 'yuan' && q.start <= m.index + m[0].length && q.end >= m.index + 1))
      continue;
    out.push({ start: m.index, end: m.index + m[0].length, numberStart: m.index, lo, hi, unit: 'yuan' });
    if (out.length >= limit) break;
  }
  for (const m of text.matchAll(THRESHOLD_OFF)) {
    const groups: [string | undefined, number][] = [
      [m[1], m.index + m[0].indexOf(m[1]!)],
      [m[2], m[2] === undefined ? -1 : m.index + m[0].lastIndexOf(m[2])],
    ];
    for (const [raw, at] of groups) {
      if (raw === undefined || at < 0) continue;
      const end = at + raw.length;
      if (out.some((q) => q.start <= at && q.end >= end)) continue;
      const v = Number(raw);
      out.push({ start: at, end, numberStart: at, lo: v, hi: v, unit: 'yuan' });
    }
  }
  for (const m of text.matchAll(CN_PERCENT)) {
    const v = parseChineseNumber(m[1]!);
    if (v !== null)
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        numberStart: m.index,
        lo: v,
        hi: v,
        unit: 'percent',
      });
  }
  for (const m of text.matchAll(HALF_HOUR)) {
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      numberStart: m.index,
      lo: 30,
      hi: 30,
      unit: 'minutes',
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

const byView = new WeakMap<TextView, Quantity[]>();

/** The quantities of a draft's folded text, computed once per check (KB and offer scorers share). */
export function quantitiesOf(view: TextView): Quantity[] {
  let q = byView.get(view);
  if (!q) {
    q = findQuantities(view.text);
    byView.set(view, q);
  }
  return q;
}
