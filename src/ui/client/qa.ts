/**
 * @module QA workspace island: tabs; the suites table (latest metrics, server-drawn trend line,
 * Run buttons); one run at a time with a live progress bar (polls the run every 500 ms, and picks
 * a run already going back up after a reload); the run history with reports. Conversations and
 * golden cases live in lib/qa-conversations.ts and lib/qa-golden.ts.
 */
import type { EvalRunDto, SuiteOverviewDto } from '#routes/qa/qa.routes.ts';
import type { MessageKey, Strings } from '../i18n.ts';
import { ApiError, api, sleep } from './lib/api.ts';
import { byId, emptyState, fill, h } from './lib/dom.ts';
import { makeT, readPageData } from './lib/page-data.ts';
import { createConversationsTab } from './lib/qa-conversations.ts';
import { createGoldenTab } from './lib/qa-golden.ts';
import { dateTime } from './lib/time.ts';

interface PageData {
  lang: 'zh' | 'en';
  strings: Partial<Strings>;
}

const TABS = ['suites', 'runs', 'conversations', 'golden'] as const;
type Tab = (typeof TABS)[number];
const POLL_MS = 500;

const data = readPageData<PageData>();
const t = makeT(data.strings);
const lang = data.lang;
const failure = (err: unknown) =>
  h(
    'div',
    { class: 'alert alert-error', role: 'alert' },
    t('common.error', { reason: (err as Error).message }),
  );
const setCount = (tab: Tab, n: number | null) => {
  byId(`count-${tab}`).textContent = n === null ? '' : `(${n})`;
};
const f4 = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(4));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const metricsText = (headline: Record<string, number | null> | null) =>
  Object.entries(headline ?? {})
    .map(([k, v]) => `${k} ${f4(v)}`)
    .join(' · ');

// ── Tabs ────────────────────────────────────────────────────────────────────────────────────

function show(tab: Tab, focus = false) {
  for (const name of TABS) {
    const button = byId(`tab-${name}`);
    const active = name === tab;
    button.setAttribute('aria-selected', String(active));
    button.tabIndex = active ? 0 : -1;
    byId(`panel-${name}`).hidden = !active;
    if (active && focus) button.focus();
  }
  if (location.hash !== `#${tab}`) history.replaceState(null, '', `#${tab}`);
  // Conversations come and go: the list is fetched again each time the tab is shown.
  if (tab === 'conversations') void conversations.load(true);
  if (tab === 'golden') void golden.load();
}

for (const [i, name] of TABS.entries()) {
  const button = byId(`tab-${name}`);
  button.addEventListener('click', () => show(name));
  button.addEventListener('keydown', (ev) => {
    const step = ev.key === 'ArrowRight' ? 1 : ev.key === 'ArrowLeft' ? -1 : 0;
    if (step) show(TABS[(i + step + TABS.length) % TABS.length]!, true);
  });
}

// ── Suites ──────────────────────────────────────────────────────────────────────────────────

let suites: SuiteOverviewDto[] = [];
let active: EvalRunDto | null = null;
const provider = byId<HTMLSelectElement>('provider');

function runButtons(s: SuiteOverviewDto): HTMLElement {
  const busy = active !== null;
  if (s.status !== 'ok') {
    return h(
      'span',
      { class: 'muted small' },
      s.status === 'unavailable' ? '—' : t('qa.suites.notRunnable', { reason: s.reason ?? s.status }),
    );
  }
  return h(
    'div',
    { class: 'qa-actions' },
    h(
      'button',
      {
        type: 'button',
        class: 'btn btn-primary',
        'data-testid': `run-${s.name}`,
        'aria-label': t('qa.suites.runLabel', { suite: s.name }),
        disabled: busy,
        onclick: () => void start(s.name, 'authored'),
      },
      t('qa.suites.run'),
    ),
    s.goldenCases > 0
      ? h(
          'button',
          {
            type: 'button',
            class: 'btn btn-secondary',
            'data-testid': `run-golden-${s.name}`,
            'aria-label': t('qa.suites.runGoldenLabel', { suite: s.name, n: s.goldenCases }),
            disabled: busy,
            onclick: () => void start(s.name, 'golden'),
          },
          t('qa.suites.runGolden', { n: s.goldenCases }),
        )
      : null,
  );
}

function trendCell(s: SuiteOverviewDto): HTMLElement {
  const metric = s.headlineMetrics[0] ?? '';
  if (s.trend.length === 0) return h('span', { class: 'muted small' }, t('qa.suites.noTrend'));
  const version = s.trend.at(-1)?.runId ?? '0';
  return h('img', {
    src: `/qa/suites/${encodeURIComponent(s.name)}/trend.svg?v=${encodeURIComponent(version)}`,
    width: 120,
    height: 28,
    alt: t('qa.suites.trendAlt', { metric, n: s.trend.length }),
    'data-testid': `trend-${s.name}`,
  });
}

