/**
 * @module Trainee island (/train): resumes an active session (or offers the personalised next
 * scenario and a card picker), chats with the bot customer — each reply sent with an idempotency
 * key and answered with the customer's line and coaching — shows the score with evidence and the
 * annotated replay at the end, joins a supervisor's live test (polled every second), and draws
 * the progress tab (skills, certification, six dimensions over time).
 */
import type { z } from '@hono/zod-openapi';
import type { CardListItemSchema, TurnResultSchema } from '#routes/training/training.routes.ts';
import type { MessageKey, Strings } from '../i18n.ts';
import { byId, clientId, composing, emptyState, fill, h } from './lib/dom.ts';
import { makeT, readPageData } from './lib/page-data.ts';
import {
  call,
  coachingPanel,
  moodMeter,
  type Session,
  TrainApiError,
  tabs,
  transcriptList,
  verdictCard,
} from './lib/train-kit.ts';
import { renderProgress } from './lib/train-progress.ts';

type CardItem = z.infer<typeof CardListItemSchema>;
type TurnResult = z.infer<typeof TurnResultSchema>;

interface PageData {
  lang: 'zh' | 'en';
  me: { id: string; role: string; locale: 'zh' | 'en' };
  strings: Partial<Strings>;
}

interface Started {
  id: string;
  opening: string;
  reasons: string[];
}

const data = readPageData<PageData>();
const t = makeT(data.strings);
const chat = byId('chat');
const coach = byId('coach');
const result = byId('result');
const notice = byId('notice');
const liveBanner = byId('live-banner');
const picker = byId<HTMLSelectElement>('card-pick');

let current: Session | null = null;
let sending = false;
let poll: ReturnType<typeof setTimeout> | null = null;

const say = (text: string, kind: 'info' | 'error' = 'info') =>
  fill(
    notice,
    text ? h('div', { class: `alert alert-${kind}`, 'data-testid': `notice-${kind}` }, text) : null,
  );
const failure = (err: unknown) => say(t('common.error', { reason: (err as Error).message }), 'error');

// ── Session view ───────────────────────────────────────────────────────────────────────────

function renderSession(s: Session) {
  // A session that ends on this page scrolls its result into view; a resumed ended one does not.
  const justEnded = current?.id === s.id && current.status === 'active' && s.status !== 'active';
  current = s;
  const live = s.kind === 'live';
  const active = s.status === 'active';
  const messages = h(
    'div',
    { class: 'messages', 'data-testid': 'messages', 'aria-live': 'polite' },
    ...transcriptList(t, s.transcript, 'trainee'),
  );
  if (live && s.transcript.length === 0)
    messages.append(h('div', { class: 'notice' }, t('train.live.waiting')));
  const input = h('textarea', {
    class: 'input',
    id: 'reply',
    rows: 2,
    placeholder: t('train.placeholder'),
    'aria-label': t('train.placeholder'),
    'data-testid': 'reply-input',
  }) as HTMLTextAreaElement;
  const send = h(
    'button',
    { type: 'button', class: 'btn btn-primary', 'data-testid': 'send' },
    t('train.send'),
  );
  send.addEventListener('click', () => void reply(input, send));
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && !ev.shiftKey && !composing(ev)) {
      ev.preventDefault();
      void reply(input, send);
    }
  });
  const finish =
    live || !active
      ? null
      : h('button', { type: 'button', class: 'btn btn-ghost', 'data-testid': 'finish' }, t('train.finish'));
  finish?.addEventListener('click', () => void finishSession());
  fill(
    chat,
    h(
      'div',
      { class: 'chat-head' },
      h(
        'div',
        { class: 'chat-title' },
        h(
          'div',
          { 'data-testid': 'card-title' },
          live ? `${t('train.live.title')} · ${s.card.title}` : s.card.title,
        ),
        h(
          'div',
          { class: 'chat-meta' },
          `${s.card.customerName ?? ''} · ${t(`train.temper.${s.card.temperament}` as MessageKey)} · ${t('train.difficulty', { n: s.card.difficulty })}`,
        ),
      ),
      live ? null : moodMeter(t, s.mood),
      finish,
    ),
    messages,
    active ? h('div', { class: 'composer' }, input, send) : null,
  );
  messages.scrollTop = messages.scrollHeight;
  if (live)
    fill(coach, h('h2', {}, t('train.coach.title')), h('p', { class: 'pad muted' }, t('train.live.title')));
  else fill(coach, ...coachingPanel(t, s.checklist, s.coaching?.at(-1) ?? null));
  renderResult(s);
  if (justEnded) result.scrollIntoView({ block: 'start' });
  if (active) input.focus();
  schedulePoll();
}

