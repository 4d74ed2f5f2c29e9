/**
 * @module Supervisor page island for compliance: a "Complaint risk" card listing open
 * conversations at elevated or high risk (why, how high), agents' requests to send a blocked
 * message with an Approve button, and a realtime alert when a conversation reaches high risk —
 * from the `compliance.risk` events the inbox stream delivers to supervisors. Loaded as its own
 * script beside the page's main island.
 */
import type {
  OverrideDto,
  PendingOverrideDto,
  RiskListItemDto,
} from '#routes/compliance/compliance.routes.ts';
import type { MessageKey, Strings } from '../i18n.ts';
import { api } from './lib/api.ts';
import { byId, fill, h } from './lib/dom.ts';
import { live } from './lib/live.ts';
import { makeT, readPageData } from './lib/page-data.ts';
import { reconnectOrSignIn } from './lib/staff-session.ts';

interface PageData {
  lang: 'zh' | 'en';
  after: number;
  strings: Partial<Strings>;
}

interface RiskEvent {
  conversationId: string;
  score: number;
  level: 'low' | 'elevated' | 'high';
  reasons: string[];
  subject: string;
}

/** Elevated and above shows on the card; `high` raised the alert. */
const MIN_SCORE = 0.35;
/** Message traffic moves risk scores; the card refreshes at most this often because of it. */
const REFRESH_MS = 5000;

const STYLES = `
.cr-card { margin-bottom: 12px; padding: 14px 16px; }
.cr-card h2 { font-size: 15px; margin: 0 0 8px; display: flex; gap: 8px; align-items: center; }
.cr-list { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
.cr-item { display: flex; gap: 10px; align-items: center; flex-wrap: wrap; padding: 6px 10px; border: 1px solid var(--border);
  border-left: 3px solid #d08700; border-radius: 6px; background: var(--surface); }
.cr-item[data-level="high"] { border-left-color: var(--danger); background: var(--danger-soft); }
.cr-subject { font-weight: 600; flex: 1; min-width: 160px; }
.cr-reasons { color: var(--muted); font-size: 12.5px; }
.cr-override { border-left-color: var(--primary); }
.cr-toasts { position: fixed; top: calc(var(--topbar-h, 52px) + 12px); right: 16px; z-index: 40; display: flex;
  flex-direction: column; gap: 8px; max-width: 380px; }
.cr-toast { background: var(--surface); border: 1px solid #f5c2bd; border-left: 4px solid var(--danger); border-radius: 8px;
  box-shadow: 0 6px 18px rgba(16, 24, 40, 0.16); padding: 10px 12px; display: flex; flex-direction: column; gap: 4px; }
.cr-toast strong { color: var(--danger); }
.cr-toast .btn { align-self: flex-end; padding: 3px 10px; font-size: 12.5px; }
`;

const data = readPageData<PageData>();
const t = makeT(data.strings);
const style = document.createElement('style');
style.textContent = STYLES;
document.head.append(style);

const riskList = h('ul', { class: 'cr-list', 'data-testid': 'risk-list' });
const overrideList = h('ul', { class: 'cr-list', 'data-testid': 'override-requests' });
const overrideHead = h('h2', { hidden: true }, t('sup.compliance.overrides'));
const card = h(
  'section',
  { class: 'card cr-card', 'data-testid': 'risk-card', 'aria-labelledby': 'cr-title' },
  h('h2', { id: 'cr-title' }, t('sup.compliance.title')),
  riskList,
  overrideHead,
  overrideList,
);
const toasts = h('div', { class: 'cr-toasts', 'aria-live': 'assertive' });
document.body.append(toasts);
// Below the wall and the agent tiles (which must stay on one screen); the alert toasts float.
const stats = document.querySelector('.stats');
if (stats?.parentElement) stats.before(card);
else byId('live').closest('main')?.append(card);

const reasonText = (reasons: readonly string[]) =>
  reasons.map((r) => t(`sup.compliance.reason.${r}` as MessageKey)).join(' · ');

