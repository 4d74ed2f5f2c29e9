/** @module The HTML page of a two-run comparison: both runs' provenance, the delta table, a delta chart. */
import { deltaChart } from './charts.ts';
import type { Comparison, RunLabel } from './compare.ts';
import { esc, heading, num, page } from './html.ts';

function labelRow(tag: string, l: RunLabel): string {
  return `<tr><td>${tag}</td><td>${esc(l.provider)}</td><td>${esc(l.promptVersion ?? '—')}</td><td>${esc(l.gitRev ?? '—')}</td><td>${esc(l.startedAt)}</td><td class="n">${l.cases}</td><td>${esc(l.file ?? '')}</td></tr>`;
}

export function renderCompareReport(c: Comparison, generatedAt: string): string {
  const rows = c.rows
    .map((r) => {
      const better =
        r.delta === null || r.delta === 0 || r.direction === 'unknown'
          ? ''
          : r.delta > 0 === (r.direction === 'higher')
            ? 'good'
            : 'bad';
      const delta = r.delta === null ? '—' : `${r.delta >= 0 ? '+' : ''}${r.delta.toFixed(4)}`;
      return `<tr><td><code>${esc(r.path)}</code></td><td class="n">${num(r.a)}</td><td class="n">${num(r.b)}</td><td class="n ${better}">${delta}</td><td class="n">${num(r.p, 3)}</td><td>${esc(r.marker)}</td></tr>`;
    })
    .join('');
  const chartRows = c.rows
    .filter((r) => !r.path.startsWith('sets.') && r.delta !== null && !r.path.includes('.'))
    .concat(
      c.rows.filter((r) => !r.path.startsWith('sets.') && r.delta !== null && r.path.startsWith('overall.')),
    )
    .slice(0, 20)
    .map((r) => ({ path: r.path, delta: r.delta!, direction: r.direction }));
  const title = `Tidedesk eval compare — ${c.a.suite}`;
  const body = `<h1>${esc(title)}</h1>
<p class="muted">生成于 Generated ${esc(generatedAt)}</p>
${heading(2, '运行', 'Runs')}
<table><tr><th></th><th>provider</th><th>prompt</th><th>git</th><th>started</th><th>cases</th><th>file</th></tr>${labelRow('A', c.a)}${labelRow('B', c.b)}</table>
<p>Significance 显著性: <code>${esc(c.method)}</code>${c.method === 'delta-only' ? '' : `, ${c.iterations} permutations; * p&lt;0.05, ** p&lt;0.01`}</p>
${c.notes.map((n) => `<p class="notice">${esc(n)}</p>`).join('')}
${heading(2, '差异', 'Deltas (B − A)')}
<div class="chart">${deltaChart(chartRows)}</div>
<table><tr><th>metric</th><th>A</th><th>B</th><th>Δ B−A</th><th>p</th><th></th></tr>${rows}</table>`;
  return page(title, body);
}
