/**
 * @module Static SVG charts for the fairness report, drawn server-side with Observable Plot on a
 * linkedom document (as the CLI's simulation report does): no script, no CDN, and the same
 * markup in every browser and in a saved page.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { FairnessReport } from '#src/services/interviews/fairness.ts';

function svg(options: Plot.PlotOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const el = Plot.plot({ ...options, document } as Plot.PlotOptions) as unknown as { outerHTML: string };
  return el.outerHTML;
}

/** Selection rate by group, with the four-fifths line (threshold × the highest compared rate). */
export function selectionChart(
  groups: readonly { group: string; rate: number; excluded: boolean; adverseImpact: boolean }[],
  threshold: number,
  labels: { rate: string; group: string },
): string {
  if (groups.length === 0) return '';
  const compared = groups.filter((g) => !g.excluded);
  const best = compared.reduce((m, g) => Math.max(m, g.rate), 0);
  return svg({
    width: 520,
    height: 220,
    marginLeft: 50,
    y: { domain: [0, 1], grid: true, tickFormat: '%', label: labels.rate },
    x: { label: labels.group },
    marks: [
      Plot.barY(groups, {
        x: 'group',
        y: 'rate',
        fill: (g: { adverseImpact: boolean; excluded: boolean }) =>
          g.excluded ? '#c8ced6' : g.adverseImpact ? '#b42318' : '#0a6c7a',
      }),
      Plot.text(groups, {
        x: 'group',
        y: 'rate',
        text: (g: { rate: number }) => `${Math.round(g.rate * 100)}%`,
        dy: -8,
      }),
      ...(best > 0 ? [Plot.ruleY([best * threshold], { stroke: '#9a5b00', strokeDasharray: '4,3' })] : []),
      Plot.ruleY([0]),
    ],
  });
}

/** Histograms of the overall score, one row per group, on shared bins. */
export function distributionChart(report: FairnessReport, labels: { score: string; count: string }): string {
  const rows = report.distributions.flatMap((d) => d.bins.map((b) => ({ group: d.group, ...b })));
  if (rows.length === 0) return '';
  return svg({
    width: 520,
    height: 80 + 90 * report.distributions.length,
    marginLeft: 50,
    marginRight: 90,
    x: { domain: [0, 100], label: labels.score },
    y: { label: labels.count, grid: true },
    fy: { label: null },
    marks: [
      Plot.rectY(rows, { x1: 'from', x2: 'to', y: 'count', fy: 'group', fill: '#0a6c7a', inset: 1 }),
      Plot.ruleY([0]),
    ],
  });
}
