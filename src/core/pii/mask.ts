/**
 * @module Masking for three audiences. `display` keeps what a human needs to recognise the value
 * (138****5678, last four of an ID or card, z***@163.com, 张*); `placeholder` gives a model
 * stable tokens (<PHONE_1>) so the same value maps to the same token for a whole conversation and
 * can be restored afterwards; `redact` removes the value entirely.
 */
import type { PiiEntity } from './types.ts';

export type MaskStyle = 'display' | 'placeholder' | 'redact';

/** How `display` shows a value; built-in types have defaults, tenant patterns choose one. */
export const DISPLAY_RULES = [
  'last4',
  'first3last4',
  'phone',
  'email',
  'name',
  'address',
  'ip',
  'date',
  'plate',
  'passport',
  'full',
] as const;
export type DisplayRule = (typeof DISPLAY_RULES)[number];

export const DEFAULT_DISPLAY_RULES: Readonly<Record<string, DisplayRule>> = {
  PHONE: 'phone',
  CN_ID: 'last4',
  BANK_CARD: 'last4',
  US_SSN: 'last4',
  USCC: 'last4',
  EMAIL: 'email',
  PERSON: 'name',
  ADDRESS: 'address',
  IP_ADDRESS: 'ip',
  DATE_OF_BIRTH: 'date',
  LICENSE_PLATE: 'plate',
  PASSPORT: 'passport',
};

export const REDACTED = '[REDACTED]';

/** Placeholder numbering for one conversation; pass the same object for every message. */
export interface MaskState {
  /** `TYPE\0normalised value` → placeholder. */
  byValue: Map<string, string>;
  /** placeholder → the raw value first seen, for restoring a model's answer. */
  byPlaceholder: Map<string, string>;
  counters: Map<string, number>;
}

export function createMaskState(): MaskState {
  return { byValue: new Map(), byPlaceholder: new Map(), counters: new Map() };
}

export interface MaskOptions {
  /** Display rules for tenant types, or overrides for built-in ones. */
  displayRules?: Record<string, DisplayRule>;
}

/**
 * Replace each entity's span. Entities may come in any order; overlapping ones after the first
 * are ignored (the detector never returns overlaps).
 */
export function maskText(
  text: string,
  entities: readonly PiiEntity[],
  style: MaskStyle,
  state: MaskState = createMaskState(),
  options: MaskOptions = {},
): string {
  const sorted = [...entities].sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let cursor = 0;
  for (const e of sorted) {
    if (e.start < cursor || e.end > text.length || e.end <= e.start) continue;
    const raw = text.slice(e.start, e.end);
    out += text.slice(cursor, e.start);
    if (style === 'redact') out += REDACTED;
    else if (style === 'placeholder') out += placeholderFor(e.type, raw, state);
    else out += displayMask(raw, options.displayRules?.[e.type] ?? DEFAULT_DISPLAY_RULES[e.type] ?? 'last4');
    cursor = e.end;
  }
  return out + text.slice(cursor);
}

/** Put the raw values back in place of placeholders a model echoed. Unknown tokens stay. */
export function unmaskText(text: string, state: MaskState): string {
  return text.replace(/<[A-Z][A-Z0-9_]*_\d+>/g, (token) => state.byPlaceholder.get(token) ?? token);
}

function placeholderFor(type: string, raw: string, state: MaskState): string {
  const key = `${type}\u0000${normalise(type, raw)}`;
  const existing = state.byValue.get(key);
  if (existing) return existing;
  const n = (state.counters.get(type) ?? 0) + 1;
  state.counters.set(type, n);
  const token = `<${type}_${n}>`;
  state.byValue.set(key, token);
  state.byPlaceholder.set(token, raw);
  return token;
}

/** The same person writes a value in different ways; placeholders should not multiply. */
export function normalise(type: string, raw: string): string {
  if (type === 'EMAIL') return raw.toLowerCase();
  if (type === 'PERSON' || type === 'ADDRESS') return raw.replace(/\s+/g, ' ').trim().toLowerCase();
  const compact = raw.replace(/[\s\-().·•]/g, '').toUpperCase();
  if (type === 'PHONE') {
    const digits = compact.replace(/\D/g, '');
    const cn = /^(?:0086|86)?(1[3-9]\d{9})$/.exec(digits);
    if (cn) return cn[1]!;
    return digits.replace(/^(?:00|\+)?1(?=\d{10}$)/, '');
  }
  return compact;
}