function renderSuites() {
  const box = byId('suites');
  setCount('suites', suites.length);
  if (suites.length === 0) return fill(box, emptyState('list', null, t('qa.suites.empty')));
  const unavailable = suites.every((s) => s.status === 'unavailable');
  const rows = suites.map((s) =>
    h(
      'tr',
      { 'data-testid': 'suite-row', 'data-suite': s.name },
      h(
        'td',
        { class: 'qa-suite-name' },
        h('code', {}, s.name),
        s.description ? h('div', { class: 'qa-suite-desc' }, s.description) : null,
      ),
      h(
        'td',
        { class: 'nowrap' },
        t('qa.suites.casesValue', { authored: s.authoredCases ?? '—', golden: s.goldenCases }),
      ),
      h(
        'td',
        {},
        s.latest
          ? h(
              'div',
              { class: 'qa-metrics', 'data-testid': `latest-${s.name}` },
              ...Object.entries(s.latest.headline).map(([k, v]) =>
                h('span', { class: 'chip qa-metric' }, `${k} ${f4(v)}`),
              ),
            )
          : h('span', { class: 'muted' }, t('qa.suites.never')),
      ),
      h('td', { class: 'qa-trend' }, trendCell(s)),
      h(
        'td',
        { class: 'small' },
        s.latest
          ? h(
              'div',
              {},
              h('div', {}, dateTime(s.latest.finishedAt, lang)),
              h(
                'a',
                {
                  href: `/qa/runs/${encodeURIComponent(s.latest.runId)}/report`,
                  target: '_blank',
                  rel: 'noopener',
                },
                t('qa.runs.report'),
              ),
            )
          : null,
      ),
      h('td', {}, runButtons(s)),
    ),
  );
  fill(
    box,
    unavailable ? h('div', { class: 'alert alert-info qa-pad' }, t('qa.suites.unavailable')) : null,
    h(
      'table',
      { class: 'data', 'data-testid': 'suites-table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...[
            t('qa.suites.suite'),
            t('qa.suites.cases'),
            t('qa.suites.latest'),
            t('qa.suites.trend'),
            t('qa.suites.lastRun'),
            '',
          ].map((x) => h('th', {}, x)),
        ),
      ),
      h('tbody', {}, ...rows),
    ),
  );
}

async function loadSuites() {
  try {
    suites = (await api<{ items: SuiteOverviewDto[] }>('/api/v1/qa/suites')).items;
    renderSuites();
    fillSuiteFilter();
  } catch (err) {
    fill(byId('suites'), failure(err));
  }
}

// ── Runs ────────────────────────────────────────────────────────────────────────────────────

const runsFilter = byId<HTMLSelectElement>('runs-suite');

function fillSuiteFilter() {
  if (runsFilter.options.length > 0) return;
  fill(
    runsFilter,
    h('option', { value: '' }, t('qa.runs.all')),
    ...suites.map((s) => h('option', { value: s.name }, s.name)),
  );
  golden.setSuites(suites.map((s) => s.name));
}
runsFilter.addEventListener('change', () => void loadRuns());

const statusBadge = (status: EvalRunDto['status']) =>
  h('span', { class: `badge badge-${status}` }, t(`qa.status.${status}` as MessageKey));

function renderRuns(runs: EvalRunDto[]) {
  const box = byId('runs');
  if (!runsFilter.value) setCount('runs', runs.length);
  if (runs.length === 0) return fill(box, emptyState('clock', null, t('qa.runs.empty')));
  const rows = runs.map((r) =>
    h(
      'tr',
      { 'data-testid': 'run-row', 'data-id': r.id, 'data-status': r.status },
      h('td', { class: 'nowrap' }, dateTime(r.createdAt, lang)),
      h('td', {}, h('code', {}, r.suite)),
      h(
        'td',
        {},
        t(`qa.runs.source.${r.casesSource}` as MessageKey),
        r.cases === null ? '' : ` · ${r.cases}`,
      ),
      h('td', {}, r.answeredBy ?? r.provider),
      h('td', {}, statusBadge(r.status), r.error ? h('div', { class: 'small muted' }, r.error) : null),
      h('td', { class: 'small qa-metric' }, metricsText(r.headline)),
      h(
        'td',
        { class: 'nowrap num' },
        r.startedAt && r.finishedAt ? seconds(r.finishedAt - r.startedAt) : '—',
      ),
      h('td', {}, r.startedBy.displayName),
      h(
        'td',
        { class: 'nowrap' },
        r.status === 'done'
          ? h(
              'span',
              { class: 'qa-actions' },
              h(
                'a',
                { href: `/qa/runs/${encodeURIComponent(r.id)}/report`, target: '_blank', rel: 'noopener' },
                t('qa.runs.report'),
              ),
              h(
                'a',
                {
                  href: `/api/v1/qa/runs/${encodeURIComponent(r.id)}/result`,
                  download: `${r.suite}-${r.id}.json`,
                  title: t('qa.runs.jsonHint'),
                },
                t('qa.runs.json'),
              ),
            )
          : null,
      ),
    ),
  );
  fill(
    box,
    h(
      'table',
      { class: 'data', 'data-testid': 'runs-table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...[
            t('qa.runs.started'),
            t('qa.runs.suite'),
            t('qa.runs.source'),
            t('qa.runs.provider'),
            t('qa.runs.status'),
            t('qa.runs.metrics'),
            t('qa.runs.duration'),
            t('qa.runs.by'),
            '',
          ].map((x) => h('th', {}, x)),
        ),
      ),
      h('tbody', {}, ...rows),
    ),
  );
}

