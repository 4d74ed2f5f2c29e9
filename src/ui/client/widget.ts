/**
 * @module Customer chat widget island. The session token and unsent messages live in
 * sessionStorage, so a reload keeps the conversation and resends what had not gone out (with the
 * same clientMessageId, so the server stores it once). The conversation stream replays the whole
 * history on load and resumes with Last-Event-ID; items are keyed by event seq, so nothing shows twice.
 */
import type { ConversationDto, MessageDto } from '#routes/conversations/conversations.routes.ts';
import type { Strings } from '../i18n.ts';
import { ApiError, api, backoff, sleep } from './lib/api.ts';
import { byId, clientId, composing, fill, h } from './lib/dom.ts';
import { type Live, live, showLiveState } from './lib/live.ts';
import { makeT, readPageData } from './lib/page-data.ts';
import { clockTime } from './lib/time.ts';

interface PageData {
  lang: 'zh' | 'en';
  tenant: string;
  strings: Partial<Strings>;
}

interface Outgoing {
  clientMessageId: string;
  text: string;
  /** pending: not yet accepted · sent: accepted, waiting for the stream echo · failed: gave up. */
  status: 'pending' | 'sent' | 'failed';
  error?: string;
}

interface Stored {
  token: string | null;
  conversationId: string | null;
  outbox: Outgoing[];
}

type TimelineItem = { kind: 'message'; message: MessageDto } | { kind: 'notice'; text: string };

const data = readPageData<PageData>();
const t = makeT(data.strings);
const STORAGE_KEY = `tidedesk.widget.${data.tenant}`;

const els = {
  messages: byId('messages'),
  greeting: byId('greeting'),
  form: byId<HTMLFormElement>('composer'),
  input: byId<HTMLTextAreaElement>('input'),
  live: byId('live'),
};

function load(): Stored {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (raw) {
      const parsed = JSON.parse(raw) as Stored;
      // A failed message stays failed on screen only; after a reload the customer retypes it.
      return { ...parsed, outbox: parsed.outbox.filter((o) => o.status !== 'failed') };
    }
  } catch {
    // Storage blocked or corrupt: start fresh.
  }
  return { token: null, conversationId: null, outbox: [] };
}

const store = load();
const save = () => {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(store));
  } catch {
    // Private mode without storage: the chat still works until the page is closed.
  }
};

/** Timeline by conversation event seq; messages also by message seq for the echo check. */
let timeline = new Map<number, TimelineItem>();
let seenMessages = new Set<number>();
let state: ConversationDto['state'] | null = null;
let stream: Live | null = null;
let banner: string | null = null;
let retrying = false;

function render() {
  const nodes: Node[] = [];
  if (banner) nodes.push(h('div', { class: 'notice' }, banner));
  const items = [...timeline.entries()].sort((a, b) => a[0] - b[0]).map(([, item]) => item);
  for (const item of items) {
    if (item.kind === 'notice') {
      nodes.push(h('div', { class: 'notice', 'data-testid': 'widget-notice' }, item.text));
      continue;
    }
    const m = item.message;
    const mine = m.authorRole === 'customer';
    nodes.push(
      h(
        'div',
        {
          class: `msg ${mine ? 'msg-mine' : 'msg-theirs'}`,
          'data-testid': mine ? 'customer-message' : 'agent-message',
          'data-seq': m.seq,
        },
        h('div', { class: 'bubble' }, m.text),
        h(
          'div',
          { class: 'msg-meta' },
          `${mine ? t('widget.you') : t('widget.agent')} · ${clockTime(m.createdAt, data.lang)}`,
          mine ? ` · ${t('widget.sent')}` : '',
        ),
      ),
    );
  }
  for (const o of store.outbox) {
    const label =
      o.status === 'failed'
        ? t('widget.failed', { reason: o.error ?? '' })
        : o.status === 'sent'
          ? t('widget.sent')
          : retrying
            ? t('widget.retrying')
            : t('widget.pending');
    nodes.push(
      h(
        'div',
        {
          class: `msg msg-mine ${o.status === 'failed' ? 'msg-failed' : 'msg-pending'}`,
          'data-testid': 'customer-message',
          'data-status': o.status,
        },
        h('div', { class: 'bubble' }, o.text),
        h('div', { class: 'msg-meta' }, `${t('widget.you')} · ${label}`),
      ),
    );
  }
  if (state === 'resolved') {
    nodes.push(
      h(
        'div',
        { class: 'notice' },
        h(
          'button',
          { type: 'button', class: 'btn btn-secondary', onclick: startOver },
          t('widget.newConversation'),
        ),
      ),
    );
  }
  if (nodes.length === 0) fill(els.messages, els.greeting);
  else fill(els.messages, ...nodes);
  els.messages.scrollTop = els.messages.scrollHeight;
  const closed = state === 'resolved';
  els.input.disabled = closed;
  els.form.querySelector('button')?.toggleAttribute('disabled', closed);
}

function noticeFor(type: string): string | null {
  if (type === 'conversation.created') return t('widget.queued');
  if (type === 'conversation.assigned') return t('widget.assigned');
  if (type === 'conversation.resolved') return t('widget.resolved');
  return null;
}

