/**
 * @module Agent workspace island: presence and the dispatcher's offers (accept with a, decline
 * with d), the queue (newest first) and "my conversations", kept live by the inbox stream, plus
 * keyboard navigation (j/k or arrows, Enter opens). The inbox stream starts after the event id
 * the page was rendered at, so events racing the first list load are replayed on top of it
 * instead of lost; offers and presence reload whenever the stream (re)connects.
 */
import type { ConversationDto } from '#routes/conversations/conversations.routes.ts';
import type { Strings } from '../i18n.ts';
import { mountComplianceUnderline } from './compliance-underline.ts';
import { mountCopilotPanel } from './copilot-panel.ts';
import { createAgentDispatch } from './lib/agent-dispatch.ts';
import { api } from './lib/api.ts';
import { ConversationPane } from './lib/conversation-pane.ts';
import { byId, fill, h } from './lib/dom.ts';
import { applyInboxEvent, type Board, type InboxEvent } from './lib/inbox.ts';
import { live, showLiveState } from './lib/live.ts';
import { makeT, readPageData } from './lib/page-data.ts';
import { reconnectOrSignIn } from './lib/staff-session.ts';
import { duration } from './lib/time.ts';

interface PageData {
  lang: 'zh' | 'en';
  me: { id: string; role: string };
  after: number;
  strings: Partial<Strings>;
}

const data = readPageData<PageData>();
const t = makeT(data.strings);
const board: Board = { conversations: new Map(), resolved: new Set() };
const unread = new Set<string>();
let ready = false;
const early: InboxEvent[] = [];

const els = {
  live: byId('live'),
  queue: byId('queue-list'),
  queueEmpty: byId('queue-empty'),
  queueCount: byId('queue-count'),
  mine: byId('mine-list'),
  mineEmpty: byId('mine-empty'),
  mineCount: byId('mine-count'),
};

const skills = new Map<string, { id: string; key: string; name: string }>();
const skillName = (id: string | null) => (id ? (skills.get(id)?.name ?? '') : t('agent.triage'));

const dispatch = createAgentDispatch({
  t,
  lang: data.lang,
  me: data.me,
  skillName,
  onAccepted(conv) {
    board.conversations.set(conv.id, conv);
    renderLists();
    if (pane.id === conv.id) pane.accepted(conv);
    else void select(conv.id).then(() => pane.focusReply());
  },
  onOffersChanged() {
    pane.refresh();
  },
  onMode() {
    pane.refresh();
  },
});

const pane = new ConversationPane({
  root: byId('conversation'),
  me: data.me,
  lang: data.lang,
  t,
  dispatch,
  skills: () => [...skills.values()],
  onChange(conv) {
    board.conversations.set(conv.id, conv);
    if (conv.state === 'resolved') board.resolved.add(conv.id);
    renderLists();
  },
});

// The compliance checker underlines the reply as it is typed and holds back blocked sends.
mountComplianceUnderline({ root: byId('conversation'), t, conversationId: () => pane.id });

// Suggested replies beside the open conversation (its own stream, shortcuts and feedback).
mountCopilotPanel({
  workspace: byId('workspace'),
  root: byId('conversation'),
  me: data.me,
  lang: data.lang,
  t,
  conversationId: () => pane.id,
});

function item(c: ConversationDto, kind: 'queue' | 'mine'): HTMLElement {
  const meta =
    kind === 'queue'
      ? t('agent.waiting', { time: duration(Date.now() - c.createdAt, t) })
      : t('agent.opened', { time: duration(Date.now() - c.createdAt, t) });
  return h(
    'li',
    {},
    h(
      'button',
      {
        type: 'button',
        class: 'conv-item',
        'data-id': c.id,
        'data-testid': 'conversation-item',
        'aria-current': pane.id === c.id ? 'true' : 'false',
        onclick: () => void select(c.id),
      },
      h(
        'span',
        { class: 'row' },
        h('span', { class: 'conv-subject' }, c.subject),
        unread.has(c.id) ? h('span', { class: 'badge badge-new' }, t('agent.newMessage')) : null,
      ),
      h(
        'span',
        { class: 'row conv-meta' },
        h('span', {}, meta),
        h('span', {}, t(c.locale === 'en' ? 'common.langTag.en' : 'common.langTag.zh')),
      ),
    ),
  );
}

function renderLists() {
  const focusedId = (document.activeElement as HTMLElement | null)?.dataset?.id;
  const all = [...board.conversations.values()];
  const queue = all.filter((c) => c.state === 'queued').sort((a, b) => b.createdAt - a.createdAt);
  const mine = all
    .filter((c) => c.state === 'assigned' && c.assigneeId === data.me.id)
    .sort((a, b) => b.updatedAt - a.updatedAt);
  fill(els.queue, ...queue.map((c) => item(c, 'queue')));
  fill(els.mine, ...mine.map((c) => item(c, 'mine')));
  els.queueEmpty.hidden = queue.length > 0;
  els.mineEmpty.hidden = mine.length > 0;
  els.queueCount.textContent = String(queue.length);
  els.mineCount.textContent = String(mine.length);
  if (focusedId)
    items()
      .find((b) => b.dataset.id === focusedId)
      ?.focus();
}

