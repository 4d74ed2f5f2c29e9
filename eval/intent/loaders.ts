/**
 * @module Public intent sets, read from TIDEDESK_DATASETS as the data README describes them.
 * BANKING77: `train.csv` trains, `test.csv` (the dev part of the official test) is scored; 77
 * in-scope intents, no out-of-scope cases. CLINC150 (`data_full.json`): `train` trains, `test` and
 * `oos_test` are scored with 'oos' mapped to 'none'; the classifier never sees an out-of-scope
 * example, so `oosRecall` measures the confidence threshold alone. A dataset whose files are
 * missing is skipped.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NONE_LABEL } from '#assist/intent/classifier.ts';
import { parseCsv } from '../harness/csv.ts';
import { EvalRunError } from '../harness/errors.ts';
import type { CaseSet } from '../harness/suite.ts';
import type { IntentCase } from './case.ts';

async function readOptional(file: string): Promise<string | null> {
  return readFile(file, 'utf8').catch(() => null);
}

/** `text,category` rows (header first) as cases with ids `<prefix>-0001`…. */
export function banking77Cases(csv: string, prefix: string): IntentCase[] {
  const [header, ...rows] = parseCsv(csv.replace(/^\uFEFF/, ''));
  if (header?.[0] !== 'text' || header[1] !== 'category') {
    throw new EvalRunError(
      'bad-cases',
      `BANKING77 CSV must start with the header "text,category", got "${header?.join(',')}"`,
    );
  }
  return rows
    .filter((r) => r.length === 2 && r[0]!.trim() !== '')
    .map((r, i) => ({
      id: `${prefix}-${String(i + 1).padStart(5, '0')}`,
      lang: 'en',
      text: r[0]!,
      label: r[1]!,
    }));
}

type ClincSplit = [text: string, intent: string][];

/** CLINC150 split rows as cases, 'oos' → 'none'. */
export function clincCases(rows: ClincSplit, prefix: string): IntentCase[] {
  return rows.map(([text, intent], i) => ({
    id: `${prefix}-${String(i + 1).padStart(5, '0')}`,
    lang: 'en',
    text,
    label: intent === 'oos' ? NONE_LABEL : intent,
  }));
}

/** The public case sets found under `datasetsDir`. */
export async function loadPublicIntentSets(datasetsDir: string): Promise<CaseSet<IntentCase>[]> {
  const sets: CaseSet<IntentCase>[] = [];
  const [bTrain, bTest] = await Promise.all([
    readOptional(join(datasetsDir, 'banking77', 'train.csv')),
    readOptional(join(datasetsDir, 'banking77', 'test.csv')),
  ]);
  if (bTrain !== null && bTest !== null) {
    sets.push({
      name: 'banking77',
      source: 'public',
      licence: 'CC BY 4.0 — BANKING77, Casanueva et al. (2020), PolyAI',
      cases: banking77Cases(bTest, 'banking77-test'),
      train: banking77Cases(bTrain, 'banking77-train'),
    });
  }
  const clinc = await readOptional(join(datasetsDir, 'clinc150', 'data_full.json'));
  if (clinc !== null) {
    const data = JSON.parse(clinc) as Partial<Record<'train' | 'test' | 'oos_test', ClincSplit>>;
    if (data.train && data.test) {
      sets.push({
        name: 'clinc150',
        source: 'public',
        licence: 'CC BY 3.0 — CLINC150, Larson et al. (EMNLP 2019), Clinc',
        cases: [
          ...clincCases(data.test, 'clinc150-test'),
          ...clincCases(data.oos_test ?? [], 'clinc150-oos'),
        ],
        train: clincCases(data.train, 'clinc150-train'),
      });
    }
  }
  return sets;
}
