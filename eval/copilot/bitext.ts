/**
 * @module Copilot cases from the Bitext customer-support sample (bitext-cs/, CDLA-Sharing-1.0;
 * "Bitext Customer Service Tagged Training Dataset, © Bitext Innovations").
 *
 * What the figures mean: each Bitext category (ORDER, REFUND, ACCOUNT …) becomes a menu SOP whose
 * steps are its intents (no scripts, no facts); the tenant has no knowledge base. A case is one
 * row: the `instruction` is the customer's only message, the `intent` the expected step and the
 * `response` the reference. Accepted past replies are every other row's response, with its
 * instruction as context. So `stepAccuracy` is the co-pilot choosing the intent among its
 * category's intents from similar past questions (nearest replies' vote), and `referenceTop3` is
 * whether a past reply to a similar question is close (replySimilarity ≥ 0.4) to this row's
 * response — Bitext responses are templated, so this measures retrieval of the right template,
 * not writing. Cases: the 500 rows with the smallest FNV-1a hash of their instruction
 * (deterministic, spread over intents); rows with the same instruction as a case are left out of
 * the past replies.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CopilotOptions, CopilotSop, GoldenReply } from '#assist/copilot/index.ts';
import { csvRecords } from '../harness/csv.ts';
import type { CaseSet } from '../harness/suite.ts';
import type { CopilotCase } from './case.ts';

export const BITEXT_FILE = 'bitext-cs/Bitext_Sample_Customer_Support_Training_Dataset.csv';
export const BITEXT_CASES = 500;
export const BITEXT_LICENCE =
  'CDLA-Sharing-1.0 — Bitext Customer Service Tagged Training Dataset, © Bitext Innovations';

interface Row {
  index: number;
  instruction: string;
  intent: string;
  category: string;
  response: string;
}

/** 32-bit FNV-1a over UTF-16 code units: a stable, dependency-free ordering key. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export interface BitextData {
  cases: CopilotCase[];
  tenant: CopilotOptions;
}

const sopKey = (category: string) => `bitext-${category.toLowerCase()}`;

/** Split the sample into cases and past replies (see the module note). Null when the file is absent. */
export async function loadBitext(datasetsDir: string): Promise<BitextData | null> {
  let text: string;
  try {
    text = await readFile(join(datasetsDir, BITEXT_FILE), 'utf8');
  } catch {
    return null;
  }
  const rows: Row[] = csvRecords(text)
    .map((r, index) => ({
      index,
      instruction: (r['instruction'] ?? '').trim(),
      intent: (r['intent'] ?? '').trim(),
      category: (r['category'] ?? '').trim(),
      response: (r['response'] ?? '').trim(),
    }))
    .filter((r) => r.instruction && r.intent && r.category && r.response);
  const ordered = [...rows].sort((a, b) => fnv1a(a.instruction) - fnv1a(b.instruction) || a.index - b.index);
  const picked = ordered.slice(0, BITEXT_CASES);
  const asked = new Set(picked.map((r) => r.instruction));
  const pool = rows.filter((r) => !asked.has(r.instruction));

  const intents = new Map<string, Set<string>>();
  for (const r of rows) {
    const set = intents.get(r.category) ?? new Set<string>();
    set.add(r.intent);
    intents.set(r.category, set);
  }
  const sops: CopilotSop[] = [...intents].map(([category, set]) => ({
    key: sopKey(category),
    nameEn: `Bitext ${category}`,
    menuFrom: 0,
    steps: [...set].sort().map((intent) => ({
      key: intent,
      titleZh: intent.replace(/_/g, ' '),
      titleEn: intent.replace(/_/g, ' '),
      scriptZh: '',
      scriptEn: '',
      mustVerify: [],
      mustDisclose: [],
    })),
  }));
  const goldenReplies: GoldenReply[] = pool.map((r) => ({
    id: `bitext-${r.index}`,
    sop: sopKey(r.category),
    step: r.intent,
    lang: 'en',
    text: r.response,
    context: r.instruction,
  }));
  const cases: CopilotCase[] = picked
    .sort((a, b) => a.index - b.index)
    .map((r) => ({
      id: `bitext-${r.index}`,
      lang: 'en',
      sop: sopKey(r.category),
      kb: 'bitext',
      history: [{ role: 'customer', text: r.instruction }],
      expected_step: r.intent,
      reference: r.response,
    }));
  return { cases, tenant: { sops, knowledge: [], goldenReplies } };
}

export function bitextCaseSet(data: BitextData): CaseSet<CopilotCase> {
  return { name: 'bitext', cases: data.cases, source: 'public', licence: BITEXT_LICENCE };
}
