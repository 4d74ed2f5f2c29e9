/**
 * @module Public PII sets, read from TIDEDESK_DATASETS and mapped onto Tidedesk's entity types.
 *
 * presidio-synth (English, Faker values in templated sentences): PERSON → PERSON,
 * PHONE_NUMBER → PHONE, EMAIL_ADDRESS → EMAIL, CREDIT_CARD → BANK_CARD, US_SSN → US_SSN,
 * STREET_ADDRESS → ADDRESS. DATE_TIME becomes DATE_OF_BIRTH only when a birth word (born, birth,
 * DOB, birthday) appears in the 40 characters before it — a date is personal data here only as a
 * birth date — and is dropped otherwise. Every other Presidio type (GPE, ORGANIZATION, ZIP_CODE,
 * IBAN_CODE, TITLE, …) is dropped; each case lists the types the set annotates in `scoredTypes`,
 * so a prediction of a type Presidio never labels (CN_ID, USCC, IP_ADDRESS …) is not counted.
 *
 * cn-pii-testvectors span_cases give a text, one entity and an expected count, not offsets. Rows
 * with the same text are merged; spans are derived by finding the values with the entity's
 * textbook shape (mobile 1[3-9]+9 digits with an optional +86/0086, 18-character ID, 13–19-digit
 * card, letter + 8 digits passport, e-mail), never with the detector under test, and a row is kept
 * only if the number of values found equals its expected count (the loader test checks that all
 * rows qualify). `scoredTypes` again limits scoring to the entities the row speaks about.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CaseSet } from '../harness/suite.ts';
import type { PiiCase } from './case.ts';

const PRESIDIO_TYPES: Record<string, string> = {
  PERSON: 'PERSON',
  PHONE_NUMBER: 'PHONE',
  EMAIL_ADDRESS: 'EMAIL',
  CREDIT_CARD: 'BANK_CARD',
  US_SSN: 'US_SSN',
  STREET_ADDRESS: 'ADDRESS',
};
export const PRESIDIO_SCORED_TYPES = [...Object.values(PRESIDIO_TYPES), 'DATE_OF_BIRTH'];
const BIRTH_CUE = /born|birth|\bdob\b|d\.o\.b/i;

interface PresidioRow {
  full_text: string;
  spans: { entity_type: string; start_position: number; end_position: number }[];
  template_id?: number;
}

/** Map presidio-synth rows to PII cases (see the module comment for the mapping). */
export function presidioCases(rows: readonly PresidioRow[]): PiiCase[] {
  return rows.map((row, i) => {
    const entities: PiiCase['entities'] = [];
    for (const s of row.spans) {
      let type = PRESIDIO_TYPES[s.entity_type];
      if (s.entity_type === 'DATE_TIME') {
        const before = row.full_text.slice(Math.max(0, s.start_position - 40), s.start_position);
        if (BIRTH_CUE.test(before)) type = 'DATE_OF_BIRTH';
      }
      if (type) entities.push({ type, start: s.start_position, end: s.end_position });
    }
    entities.sort((a, b) => a.start - b.start);
    return {
      id: `presidio-${String(i + 1).padStart(4, '0')}`,
      lang: 'en',
      text: row.full_text,
      entities,
      scoredTypes: PRESIDIO_SCORED_TYPES,
    };
  });
}

const CN_TYPES: Record<string, string> = {
  CN_ID_CARD: 'CN_ID',
  CN_PHONE_NUMBER: 'PHONE',
  CN_BANK_CARD: 'BANK_CARD',
  CN_PASSPORT: 'PASSPORT',
  CN_EMAIL: 'EMAIL',
};

interface CnSpanRow {
  entity: string;
  text: string;
  expected_count: number;
}

// Textbook value shapes used only to place the gold spans (module comment). A value glued to
// ASCII letters or digits is part of another token.
const NUMBER_RUN = /(?<![0-9A-Za-z])\+?\d[\d -]*[\dXx](?![0-9A-Za-z])/g;
const PASSPORT = /(?<![0-9A-Za-z])[A-Z]\d{8}(?![0-9A-Za-z])/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

function valueSpans(text: string, type: string): { start: number; end: number }[] {
  const spans = (re: RegExp, keep: (v: string) => boolean) =>
    [...text.matchAll(re)]
      .filter((m) => keep(m[0]))
      .map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const compact = (v: string) => v.replace(/[\s-]/g, '');
  switch (type) {
    case 'PHONE':
      return spans(NUMBER_RUN, (v) => /^(?:\+?86|0086)?1[3-9]\d{9}$/.test(compact(v)));
    case 'CN_ID':
      return spans(NUMBER_RUN, (v) => /^\d{17}[\dXx]$/.test(compact(v)));
    case 'BANK_CARD':
      return spans(NUMBER_RUN, (v) => /^\d{13,19}$/.test(compact(v)));
    case 'PASSPORT':
      return spans(PASSPORT, () => true);
    case 'EMAIL':
      return spans(EMAIL, () => true);
    default:
      return [];
  }
}

/** Merge cn-pii span rows by text and derive their spans; rows whose count disagrees are dropped. */
export function cnPiiCases(rows: readonly CnSpanRow[]): { cases: PiiCase[]; dropped: CnSpanRow[] } {
  const byText = new Map<string, PiiCase>();
  const dropped: CnSpanRow[] = [];
  for (const row of rows) {
    const type = CN_TYPES[row.entity];
    if (!type) {
      dropped.push(row);
      continue;
    }
    const found = valueSpans(row.text, type);
    if (found.length !== row.expected_count) {
      dropped.push(row);
      continue;
    }
    let c = byText.get(row.text);
    if (!c) {
      c = {
        id: `cn-pii-${String(byText.size + 1).padStart(3, '0')}`,
        lang: 'zh',
        text: row.text,
        entities: [],
        scoredTypes: [],
      };
      byText.set(row.text, c);
    }
    if (c.scoredTypes!.includes(type)) continue;
    c.scoredTypes!.push(type);
    c.entities.push(...found.map((s) => ({ type, ...s })));
    c.entities.sort((a, b) => a.start - b.start);
  }
  return { cases: [...byText.values()], dropped };
}

async function readIfPresent(path: string): Promise<string | null> {
  return readFile(path, 'utf8').catch(() => null);
}

/** Both public sets that are present in `datasetsDir` (none is an empty list). */
export async function loadPublicPiiSets(datasetsDir: string): Promise<CaseSet<PiiCase>[]> {
  const sets: CaseSet<PiiCase>[] = [];
  const presidio = await readIfPresent(join(datasetsDir, 'presidio-synth', 'synth_dataset_v2.json'));
  if (presidio !== null) {
    sets.push({
      name: 'presidio-synth',
      cases: presidioCases(JSON.parse(presidio) as PresidioRow[]),
      source: 'public',
      licence: 'MIT — presidio-research synthetic dataset, Copyright (c) Microsoft Corporation',
    });
  }
  const cn = await readIfPresent(join(datasetsDir, 'cn-pii-testvectors', 'span_cases.jsonl'));
  if (cn !== null) {
    const rows = cn
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as CnSpanRow);
    sets.push({
      name: 'cn-pii-testvectors',
      cases: cnPiiCases(rows).cases,
      source: 'public',
      licence: 'MIT — test vectors from neednlab/cn_pii_anonymization',
    });
  }
  return sets;
}
