/**
 * @module The Golden cases tab of the QA workspace: the tenant's recorded cases (newest version
 * of each), filterable by suite, each with a readable summary of its input and expected outcome
 * and a link back to the conversation it came from.
 */
import type { GoldenCaseDto } from '#routes/qa/qa.routes.ts';
import { api } from './api.ts';
import { emptyState, fill, h } from './dom.ts';
import type { Translate } from './page-data.ts';
import { dateTime } from './time.ts';

export interface GoldenTabOptions {
  t: Translate;
  lang: 'zh' | 'en';
  box: HTMLElement;
  filter: HTMLSelectElement;
  setCount(n: number): void;
  openConversation(id: string, seq?: number): void;
}

const clip = (s: unknown, n = 140) => {
  const text = typeof s === 'string' ? s : JSON.stringify(s);
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
};

/** What the case feeds the suite, and what it expects back, in a line each. */
export function summarize(g: Pick<GoldenCaseDto, 'suite' | 'case'>): { input: string; expected: string } {
  const c = g.case;
  switch (g.suite) {
    case 'compliance':
      return { input: clip(c.draft), expected: ((c.expected as string[]) ?? []).join(', ') || '[] (clean)' };
    case 'intent':
      return { input: clip(c.text), expected: String(c.label) };
    case 'copilot': {
      const history = (c.history as { text: string }[] | undefined) ?? [];
      return { input: clip(history.at(-1)?.text ?? ''), expected: String(c.expected_step) };
    }
    case 'pii': {
      const text = String(c.text ?? '');
      const entities = (c.entities as { type: string; start: number; end: number }[] | undefined) ?? [];
      return {
        input: clip(text),
        expected: entities.map((e) => `${e.type}:${text.slice(e.start, e.end)}`).join(' | ') || '[] (none)',
      };
    }
    default: {
      const { id: _id, lang: _lang, ...rest } = c;
      return { input: clip(rest), expected: '' };
    }
  }
}

export function createGoldenTab(opts: GoldenTabOptions) {
  const { t, lang, box, filter } = opts;
  let stale = true;

  function setSuites(names: string[]) {
    if (filter.options.length > 0) return;
    fill(
      filter,
      h('option', { value: '' }, t('qa.runs.all')),
      ...names.map((n) => h('option', { value: n }, n)),
    );
  }

  function render(items: GoldenCaseDto[]) {
    if (items.length === 0) return fill(box, emptyState('star', null, t('qa.golden.empty')));
    const rows = items.map((g) => {
      const s = summarize(g);
      return h(
        'tr',
        { 'data-testid': 'golden-row', 'data-suite': g.suite, 'data-case': g.caseId },
        h('td', {}, h('code', {}, g.caseId)),
        h('td', {}, h('code', {}, g.suite)),
        h('td', { class: 'num' }, `v${g.version}`),
        h('td', { class: 'qa-snippet' }, s.input),
        h('td', { class: 'qa-snippet' }, h('code', {}, s.expected)),
        h(
          'td',
          { class: 'small' },
          g.sourceConversationId
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'qa-link-button',
                  onclick: () =>
                    opts.openConversation(g.sourceConversationId!, g.sourceMessageSeq ?? undefined),
                },
                t('qa.golden.openSource', { seq: g.sourceMessageSeq ?? '—' }),
              )
            : h('span', { class: 'muted' }, t('qa.golden.noSource')),
        ),
        h('td', {}, g.createdBy.displayName),
        h('td', { class: 'nowrap small' }, dateTime(g.createdAt, lang)),
      );
    });
    fill(
      box,
      h(
        'table',
        { class: 'data', 'data-testid': 'golden-table' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...[
              t('qa.golden.case'),
              t('qa.golden.suite'),
              t('qa.golden.version'),
              t('qa.golden.content'),
              t('qa.golden.expected'),
              t('qa.golden.source'),
              t('qa.golden.by'),
              t('qa.golden.when'),
            ].map((x) => h('th', {}, x)),
          ),
        ),
        h('tbody', {}, ...rows),
      ),
    );
  }

  async function fetchItems(suite: string): Promise<GoldenCaseDto[]> {
    const q = new URLSearchParams({ limit: '500', ...(suite ? { suite } : {}) });
    return (await api<{ items: GoldenCaseDto[] }>(`/api/v1/qa/golden-cases?${q}`)).items;
  }

  async function load(): Promise<void> {
    if (!stale && filter.dataset.loaded === filter.value) return;
    try {
      const items = await fetchItems(filter.value);
      if (!filter.value) opts.setCount(items.length);
      stale = false;
      filter.dataset.loaded = filter.value;
      render(items);
    } catch (err) {
      fill(
        box,
        h(
          'div',
          { class: 'alert alert-error', role: 'alert' },
          t('common.error', { reason: (err as Error).message }),
        ),
      );
    }
  }

  filter.addEventListener('change', () => void load());

  return {
    load,
    setSuites,
    /** The tab count before the tab is first opened. */
    async count() {
      opts.setCount((await fetchItems('').catch(() => [])).length);
    },
    /** A case was saved: reload when the tab is next shown (or now, if it is showing). */
    invalidate() {
      stale = true;
      if (!box.closest('[role="tabpanel"]')?.hasAttribute('hidden')) void load();
      else void this.count();
    },
  };
}