function renderResult(s: Session) {
  if (s.status === 'active') {
    result.hidden = true;
    fill(result);
    return;
  }
  const next = h(
    'button',
    { type: 'button', class: 'btn btn-primary', 'data-testid': 'result-next' },
    t('train.next'),
  );
  next.addEventListener('click', () => void start());
  const progress = h('button', { type: 'button', class: 'btn btn-secondary' }, t('train.tab.progress'));
  progress.addEventListener('click', () => showTab('progress'));
  result.hidden = false;
  if (s.kind === 'live') {
    fill(
      result,
      h(
        'div',
        { class: 'card result-card', 'data-testid': 'live-result' },
        h(
          'h2',
          {},
          t('train.live.result', {
            result: t(s.liveResult === 'pass' ? 'train.live.pass' : 'train.live.fail'),
          }),
        ),
        s.liveNote ? h('p', {}, s.liveNote) : null,
        h('div', { class: 'result-actions' }, next, progress),
      ),
    );
    return;
  }
  if (!s.verdict) return fill(result);
  fill(
    result,
    verdictCard(t, s.verdict as unknown as Parameters<typeof verdictCard>[1], {
      endReason: s.endReason,
      personaSummary: s.personaVerdict?.summary ?? null,
      stepTitles: Object.fromEntries((s.checklist ?? []).map((c) => [c.key, c.title])),
      actions: [next, progress],
    }),
  );
}

async function load(id: string): Promise<Session> {
  return call<Session>(`/api/v1/training/sessions/${encodeURIComponent(id)}`);
}

function schedulePoll() {
  if (poll) clearTimeout(poll);
  poll = null;
  // Live tests: the supervisor types the customer's side; pick it up within a second.
  if (current?.kind !== 'live' || current.status !== 'active') return;
  const id = current.id;
  poll = setTimeout(async () => {
    try {
      const fresh = await load(id);
      if (current?.id !== id || sending) return schedulePoll();
      if (fresh.transcript.length !== current.transcript.length || fresh.status !== current.status)
        renderSession(fresh);
      else schedulePoll();
    } catch {
      schedulePoll();
    }
  }, 1000);
}

async function reply(input: HTMLTextAreaElement, button: HTMLElement) {
  const text = input.value.trim();
  if (!text || !current || sending) return;
  sending = true;
  button.setAttribute('disabled', '');
  button.textContent = t('train.sending');
  const key = clientId('turn');
  const messages = chat.querySelector('.messages');
  messages?.append(h('div', { class: 'msg msg-mine msg-pending' }, h('div', { class: 'bubble' }, text)));
  if (messages) messages.scrollTop = messages.scrollHeight;
  try {
    let res: TurnResult | null = null;
    for (let attempt = 0; ; attempt++) {
      try {
        res = await call<TurnResult>(`/api/v1/training/sessions/${current.id}/turns`, {
          body: { text, clientTurnId: key },
        });
        break;
      } catch (err) {
        // Same key, so a retry can never be recorded twice.
        if (!(err instanceof TrainApiError && err.status === 0) || attempt >= 2) throw err;
        await new Promise((r) => setTimeout(r, 1000 * (attempt + 1)));
      }
    }
    say('');
    const certified = res?.certified ?? [];
    sending = false;
    renderSession(await load(current.id));
    if (certified.length)
      say(certified.map((c) => t('train.certified', { skill: c.skill, level: c.level })).join(' '));
  } catch (err) {
    sending = false;
    button.removeAttribute('disabled');
    button.textContent = t('train.send');
    messages?.lastElementChild?.classList.add('msg-failed');
    failure(err);
  }
}