/** Mask the alphanumeric characters whose index (among alphanumerics) fails `keep`. */
function maskChars(raw: string, keep: (i: number, n: number) => boolean): string {
  const isAlnum = (c: string) => /[0-9A-Za-z]/.test(c);
  let n = 0;
  for (const c of raw) if (isAlnum(c)) n++;
  let i = 0;
  let out = '';
  for (const c of raw) {
    if (!isAlnum(c)) out += c;
    else out += keep(i++, n) ? c : '*';
  }
  return out;
}

export function displayMask(raw: string, rule: DisplayRule): string {
  switch (rule) {
    case 'last4':
      return maskChars(raw, (i, n) => i >= n - 4);
    case 'first3last4':
      return maskChars(raw, (i, n) => i < 3 || i >= n - 4);
    case 'phone':
      return maskPhone(raw);
    case 'email': {
      const at = raw.lastIndexOf('@');
      return at <= 0 ? '***' : `${raw[0]}***${raw.slice(at)}`;
    }
    case 'name':
      return maskName(raw);
    case 'address':
      return maskAddress(raw);
    case 'ip':
      return maskIp(raw);
    case 'date':
      return raw.replace(/\d/g, '*');
    case 'plate': {
      const chars = [...raw];
      return chars.map((c, i) => (i < 2 || i === chars.length - 1 || /[·\s-]/.test(c) ? c : '*')).join('');
    }
    case 'passport':
      return maskChars(raw, (i, n) => i === 0 || i >= n - 2);
    case 'full':
      return [...raw].map((c) => (/\s/.test(c) ? c : '*')).join('');
  }
}

/** 138****5678 for mainland mobiles (country prefix kept); otherwise keep the last four digits. */
function maskPhone(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  const cn = /^(?:0086|86)?1[3-9]\d{9}$/.test(digits);
  const prefix = cn ? digits.length - 11 : 0;
  let i = 0;
  let out = '';
  for (const c of raw) {
    if (!/\d/.test(c)) {
      out += c;
      continue;
    }
    const keep = cn ? i < prefix + 3 || i >= digits.length - 4 : i >= digits.length - 4;
    out += keep ? c : '*';
    i++;
  }
  return out;
}

const COMPOUND_SURNAMES =
  /^(?:欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|长孙|宇文|司徒|夏侯|令狐|轩辕|端木|澹台)/;

/** 张* / 欧阳** for Chinese names; J*** S**** for Latin names. */
function maskName(raw: string): string {
  if (/[\u4e00-\u9fff]/.test(raw)) {
    const keep = COMPOUND_SURNAMES.test(raw) ? 2 : 1;
    const chars = [...raw];
    return chars.map((c, i) => (i < keep ? c : '*')).join('');
  }
  return raw.replace(/[\p{L}'’-]+/gu, (w) => w[0] + '*'.repeat(Math.max(1, w.length - 1)));
}

/** Keep the administrative area (up to the first 区/县/市 within the leading part); hide the rest. */
function maskAddress(raw: string): string {
  if (/[\u4e00-\u9fff]/.test(raw)) {
    const head = raw.slice(0, 12);
    const cut = Math.max(head.lastIndexOf('区'), head.lastIndexOf('县'), head.lastIndexOf('市'));
    return cut >= 0 ? `${raw.slice(0, cut + 1)}****` : '****';
  }
  // Latin addresses: house numbers and street names hidden, the last word (city or state) kept.
  const words = raw.split(/(\s+|,)/);
  const lastWord = words.findLastIndex((w) => /[\p{L}\d]/u.test(w));
  return words.map((w, i) => (i === lastWord ? w : w.replace(/[\p{L}\d]/gu, '*'))).join('');
}

function maskIp(raw: string): string {
  if (raw.includes('.')) {
    const parts = raw.split('.');
    return parts.map((p, i) => (i < 2 ? p : '*')).join('.');
  }
  const parts = raw.split(':');
  return parts.map((p, i) => (i < 1 || p === '' ? p : '*')).join(':');
}
