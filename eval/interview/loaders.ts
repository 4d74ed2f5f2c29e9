/**
 * @module The Chinese short-answer scoring sets (SAS-Datasets: ADS, LE, ASAG, SR) as interview
 * case sets, read from TIDEDESK_DATASETS/sas-zh. Each subset keeps its upstream train split for
 * calibration (`train`) and is measured on its eval split (`cases`); the splits are random within
 * questions, so training answers to the same question serve as scored exemplars.
 *
 * Native scales and the integer scales used for QWK (QWK needs integer categories):
 *   - ADS  score 0–10 (integers)                         → 0–10 as is; train.jsonl / test.jsonl;
 *          reference1..3 (non-empty ones) are all references.
 *   - LE   score 0–1 in steps of 0.1                     → ×10 → 0–10; s_train_zh / s_eval_zh,
 *          question text from qa.csv.
 *   - ASAG score 0–5 in steps of 0.5 (mean of 2 graders) → ×2 → 0–10; s_train_zh / s_eval_zh,
 *          question and teacher answer from qa_zh.csv; `<br>` markup removed.
 *   - SR   score 0–1 in steps of 0.1 (plus a few 0.5/0.7/0.9) → ×10 → 0–10; s_train_zh /
 *          s_eval_zh. The binary label is not used: 57 of the 59 eval answers are labelled 1, so
 *          kappa on it would say nothing. SR has no question text; the reference id names the item.
 * Dataset text is read at run time and never copied into this repository.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CaseSet } from '../harness/suite.ts';
import type { InterviewCase } from './case.ts';

const LICENCE =
  'SAS-Datasets, Lai et al. (IEEE TKDE), Apache-2.0; ASAG and SR are machine translations (provenance to confirm)';

async function readText(path: string): Promise<string | null> {
  return readFile(path, 'utf8').catch(() => null);
}

/** All files of one subset, or null when any is missing. */
async function readAll(dir: string, files: readonly string[]): Promise<string[] | null> {
  const texts = await Promise.all(files.map((f) => readText(join(dir, f))));
  return texts.every((t): t is string => t !== null) ? texts : null;
}

function tsvRows(text: string): string[][] {
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split('\t'));
}

/** Round a fractional score onto its integer scale (×factor), guarding float noise like 0.7×10. */
function rescale(value: string, factor: number, path: string): number {
  const v = Number(value);
  if (!Number.isFinite(v)) throw new Error(`${path}: score "${value}" is not a number`);
  return Math.round(v * factor);
}

const cleanAnswer = (s: string) =>
  s
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();

interface AdsRow {
  score: string;
  answer: string;
  q_id: string;
  question: string;
  reference1?: string;
  reference2?: string;
  reference3?: string;
}

function adsCases(text: string, split: string): InterviewCase[] {
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((line, i) => {
      const r = JSON.parse(line) as AdsRow;
      const refs = [r.reference1, r.reference2, r.reference3].filter(
        (x): x is string => !!x && x.trim() !== '',
      );
      return {
        id: `ads-${split}-${String(i + 1).padStart(4, '0')}`,
        lang: 'zh' as const,
        question: r.question,
        question_id: `ads-${r.q_id}`,
        reference: refs,
        answer: r.answer.trim(),
        human_score: rescale(r.score, 1, 'ADS'),
        scale_min: 0,
        scale_max: 10,
      };
    });
}

async function loadAds(dir: string): Promise<CaseSet<InterviewCase> | null> {
  const train = await readText(join(dir, 'ADS', 'train.jsonl'));
  const test = await readText(join(dir, 'ADS', 'test.jsonl'));
  if (train === null || test === null) return null;
  return {
    name: 'sas-ads',
    cases: adsCases(test, 'test'),
    train: adsCases(train, 'train'),
    source: 'public',
    licence: LICENCE,
  };
}

async function loadLe(dir: string): Promise<CaseSet<InterviewCase> | null> {
  const files = await readAll(join(dir, 'LE'), ['qa.csv', 's_train_zh.csv', 's_eval_zh.csv']);
  if (!files) return null;
  const [qa, train, evalText] = files as [string, string, string];
  const questions = new Map(tsvRows(qa).map((r) => [r[0]!, r[1]!]));
  const toCases = (text: string, split: string) =>
    tsvRows(text).map(
      ([qid, reference, answer, score], i): InterviewCase => ({
        id: `le-${split}-${String(i + 1).padStart(4, '0')}`,
        lang: 'zh',
        question: questions.get(qid!) ?? `LE question ${qid}`,
        question_id: `le-${qid}`,
        reference: reference!,
        answer: cleanAnswer(answer ?? ''),
        human_score: rescale(score!, 10, 'LE'),
        scale_min: 0,
        scale_max: 10,
      }),
    );
  return {
    name: 'sas-le',
    cases: toCases(evalText, 'eval'),
    train: toCases(train, 'train'),
    source: 'public',
    licence: LICENCE,
  };
}

async function loadAsag(dir: string): Promise<CaseSet<InterviewCase> | null> {
  const files = await readAll(join(dir, 'ASAG'), ['qa_zh.csv', 's_train_zh.csv', 's_eval_zh.csv']);
  if (!files) return null;
  const [qa, train, evalText] = files as [string, string, string];
  const items = new Map(tsvRows(qa).map((r) => [r[0]!, { question: r[1]!, reference: r[2]! }]));
  const toCases = (text: string, split: string) =>
    tsvRows(text).map(([qid, score, _n, answer], i): InterviewCase => {
      const item = items.get(qid!);
      return {
        id: `asag-${split}-${String(i + 1).padStart(4, '0')}`,
        lang: 'zh',
        question: item?.question ?? `ASAG question ${qid}`,
        question_id: `asag-${qid}`,
        ...(item ? { reference: item.reference } : {}),
        answer: cleanAnswer(answer ?? ''),
        human_score: rescale(score!, 2, 'ASAG'),
        scale_min: 0,
        scale_max: 10,
      };
    });
  return {
    name: 'sas-asag',
    cases: toCases(evalText, 'eval'),
    train: toCases(train, 'train'),
    source: 'public',
    licence: LICENCE,
  };
}

async function loadSr(dir: string): Promise<CaseSet<InterviewCase> | null> {
  const files = await readAll(join(dir, 'SR'), ['s_train_zh.csv', 's_eval_zh.csv']);
  if (!files) return null;
  const [train, evalText] = files as [string, string];
  const toCases = (text: string) =>
    tsvRows(text).map(
      ([answerId, answer, kind, score, _label, _empty, refId, reference]): InterviewCase => ({
        id: `sr-${answerId}`,
        lang: 'zh',
        question: `SR ${kind} item ${refId}`,
        question_id: `sr-${refId}`,
        reference: reference!,
        answer: cleanAnswer(answer ?? ''),
        human_score: rescale(score!, 10, 'SR'),
        scale_min: 0,
        scale_max: 10,
      }),
    );
  return {
    name: 'sas-sr',
    cases: toCases(evalText),
    train: toCases(train),
    source: 'public',
    licence: LICENCE,
  };
}

/** Every SAS subset found under `<datasetsDir>/sas-zh` (missing subsets are skipped). */
export async function loadSasSets(datasetsDir: string): Promise<CaseSet<InterviewCase>[]> {
  const dir = join(datasetsDir, 'sas-zh');
  const sets = await Promise.all([loadAds(dir), loadLe(dir), loadAsag(dir), loadSr(dir)]);
  return sets.filter((s): s is CaseSet<InterviewCase> => s !== null);
}
