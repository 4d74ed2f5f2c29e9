import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createToySuite } from '../../test/fixtures/toy-suite.ts';
import { EvalRunError } from './errors.ts';
import { RunResultSchema } from './run-result.ts';
import { runSuite, worstCases } from './runner.ts';

const tmp = mkdtempSync(join(tmpdir(), 'tidedesk-runner-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const noData = { dir: join(tmp, 'absent'), required: false };

describe('runSuite', () => {
  it('runs the authored set, scores it and returns a valid RunResult', async () => {
    const progress: number[] = [];
    const run = await runSuite(createToySuite({ promptVersion: 'toy@v1' }), {
      provider: 'embedded',
      datasets: noData,
      onProgress: (p) => progress.push(p.done),
      gitRev: 'abc123',
    });
    expect(RunResultSchema.parse(JSON.parse(JSON.stringify(run)))).toBeTruthy();
    expect(run).toMatchObject({ suite: 'intent', provider: 'embedded', promptVersion: 'toy@v1', cases: 12 });
    // toy-11 (no keyword) and toy-12 (refund word first) are wrong: 10/12.
    expect(run.metrics.accuracy).toBeCloseTo(10 / 12, 10);
    expect(run.main.worst.map((w) => w.id)).toEqual(['toy-11', 'toy-12']);
    expect(run.records).toHaveLength(12);
    expect(run.records.find((r) => r.id === 'toy-11')).toEqual({
      id: 'toy-11',
      score: 0,
      prediction: 'none',
    });
    expect(run.casesFile).toBe('test/fixtures/toy/cases.jsonl');
    expect(progress.at(-1)).toBe(12);
    expect(run.gitRev).toBe('abc123');
    expect(run.datasets.status).toBe('absent');
    expect(run.notices.join('\n')).toContain('public sets skipped');
  });

  it('adds seeded bootstrap intervals around the headline metrics', async () => {
    const opts = { provider: 'embedded' as const, datasets: noData, bootstrap: { iterations: 300, seed: 4 } };
    const a = await runSuite(createToySuite(), opts);
    const b = await runSuite(createToySuite(), opts);
    const ci = a.main.ci.accuracy!;
    expect(ci.low).toBeLessThanOrEqual(10 / 12);
    expect(ci.high).toBeGreaterThanOrEqual(10 / 12);
    expect(ci.high).toBeLessThanOrEqual(1);
    expect(a.main.ci).toEqual(b.main.ci);
    expect(Object.keys(a.main.ci).sort()).toEqual(['accuracy', 'macroF1', 'oosRecall']);
  });

  it('--cases replaces the authored set and --train reaches prepare()', async () => {
    const cases = join(tmp, 'qa.jsonl');
    writeFileSync(
      cases,
      '{"id":"q1","lang":"en","text":"hello refund","label":"refund"}\n\n{"id":"q2","lang":"en","text":"bonjour","label":"greet"}\n',
    );
    const train = join(tmp, 'train.jsonl');
    writeFileSync(train, '{"id":"x","lang":"en","text":"bonjour","label":"greet"}\n');
    const run = await runSuite(createToySuite(), {
      provider: 'embedded',
      datasets: noData,
      casesFile: cases,
      trainFile: train,
    });
    expect(run.main).toMatchObject({ name: 'qa.jsonl', source: 'file', cases: 2 });
    // Trained only on "bonjour": q2 right, q1 ("refund" unknown now) wrong.
    expect(run.records.map((r) => r.prediction)).toEqual(['none', 'greet']);
    expect(run.datasets.status).toBe('not-used');
  });

  it('reports every bad row of a case file with its line number', async () => {
    const bad = join(tmp, 'bad.jsonl');
    writeFileSync(
      bad,
      '{"id":"a","lang":"en","text":"x","label":"y"}\n{"id":"b","lang":"fr","text":"x","label":"y"}\nnot json\n{"id":"a","lang":"en","text":"x","label":"y"}\n',
    );
    const err = await runSuite(createToySuite(), {
      provider: 'embedded',
      datasets: noData,
      casesFile: bad,
    }).catch((e) => e);
    expect(err).toBeInstanceOf(EvalRunError);
    expect(err.exitCode).toBe(2);
    expect(err.message).toMatch(/bad\.jsonl:2: lang:/);
    expect(err.message).toMatch(/bad\.jsonl:3: not valid JSON/);
    expect(err.message).toMatch(/bad\.jsonl:4: id "a" repeats line 1/);
  });

  it('runs public sets from the datasets folder under sets.<name>', async () => {
    const data = join(tmp, 'data');
    mkdirSync(join(data, 'toy'), { recursive: true });
    writeFileSync(
      join(data, 'toy', 'public.jsonl'),
      '{"id":"p1","lang":"en","text":"refund please","label":"refund"}\n{"id":"p2","lang":"en","text":"hi","label":"none"}\n',
    );
    const run = await runSuite(createToySuite(), {
      provider: 'embedded',
      datasets: { dir: data, required: true },
    });
    expect(run.datasets).toEqual({ dir: data, status: 'present' });
    expect(run.sets['toy-public']).toMatchObject({ cases: 2, source: 'public', metrics: { accuracy: 1 } });
    expect(run.cases).toBe(12);
  });

  it('fails when TIDEDESK_DATASETS=required and the folder is missing', async () => {
    const err = await runSuite(createToySuite(), {
      provider: 'embedded',
      datasets: { dir: join(tmp, 'nope'), required: true },
    }).catch((e) => e);
    expect(err).toBeInstanceOf(EvalRunError);
    expect(err.code).toBe('datasets-missing');
  });

  it('worstCases keeps only imperfect cases, worst first', () => {
    const r = (id: string, score: number) => ({ id, score, input: '', expected: '', actual: '' });
    expect(worstCases([r('a', 1), r('b', 0.5), r('c', 0), r('d', 0.5)]).map((x) => x.id)).toEqual([
      'c',
      'b',
      'd',
    ]);
  });
});
