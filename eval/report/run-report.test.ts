import { describe, expect, it } from 'vitest';
import { createToySuite } from '../../test/fixtures/toy-suite.ts';
import { gateRun } from '../harness/gate.ts';
import { runSuite } from '../harness/runner.ts';
import { confusionHeatmap, perClassChart } from './charts.ts';
import { renderRunReport } from './run-report.ts';

describe('HTML run report', () => {
  it('is one self-contained page: summary with CIs, per-class bars, heat map, worst cases, provenance', async () => {
    const run = await runSuite(createToySuite({ promptVersion: 'toy@v3' }), {
      provider: 'embedded',
      datasets: false,
      bootstrap: { iterations: 50, seed: 1 },
      gitRev: 'deadbee',
    });
    const gate = gateRun(run, { intent: { accuracy: { baseline: 0.95, tolerance: 0.02 } } });
    const html = renderRunReport({
      runs: [run],
      skipped: [{ name: 'copilot', reason: 'not implemented yet' }],
      gates: [gate],
      generatedAt: '2026-01-01T00:00:00Z',
    });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link |https?:\/\/cdn/i);
    expect(html).toContain('95% CI');
    expect(html).toContain('toy@v3');
    expect(html).toContain('deadbee');
    // per-class chart and confusion heat map are inline SVG
    expect(html.match(/<svg/g)!.length).toBeGreaterThanOrEqual(2);
    expect(html).toContain('refund → refund: 3');
    // worst cases with their inputs
    expect(html).toContain('My account is locked');
    expect(html).toContain('refund status of parcel');
    expect(html).toMatch(/class="bad">regressed/);
    expect(html).toContain('skipped: not implemented yet');
    expect(html).toContain('各类别指标');
  });

  it('escapes case text everywhere, including inside the SVG', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const svg = confusionHeatmap({
      labels: [evil, 'b'],
      matrix: [
        [1, 0],
        [0, 2],
      ],
    });
    expect(svg).not.toContain('<img');
    expect(perClassChart({ [evil]: { precision: 1, recall: 1, f1: 1, support: 1 } })).not.toContain('<img');
  });

  it('writes counts into confusion cells and skips empty charts', () => {
    const svg = confusionHeatmap({
      labels: ['a', 'b'],
      matrix: [
        [7, 1],
        [0, 2],
      ],
    });
    expect(svg).toMatch(/>7</);
    expect(svg).toMatch(/>1</);
    expect(perClassChart({})).toBe('');
    expect(confusionHeatmap({ labels: [], matrix: [] })).toBe('');
  });
});
