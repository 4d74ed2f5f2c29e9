import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEnv } from '#src/config/env.ts';
import { datasetsSetting } from '../harness/datasets.ts';
import { cnPiiCases, loadPublicPiiSets, PRESIDIO_SCORED_TYPES, presidioCases } from './loaders.ts';

const dir = datasetsSetting(loadEnv().TIDEDESK_DATASETS).dir;
const cnFile = join(dir, 'cn-pii-testvectors', 'span_cases.jsonl');
const hasCn = (() => {
  try {
    readFileSync(cnFile);
    return true;
  } catch {
    return false;
  }
})();

describe('presidio-synth mapping', () => {
  it('maps supported types, keeps DATE_TIME only as a birth date, drops the rest', () => {
    const text =
      'I was born on 5/5/1937. Years later we opened the shop with Ann in 1990 at Contoso; card 4111111111111111';
    const at = (v: string) => ({ start_position: text.indexOf(v), end_position: text.indexOf(v) + v.length });
    const [c] = presidioCases([
      {
        full_text: text,
        spans: [
          { entity_type: 'DATE_TIME', ...at('5/5/1937') },
          { entity_type: 'PERSON', ...at('Ann') },
          { entity_type: 'DATE_TIME', ...at('1990') },
          { entity_type: 'ORGANIZATION', ...at('Contoso') },
          { entity_type: 'CREDIT_CARD', ...at('4111111111111111') },
        ],
      },
    ]);
    const span = (type: string, v: string) => ({
      type,
      start: text.indexOf(v),
      end: text.indexOf(v) + v.length,
    });
    expect(c!.entities).toEqual([
      span('DATE_OF_BIRTH', '5/5/1937'),
      span('PERSON', 'Ann'),
      span('BANK_CARD', '4111111111111111'),
    ]);
    expect(c!.scoredTypes).toEqual(PRESIDIO_SCORED_TYPES);
  });
});

describe('cn-pii-testvectors span cases', () => {
  it('derives spans whose count matches the expected count and merges rows by text', () => {
    const { cases, dropped } = cnPiiCases([
      { entity: 'CN_PHONE_NUMBER', text: '手机号13812345678，邮箱test@qq.com', expected_count: 1 },
      { entity: 'CN_EMAIL', text: '手机号13812345678，邮箱test@qq.com', expected_count: 1 },
      { entity: 'CN_BANK_CARD', text: '编号A4111111111111111', expected_count: 0 },
      { entity: 'CN_PHONE_NUMBER', text: '两个手机号13812345678', expected_count: 2 },
    ]);
    expect(cases).toHaveLength(2);
    expect(cases[0]!.entities).toEqual([
      { type: 'PHONE', start: 3, end: 14 },
      { type: 'EMAIL', start: 17, end: 28 },
    ]);
    expect(cases[0]!.scoredTypes).toEqual(['PHONE', 'EMAIL']);
    expect(cases[1]!.entities).toEqual([]);
    expect(dropped).toHaveLength(1);
  });

  it.skipIf(!hasCn)('keeps every row of the real file (no count disagreements)', () => {
    const rows = readFileSync(cnFile, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l));
    const { cases, dropped } = cnPiiCases(rows);
    expect(dropped).toEqual([]);
    expect(cases.length).toBeGreaterThan(30);
  });

  it.skipIf(!hasCn)('loads both public sets from TIDEDESK_DATASETS', async () => {
    const sets = await loadPublicPiiSets(dir);
    expect(sets.map((s) => s.name)).toEqual(['presidio-synth', 'cn-pii-testvectors']);
    expect(sets[0]!.cases.length).toBeGreaterThan(1000);
  });
});
