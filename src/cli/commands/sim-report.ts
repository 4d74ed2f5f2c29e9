/** @module The tidal simulation as a self-contained HTML page with static SVG charts (no script, no CDN). */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { MODES, type TidalReport } from '#src/core/simulation/tidal.ts';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function svg(options: Plot.PlotOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const el = Plot.plot({ ...options, document } as Plot.PlotOptions) as unknown as { outerHTML: string };
  return el.outerHTML;
}

export function tidalReportHtml(r: TidalReport): string {
  const series = MODES.flatMap((mode) =>
    r.modes[mode].intervalAnswerRate.map((v, i) => ({ mode, hour: i / 2, answerRate: v })),
  );
  const lines = svg({
    width: 900,
    height: 320,
    y: { domain: [0, 1], grid: true, label: 'answer rate 接通率', tickFormat: '%' },
    x: { label: 'hour of day 时段' },
    color: { legend: true },
    marks: [
      Plot.rectX([r.peakWindow], {
        x1: (w: { fromInterval: number }) => w.fromInterval / 2,
        x2: (w: { toInterval: number }) => w.toInterval / 2,
        fill: '#eee',
      }),
      Plot.line(series, { x: 'hour', y: 'answerRate', stroke: 'mode', strokeWidth: 2 }),
    ],
  });
  const metrics = ['peakAnswerRate', 'answerRate', 'serviceLevel', 'abandonRate', 'occupancy'] as const;
  const bars = svg({
    width: 900,
    height: 260,
    y: { domain: [0, 1], grid: true, tickFormat: '%', label: null },
    fx: { label: null },
    x: { axis: null },
    color: { legend: true },
    marks: [
      Plot.barY(
        metrics.flatMap((m) => MODES.map((mode) => ({ metric: m, mode, value: r.modes[mode][m] }))),
        { fx: 'metric', x: 'mode', y: 'value', fill: 'mode' },
      ),
    ],
  });
  const rows = MODES.map((mode) => {
    const m = r.modes[mode];
    const cell = (x: number) => `<td>${(x * 100).toFixed(1)}%</td>`;
    return `<tr><th>${mode}</th>${cell(m.peakAnswerRate)}${cell(m.answerRate)}${cell(m.serviceLevel)}${cell(m.abandonRate)}${cell(m.occupancy)}<td>${m.rosterHours.toFixed(0)} + ${m.onDemandHours.toFixed(0)}</td></tr>`;
  }).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tidedesk tidal-day simulation</title>
<style>body{font:14px/1.5 system-ui,'WenQuanYi Micro Hei',sans-serif;margin:2rem auto;max-width:960px;color:#1d2733}
table{border-collapse:collapse}td,th{padding:.3rem .8rem;border-bottom:1px solid #ddd;text-align:right}th{text-align:left}</style></head><body>
<h1>Tidal-day simulation 潮汐日仿真</h1>
<p>${escapeHtml(`6× peak/trough, 13,277 contacts, AHT 300 s, patience 120 s, target 80/20. Roster capped at ${(r.rosterCap * 100).toFixed(0)}% of the peak requirement; mean of ${r.seeds} seed(s). Peak window (shaded): ${r.peakWindow.fromInterval / 2}:00–${r.peakWindow.toInterval / 2}:00.`)}</p>
<table><thead><tr><th>mode</th><th>peak-3h answer</th><th>day answer</th><th>service level</th><th>abandon</th><th>occupancy</th><th>agent-hours</th></tr></thead><tbody>${rows}</tbody></table>
<h2>Answer rate by half hour 分时段接通率</h2>${lines}
<h2>Summary 汇总</h2>${bars}
<p>Required agent-intervals over the day: ${r.requirement.teamAgentIntervals} with dedicated teams vs ${r.requirement.pooledAgentIntervals} pooled.</p>
</body></html>`;
}
