import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToySuite } from '../../test/fixtures/toy-suite.ts';
import { type Baselines, describeGate, gatePaths, gateRun, readBaselines } from './gate.ts';
import type { RunResult } from './run-result.ts';
import { runSuite } from './runner.ts';

const tmp = mkdtempSync(join(tmpdir(), 'tidedesk-gate-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let run: RunResult;
beforeAll(async () => {
  run = await runSuite(createToySuite(), {
    provider: 'embedded',
    datasets: false,
    bootstrap: { iterations: 0, seed: 1 },
  });
});

const baselines = (accuracy: number, extra: Baselines['intent'] = {}): Baselines => ({
  intent: { accuracy: { baseline: accuracy, tolerance: 0.02 }, ...extra },
});

describe('gate', () => {
  it('passes a run at its baseline', () => {
    const r = gateRun(run, baselines(10 / 12));
    expect(r.passed).toBe(true);
    expect(r.checks[0]).toMatchObject({ path: 'accuracy', status: 'ok' });
  });

  it('fails a run whose metric fell by more than the tolerance, naming it', () => {
    const r = gateRun(run, baselines(0.9));
    expect(r.passed).toBe(false);
    expect(r.checks[0]!.status).toBe('regressed');
    expect(describeGate(r).join('\n')).toContain('REGRESSED accuracy');
  });

  it('fails a regressed RunResult fed in directly (a worse model version)', async () => {
    const worse = await runSuite(createToySuite({ forget: 'refund' }), {
      provider: 'embedded',
      datasets: false,
      bootstrap: { iterations: 0, seed: 1 },
    });
    expect(worse.metrics.accuracy).toBeLessThan(run.metrics.accuracy as number);
    expect(gateRun(worse, baselines(10 / 12)).passed).toBe(false);
    const lowered = { ...run, metrics: { ...run.metrics, accuracy: 0.5 } };
    expect(gateRun(lowered, baselines(10 / 12)).passed).toBe(false);
  });

  it('tolerates a fall within the tolerance and flags an improvement', () => {
    expect(
      gateRun({ ...run, metrics: { ...run.metrics, accuracy: 10 / 12 - 0.019 } }, baselines(10 / 12)).passed,
    ).toBe(true);
    expect(gateRun(run, baselines(0.5)).checks[0]!.status).toBe('improved');
  });

  it('treats lower-is-better metrics (falseBlockRate) the other way round', () => {
    const r = { ...run, suite: 'compliance', metrics: { falseBlockRate: 0.1, macroF1: 0.8 } };
    const b = { compliance: { falseBlockRate: { baseline: 0.05, tolerance: 0.02 } } };
    expect(gateRun(r, b).passed).toBe(false);
    expect(gateRun({ ...r, metrics: { falseBlockRate: 0.01 } }, b).checks[0]!.status).toBe('improved');
  });

  it('fails a missing metric, but skips public-set metrics when the datasets were absent', () => {
    const b = baselines(10 / 12, { nonexistent: { baseline: 1, tolerance: 0 } });
    expect(gateRun(run, b).checks[1]!.status).toBe('missing');
    const pub = baselines(10 / 12, { 'sets.toy-public.accuracy': { baseline: 1, tolerance: 0 } });
    expect(gateRun({ ...run, datasets: { dir: null, status: 'absent' } }, pub).passed).toBe(true);
    expect(gateRun({ ...run, datasets: { dir: '/x', status: 'present' } }, pub).passed).toBe(false);
  });

  it('fails a suite with no baselines recorded rather than passing silently', () => {
    expect(gateRun(run, {}).passed).toBe(false);
  });

  it('flattens nested metrics and public sets into gate paths', () => {
    const nested = {
      ...run,
      metrics: { overall: { f1: 0.5 } },
      sets: { p: { ...run.main, metrics: { a: { b: 1 } } } },
    };
    expect(gatePaths(nested)).toEqual({ 'overall.f1': 0.5, 'sets.p.a.b': 1 });
  });

  it('reads baselines JSON, ignoring $comment keys, and rejects a bad file', async () => {
    const good = join(tmp, 'b.json');
    writeFileSync(
      good,
      JSON.stringify({ $comment: 'x', intent: { accuracy: { baseline: 0.8, tolerance: 0.02 } } }),
    );
    expect(await readBaselines(good)).toEqual({ intent: { accuracy: { baseline: 0.8, tolerance: 0.02 } } });
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, JSON.stringify({ intent: { accuracy: { baseline: 'high' } } }));
    await expect(readBaselines(bad)).rejects.toMatchObject({ code: 'bad-baselines' });
  });
});

describe('metric direction', () => {
  it('knows contract metrics and leaves suite extras neutral', async () => {
    const { metricDirection } = await import('./metric-paths.ts');
    expect(metricDirection('overall.f1')).toBe('higher');
    expect(metricDirection('sets.banking77.macroF1')).toBe('higher');
    expect(metricDirection('qwk')).toBe('higher');
    expect(metricDirection('falseBlockRate')).toBe('lower');
    expect(metricDirection('rejectRate')).toBe('unknown');
  });
});
