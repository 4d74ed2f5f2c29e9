/**
 * @module Public tone sets for the compliance suite, read from TIDEDESK_DATASETS. They measure the
 * rude_tone part only, so every case carries `scope: ['rude_tone']`.
 * - COLD (zh, Weibo/Zhihu comments on race, region, gender): `dev.csv` and `test.csv` (the dev part
 *   of the official test; `train.csv` is left for lexicon work), label 1 → rude_tone, 0 → clean.
 * - Stanford Politeness (en, Wikipedia + Stack Exchange requests): bottom quartile of
 *   `Normalized Score` → rude_tone, top half → clean, the second quartile skipped.
 * Each set is sampled deterministically (seeded shuffle) to at most MAX_PER_SET rows so the whole
 * offline eval stays well under a minute. A set whose files are missing is skipped.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseCsv } from '../harness/csv.ts';
import type { CaseSet } from '../harness/suite.ts';
import { mulberry32 } from '../metrics/prng.ts';
import type { ComplianceCase } from './case.ts';

export const MAX_PER_SET = 2_000;
const SEED = 20260701;

/** Deterministic sample: a seeded Fisher–Yates shuffle, first `n`, back in input order. */
export function sample<T>(items: readonly T[], n: number, seed = SEED): T[] {
  if (items.length <= n) return [...items];
  const idx = items.map((_, i) => i);
  const rng = mulberry32(seed);
  for (let i = idx.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return idx
    .slice(0, n)
    .sort((a, b) => a - b)
    .map((i) => items[i]!);
}

function rowsWithHeader(csv: string): { header: string[]; rows: string[][] } {
  const [header = [], ...rows] = parseCsv(csv.replace(/^\uFEFF/, ''));
  return { header, rows: rows.filter((r) => r.length === header.length) };
}

/** COLD rows (`<idx>,split,topic,label,[fine-grained-label,]TEXT`) as cases. */
export function coldCases(csv: string, file: string): ComplianceCase[] {
  const { header, rows } = rowsWithHeader(csv);
  const label = header.indexOf('label');
  const text = header.indexOf('TEXT');
  if (label < 0 || text < 0) throw new Error(`COLD ${file}: no label/TEXT columns in "${header.join(',')}"`);
  return rows
    .filter((r) => (r[label] === '0' || r[label] === '1') && r[text]!.trim() !== '')
    .map((r, i) => ({
      id: `cold-${file}-${i + 1}`,
      lang: 'zh' as const,
      draft: r[text]!,
      expected: r[label] === '1' ? ['rude_tone' as const] : [],
      scope: ['rude_tone' as const],
    }));
}

/** Stanford Politeness rows as cases: bottom quartile rude, top half clean, the rest skipped. */
export function politenessCases(files: { csv: string; name: string }[]): ComplianceCase[] {
  const all: { id: string; text: string; score: number }[] = [];
  for (const { csv, name } of files) {
    const { header, rows } = rowsWithHeader(csv);
    const req = header.indexOf('Request');
    const id = header.indexOf('Id');
    const score = header.indexOf('Normalized Score');
    if (req < 0 || score < 0) throw new Error(`Politeness ${name}: unexpected header "${header.join(',')}"`);
    for (const r of rows) {
      const s = Number(r[score]);
      if (Number.isFinite(s) && r[req]!.trim() !== '')
        all.push({ id: `${name}-${r[id]}`, text: r[req]!, score: s });
    }
  }
  const sorted = all.map((x) => x.score).sort((a, b) => a - b);
  const q1 = sorted[Math.floor(sorted.length * 0.25)] ?? 0;
  const median = sorted[Math.floor(sorted.length * 0.5)] ?? 0;
  return all
    .filter((x) => x.score <= q1 || x.score >= median)
    .map((x) => ({
      id: `polite-${x.id}`,
      lang: 'en' as const,
      draft: x.text,
      expected: x.score <= q1 ? ['rude_tone' as const] : [],
      scope: ['rude_tone' as const],
    }));
}

async function readOptional(file: string): Promise<string | null> {
  return readFile(file, 'utf8').catch(() => null);
}

export async function loadPublicComplianceSets(datasetsDir: string): Promise<CaseSet<ComplianceCase>[]> {
  const sets: CaseSet<ComplianceCase>[] = [];
  const coldFiles = (
    await Promise.all(
      ['dev', 'test'].map(async (f) => ({
        f,
        csv: await readOptional(join(datasetsDir, 'cold', `${f}.csv`)),
      })),
    )
  ).filter((x): x is { f: string; csv: string } => x.csv !== null);
  if (coldFiles.length > 0) {
    sets.push({
      name: 'cold',
      cases: sample(
        coldFiles.flatMap(({ f, csv }) => coldCases(csv, f)),
        MAX_PER_SET,
      ),
      source: 'public',
      licence: 'Apache-2.0 (COLD, THU-CoAI)',
    });
  }
  const politeFiles = (
    await Promise.all(
      [
        ['wikipedia', 'wikipedia.annotated.csv'],
        ['stack-exchange', 'stack-exchange.annotated.csv'],
      ].map(async ([name, file]) => ({
        name: name!,
        csv: await readOptional(join(datasetsDir, 'stanford-politeness', file!)),
      })),
    )
  ).filter((x): x is { name: string; csv: string } => x.csv !== null);
  if (politeFiles.length > 0) {
    sets.push({
      name: 'stanford-politeness',
      cases: sample(politenessCases(politeFiles), MAX_PER_SET),
      source: 'public',
      licence: 'Apache-2.0 repository; request texts CC BY-SA (Wikipedia, Stack Exchange)',
    });
  }
  return sets;
}