function riskItem(r: RiskListItemDto): HTMLElement {
  return h(
    'li',
    { class: 'cr-item', 'data-testid': 'risk-item', 'data-level': r.level, 'data-id': r.conversationId },
    h(
      'span',
      { class: `badge ${r.level === 'high' ? 'badge-new' : 'badge-queued'}` },
      t(`sup.compliance.level.${r.level}`),
    ),
    h('span', { class: 'cr-subject' }, r.subject),
    h('span', { class: 'cr-reasons' }, reasonText(r.reasons)),
    h('span', { class: 'muted' }, t('sup.compliance.score', { score: r.score.toFixed(2) })),
  );
}

function overrideItem(o: PendingOverrideDto): HTMLElement {
  const button = h(
    'button',
    { type: 'button', class: 'btn btn-primary', 'data-testid': 'override-approve' },
    t('sup.compliance.approve'),
  );
  const row = h(
    'li',
    { class: 'cr-item cr-override', 'data-testid': 'override-request', 'data-id': o.id },
    h('span', { class: 'cr-subject' }, o.subject),
    h(
      'span',
      { class: 'cr-reasons' },
      t('sup.compliance.overrideAsk', { rules: o.findings.map((f) => f.rule).join(', '), reason: o.reason }),
    ),
    button,
  );
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await api<OverrideDto>(
        `/api/v1/conversations/${encodeURIComponent(o.conversationId)}/compliance/overrides/${encodeURIComponent(o.id)}/approve`,
        { method: 'POST' },
      );
      fill(row, h('span', { class: 'cr-subject' }, o.subject), h('span', {}, t('sup.compliance.approved')));
      setTimeout(() => void loadOverrides(), 3000);
    } catch (err) {
      button.disabled = false;
      row.append(
        h('span', { class: 'alert alert-error' }, t('common.error', { reason: (err as Error).message })),
      );
    }
  });
  return row;
}

async function loadRisk() {
  try {
    const { items } = await api<{ items: RiskListItemDto[] }>(
      `/api/v1/compliance/risk?minScore=${MIN_SCORE}`,
    );
    if (items.length === 0)
      fill(riskList, h('li', { class: 'muted', 'data-testid': 'risk-empty' }, t('sup.compliance.empty')));
    else fill(riskList, ...items.map(riskItem));
  } catch (err) {
    fill(
      riskList,
      h('li', { class: 'alert alert-error' }, t('common.error', { reason: (err as Error).message })),
    );
  }
}

async function loadOverrides() {
  try {
    const { items } = await api<{ items: PendingOverrideDto[] }>('/api/v1/compliance/overrides/pending');
    overrideHead.hidden = items.length === 0;
    fill(overrideList, ...items.map(overrideItem));
  } catch {
    // The approval list is optional on this page; the risk card stays.
  }
}

function alertRisk(ev: RiskEvent) {
  const toast = h(
    'div',
    { class: 'cr-toast', role: 'alert', 'data-testid': 'risk-alert', 'data-id': ev.conversationId },
    h('strong', {}, t('sup.compliance.alert', { subject: ev.subject })),
    h(
      'span',
      { class: 'cr-reasons' },
      `${t('sup.compliance.score', { score: ev.score.toFixed(2) })} · ${reasonText(ev.reasons)}`,
    ),
    h(
      'button',
      { type: 'button', class: 'btn btn-secondary', onclick: () => toast.remove() },
      t('sup.compliance.dismiss'),
    ),
  );
  toasts.prepend(toast);
  while (toasts.childElementCount > 4) toasts.lastElementChild?.remove();
}

let refreshDue = false;
function refreshSoon() {
  if (refreshDue) return;
  refreshDue = true;
  setTimeout(() => {
    refreshDue = false;
    void loadRisk();
  }, REFRESH_MS);
}

live({
  url: (after) => `/api/v1/agents/me/events?after=${after}`,
  after: data.after,
  on: {
    'compliance.risk': (payload) => {
      alertRisk(payload as RiskEvent);
      void loadRisk();
    },
    'compliance.override_requested': () => void loadOverrides(),
    'compliance.override_approved': () => void loadOverrides(),
    'message.created': refreshSoon,
    'conversation.resolved': refreshSoon,
  },
  onClosed: reconnectOrSignIn,
});

void loadRisk();
void loadOverrides();
