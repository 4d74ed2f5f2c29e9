/**
 * @module Review queue island: reads the filters, loads the queue from the JSON API, keeps the
 * filters in the address (shareable, survives a reload), and runs "score campaign".
 */
import type { MessageKey, Strings } from '../i18n.ts';
import { api } from './lib/api.ts';
import { byId, fill, h } from './lib/dom.ts';
import { makeT, readPageData } from './lib/page-data.ts';
import { dateTime } from './lib/time.ts';

interface Item {
  candidateId: string;
  name: string;
  email: string;
  group: string | null;
  status: string;
  submittedAt: number | null;
  campaignName: string;
  score100: number | null;
  recommendation: string | null;
  flags: string[];
  decision: string | null;
  transcriptsQueued: number;
  transcriptsFailed: number;
}

const data = readPageData<{ lang: 'zh' | 'en'; strings: Partial<Strings> }>();
const t = makeT(data.strings);
const FILTERS = ['campaign', 'status', 'recommendation', 'decision', 'flag', 'q', 'sort'] as const;
const control = (name: string) => byId<HTMLInputElement | HTMLSelectElement>(`f-${name}`);

function query(): URLSearchParams {
  const q = new URLSearchParams();
  for (const name of FILTERS) {
    const v = control(name).value.trim();
    if (v) q.set(name, v);
  }
  return q;
}

function row(i: Item): HTMLElement {
  const advice = i.recommendation ?? 'unscored';
  return h(
    'tr',
    { 'data-testid': 'queue-row', 'data-candidate': i.candidateId, 'data-advice': advice },
    h(
      'td',
      {},
      h('a', { href: `/recruit/candidates/${i.candidateId}`, 'data-testid': 'queue-link' }, i.name),
      h('div', { class: 'muted small' }, `${i.email} · ${i.campaignName}`),
    ),
    h('td', {}, t(`rec.cstatus.${i.status}` as MessageKey)),
    h(
      'td',
      { class: 'num', 'data-testid': 'queue-score' },
      i.score100 === null ? '–' : i.score100.toFixed(1),
    ),
    h('td', {}, h('span', { class: `advice advice-${advice}` }, t(`rec.advice.${advice}` as MessageKey))),
    h(
      'td',
      {},
      ...i.flags.map((f) =>
        h(
          'span',
          { class: f === 'typing-below-threshold' ? 'flag flag-soft' : 'flag', 'data-flag': f },
          t(`rec.flag.${f}` as MessageKey),
        ),
      ),
    ),
    h(
      'td',
      { class: 'small' },
      i.transcriptsQueued > 0 ? h('div', {}, t('rec.review.queued', { n: i.transcriptsQueued })) : null,
      i.transcriptsFailed > 0
        ? h('div', { class: 'flag' }, t('rec.review.failedTr', { n: i.transcriptsFailed }))
        : null,
    ),
    h('td', { 'data-testid': 'queue-decision' }, t(`rec.dec.${i.decision ?? 'undecided'}` as MessageKey)),
    h('td', { class: 'nowrap small muted' }, i.submittedAt ? dateTime(i.submittedAt, data.lang) : ''),
  );
}

let loading: AbortController | null = null;
async function load() {
  const q = query();
  history.replaceState(null, '', `${location.pathname}${q.size ? `?${q}` : ''}`);
  byId('score-all').hidden = !q.get('campaign');
  loading?.abort();
  loading = new AbortController();
  const box = byId('queue');
  try {
    const { items, total } = await api<{ items: Item[]; total: number }>(
      `/api/v1/interviews/review?${q}&limit=200`,
      {
        signal: loading.signal,
      },
    );
    if (items.length === 0) {
      return fill(
        box,
        h(
          'p',
          { class: 'muted', style: 'padding: 12px 16px', 'data-testid': 'queue-empty' },
          t('rec.review.empty'),
        ),
      );
    }
    fill(
      box,
      h(
        'p',
        { class: 'muted small', style: 'padding: 8px 12px 0', 'data-testid': 'queue-count' },
        t('rec.review.count', { n: total }),
      ),
      h(
        'table',
        { class: 'data' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...(['candidate', 'status', 'score', 'advice', 'flags', 'transcripts', 'decision'] as const).map(
              (c) => h('th', {}, t(`rec.col.${c}`)),
            ),
            h('th', {}),
          ),
        ),
        h('tbody', {}, ...items.map(row)),
      ),
    );
  } catch (err) {
    if ((err as Error).name === 'AbortError') return;
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

let typingTimer: ReturnType<typeof setTimeout> | undefined;
for (const name of FILTERS) {
  const el = control(name);
  el.addEventListener('change', () => void load());
  if (name === 'q') {
    el.addEventListener('input', () => {
      clearTimeout(typingTimer);
      typingTimer = setTimeout(() => void load(), 250);
    });
  }
}
byId('filters').addEventListener('submit', (ev) => {
  ev.preventDefault();
  void load();
});
byId('score-all').addEventListener('click', async () => {
  const campaign = control('campaign').value;
  const out = byId('score-result');
  try {
    const r = await api<{ scored: number; skipped: number; failed: number }>(
      `/api/v1/interviews/campaigns/${campaign}/score`,
      {
        method: 'POST',
        body: { rescore: false },
      },
    );
    fill(out, h('div', { class: 'alert alert-info' }, t('rec.review.scored', r)));
    await load();
  } catch (err) {
    fill(
      out,
      h('div', { class: 'alert alert-error' }, t('common.error', { reason: (err as Error).message })),
    );
  }
});
void load();
