/**
 * @module The QA workspace's co-pilot card: acceptance by SOP, source or provider over a window
 * (a table with a bar per day), the replies agents sent unedited with a Promote button, and the
 * golden replies in use with Remove. Everything through the co-pilot API.
 */
import type { CopilotMetricsDto, FeedbackItemDto, GoldenReplyDto } from '#routes/copilot/copilot.routes.ts';
import type { MessageKey } from '../../../i18n.ts';
import { api } from '../api.ts';
import { fill, h } from '../dom.ts';
import type { Translate } from '../page-data.ts';

const GROUPS = ['sop', 'source', 'provider'] as const;
const WINDOWS = [7, 30, 90] as const;
const DAY = 86_400_000;
const SVG_NS = 'http://www.w3.org/2000/svg';

const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}%`);

/** One bar per UTC day of [from, to), its height the day's acceptance rate (gaps: no feedback). */
export function sparkline(
  series: { day: string; acceptanceRate: number | null }[],
  from: number,
  to: number,
) {
  const first = Math.floor(from / DAY);
  const days = Math.max(1, Math.floor((to - 1) / DAY) - first + 1);
  const w = 140;
  const hgt = 28;
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('class', 'cq-spark');
  svg.setAttribute('width', String(w));
  svg.setAttribute('height', String(hgt));
  svg.setAttribute('viewBox', `0 0 ${w} ${hgt}`);
  svg.setAttribute('role', 'img');
  const byDay = new Map(series.map((p) => [p.day, p.acceptanceRate]));
  const bar = w / days;
  for (let i = 0; i < days; i++) {
    const day = new Date((first + i) * DAY).toISOString().slice(0, 10);
    const rate = byDay.get(day);
    if (rate === undefined || rate === null) continue;
    const rect = document.createElementNS(SVG_NS, 'rect');
    const height = Math.max(1, rate * hgt);
    rect.setAttribute('x', (i * bar).toFixed(1));
    rect.setAttribute('y', (hgt - height).toFixed(1));
    rect.setAttribute('width', Math.max(1, bar - 1).toFixed(1));
    rect.setAttribute('height', height.toFixed(1));
    const title = document.createElementNS(SVG_NS, 'title');
    title.textContent = `${day}: ${pct(rate)}`;
    rect.append(title);
    svg.append(rect);
  }
  svg.setAttribute('aria-label', series.map((p) => `${p.day} ${pct(p.acceptanceRate)}`).join(', '));
  return svg;
}

export function createCopilotQaCard(t: Translate): HTMLElement {
  let by: (typeof GROUPS)[number] = 'source';
  let days: number = 30;
  const bySelect = h(
    'select',
    { class: 'input', id: 'cq-by', 'data-testid': 'copilot-metrics-by' },
    ...GROUPS.map((g) =>
      h('option', { value: g, selected: g === by }, t(`qa.copilot.by.${g}` as MessageKey)),
    ),
  );
  const daySelect = h(
    'select',
    { class: 'input', id: 'cq-days', 'data-testid': 'copilot-metrics-days' },
    ...WINDOWS.map((d) => h('option', { value: d, selected: d === days }, t('qa.copilot.days', { n: d }))),
  );
  const table = h('div', { 'data-testid': 'copilot-metrics' });
  const promotable = h('ul', { class: 'cq-list', 'data-testid': 'copilot-promotable' });
  const golden = h('ul', { class: 'cq-list', 'data-testid': 'copilot-golden' });
  const error = (err: unknown) =>
    h('p', { class: 'alert alert-error' }, t('common.error', { reason: (err as Error).message }));

  async function loadMetrics() {
    const to = Date.now() + 1;
    const from = to - days * DAY;
    try {
      const m = await api<CopilotMetricsDto>(`/api/v1/copilot/metrics?by=${by}&from=${from}&to=${to}`);
      if (m.groups.length === 0) {
        fill(table, h('p', { class: 'muted' }, t('qa.copilot.empty')));
        return;
      }
      const row = (
        label: string,
        g: Omit<CopilotMetricsDto['total'], never> & {
          series?: CopilotMetricsDto['groups'][number]['series'];
        },
      ) =>
        h(
          'tr',
          { 'data-testid': 'copilot-metrics-row', 'data-key': label },
          h('td', {}, label),
          h('td', { class: 'num' }, g.shown),
          h('td', { class: 'num' }, g.accepted),
          h('td', { class: 'num' }, g.edited),
          h('td', { class: 'num' }, g.dismissed),
          h('td', { class: 'num', 'data-testid': 'copilot-metrics-rate' }, pct(g.acceptanceRate)),
          h('td', { class: 'num' }, g.meanEditDistance === null ? '–' : g.meanEditDistance.toFixed(2)),
          h('td', { class: 'cq-trend' }, g.series ? sparkline(g.series, m.from, m.to) : null),
        );
      const head = ['group', 'shown', 'accepted', 'edited', 'dismissed', 'rate', 'edit', 'trend'] as const;
      fill(
        table,
        h(
          'table',
          { class: 'data cq-table' },
          h(
            'thead',
            {},
            h('tr', {}, ...head.map((c) => h('th', {}, t(`qa.copilot.col.${c}` as MessageKey)))),
          ),
          h('tbody', {}, ...m.groups.map((g) => row(g.key, g)), row(t('qa.copilot.total'), m.total)),
        ),
      );
    } catch (err) {
      fill(table, error(err));
    }
  }

  async function loadPromotable() {
    try {
      const { items } = await api<{ items: FeedbackItemDto[] }>(
        '/api/v1/copilot/feedback?promotable=true&limit=20',
      );
      if (items.length === 0) {
        fill(promotable, h('li', { class: 'muted' }, t('qa.copilot.promotableEmpty')));
        return;
      }
      fill(
        promotable,
        ...items.map((f) =>
          h(
            'li',
            { class: 'cq-row', 'data-testid': 'copilot-promotable-item' },
            h('span', {}, f.text),
            h('span', { class: 'muted' }, `${f.sopKey ?? ''} / ${f.stepKey ?? ''} · ${f.agentName}`),
            h(
              'button',
              {
                type: 'button',
                class: 'btn btn-primary',
                'data-testid': 'copilot-promote',
                onclick: async () => {
                  try {
                    await api('/api/v1/copilot/golden-replies', {
                      method: 'POST',
                      body: { feedbackId: f.id },
                    });
                  } catch (err) {
                    fill(promotable, error(err));
                    return;
                  }
                  await Promise.all([loadPromotable(), loadGolden()]);
                },
              },
              t('qa.copilot.promote'),
            ),
          ),
        ),
      );
    } catch (err) {
      fill(promotable, error(err));
    }
  }

  async function loadGolden() {
    try {
      const { items } = await api<{ items: GoldenReplyDto[] }>('/api/v1/copilot/golden-replies');
      if (items.length === 0) {
        fill(golden, h('li', { class: 'muted' }, t('qa.copilot.goldenEmpty')));
        return;
      }
      fill(
        golden,
        ...items.map((g) =>
          h(
            'li',
            { class: 'cq-row', 'data-testid': 'copilot-golden-item' },
            h('span', {}, g.text),
            h('span', { class: 'muted' }, `${g.sopKey} / ${g.stepKey} · ${g.lang}`),
            h(
              'button',
              {
                type: 'button',
                class: 'btn btn-secondary',
                onclick: async () => {
                  // The shared api() helper speaks GET and POST only.
                  const res = await fetch(`/api/v1/copilot/golden-replies/${encodeURIComponent(g.id)}`, {
                    method: 'DELETE',
                    credentials: 'same-origin',
                  });
                  if (!res.ok && res.status !== 404) return;
                  await Promise.all([loadGolden(), loadPromotable()]);
                },
              },
              t('qa.copilot.remove'),
            ),
          ),
        ),
      );
    } catch (err) {
      fill(golden, error(err));
    }
  }

  bySelect.addEventListener('change', () => {
    by = bySelect.value as typeof by;
    void loadMetrics();
  });
  daySelect.addEventListener('change', () => {
    days = Number(daySelect.value);
    void loadMetrics();
  });
  void loadMetrics();
  void loadPromotable();
  void loadGolden();

  return h(
    'section',
    { class: 'card cq-card', 'data-testid': 'copilot-qa', 'aria-labelledby': 'cq-title' },
    h(
      'div',
      { class: 'cq-head' },
      h('h2', { id: 'cq-title' }, t('qa.copilot.title')),
      h('label', { for: 'cq-by' }, t('qa.copilot.by')),
      bySelect,
      h('label', { for: 'cq-days' }, t('qa.copilot.window')),
      daySelect,
    ),
    h('p', { class: 'muted small' }, t('qa.copilot.subtitle')),
    table,
    h('h3', { class: 'cq-sub' }, t('qa.copilot.promotable')),
    promotable,
    h('h3', { class: 'cq-sub' }, t('qa.copilot.golden')),
    golden,
  );
}
