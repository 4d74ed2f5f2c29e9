import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToySuite, type ToyCase } from '../../test/fixtures/toy-suite.ts';
import type { RunResult } from '../harness/run-result.ts';
import { runSuite } from '../harness/runner.ts';
import { compareRuns, comparisonJson, comparisonTable, loadRescoreInputs, readRunFile } from './compare.ts';
import { renderCompareReport } from './compare-report.ts';

const tmp = mkdtempSync(join(tmpdir(), 'tidedesk-compare-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// 40 refund cases and 20 tracking cases: forgetting "refund" breaks 40 of 60, which is significant.
const casesFile = join(tmp, 'big.jsonl');
const cases: ToyCase[] = [
  ...Array.from({ length: 40 }, (_, i) => ({
    id: `r${i}`,
    lang: 'en' as const,
    text: `refund number ${i}`,
    label: 'refund',
  })),
  ...Array.from({ length: 20 }, (_, i) => ({
    id: `t${i}`,
    lang: 'en' as const,
    text: `parcel number ${i}`,
    label: 'tracking',
  })),
];
writeFileSync(casesFile, cases.map((c) => JSON.stringify(c)).join('\n'));

let a: RunResult;
let b: RunResult;
let a2: RunResult;
beforeAll(async () => {
  const opts = {
    provider: 'embedded' as const,
    datasets: false as const,
    casesFile,
    bootstrap: { iterations: 0, seed: 1 },
  };
  a = await runSuite(createToySuite({ promptVersion: 'v1' }), opts);
  b = await runSuite(createToySuite({ promptVersion: 'v2', forget: 'refund' }), opts);
  a2 = await runSuite(createToySuite({ promptVersion: 'v1b' }), opts);
});

describe('compare', () => {
  it('re-scores swapped predictions: a large drop is significant on every contract metric', async () => {
    const rescore = await loadRescoreInputs(a, b, createToySuite());
    expect(rescore).not.toBeNull();
    const c = compareRuns(a, b, { rescore, iterations: 500, seed: 3 });
    expect(c.method).toBe('paired-rescoring');
    const acc = c.rows.find((r) => r.path === 'accuracy')!;
    expect(acc.a).toBe(1);
    expect(acc.b).toBeCloseTo(20 / 60, 10);
    expect(acc.delta).toBeCloseTo(-40 / 60, 10);
    expect(acc.p).toBeLessThan(0.01);
    expect(acc.marker).toBe('**');
    expect(c.rows.find((r) => r.path === 'macroF1')!.p).toBeLessThan(0.01);
  });

  it('identical systems show zero deltas and no significance', async () => {
    const c = compareRuns(a, a2, {
      rescore: await loadRescoreInputs(a, a2, createToySuite()),
      iterations: 200,
    });
    for (const r of c.rows) {
      expect(r.delta).toBe(0);
      expect(r.marker).toBe('');
    }
  });

  it('falls back to a paired test of per-case scores when the suite is unavailable', () => {
    const c = compareRuns(a, b, { rescore: null, iterations: 500 });
    expect(c.method).toBe('paired-case-scores');
    const mean = c.rows.find((r) => r.path === 'meanCaseScore')!;
    expect(mean.delta).toBeCloseTo(-40 / 60, 10);
    expect(mean.p).toBeLessThan(0.01);
    expect(c.rows.find((r) => r.path === 'accuracy')!.p).toBeNull();
  });

  it('falls back when the current suite no longer reproduces the recorded metrics', async () => {
    const changed = createToySuite();
    const rescore = {
      suite: {
        ...changed,
        score: (cs: ToyCase[], ps: string[]) => {
          const s = changed.score(cs, ps);
          return { ...s, metrics: { ...s.metrics, accuracy: 0 } };
        },
      },
      cases,
    };
    const c = compareRuns(a, b, { rescore, iterations: 200 });
    expect(c.method).toBe('paired-case-scores');
    expect(c.notes.join(' ')).toContain('re-scored metrics differ');
  });

  it('gives deltas only for runs over different case files, and refuses different suites', async () => {
    const authored = await runSuite(createToySuite(), {
      provider: 'embedded',
      datasets: false,
      bootstrap: { iterations: 0, seed: 1 },
    });
    const c = compareRuns(a, authored, {});
    expect(c.method).toBe('delta-only');
    expect(c.rows.every((r) => r.p === null)).toBe(true);
    expect(() => compareRuns(a, { ...b, suite: 'pii' })).toThrow(/different suites/);
  });

  it('round-trips run files and prints a table, JSON and HTML', async () => {
    const fa = join(tmp, 'a.json');
    const fb = join(tmp, 'b.json');
    writeFileSync(fa, JSON.stringify(a));
    writeFileSync(fb, JSON.stringify(b));
    const ra = await readRunFile(fa);
    const rb = await readRunFile(fb);
    const c = compareRuns(
      ra,
      rb,
      { rescore: await loadRescoreInputs(ra, rb, createToySuite()), iterations: 200 },
      [fa, fb],
    );
    const table = comparisonTable(c);
    expect(table).toMatch(/accuracy\s+1\.0000\s+0\.3333\s+-0\.6667\s+0\.\d+\s+\*\*/);
    const json = comparisonJson(c);
    expect(json.deltas.accuracy).toMatchObject({ a: 1, delta: expect.closeTo(-0.6667, 4) });
    expect(json.a.promptVersion).toBe('v1');
    const html = renderCompareReport(c, 'now');
    expect(html).toContain('<svg');
    expect(html).toContain('class="n bad"');
    // NaN (e.g. an undefined kappa) becomes null in JSON and must read back as NaN, not fail.
    const withNaN = { ...a, records: [{ ...a.records[0]!, score: Number.NaN }, ...a.records.slice(1)] };
    writeFileSync(join(tmp, 'nan.json'), JSON.stringify(withNaN));
    expect((await readRunFile(join(tmp, 'nan.json'))).records[0]!.score).toBeNaN();
    writeFileSync(join(tmp, 'junk.json'), '{"suite":1}');
    await expect(readRunFile(join(tmp, 'junk.json'))).rejects.toMatchObject({ code: 'bad-run-file' });
  });
});
