/**
 * @module The HTML report of one eval invocation (one or all suites): per suite a summary table
 * with bootstrap intervals, per-class bars, a confusion-matrix heat map, the worst cases with
 * their inputs, public-set tables and the run's provenance. Self-contained: inline CSS and SVG.
 */
import type { GateResult } from '../harness/gate.ts';
import { flattenMetrics, headlinePaths, orderedMetricPaths } from '../harness/metric-paths.ts';
import type { RunResult, SetResult } from '../harness/run-result.ts';
import type { SuiteName } from '../harness/suite.ts';
import { confusionHeatmap, MAX_CLASSES, MAX_CONFUSION_LABELS, perClassChart } from './charts.ts';
import { esc, heading, num, page } from './html.ts';

export interface SkippedSuite {
  name: string;
  reason: string;
}

export interface ReportInput {
  runs: RunResult[];
  skipped?: SkippedSuite[];
  gates?: GateResult[];
  generatedAt: string;
}

/** Rows beyond this many metrics go into a collapsed block. */
const SUMMARY_ROWS = 14;

function metricsTable(suite: SuiteName, set: SetResult): string {
  const flat = flattenMetrics(set.metrics);
  const paths = orderedMetricPaths(suite, flat);
  const rowOf = (p: string) => {
    const ci = set.ci[p];
    return `<tr><td><code>${esc(p)}</code></td><td class="n">${num(flat[p])}</td><td class="n">${
      ci ? `${num(ci.low)} – ${num(ci.high)}` : '<span class="muted">—</span>'
    }</td></tr>`;
  };
  const head = '<tr><th>指标 metric</th><th>值 value</th><th>95% CI (bootstrap)</th></tr>';
  const first = paths.slice(0, SUMMARY_ROWS).map(rowOf).join('');
  const rest = paths.slice(SUMMARY_ROWS);
  const more = rest.length
    ? `<details><summary>${rest.length} more metrics</summary><table>${head}${rest.map(rowOf).join('')}</table></details>`
    : '';
  return `<table>${head}${first}</table>${more}`;
}

function worstTable(set: SetResult): string {
  if (set.worst.length === 0) return '<p class="muted">No imperfect cases. 全部正确。</p>';
  const rows = set.worst
    .map(
      (w) =>
        `<tr><td><code>${esc(w.id)}</code></td><td class="n">${num(w.score, 3)}</td><td class="text">${esc(w.input)}</td><td class="text">${esc(w.expected)}</td><td class="text">${esc(w.actual)}</td></tr>`,
    )
    .join('');
  return `<table><tr><th>id</th><th>score</th><th>输入 input</th><th>期望 expected</th><th>实际 actual</th></tr>${rows}</table>`;
}

function setDetail(suite: SuiteName, set: SetResult, id: string): string {
  const parts = [
    heading(3, '摘要', `Summary — ${set.name} (${set.cases} cases)`, `${id}-summary`),
    metricsTable(suite, set),
  ];
  if (set.perClass && Object.keys(set.perClass).length > 0) {
    const n = Object.keys(set.perClass).length;
    parts.push(heading(3, '各类别指标', 'Per class'));
    if (n > MAX_CLASSES) parts.push(`<p class="muted">${MAX_CLASSES} lowest-F1 classes of ${n}.</p>`);
    parts.push(`<div class="chart">${perClassChart(set.perClass)}</div>`);
  }
  if (set.confusion && set.confusion.labels.length > 0) {
    parts.push(heading(3, '混淆矩阵', 'Confusion matrix'));
    if (set.confusion.labels.length > MAX_CONFUSION_LABELS) {
      parts.push(
        `<p class="muted">${MAX_CONFUSION_LABELS} most frequent labels of ${set.confusion.labels.length}.</p>`,
      );
    }
    parts.push(`<div class="chart">${confusionHeatmap(set.confusion)}</div>`);
  }
  parts.push(heading(3, '最差案例', `Worst ${set.worst.length} cases`), worstTable(set));
  return parts.join('\n');
}

function provenance(run: RunResult): string {
  const items: [string, string][] = [
    [
      'provider',
      run.requestedProvider === run.provider
        ? run.provider
        : `${run.provider} (requested ${run.requestedProvider})`,
    ],
    ['prompt version', run.promptVersion ?? '—'],
    ['git rev', run.gitRev ?? '—'],
    ['started', run.startedAt],
    ['duration', `${(run.durationMs / 1000).toFixed(2)} s`],
    ['cases file', `${run.casesFile} (sha256 ${run.casesSha256.slice(0, 12)}…)`],
    [
      'public datasets',
      run.datasets.dir ? `${run.datasets.status}: ${run.datasets.dir}` : run.datasets.status,
    ],
  ];
  return `<dl class="meta">${items.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`;
}