async function loadRuns(): Promise<EvalRunDto[]> {
  try {
    const q = new URLSearchParams({ limit: '100', ...(runsFilter.value ? { suite: runsFilter.value } : {}) });
    const runs = (await api<{ items: EvalRunDto[] }>(`/api/v1/qa/runs?${q}`)).items;
    renderRuns(runs);
    return runs;
  } catch (err) {
    fill(byId('runs'), failure(err));
    return [];
  }
}

// ── Starting and following a run ────────────────────────────────────────────────────────────

const status = byId('run-status');

function renderRun(run: EvalRunDto, error?: string) {
  const pct = Math.round((run.status === 'done' ? 1 : run.progress) * 100);
  const d = run.progressDetail;
  const label =
    run.status === 'queued'
      ? t('qa.run.queued', { suite: run.suite })
      : run.status === 'running'
        ? d
          ? t('qa.run.running', { suite: run.suite, set: d.set, done: d.done, total: d.total })
          : t('qa.run.starting', { suite: run.suite })
        : run.status === 'done'
          ? t('qa.run.done', { suite: run.suite, metrics: metricsText(run.headline) })
          : t('qa.run.failed', { suite: run.suite, error: error ?? run.error ?? '' });
  fill(
    status,
    h(
      'div',
      { class: 'card qa-run', 'data-status': run.status, 'data-testid': 'run-panel', 'data-id': run.id },
      h(
        'div',
        { class: 'qa-run-head' },
        statusBadge(run.status),
        h('span', { 'data-testid': 'run-label' }, label),
        h('span', { class: 'spacer' }),
        run.status === 'done'
          ? h(
              'a',
              {
                class: 'btn btn-secondary',
                href: `/qa/runs/${encodeURIComponent(run.id)}/report`,
                target: '_blank',
                rel: 'noopener',
                'data-testid': 'run-report-link',
              },
              t('qa.run.openReport'),
            )
          : null,
      ),
      h(
        'div',
        {
          class: 'progress',
          role: 'progressbar',
          'aria-label': t('qa.run.progressLabel', { suite: run.suite }),
          'aria-valuemin': 0,
          'aria-valuemax': 100,
          'aria-valuenow': pct,
          'data-testid': 'run-progress',
        },
        h('div', { class: 'progress-bar', style: `width: ${pct}%` }),
      ),
    ),
  );
}

async function follow(run: EvalRunDto) {
  active = run;
  renderSuites();
  renderRun(run);
  let current = run;
  while (current.status === 'queued' || current.status === 'running') {
    await sleep(POLL_MS);
    try {
      current = await api<EvalRunDto>(`/api/v1/qa/runs/${encodeURIComponent(run.id)}`);
    } catch (err) {
      // A blip (restart, network): keep polling; the run's state is in the database.
      if (!(err instanceof ApiError) || err.retryable) continue;
      renderRun({ ...current, status: 'failed' }, err.message);
      break;
    }
    renderRun(current);
  }
  active = null;
  await Promise.all([loadSuites(), loadRuns()]);
}

async function start(suite: string, cases: 'authored' | 'golden') {
  if (active) return;
  try {
    const run = await api<EvalRunDto>('/api/v1/qa/runs', {
      method: 'POST',
      body: { suite, cases, provider: provider.value },
    });
    void loadRuns();
    await follow(run);
  } catch (err) {
    fill(
      status,
      h(
        'div',
        { class: 'alert alert-error', role: 'alert' },
        err instanceof ApiError && err.status === 409
          ? t('qa.run.busy', { detail: err.message })
          : t('common.error', { reason: (err as Error).message }),
      ),
    );
    // A run someone else started: follow it so the page shows when the tenant is free again.
    const runs = await loadRuns();
    const going = runs.find((r) => r.status === 'queued' || r.status === 'running');
    if (going) await follow(going);
  }
}

// ── Conversations and golden cases ──────────────────────────────────────────────────────────

const conversations = createConversationsTab({
  t,
  lang,
  list: byId('conv-list'),
  view: byId('conv-view'),
  setCount: (n) => setCount('conversations', n),
  onSaved: () => {
    void loadSuites();
    golden.invalidate();
  },
});

const golden = createGoldenTab({
  t,
  lang,
  box: byId('golden'),
  filter: byId<HTMLSelectElement>('golden-suite'),
  setCount: (n) => setCount('golden', n),
  openConversation: (id, seq) => {
    show('conversations');
    void conversations.open(id, seq);
  },
});

// ── Start ───────────────────────────────────────────────────────────────────────────────────

const fromHash = location.hash.slice(1);
show((TABS as readonly string[]).includes(fromHash) ? (fromHash as Tab) : 'suites');
void (async () => {
  await loadSuites();
  const runs = await loadRuns();
  const going = runs.find((r) => r.status === 'queued' || r.status === 'running');
  if (going) await follow(going);
})();
void golden.count();
