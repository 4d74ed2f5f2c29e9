import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { normalizeText } from '#assist/embedded/normalize.ts';
import type { IntentPrediction } from '#assist/intent/classifier.ts';
import { DEMO_SOPS } from '#src/db/seed/demo-sops.ts';
import { readJsonl } from '../harness/jsonl.ts';
import { fromRepoRoot } from '../harness/paths.ts';
import { type IntentCase, IntentCaseSchema } from './case.ts';
import { banking77Cases, clincCases, loadPublicIntentSets } from './loaders.ts';
import { scoreIntent } from './score.ts';
import { suite } from './suite.ts';

const pred = (label: string, best = label, confidence = 0.9): IntentPrediction => ({
  label,
  confidence,
  ranked: [{ label: best, score: confidence }],
});
const c = (id: string, label: string, lang: 'zh' | 'en' = 'en'): IntentCase => ({
  id,
  lang,
  text: id,
  label,
});

describe('scoreIntent', () => {
  it('computes accuracy, macro-F1 over gold labels, out-of-scope and in-scope rates', () => {
    const cases = [c('1', 'a'), c('2', 'a', 'zh'), c('3', 'b'), c('4', 'none'), c('5', 'none', 'zh')];
    const preds = [pred('a'), pred('none', 'a', 0.1), pred('a'), pred('none', 'b', 0.1), pred('b')];
    const s = scoreIntent(cases, preds);
    expect(s.metrics.accuracy).toBeCloseTo(2 / 5);
    // a: P 1/2 R 1/2 → F1 .5; b: P 0 R 0; none: P 1/2 R 1/2 → .5
    expect(s.metrics.macroF1).toBeCloseTo((0.5 + 0 + 0.5) / 3);
    expect(s.metrics.oosRecall).toBeCloseTo(0.5);
    expect(s.metrics.oosPrecision).toBeCloseTo(0.5);
    expect(s.metrics.inScopeAccuracy).toBeCloseTo(1 / 3);
    expect(s.metrics.inScopeTop1).toBeCloseTo(2 / 3);
    expect(s.metrics.rejectRate).toBeCloseTo(1 / 3);
    expect(s.metrics.byLang).toEqual({ en: { accuracy: 2 / 3 }, zh: { accuracy: 0 } });
    expect(s.perClass?.a).toMatchObject({ precision: 0.5, recall: 0.5, support: 2 });
    expect(s.confusion?.labels).toEqual(['a', 'b', 'none']);
    expect(s.perCase.map((r) => r.score)).toEqual([1, 0, 0, 1, 0]);
    expect(s.perCase[1]!.actual).toBe('none (0.10; best a)');
  });

  it('reports oosRecall as null without out-of-scope cases and does not average a none column in', () => {
    const s = scoreIntent([c('1', 'a'), c('2', 'b')], [pred('a'), pred('none', 'b', 0.1)]);
    expect(s.metrics.oosRecall).toBeNull();
    expect(s.metrics.macroF1).toBeCloseTo((1 + 0) / 2);
  });

  it('replaces the confusion matrix by the top confusions for many labels', () => {
    const labels = Array.from({ length: 40 }, (_, i) => `l${i}`);
    const cases = labels.map((l) => c(l, l));
    const preds = labels.map((l, i) => pred(i < 3 ? 'l39' : l));
    const s = scoreIntent(cases, preds);
    expect(s.confusion).toBeUndefined();
    expect(s.metrics.topConfusions).toEqual([
      { expected: 'l0', predicted: 'l39', count: 1 },
      { expected: 'l1', predicted: 'l39', count: 1 },
      { expected: 'l2', predicted: 'l39', count: 1 },
    ]);
  });
});

