/**
 * The cn-pii-testvectors set (neednlab/cn_pii_anonymization, MIT), read from TIDEDESK_DATASETS:
 * every value case against our validators and every span case's expected count against the
 * detector. Skipped when the datasets folder is absent.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadEnv } from '#src/config/env.ts';
import { isLuhnCard } from './bank-card.ts';
import { luhnValid } from './checksums.ts';
import { validateCnId } from './cn-id.ts';
import { isEmail } from './email.ts';
import { createPiiDetector } from './index.ts';
import { isPassportNumber } from './passport.ts';
import { isCnMobile } from './phone.ts';

interface ValueCase {
  entity: string;
  value: string;
  label: 'valid' | 'invalid';
  checked_by: string;
}
interface SpanCase {
  entity: string;
  text: string;
  expected_count: number;
}

const root = fileURLToPath(new URL('../../../', import.meta.url));
const setting = loadEnv().TIDEDESK_DATASETS;
const dir = resolve(root, setting === 'required' ? '../shared/data' : setting);

function read<T>(file: string): T[] {
  try {
    const path = join(isAbsolute(dir) ? dir : resolve(root, dir), 'cn-pii-testvectors', file);
    return readFileSync(path, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as T);
  } catch {
    return [];
  }
}

const valueCases = read<ValueCase>('value_cases.jsonl');
const spanCases = read<SpanCase>('span_cases.jsonl');
const TYPES: Record<string, string> = {
  CN_ID_CARD: 'CN_ID',
  CN_PHONE_NUMBER: 'PHONE',
  CN_BANK_CARD: 'BANK_CARD',
  CN_PASSPORT: 'PASSPORT',
  CN_EMAIL: 'EMAIL',
};

/** Our verdict for a value, by the rule the upstream case exercised. */
function verdict(c: ValueCase): boolean {
  const compact = c.value.replace(/\s+/g, '');
  switch (c.entity) {
    case 'CN_ID_CARD':
      return validateCnId(c.value) === 'valid';
    case 'CN_PHONE_NUMBER':
      return isCnMobile(c.value) && /^[+\d\s-]+$/.test(c.value);
    case 'CN_BANK_CARD':
      // `_luhn_check` cases test the checksum alone; `_validate_bank_card` the whole card rule.
      return c.checked_by === '_luhn_check' ? luhnValid(compact) : isLuhnCard(compact);
    case 'CN_EMAIL':
      return isEmail(c.value);
    case 'CN_PASSPORT':
      return isPassportNumber(c.value);
    default:
      throw new Error(`unknown entity ${c.entity}`);
  }
}

describe.skipIf(valueCases.length === 0)('cn-pii-testvectors value cases', () => {
  it.each(valueCases.map((c) => [c.entity, c.value, c.label] as const))(
    '%s %j is %s',
    (entity, value, label) => {
      const c = valueCases.find((v) => v.entity === entity && v.value === value)!;
      expect(verdict(c)).toBe(label === 'valid');
    },
  );
});

describe.skipIf(spanCases.length === 0)('cn-pii-testvectors span cases', () => {
  const detector = createPiiDetector();
  it.each(spanCases.map((c) => [c.entity, c.text, c.expected_count] as const))(
    '%s in %j: %i',
    (entity, text, count) => {
      const type = TYPES[entity]!;
      const found = detector.detect(text, { lang: 'zh' }).filter((e) => e.type === type);
      expect(found).toHaveLength(count);
    },
  );
});