async function finishSession() {
  if (!current) return;
  try {
    const out = await call<{ certified: { skill: string; level: number }[] }>(
      `/api/v1/training/sessions/${current.id}/finish`,
      {
        body: {},
      },
    );
    renderSession(await load(current.id));
    if (out.certified.length)
      say(out.certified.map((c) => t('train.certified', { skill: c.skill, level: c.level })).join(' '));
  } catch (err) {
    failure(err);
  }
}

async function start(cardId?: string) {
  try {
    const started = await call<Started>('/api/v1/training/sessions', { body: cardId ? { cardId } : {} });
    say(started.reasons.length ? t('train.why', { reasons: started.reasons.join(' · ') }) : '');
    showTab('practice');
    renderSession(await load(started.id));
  } catch (err) {
    failure(err);
  }
}

function idle() {
  current = null;
  schedulePoll();
  fill(chat, emptyState('chat', t('train.empty.title'), t('train.empty.body')));
  fill(coach, h('h2', {}, t('train.coach.title')), h('p', { class: 'pad muted' }, t('train.coach.empty')));
  result.hidden = true;
}

// ── Picker, live invitations, resume ───────────────────────────────────────────────────────

async function loadCards() {
  const { items } = await call<{ items: CardItem[] }>('/api/v1/training/cards');
  if (items.length === 0) {
    picker.disabled = true;
    byId('next-scenario').setAttribute('disabled', '');
    fill(chat, emptyState('list', t('train.empty.title'), t('train.noCards')));
    return false;
  }
  const bySkill = new Map<string, CardItem[]>();
  for (const c of items) bySkill.set(c.skill, [...(bySkill.get(c.skill) ?? []), c]);
  for (const [skill, cards] of bySkill) {
    picker.append(
      h(
        'optgroup',
        { label: skill },
        ...cards.map((c) =>
          h(
            'option',
            { value: c.cardId },
            `${c.title} · ${c.lang.toUpperCase()} · ${t('train.difficulty', { n: c.difficulty })}`,
          ),
        ),
      ),
    );
  }
  return true;
}

async function checkLive() {
  const { items } = await call<{ items: { id: string; kind: string; traineeId: string; cardId: string }[] }>(
    '/api/v1/training/sessions?status=active&kind=live',
  );
  const mine = items.find((s) => s.traineeId === data.me.id);
  if (!mine || current?.id === mine.id) {
    liveBanner.hidden = true;
    return;
  }
  const join = h(
    'button',
    { type: 'button', class: 'btn btn-primary', 'data-testid': 'join-live' },
    t('train.live.join'),
  );
  join.addEventListener('click', async () => {
    liveBanner.hidden = true;
    try {
      renderSession(await load(mine.id));
    } catch (err) {
      failure(err);
    }
  });
  fill(
    liveBanner,
    h(
      'div',
      { class: 'alert alert-info banner', 'data-testid': 'live-banner' },
      t('train.live.banner', { card: mine.cardId }),
      join,
    ),
  );
  liveBanner.hidden = false;
}

async function boot() {
  byId('next-scenario').addEventListener('click', () => void start());
  byId('start-picked').addEventListener('click', () => {
    if (picker.value) void start(picker.value);
    else picker.focus();
  });
  try {
    const hasCards = await loadCards();
    const { items } = await call<{ items: { id: string; traineeId: string }[] }>(
      '/api/v1/training/sessions?status=active&kind=practice',
    );
    const mine = items.find((s) => s.traineeId === data.me.id);
    if (mine) {
      renderSession(await load(mine.id));
      if (mine) say(t('train.resumed'));
    } else if (hasCards) idle();
    await checkLive();
  } catch (err) {
    failure(err);
  }
  // Invitations to a live test arrive while the page is open.
  setInterval(() => {
    if (current?.kind !== 'live') void checkLive().catch(() => {});
  }, 5000);
}

const showTab = tabs(
  ['practice', 'progress'] as const,
  (name) => {
    if (name === 'progress') void renderProgress(byId('panel-progress'), t, data);
  },
  'practice',
);

void boot();
