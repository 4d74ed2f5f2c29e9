/**
 * @module Supervisor island: the dispatch wall (lib/supervisor-wall.ts) and every open
 * conversation of the tenant in one table with counts per state — triage conversations with a
 * skill picker to route them — live from the inbox stream (oversight roles receive every event).
 */
import type { ConversationDto } from '#routes/conversations/conversations.routes.ts';
import type { Strings } from '../i18n.ts';
import { api } from './lib/api.ts';
import { byId, fill, h } from './lib/dom.ts';
import { applyInboxEvent, type Board, type InboxEvent } from './lib/inbox.ts';
import { live, showLiveState } from './lib/live.ts';
import { makeT, readPageData } from './lib/page-data.ts';
import { reconnectOrSignIn } from './lib/staff-session.ts';
import { createSupervisorWall, WALL_EVENTS } from './lib/supervisor-wall.ts';
import { dateTime, duration } from './lib/time.ts';

interface PageData {
  lang: 'zh' | 'en';
  after: number;
  strings: Partial<Strings>;
}

const data = readPageData<PageData>();
const t = makeT(data.strings);
const board: Board = { conversations: new Map(), resolved: new Set() };
const names = new Map<string, string>();
const early: InboxEvent[] = [];
let ready = false;

const wall = createSupervisorWall({ t, lang: data.lang, onLoaded: () => render() });

const els = {
  live: byId('live'),
  rows: byId('rows'),
  empty: byId('empty'),
  total: byId('count-total'),
  queued: byId('count-queued'),
  assigned: byId('count-assigned'),
};

/** Queued work first, longest waiting on top — the rows a supervisor acts on. */
function ordered(): ConversationDto[] {
  const rank = (c: ConversationDto) => (c.state === 'queued' ? 0 : 1);
  return [...board.conversations.values()]
    .filter((c) => c.state === 'queued' || c.state === 'assigned')
    .sort((a, b) => rank(a) - rank(b) || a.createdAt - b.createdAt);
}

function render() {
  const open = ordered();
  const now = Date.now();
  fill(
    els.rows,
    ...open.map((c) => {
      const waited = (c.state === 'queued' ? now : (c.assignedAt ?? now)) - c.createdAt;
      const assignee = c.assigneeId ? (names.get(c.assigneeId) ?? c.assigneeId) : null;
      return h(
        'tr',
        { 'data-id': c.id, 'data-testid': 'open-conversation' },
        h(
          'td',
          {},
          h('span', { class: `badge badge-${c.state}` }, t(`state.${c.state}`)),
          c.triage
            ? h('span', { class: 'badge badge-triage', 'data-testid': 'triage-badge' }, t('sup.wall.triage'))
            : null,
        ),
        h('td', {}, c.subject, c.triage && c.state === 'queued' ? routeControl(c.id) : null),
        h('td', {}, c.locale === 'en' ? t('lang.en') : t('lang.zh')),
        h('td', {}, assignee ?? h('span', { class: 'muted' }, t('sup.unassigned'))),
        h('td', { class: 'num' }, duration(waited, t)),
        h('td', { class: 'num' }, dateTime(c.createdAt, data.lang)),
      );
    }),
  );
  els.empty.hidden = open.length > 0;
  els.total.textContent = String(open.length);
  els.queued.textContent = String(open.filter((c) => c.state === 'queued').length);
  els.assigned.textContent = String(open.filter((c) => c.state === 'assigned').length);
}

/** A triage conversation is routed by transferring it to a skill. */
function routeControl(id: string): HTMLElement {
  const select = h(
    'select',
    { 'aria-label': t('sup.routeTo'), 'data-testid': 'route-skill' },
    ...wall.skills().map((s) => h('option', { value: s.skill }, data.lang === 'zh' ? s.nameZh : s.nameEn)),
  );
  return h(
    'span',
    { class: 'route' },
    ' ',
    select,
    h(
      'button',
      {
        class: 'btn btn-secondary',
        'data-testid': 'route',
        onclick: async () => {
          try {
            const conv = await api<ConversationDto>(
              `/api/v1/conversations/${encodeURIComponent(id)}/transfer`,
              {
                method: 'POST',
                body: { skill: select.value },
              },
            );
            board.conversations.set(id, conv);
            render();
          } catch {
            void fetchOne(id);
          }
        },
      },
      t('sup.route'),
    ),
  );
}

async function fetchOne(id: string) {
  try {
    const conv = await api<ConversationDto>(`/api/v1/conversations/${encodeURIComponent(id)}`);
    if (!board.resolved.has(id)) board.conversations.set(id, conv);
    render();
  } catch {
    // Gone or not readable: nothing to show.
  }
}

function apply(ev: InboxEvent) {
  const change = applyInboxEvent(board, ev);
  if (change.needsFetch) void fetchOne(change.needsFetch);
}

live({
  url: (after) => `/api/v1/agents/me/events?after=${after}`,
  after: data.after,
  on: Object.fromEntries(
    WALL_EVENTS.map((type) => [
      type,
      (raw: unknown) => {
        wall.changed();
        const ev = raw as InboxEvent;
        // Classification sets the skill or the triage flag; the payload carries both.
        if (type === 'conversation.classified' || type === 'dispatch.triaged') {
          const known = ev.conversationId ? board.conversations.get(ev.conversationId) : undefined;
          const routed = raw as { skillId?: string | null; triage?: boolean };
          if (known) {
            board.conversations.set(known.id, {
              ...known,
              skillId: routed.skillId ?? known.skillId,
              triage: routed.triage ?? known.triage,
            });
            render();
          }
          return;
        }
        if (!ready) early.push(ev);
        else {
          apply(ev);
          render();
        }
      },
    ]),
  ),
  onState: (s) =>
    showLiveState(els.live, s, { live: t('common.live'), reconnecting: t('common.reconnecting') }),
  onClosed: reconnectOrSignIn,
});

async function load() {
  try {
    const [convs, people] = await Promise.all([
      api<{ items: ConversationDto[] }>('/api/v1/conversations?state=queued,assigned&limit=500'),
      api<{ items: { id: string; displayName: string }[] }>('/api/v1/people').catch(() => ({ items: [] })),
    ]);
    for (const p of people.items) names.set(p.id, p.displayName);
    for (const c of convs.items) board.conversations.set(c.id, c);
  } catch (err) {
    fill(
      els.rows,
      h(
        'tr',
        {},
        h(
          'td',
          { colspan: 6, class: 'alert alert-error' },
          t('common.error', { reason: (err as Error).message }),
        ),
      ),
    );
    return;
  }
  ready = true;
  for (const ev of early.splice(0)) apply(ev);
  render();
}

void load();
void wall.load();
setInterval(render, 15_000);
