/**
 * @module The admin's audit log card: filters (action, person, days), newest first with paging,
 * and export links that carry the same filters (CSV or JSON Lines).
 */
import type { AuditEntryDto } from '#routes/audit/audit.routes.ts';
import { api } from './api.ts';
import { h } from './dom.ts';
import { type AdminCtx, card, errorText } from './pii-admin-kit.ts';
import { dateTime } from './time.ts';

const ACTIONS = [
  'pii.reveal',
  'pii.reveal.denied',
  'pii.reveal.failed',
  'pii.policy.update',
  'pii.patterns.update',
  'pii.step.update',
  'audit.export',
];

export function auditCard(ctx: AdminCtx): { el: HTMLElement; reload(): void } {
  const { t } = ctx;
  const action = h(
    'select',
    { class: 'input', 'data-testid': 'audit-action' },
    h('option', { value: '' }, t('admin.pii.audit.allActions')),
  );
  for (const a of ACTIONS) action.append(h('option', { value: a }, a));
  const actor = h('input', {
    class: 'input',
    type: 'search',
    placeholder: 'agent1@demo.test',
    'data-testid': 'audit-actor',
  });
  const from = h('input', { class: 'input', type: 'date', 'data-testid': 'audit-from' });
  const to = h('input', { class: 'input', type: 'date', 'data-testid': 'audit-to' });
  const csv = h(
    'a',
    { class: 'btn btn-secondary', download: '', 'data-testid': 'audit-export-csv' },
    t('admin.pii.audit.csv'),
  );
  const jsonl = h(
    'a',
    { class: 'btn btn-secondary', download: '', 'data-testid': 'audit-export-jsonl' },
    t('admin.pii.audit.jsonl'),
  );
  const body = h('tbody', { 'data-testid': 'audit-rows' });
  const more = h(
    'button',
    { class: 'btn btn-secondary', type: 'button', hidden: true },
    t('admin.pii.audit.more'),
  );
  const status = h('div', { class: 'small' });
  let next: number | null = null;

  function query(): URLSearchParams {
    const q = new URLSearchParams();
    if (action.value) q.set('action', action.value);
    if (actor.value.trim()) q.set('actor', actor.value.trim());
    // Whole local days, sent as epoch ms so the server's time zone does not matter.
    if (from.value) q.set('from', String(new Date(`${from.value}T00:00:00`).getTime()));
    if (to.value) q.set('to', String(new Date(`${to.value}T23:59:59.999`).getTime()));
    return q;
  }

  function row(e: AuditEntryDto): HTMLElement {
    const outcome =
      e.action.endsWith('.denied') || e.action.endsWith('.failed')
        ? 'denied'
        : e.action === 'pii.reveal'
          ? 'allowed'
          : '';
    return h(
      'tr',
      { class: outcome ? `pii-row-${outcome}` : null, 'data-testid': 'audit-row', 'data-action': e.action },
      h('td', {}, dateTime(e.createdAt, ctx.lang)),
      h('td', {}, e.actorEmail ?? e.actorId ?? '—', h('div', { class: 'muted small' }, e.actorRole)),
      h('td', {}, h('code', {}, e.action)),
      h(
        'td',
        {},
        e.targetId ? h('code', {}, e.targetId) : '—',
        e.conversationId ? h('div', { class: 'muted small' }, e.conversationId) : null,
      ),
      h('td', {}, e.reason ?? ''),
      h('td', {}, e.ip ?? ''),
      h('td', { class: 'muted small' }, e.detail ? JSON.stringify(e.detail) : ''),
    );
  }

  async function load(append: boolean) {
    const q = query();
    const exportQuery = new URLSearchParams(q);
    exportQuery.set('format', 'csv');
    csv.setAttribute('href', `/api/v1/audit/export?${exportQuery}`);
    exportQuery.set('format', 'jsonl');
    jsonl.setAttribute('href', `/api/v1/audit/export?${exportQuery}`);
    q.set('limit', '50');
    if (append && next) q.set('before', String(next));
    status.textContent = '';
    let page: { items: AuditEntryDto[]; next: number | null };
    try {
      page = await api(`/api/v1/audit?${q}`);
    } catch (err) {
      status.textContent = errorText(ctx, err);
      return;
    }
    next = page.next;
    more.hidden = next === null;
    if (!append) body.replaceChildren();
    body.append(...page.items.map(row));
    if (!append && page.items.length === 0) status.textContent = t('admin.pii.audit.empty');
  }

  const filter = h(
    'button',
    { class: 'btn btn-primary', type: 'button', 'data-testid': 'audit-filter' },
    t('admin.pii.audit.filter'),
  );
  filter.addEventListener('click', () => void load(false));
  more.addEventListener('click', () => void load(true));
  const labelled = (text: string, control: HTMLElement) => h('label', {}, text, control);
  const el = card(
    'pii-wide',
    'pii-audit',
    t('admin.pii.audit.title'),
    h(
      'div',
      { class: 'pii-filters' },
      labelled(t('admin.pii.audit.action'), action),
      labelled(t('admin.pii.audit.actor'), actor),
      labelled(t('admin.pii.audit.from'), from),
      labelled(t('admin.pii.audit.to'), to),
      filter,
      csv,
      jsonl,
    ),
    h(
      'div',
      { class: 'pii-audit' },
      h(
        'table',
        { class: 'data' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...[
              t('admin.pii.audit.time'),
              t('admin.pii.audit.who'),
              t('admin.pii.audit.action'),
              t('admin.pii.audit.target'),
              t('admin.pii.audit.reason'),
              'IP',
              t('admin.pii.audit.detail'),
            ].map((label) => h('th', {}, label)),
          ),
        ),
        body,
      ),
    ),
    status,
    more,
  );
  return { el, reload: () => void load(false) };
}
