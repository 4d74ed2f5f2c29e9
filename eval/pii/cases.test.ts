import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isCnMobile, isEmail, isLuhnCard, PII_TYPES, usccValid, validateCnId } from '#src/core/pii/index.ts';
import { parseJsonl } from '../harness/jsonl.ts';
import { PiiCaseSchema } from './case.ts';
import { CASES_PATH, E, parseMarked } from './generate-cases.ts';

const cases = parseJsonl(readFileSync(CASES_PATH, 'utf8'), PiiCaseSchema, 'eval/pii/cases.jsonl');
const values = cases.flatMap((c) =>
  c.entities.map((e) => ({ id: c.id, type: e.type, value: c.text.slice(e.start, e.end) })),
);

describe('authored golden set (eval/pii/cases.jsonl)', () => {
  it('has at least 300 cases, about half Chinese and half English, with unique ids', () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
    const zh = cases.filter((c) => c.lang === 'zh').length;
    expect(zh / cases.length).toBeGreaterThan(0.4);
    expect(zh / cases.length).toBeLessThan(0.6);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });

  it('uses only built-in entity types and covers every one of them', () => {
    const types = new Set(values.map((v) => v.type));
    for (const t of types) expect(PII_TYPES).toContain(t);
    for (const t of PII_TYPES) expect(types.has(t), t).toBe(true);
  });

  it('holds hard negatives: at least 60 cases with no PII at all', () => {
    expect(cases.filter((c) => c.entities.length === 0).length).toBeGreaterThanOrEqual(60);
  });

  it('has offsets that cut whole values (no surrounding spaces or punctuation)', () => {
    for (const v of values) expect(v.value, `${v.id} ${v.type}`).toBe(v.value.trim());
    for (const v of values)
      expect(v.value, `${v.id} ${v.type}`).not.toMatch(/^[，。,.:：;；!！?？]|[，。,:：;；!！?？]$/);
  });

  it('labels only checksum-valid resident IDs, cards and credit codes, and real mainland mobiles', () => {
    for (const v of values) {
      if (v.type === 'CN_ID') expect(validateCnId(v.value), v.id).toBe('valid');
      if (v.type === 'BANK_CARD') expect(isLuhnCard(v.value.replace(/[\s-]/g, '')), v.id).toBe(true);
      if (v.type === 'USCC') expect(usccValid(v.value), v.id).toBe(true);
      if (v.type === 'EMAIL' && !v.value.includes(' ')) expect(isEmail(v.value), v.id).toBe(true);
      if (v.type === 'PHONE' && /^(?:\+?86|0086)?[\s-]?1[3-9]/.test(v.value) && v.id.startsWith('pii-zh')) {
        expect(isCnMobile(v.value.normalize('NFKC')), v.id).toBe(true);
      }
    }
  });

  it('never labels a masked value', () => {
    for (const v of values) expect(v.value, v.id).not.toContain('*');
  });
});

describe('case generator markup', () => {
  it('turns marks into JavaScript string offsets, end exclusive', () => {
    const { text, entities } = parseMarked(`手机${E('PHONE', '13812345678')}，邮箱${E('EMAIL', 'a@b.cn')}`);
    expect(text).toBe('手机13812345678，邮箱a@b.cn');
    expect(entities).toEqual([
      { type: 'PHONE', start: 2, end: 13 },
      { type: 'EMAIL', start: 16, end: 22 },
    ]);
  });
});