function publicTable(run: RunResult): string {
  const sets = Object.values(run.sets);
  if (sets.length === 0) return '<p class="muted">No public sets in this run.</p>';
  const suite = run.suite as SuiteName;
  const rows = sets
    .map((s) => {
      const flat = flattenMetrics(s.metrics);
      const paths = headlinePaths(suite, flat);
      const cells = paths
        .map((p) => {
          const ci = s.ci[p];
          return `<code>${esc(p)}</code> ${num(flat[p])}${ci ? ` <span class="muted">[${num(ci.low, 3)}, ${num(ci.high, 3)}]</span>` : ''}`;
        })
        .join('<br>');
      return `<tr><td>${esc(s.name)}</td><td>${esc(s.licence ?? '')}</td><td class="n">${s.cases}</td><td>${cells}</td></tr>`;
    })
    .join('');
  return `<table><tr><th>set</th><th>licence</th><th>cases</th><th>headline metrics [95% CI]</th></tr>${rows}</table>`;
}

function gateBlock(gate: GateResult | undefined): string {
  if (!gate) return '';
  const status = gate.passed ? '<span class="good">pass</span>' : '<span class="bad">FAIL</span>';
  const rows = gate.checks
    .map(
      (c) =>
        `<tr><td><code>${esc(c.path)}</code></td><td class="n">${num(c.value)}</td><td class="n">${num(c.baseline)}</td><td class="n">${c.lowerIsBetter ? '+' : '−'}${num(c.tolerance, 3)}</td><td class="${c.status === 'regressed' || c.status === 'missing' ? 'bad' : c.status === 'improved' ? 'good' : ''}">${esc(c.status)}</td></tr>`,
    )
    .join('');
  return `${heading(3, '门禁', 'Gate')}<p>${status}${gate.note ? ` — ${esc(gate.note)}` : ''}</p>${
    rows
      ? `<table><tr><th>metric</th><th>value</th><th>baseline</th><th>tolerance</th><th>status</th></tr>${rows}</table>`
      : ''
  }`;
}

/** Render the report. */
export function renderRunReport(input: ReportInput): string {
  const { runs, skipped = [], gates = [] } = input;
  const title = runs.length === 1 ? `Tidedesk eval — ${runs[0]!.suite}` : 'Tidedesk eval — all suites';
  const overview = runs
    .map((r) => {
      const flat = flattenMetrics(r.metrics);
      const head = headlinePaths(r.suite as SuiteName, flat);
      const gate = gates.find((g) => g.suite === r.suite);
      return `<tr><td><a href="#${esc(r.suite)}">${esc(r.suite)}</a></td><td>${esc(r.provider)}</td><td class="n">${r.cases}</td><td>${head
        .map((p) => `<code>${esc(p)}</code> ${num(flat[p])}`)
        .join(
          '<br>',
        )}</td><td class="n">${Object.keys(r.sets).length}</td><td class="n">${(r.durationMs / 1000).toFixed(1)} s</td><td>${
        gate ? (gate.passed ? '<span class="good">pass</span>' : '<span class="bad">FAIL</span>') : '—'
      }</td></tr>`;
    })
    .concat(
      skipped.map(
        (s) => `<tr><td>${esc(s.name)}</td><td colspan="6" class="muted">skipped: ${esc(s.reason)}</td></tr>`,
      ),
    )
    .join('');
  const sections = runs.map((r) => {
    const notices = r.notices.map((n) => `<p class="notice">${esc(n)}</p>`).join('');
    const publicDetails = Object.values(r.sets)
      .map(
        (s, i) =>
          `<details><summary>${esc(s.name)} — details</summary>${setDetail(r.suite as SuiteName, s, `${r.suite}-pub-${i}`)}</details>`,
      )
      .join('');
    return `<section id="${esc(r.suite)}">
${heading(2, `套件 ${r.suite}`, `Suite ${r.suite}`)}
${heading(3, '运行信息', 'Provenance')}
${provenance(r)}
${notices}
${gateBlock(gates.find((g) => g.suite === r.suite))}
${setDetail(r.suite as SuiteName, r.main, r.suite)}
${heading(3, '公开数据集', 'Public datasets')}
${publicTable(r)}
${publicDetails}
</section>`;
  });
  const body = `<h1>${esc(title)}</h1>
<p class="muted">生成于 Generated ${esc(input.generatedAt)} · charts are static SVG (Observable Plot)</p>
${heading(2, '总览', 'Overview')}
<table><tr><th>suite</th><th>provider</th><th>cases</th><th>headline</th><th>public sets</th><th>time</th><th>gate</th></tr>${overview}</table>
${sections.join('\n')}`;
  return page(title, body);
}