async function select(id: string) {
  unread.delete(id);
  await pane.open(id);
  renderLists();
}

function items(): HTMLButtonElement[] {
  return [...document.querySelectorAll<HTMLButtonElement>('.conv-item')];
}

/** j/k and arrows move through both lists; Enter (native on a button) opens; Escape leaves the reply box. */
document.addEventListener('keydown', (ev) => {
  const target = ev.target as HTMLElement;
  const typing = target.closest('textarea, input, select, [contenteditable="true"]');
  if (typing) {
    if (ev.key === 'Escape') {
      (target as HTMLElement).blur();
      items()
        .find((b) => b.dataset.id === pane.id)
        ?.focus();
    }
    return;
  }
  if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
  const down = ev.key === 'j' || ev.key === 'ArrowDown';
  const up = ev.key === 'k' || ev.key === 'ArrowUp';
  if (!down && !up) return;
  const list = items();
  if (list.length === 0) return;
  ev.preventDefault();
  let at = list.indexOf(document.activeElement as HTMLButtonElement);
  if (at < 0) at = list.findIndex((b) => b.dataset.id === pane.id);
  const next =
    at < 0 ? (down ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, at + (down ? 1 : -1)));
  list[next]?.focus();
});

function onInbox(raw: unknown) {
  const ev = raw as InboxEvent;
  dispatch.onEvent(ev.type, raw as Record<string, unknown>);
  if (!ready) {
    early.push(ev);
    return;
  }
  apply(ev);
}

function apply(ev: InboxEvent) {
  const change = applyInboxEvent(board, ev);
  if (change.needsFetch) void fetchOne(change.needsFetch);
  if (ev.type === 'conversation.created' && ev.conversation) unread.add(ev.conversation.id);
  if (ev.type === 'message.created' && ev.conversationId && ev.conversationId !== pane.id) {
    if (ev.message?.authorRole === 'customer') unread.add(ev.conversationId);
  }
  renderLists();
}

async function fetchOne(id: string) {
  try {
    const conv = await api<ConversationDto>(`/api/v1/conversations/${encodeURIComponent(id)}`);
    if (!board.resolved.has(id)) board.conversations.set(id, conv);
    renderLists();
  } catch {
    // Not readable (taken by someone else): nothing to show.
  }
}

live({
  url: (after) => `/api/v1/agents/me/events?after=${after}`,
  after: data.after,
  on: {
    'conversation.created': onInbox,
    'conversation.assigned': onInbox,
    'conversation.resolved': onInbox,
    'conversation.transferred': onInbox,
    'message.created': onInbox,
    'dispatch.requeued': onInbox,
    ...Object.fromEntries(
      [
        'dispatch.offered',
        'dispatch.offer_expired',
        'agent.presence',
        'staffing.shift_offered',
        'staffing.shift_expired',
        'staffing.shift_released',
        'staffing.shift_accepted',
      ].map((type) => [type, (raw: unknown) => dispatch.onEvent(type, raw as Record<string, unknown>)]),
    ),
  },
  onState: (s) => {
    showLiveState(els.live, s, { live: t('common.live'), reconnecting: t('common.reconnecting') });
    // Offers made while the stream was down are in the API, not in what the stream replays.
    if (s === 'open') void dispatch.reload().catch(() => {});
  },
  onClosed: reconnectOrSignIn,
});

async function loadSkills() {
  try {
    const { items } = await api<{ items: { id: string; key: string; nameZh: string; nameEn: string }[] }>(
      '/api/v1/skills',
    );
    for (const s of items)
      skills.set(s.id, { id: s.id, key: s.key, name: data.lang === 'zh' ? s.nameZh : s.nameEn });
    pane.refresh();
  } catch {
    // Names only: offers still show, without the skill label.
  }
}

async function loadLists() {
  try {
    const { items: convs } = await api<{ items: ConversationDto[] }>(
      '/api/v1/conversations?state=queued,assigned&limit=500',
    );
    for (const c of convs) board.conversations.set(c.id, c);
  } catch (err) {
    fill(
      els.queue,
      h(
        'li',
        { class: 'alert alert-error', role: 'alert' },
        t('common.error', { reason: String((err as Error).message) }),
      ),
    );
    return;
  }
  ready = true;
  for (const ev of early.splice(0)) applyInboxEvent(board, ev);
  renderLists();
}

void loadSkills();
void loadLists();
// Waiting times tick without a reload.
setInterval(renderLists, 30_000);