describe('public intent loaders', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tidedesk-intent-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('maps BANKING77 rows and CLINC150 out-of-scope rows', () => {
    expect(banking77Cases('text,category\r\nWhere is my card?,card_arrival\r\n', 'b')).toEqual([
      { id: 'b-00001', lang: 'en', text: 'Where is my card?', label: 'card_arrival' },
    ]);
    expect(() => banking77Cases('foo,bar\nx,y\n', 'b')).toThrow(/header/);
    expect(
      clincCases(
        [
          ['hi', 'greeting'],
          ['dow today', 'oos'],
        ],
        'c',
      ).map((x) => x.label),
    ).toEqual(['greeting', 'none']);
  });

  it('skips datasets whose files are missing and reads the ones present', async () => {
    expect(await loadPublicIntentSets(dir)).toEqual([]);
    mkdirSync(join(dir, 'clinc150'));
    writeFileSync(
      join(dir, 'clinc150', 'data_full.json'),
      JSON.stringify({
        train: [['play a song', 'play_music']],
        test: [['sing', 'play_music']],
        oos_test: [['x', 'oos']],
      }),
    );
    const sets = await loadPublicIntentSets(dir);
    expect(sets.map((s) => s.name)).toEqual(['clinc150']);
    expect(sets[0]!.cases.map((x) => x.label)).toEqual(['play_music', 'none']);
    expect(sets[0]!.train).toHaveLength(1);
  });
});

describe('authored intent cases', () => {
  it('cover every demo SOP in both languages plus out-of-scope messages, none copied from the phrasings', async () => {
    const cases = await readJsonl(fromRepoRoot(suite.casesFile), IntentCaseSchema);
    const keys = new Set(DEMO_SOPS.map((s) => s.key));
    const inScope = cases.filter((x) => x.label !== 'none');
    expect(inScope.length).toBeGreaterThanOrEqual(150);
    expect(cases.filter((x) => x.label === 'none').length).toBeGreaterThanOrEqual(20);
    for (const x of inScope) expect(keys.has(x.label), x.id).toBe(true);
    for (const key of keys) {
      for (const lang of ['zh', 'en']) {
        expect(
          inScope.filter((x) => x.label === key && x.lang === lang).length,
          `${key}/${lang}`,
        ).toBeGreaterThanOrEqual(5);
      }
    }
    const phrasings = new Set(
      DEMO_SOPS.flatMap((s) => [...s.phrasings.zh, ...s.phrasings.en]).map((t) => normalizeText(t)),
    );
    for (const x of cases) expect(phrasings.has(normalizeText(x.text)), x.id).toBe(false);
  });

  it('meets the demo target: accuracy ≥ 0.90 with the classifier trained on the demo SOPs', async () => {
    const cases = await readJsonl(fromRepoRoot(suite.casesFile), IntentCaseSchema);
    const predictor = await suite.prepare({ provider: 'embedded', datasetsDir: null });
    expect(predictor.provider).toBe('embedded');
    const preds = await Promise.all(cases.map((x) => predictor.predict(x)));
    const s = scoreIntent(cases, preds);
    expect(s.metrics.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(s.metrics.oosRecall).toBeGreaterThanOrEqual(0.8);
  });

  it('fits on --train cases when given instead of the demo SOPs', async () => {
    const train = ['refund please', 'money back', 'where is my box', 'parcel late'].map((text, i) => ({
      id: `t${i}`,
      lang: 'en' as const,
      text,
      label: i < 2 ? 'money' : 'parcel',
    }));
    const predictor = await suite.prepare({ provider: 'embedded', datasetsDir: null, train });
    const p = await predictor.predict(c('my parcel is late', 'parcel'));
    expect(p.ranked.map((r) => r.label).sort()).toEqual(['money', 'parcel']);
    expect(p.ranked[0]!.label).toBe('parcel');
  });
});

const DATASETS = fromRepoRoot('../shared/data');

describe.skipIf(!existsSync(join(DATASETS, 'banking77', 'train.csv')))('BANKING77', () => {
  it('reaches accuracy ≥ 0.85 on the test split when trained on the train split', async () => {
    const sets = await loadPublicIntentSets(DATASETS);
    const banking = sets.find((s) => s.name === 'banking77')!;
    const predictor = await suite.prepare({
      provider: 'embedded',
      datasetsDir: DATASETS,
      train: banking.train!,
    });
    const preds = banking.cases.map((x) => predictor.predict(x) as IntentPrediction);
    expect(scoreIntent(banking.cases, preds).metrics.accuracy).toBeGreaterThanOrEqual(0.85);
  }, 120_000);
});
