/**
 * @module The agent's side of dispatch in the workspace: presence switch (online / away) with a
 * heartbeat every 15 s, the offers the dispatcher made (accept / decline, also with the a and d
 * keys, with a countdown), and shifts offered to on-demand agents. Kept live by inbox events
 * addressed to the agent; the lists reload from the API on (re)connect.
 */
import type { ConversationDto } from '#routes/conversations/conversations.routes.ts';
import { ApiError, api } from './api.ts';
import { byId, fill, h } from './dom.ts';
import type { Translate } from './page-data.ts';
import { clockTime, duration } from './time.ts';

export const HEARTBEAT_MS = 15_000;

type Status = 'online' | 'away' | 'offline';

interface PresenceDto {
  status: Status;
  chosen: Status;
  reason: string | null;
  serverTime: number;
  dispatch: 'live' | 'queue-only';
}

export interface Offer {
  conversationId: string;
  subject: string;
  skillId: string | null;
  locale: 'zh' | 'en' | null;
  expiresAt: number | null;
  createdAt: number;
}

interface ShiftOffer {
  id: string;
  skillId: string;
  status: string;
  intervalEnd: number;
  reason: string;
}

export interface AgentDispatchOptions {
  t: Translate;
  lang: 'zh' | 'en';
  me: { id: string; role: string };
  skillName(id: string | null): string;
  /** A conversation was accepted: open it. */
  onAccepted(conv: ConversationDto): void;
  /** Offers changed (the pane shows Accept / Decline for an offered conversation). */
  onOffersChanged(): void;
  /** The dispatch mode is known. */
  onMode(mode: 'live' | 'queue-only'): void;
}

export interface AgentDispatch {
  readonly live: boolean;
  isOffered(conversationId: string): boolean;
  accept(conversationId: string): Promise<void>;
  decline(conversationId: string): Promise<void>;
  /** Inbox events: dispatch.*, staffing.*, agent.presence and lifecycle ones that end an offer. */
  onEvent(type: string, data: Record<string, unknown>): void;
  reload(): Promise<void>;
}

const enc = encodeURIComponent;

