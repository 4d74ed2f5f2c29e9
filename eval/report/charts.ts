/**
 * @module Static SVG charts for the eval reports, drawn with Observable Plot against linkedom's
 * server-side DOM. The SVG is inlined into the HTML, so a report needs no script and no CDN.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

type PlotOptions = Parameters<typeof Plot.plot>[0];

/** Render a Plot to an SVG/figure string. */
function render(options: PlotOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  // linkedom implements the DOM subset Plot uses; its types are not lib.dom's.
  const el = Plot.plot({ ...options, document: document as unknown as Document });
  return (el as unknown as { outerHTML: string }).outerHTML;
}

export interface ClassRowLike {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** Above this many classes only F1 is drawn, to keep the chart readable. */
const ALL_BARS_UP_TO = 25;
/** Classes drawn at most (the lowest F1 first: those are the ones to act on). */
export const MAX_CLASSES = 60;

/** Horizontal bars of precision, recall and F1 per class, lowest F1 on top. */
export function perClassChart(perClass: Record<string, ClassRowLike>): string {
  const rows = Object.entries(perClass)
    .sort((a, b) => a[1].f1 - b[1].f1 || a[0].localeCompare(b[0]))
    .slice(0, MAX_CLASSES);
  if (rows.length === 0) return '';
  const metrics =
    rows.length <= ALL_BARS_UP_TO ? (['precision', 'recall', 'f1'] as const) : (['f1'] as const);
  const data = rows.flatMap(([label, r]) => metrics.map((m) => ({ label, metric: m, value: r[m] })));
  const order = rows.map(([label]) => label);
  const labelWidth = Math.min(220, 8 + 7 * Math.max(...order.map((l) => l.length)));
  return render({
    width: 720,
    height: 40 + order.length * (metrics.length * 9 + 8),
    marginLeft: labelWidth,
    x: { domain: [0, 1], grid: true, label: 'score' },
    fy: { domain: order, label: null },
    y: { domain: [...metrics], axis: null },
    color: { domain: ['precision', 'recall', 'f1'], range: ['#9ecae1', '#fdae6b', '#3182bd'], legend: true },
    marks: [
      Plot.barX(data, {
        x: 'value',
        y: 'metric',
        fy: 'label',
        fill: 'metric',
        title: (d: { label: string; metric: string; value: number }) =>
          `${d.label} ${d.metric} ${d.value.toFixed(3)}`,
      }),
      Plot.ruleX([0]),
    ],
  });
}

export interface ConfusionLike {
  labels: string[];
  matrix: number[][];
}

/** Labels kept in the heat map: the most frequent (gold + predicted) when there are many. */
export const MAX_CONFUSION_LABELS = 30;

/** Confusion-matrix heat map: rows gold, columns predicted, each cell labelled with its count. */
export function confusionHeatmap(confusion: ConfusionLike): string {
  const { labels, matrix } = confusion;
  if (labels.length === 0) return '';
  const weight = labels.map(
    (_, i) => matrix[i]!.reduce((s, v) => s + v, 0) + matrix.reduce((s, r) => s + r[i]!, 0),
  );
  const keep = labels
    .map((l, i) => ({ l, i, w: weight[i]! }))
    .sort((a, b) => b.w - a.w)
    .slice(0, MAX_CONFUSION_LABELS)
    .sort((a, b) => a.i - b.i);
  const data = keep.flatMap((g) =>
    keep.map((p) => ({ expected: g.l, predicted: p.l, count: matrix[g.i]![p.i]!, hit: g.i === p.i })),
  );
  const domain = keep.map((k) => k.l);
  const longest = Math.max(...domain.map((l) => l.length));
  const cell = domain.length > 15 ? 18 : 32;
  return render({
    width: Math.max(320, 8 * Math.min(longest, 28) + 40 + cell * domain.length),
    height: 8 * Math.min(longest, 28) + 40 + cell * domain.length,
    marginLeft: 8 * Math.min(longest, 28) + 10,
    marginBottom: 8 * Math.min(longest, 28) + 10,
    x: { domain, label: 'predicted →', tickRotate: -60 },
    y: { domain, label: '↑ expected' },
    // No colour legend: Plot draws continuous ramps on a canvas, which a server-side DOM lacks; the counts
    // are written in the cells instead.
    color: { type: 'sqrt', scheme: 'blues' },
    marks: [
      Plot.cell(data, {
        x: 'predicted',
        y: 'expected',
        fill: 'count',
        inset: 0.5,
        title: (d: { expected: string; predicted: string; count: number }) =>
          `${d.expected} → ${d.predicted}: ${d.count}`,
      }),
      Plot.text(
        data.filter((d) => d.count > 0),
        {
          x: 'predicted',
          y: 'expected',
          text: (d: { count: number }) => String(d.count),
          fill: (d: { hit: boolean; count: number }) => (d.hit ? 'white' : 'black'),
          fontSize: cell > 20 ? 11 : 8,
        },
      ),
    ],
  });
}

/** Horizontal bars of B − A per metric for the compare report: green better, red worse, grey direction unknown. */
export function deltaChart(
  rows: { path: string; delta: number; direction: 'higher' | 'lower' | 'unknown' }[],
): string {
  const data = rows.filter((r) => Number.isFinite(r.delta));
  if (data.length === 0) return '';
  const longest = Math.max(...data.map((d) => d.path.length));
  return render({
    width: 720,
    height: 40 + data.length * 22,
    marginLeft: Math.min(260, 10 + 7 * longest),
    x: { label: 'B − A', grid: true },
    y: { domain: data.map((d) => d.path), label: null },
    marks: [
      Plot.barX(data, {
        x: 'delta',
        y: 'path',
        fill: (d: { delta: number; direction: string }) =>
          d.direction === 'unknown' || d.delta === 0
            ? '#8c8c8c'
            : d.delta > 0 === (d.direction === 'higher')
              ? '#31a354'
              : '#de2d26',
      }),
      Plot.ruleX([0]),
    ],
  });
}