interface StreamData {
  seq: number;
  type: string;
  message?: MessageDto;
}

function onEvent(raw: unknown) {
  const ev = raw as StreamData;
  if (timeline.has(ev.seq)) return;
  if (ev.type === 'message.created' && ev.message) {
    const m = ev.message;
    if (seenMessages.has(m.seq)) return;
    seenMessages.add(m.seq);
    timeline.set(ev.seq, { kind: 'message', message: m });
    const before = store.outbox.length;
    store.outbox = store.outbox.filter((o) => o.clientMessageId !== m.clientMessageId);
    if (store.outbox.length !== before) save();
  } else {
    const text = noticeFor(ev.type);
    if (text) timeline.set(ev.seq, { kind: 'notice', text });
    if (ev.type === 'conversation.created') state = 'queued';
    if (ev.type === 'conversation.assigned') state = 'assigned';
    if (ev.type === 'conversation.resolved') state = 'resolved';
  }
  render();
}

function connect() {
  stream?.close();
  const id = store.conversationId;
  const token = store.token;
  if (!id || !token) return;
  stream = live({
    url: (after) =>
      `/api/v1/conversations/${encodeURIComponent(id)}/events?${new URLSearchParams({
        access_token: token,
        after: String(after),
      })}`,
    on: {
      'conversation.created': onEvent,
      'conversation.assigned': onEvent,
      'conversation.resolved': onEvent,
      'message.created': onEvent,
    },
    onState: (s) =>
      showLiveState(els.live, s, { live: t('common.live'), reconnecting: t('common.reconnecting') }),
    // Refused for good: find out whether the session or conversation is gone, or the server was.
    onClosed: async () => {
      try {
        await api(`/api/v1/conversations/${encodeURIComponent(id)}`, { token });
        return true;
      } catch (err) {
        if (err instanceof ApiError && (err.status === 401 || err.status === 404)) {
          forget(err.status === 401);
          return false;
        }
        return true;
      }
    },
  });
}

/** Drops a conversation (and the session when it expired); pending messages then open a new one. */
function forget(sessionExpired: boolean) {
  stream?.close();
  stream = null;
  if (sessionExpired) store.token = null;
  store.conversationId = null;
  timeline = new Map();
  seenMessages = new Set();
  state = null;
  banner = t('widget.expired');
  els.live.hidden = true;
  save();
  render();
  void flush();
}

function startOver() {
  stream?.close();
  stream = null;
  store.conversationId = null;
  store.outbox = store.outbox.filter((o) => o.status === 'pending');
  timeline = new Map();
  seenMessages = new Set();
  state = null;
  banner = null;
  els.live.hidden = true;
  save();
  render();
  els.input.focus();
}

async function ensureToken(): Promise<string> {
  if (store.token) return store.token;
  const session = await api<{ token: string }>('/api/v1/widget/sessions', {
    method: 'POST',
    body: { tenant: data.tenant, locale: data.lang },
  });
  store.token = session.token;
  save();
  return session.token;
}

async function sendOne(o: Outgoing): Promise<void> {
  const token = await ensureToken();
  const body = { text: o.text, clientMessageId: o.clientMessageId };
  if (!store.conversationId) {
    const conv = await api<ConversationDto>('/api/v1/conversations', { method: 'POST', body, token });
    store.conversationId = conv.id;
    state = conv.state;
    save();
    connect();
    return;
  }
  await api<MessageDto>(`/api/v1/conversations/${encodeURIComponent(store.conversationId)}/messages`, {
    method: 'POST',
    body,
    token,
  });
}

let flushing = false;
/** Sends the outbox in order, one at a time; network trouble retries with the same id. */
async function flush(): Promise<void> {
  if (flushing) return;
  flushing = true;
  try {
    let attempt = 0;
    for (;;) {
      const next = store.outbox.find((o) => o.status === 'pending');
      if (!next) break;
      try {
        await sendOne(next);
        // The stream echo may already have removed it.
        if (store.outbox.includes(next)) next.status = 'sent';
        attempt = 0;
        retrying = false;
      } catch (err) {
        const e = err instanceof ApiError ? err : new ApiError(0, 'network', String(err));
        if (e.status === 401) {
          forget(true);
          continue;
        }
        if (e.retryable) {
          retrying = true;
          render();
          await sleep(backoff(attempt++));
          continue;
        }
        next.status = 'failed';
        next.error = e.status === 0 ? t('common.networkError') : e.message;
      }
      save();
      render();
    }
  } finally {
    flushing = false;
    retrying = false;
  }
}

els.form.addEventListener('submit', (ev) => {
  ev.preventDefault();
  const text = els.input.value.trim();
  if (!text || state === 'resolved') return;
  store.outbox.push({ clientMessageId: clientId('w'), text, status: 'pending' });
  banner = null;
  save();
  els.input.value = '';
  render();
  void flush();
});

els.input.addEventListener('keydown', (ev) => {
  if (ev.key === 'Enter' && !ev.shiftKey && !composing(ev)) {
    ev.preventDefault();
    els.form.requestSubmit();
  }
});

// Anything accepted before a reload is re-sent too: the server answers 200 with the original.
for (const o of store.outbox) o.status = 'pending';
render();
connect();
void flush();
els.input.focus();