export function createAgentDispatch(o: AgentDispatchOptions): AgentDispatch {
  const { t } = o;
  const isAgent = o.me.role === 'agent';
  const offers = new Map<string, Offer>();
  const shifts = new Map<string, ShiftOffer>();
  let presence: PresenceDto | null = null;
  let live = false;
  let selected: string | null = null;
  let serverOffset = 0;
  let busy = false;

  const els = {
    presence: byId('presence'),
    status: byId('presence-status'),
    note: byId('presence-note'),
    section: byId('offers'),
    list: byId('offers-list'),
    count: byId('offers-count'),
    empty: byId('offers-empty'),
    emptyText: byId('offers-empty-text'),
    hint: byId('offers-hint'),
  };
  const switches = [...els.presence.querySelectorAll<HTMLButtonElement>('button[data-status]')];
  for (const b of switches) {
    b.addEventListener('click', () => void setStatus(b.dataset.status as Status));
  }

  function showPresence() {
    if (!presence) return;
    for (const b of switches) b.setAttribute('aria-pressed', String(b.dataset.status === presence.status));
    els.status.textContent = t(`agent.presence.${presence.status}`);
    els.status.dataset.status = presence.status;
    const timedOut = presence.status === 'offline' && presence.reason === 'heartbeat-timeout';
    els.note.hidden = !timedOut;
    els.note.textContent = timedOut ? t('agent.presence.timedOut') : '';
  }

  function usePresence(p: PresenceDto) {
    presence = p;
    serverOffset = p.serverTime - Date.now();
    showPresence();
    render();
  }

  async function setStatus(status: Status) {
    try {
      usePresence(await api<PresenceDto>('/api/v1/agents/me/presence', { method: 'POST', body: { status } }));
    } catch {
      // The next heartbeat shows the real state.
    }
  }

  async function heartbeat() {
    if (!isAgent || !live || !presence || presence.chosen === 'offline') return;
    try {
      // sentAt is our clock: the server only reports the difference back, it never trusts it.
      usePresence(
        await api<PresenceDto>('/api/v1/agents/me/heartbeat', {
          method: 'POST',
          body: { sentAt: Date.now() },
        }),
      );
    } catch {
      // Missed beats are what the server's timeout is for.
    }
  }

  function remove(conversationId: string) {
    if (offers.delete(conversationId)) {
      if (selected === conversationId) selected = null;
      render();
      o.onOffersChanged();
    }
  }

  async function accept(conversationId: string) {
    if (busy) return;
    busy = true;
    try {
      const conv = await api<ConversationDto>(`/api/v1/conversations/${enc(conversationId)}/accept`, {
        method: 'POST',
      });
      remove(conversationId);
      o.onAccepted(conv);
    } catch (err) {
      if (err instanceof ApiError && (err.status === 409 || err.status === 404)) {
        remove(conversationId);
        flash(t('agent.offerGone'));
      }
    } finally {
      busy = false;
    }
  }

  async function decline(conversationId: string) {
    try {
      await api(`/api/v1/conversations/${enc(conversationId)}/decline`, { method: 'POST' }).catch((err) => {
        // 204 has no JSON body; anything but a real error is a success.
        if (err instanceof ApiError && err.status >= 400) throw err;
      });
    } catch {
      // Gone already: drop it all the same.
    }
    remove(conversationId);
  }

  async function answerShift(id: string, yes: boolean) {
    try {
      await api(`/api/v1/agents/me/shift-offers/${enc(id)}/${yes ? 'accept' : 'decline'}`, {
        method: 'POST',
      });
    } catch {
      // Expired or answered: the list reload shows what is left.
    }
    shifts.delete(id);
    render();
    if (yes) await reload().catch(() => {});
  }

  let flashTimer: ReturnType<typeof setTimeout> | undefined;
  function flash(text: string) {
    els.note.hidden = false;
    els.note.textContent = text;
    clearTimeout(flashTimer);
    flashTimer = setTimeout(showPresence, 4000);
  }

  function render() {
    els.section.hidden = !isAgent || !live;
    if (!isAgent || !live) return;
    const now = Date.now() + serverOffset;
    const list = [...offers.values()].sort((a, b) => a.createdAt - b.createdAt);
    if (!selected || !offers.has(selected)) selected = list[0]?.conversationId ?? null;
    const items: HTMLElement[] = [];
    for (const s of shifts.values()) {
      items.push(
        h(
          'li',
          { class: 'offer shift', 'data-testid': 'shift-offer', 'data-id': s.id },
          h('strong', {}, t('agent.shift.title')),
          h(
            'span',
            { class: 'offer-meta' },
            t('agent.shift.body', { skill: o.skillName(s.skillId), time: clockTime(s.intervalEnd, o.lang) }),
          ),
          h(
            'span',
            { class: 'offer-actions' },
            h(
              'button',
              {
                class: 'btn btn-ok',
                'data-testid': 'shift-accept',
                onclick: () => void answerShift(s.id, true),
              },
              t('agent.shift.accept'),
            ),
            h(
              'button',
              {
                class: 'btn btn-secondary',
                'data-testid': 'shift-decline',
                onclick: () => void answerShift(s.id, false),
              },
              t('agent.shift.decline'),
            ),
          ),
        ),
      );
    }
    for (const offer of list) {
      const left = offer.expiresAt === null ? null : Math.max(0, offer.expiresAt - now);
      items.push(
        h(
          'li',
          {
            class: 'offer',
            'data-testid': 'offer',
            'data-id': offer.conversationId,
            'aria-current': selected === offer.conversationId ? 'true' : 'false',
          },
          h(
            'span',
            { class: 'row' },
            h('span', { class: 'conv-subject' }, offer.subject),
            h('span', { class: 'badge' }, o.skillName(offer.skillId)),
          ),
          h(
            'span',
            { class: 'row' },
            h(
              'span',
              { class: 'offer-meta', 'data-testid': 'offer-countdown' },
              left === null ? '' : t('agent.offerExpires', { time: duration(left, t) }),
            ),
            h(
              'span',
              { class: 'offer-actions' },
              h(
                'button',
                {
                  class: 'btn btn-primary',
                  'data-testid': 'offer-accept',
                  onclick: () => void accept(offer.conversationId),
                },
                t('agent.accept'),
              ),
              h(
                'button',
                {
                  class: 'btn btn-secondary',
                  'data-testid': 'offer-decline',
                  onclick: () => void decline(offer.conversationId),
                },
                t('agent.decline'),
              ),
            ),
          ),
        ),
      );
    }
    fill(els.list, ...items);
    els.count.textContent = String(list.length);
    els.hint.hidden = list.length === 0;
    els.empty.hidden = items.length > 0;
    els.emptyText.textContent =
      presence?.status === 'online'
        ? t('agent.offersWaiting')
        : presence?.status === 'away'
          ? t('agent.offersAway')
          : t('agent.offersEmpty');
  }

  async function reload() {
    const p = await api<PresenceDto>('/api/v1/agents/me/presence');
    live = p.dispatch === 'live';
    o.onMode(p.dispatch);
    els.presence.hidden = !isAgent || !live;
    if (!isAgent || !live) {
      render();
      return;
    }
    usePresence(p);
    const [mine, shiftList] = await Promise.all([
      api<{ items: ConversationDto[] }>('/api/v1/agents/me/offers'),
      api<{ items: ShiftOffer[] }>('/api/v1/agents/me/shift-offers'),
    ]);
    offers.clear();
    for (const c of mine.items) {
      offers.set(c.id, {
        conversationId: c.id,
        subject: c.subject,
        skillId: c.skillId,
        locale: c.locale,
        expiresAt: c.offerExpiresAt,
        createdAt: c.createdAt,
      });
    }
    shifts.clear();
    for (const s of shiftList.items) if (s.status === 'offered') shifts.set(s.id, s);
    render();
    o.onOffersChanged();
  }

  document.addEventListener('keydown', (ev) => {
    if (!live || !isAgent || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const target = ev.target as HTMLElement;
    if (target.closest('textarea, input, select, [contenteditable="true"]')) return;
    if ((ev.key !== 'a' && ev.key !== 'd') || !selected) return;
    ev.preventDefault();
    if (ev.key === 'a') void accept(selected);
    else void decline(selected);
  });

  // Signing out takes the agent offline at once (their work is requeued now, not after the
  // heartbeat timeout). keepalive lets the request outlive the page it was sent from.
  for (const form of document.querySelectorAll<HTMLFormElement>('form[action="/logout"]')) {
    form.addEventListener('submit', () => {
      if (!isAgent || !live || presence?.status === 'offline') return;
      void fetch('/api/v1/agents/me/presence', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ status: 'offline' }),
        credentials: 'same-origin',
        keepalive: true,
      }).catch(() => {});
    });
  }

  setInterval(() => void heartbeat(), HEARTBEAT_MS);
  // Countdowns tick.
  setInterval(() => {
    if (offers.size) render();
  }, 1000);

  return {
    get live() {
      return live;
    },
    isOffered: (id) => offers.has(id),
    accept,
    decline,
    reload,
    onEvent(type, data) {
      const conversationId = typeof data.conversationId === 'string' ? data.conversationId : null;
      switch (type) {
        case 'dispatch.offered':
          if (data.agentId !== o.me.id || !conversationId) return;
          offers.set(conversationId, {
            conversationId,
            subject: String(data.subject ?? ''),
            skillId: typeof data.skillId === 'string' ? data.skillId : null,
            locale: data.locale === 'en' ? 'en' : data.locale === 'zh' ? 'zh' : null,
            expiresAt: typeof data.expiresAt === 'number' ? data.expiresAt : null,
            createdAt: typeof data.createdAt === 'number' ? data.createdAt : Date.now(),
          });
          render();
          o.onOffersChanged();
          return;
        case 'dispatch.offer_expired':
        case 'dispatch.requeued':
        case 'conversation.assigned':
        case 'conversation.resolved':
        case 'conversation.transferred':
          if (conversationId) remove(conversationId);
          return;
        case 'agent.presence':
          if (data.userId === o.me.id) void reload().catch(() => {});
          return;
        case 'staffing.shift_offered':
        case 'staffing.shift_expired':
        case 'staffing.shift_released':
        case 'staffing.shift_accepted':
          if (data.userId === o.me.id) void reload().catch(() => {});
          return;
        default:
          return;
      }
    },
  };
}
