/**
 * @module Supervisor island (/train/admin): the cohort (time to certification, pass rate per
 * scenario, dimension means — where trainees struggle), the scenario card editor (JSON, versioned
 * saves, validation errors listed per field), the live-test console (type the customer's side in
 * real time, see the coach's notes on the trainee's replies, record pass or fail with a note) and
 * the certification rules per skill.
 */
import type { z } from '@hono/zod-openapi';
import type { ScenarioCard } from '#assist/simulator/card.ts';
import type { PersonSchema } from '#routes/directory/directory.routes.ts';
import type { CardListItemSchema } from '#routes/training/training.routes.ts';
import type { Strings } from '../i18n.ts';
import { byId, clientId, composing, emptyState, fill, h } from './lib/dom.ts';
import { makeT, readPageData } from './lib/page-data.ts';
import {
  barChart,
  call,
  coachingPanel,
  DIMS,
  dimLabel,
  type Session,
  TrainApiError,
  tabs,
  transcriptList,
} from './lib/train-kit.ts';

type CardItem = z.infer<typeof CardListItemSchema>;
type Person = z.infer<typeof PersonSchema>;

interface PageData {
  lang: 'zh' | 'en';
  me: { id: string; role: string };
  canEdit: boolean;
  strings: Partial<Strings>;
}

interface Cohort {
  members: {
    userId: string;
    name: string;
    sessions: number;
    passed: number;
    practiceHours: number;
    dimensions: Record<string, number | null>;
    certifications: { skill: string; level: number; days: number; sessions: number }[];
  }[];
  scenarios: {
    cardId: string;
    title: string;
    skill: string;
    plays: number;
    passes: number;
    passRate: number | null;
    meanScore: number | null;
  }[];
  dimensions: { dimension: string; mean: number | null; weakSessions: number }[];
  summary: {
    trainees: number;
    certified: number;
    meanDaysToCertification: number | null;
    meanSessionsToCertification: number | null;
  };
}

interface Requirement {
  skill: string;
  name: { zh: string; en: string };
  scenariosRequired: number;
  minScore: number;
  levelGranted: number;
  validityDays: number;
}

const TABS = ['cohort', 'cards', 'live', 'rules'] as const;
const data = readPageData<PageData>();
const t = makeT(data.strings);
const zh = data.lang === 'zh';
const panel = (name: (typeof TABS)[number]) => byId(`panel-${name}`);
const errorBox = (err: unknown) =>
  h(
    'div',
    { class: 'alert alert-error', role: 'alert' },
    t('common.error', { reason: (err as Error).message }),
  );

function table(headers: (string | HTMLElement)[], rows: HTMLElement[], testid: string): HTMLElement {
  return h(
    'table',
    { class: 'data', 'data-testid': testid },
    h('thead', {}, h('tr', {}, ...headers.map((x) => h('th', {}, x)))),
    h('tbody', {}, ...rows),
  );
}

// ── Cohort ────────────────────────────────────────────────────────────────────────────────

async function renderCohort() {
  try {
    const c = await call<Cohort>('/api/v1/training/cohort');
    const stat = (label: string, value: string | number | null, id: string) =>
      h(
        'div',
        { class: 'card stat' },
        h('div', { class: 'stat-value', 'data-testid': id }, value ?? '–'),
        h('div', { class: 'stat-label' }, label),
      );
    const weakest = (dims: Record<string, number | null>) => {
      const scored = DIMS.filter((d) => dims[d] !== null);
      if (!scored.length) return '–';
      const d = scored.reduce((a, b) => ((dims[a] ?? 101) <= (dims[b] ?? 101) ? a : b));
      return `${dimLabel(t, d)} (${dims[d]})`;
    };
    const members = c.members.length
      ? table(
          [
            t('trainAdmin.cohort.name'),
            t('trainAdmin.cohort.sessions'),
            t('trainAdmin.cohort.passed'),
            t('trainAdmin.cohort.hours'),
            t('trainAdmin.cohort.certs'),
            t('trainAdmin.cohort.weakest'),
          ],
          c.members.map((m) =>
            h(
              'tr',
              { 'data-testid': 'cohort-row', 'data-user': m.userId },
              h('td', {}, m.name),
              h('td', { class: 'num' }, m.sessions),
              h('td', { class: 'num' }, m.passed),
              h('td', { class: 'num' }, m.practiceHours),
              h(
                'td',
                {},
                ...m.certifications.map((x) =>
                  h(
                    'span',
                    { class: 'chip', 'data-testid': 'cohort-cert' },
                    t('trainAdmin.cohort.certDetail', {
                      skill: x.skill,
                      level: x.level,
                      days: x.days,
                      sessions: x.sessions,
                    }),
                  ),
                ),
              ),
              h('td', {}, weakest(m.dimensions)),
            ),
          ),
          'cohort-table',
        )
      : emptyState('user', null, t('trainAdmin.cohort.empty'));
    const scenarios = table(
      [
        t('trainAdmin.cards.title'),
        t('trainAdmin.cards.skill'),
        t('trainAdmin.cohort.plays'),
        t('trainAdmin.cohort.passRate'),
        t('trainAdmin.cohort.meanScore'),
      ],
      c.scenarios.map((s) =>
        h(
          'tr',
          { 'data-testid': 'scenario-row', 'data-card': s.cardId },
          h('td', {}, s.title),
          h('td', {}, h('code', {}, s.skill)),
          h('td', { class: 'num' }, s.plays),
          h('td', { class: 'num' }, s.passRate === null ? '–' : `${Math.round(s.passRate * 100)}%`),
          h('td', { class: 'num' }, s.meanScore ?? '–'),
        ),
      ),
      'scenario-table',
    );
    fill(
      panel('cohort'),
      h(
        'div',
        { class: 'stats' },
        stat(t('trainAdmin.cohort.trainees'), c.summary.trainees, 'cohort-trainees'),
        stat(t('trainAdmin.cohort.certified'), c.summary.certified, 'cohort-certified'),
        stat(t('trainAdmin.cohort.meanDays'), c.summary.meanDaysToCertification, 'cohort-days'),
        stat(t('trainAdmin.cohort.meanSessions'), c.summary.meanSessionsToCertification, 'cohort-sessions'),
      ),
      h('div', { class: 'card panel-card' }, members),
      h(
        'div',
        { class: 'card panel-card', 'data-testid': 'struggle' },
        h('h2', {}, t('trainAdmin.cohort.struggle')),
        h(
          'div',
          { class: 'body' },
          barChart(
            c.dimensions.map((d) => ({ label: dimLabel(t, d.dimension), value: d.mean })),
            t('trainAdmin.cohort.struggle'),
          ),
          h(
            'p',
            { class: 'small muted' },
            c.dimensions
              .map(
                (d) =>
                  `${dimLabel(t, d.dimension)}: ${t('trainAdmin.cohort.weakSessions', { n: d.weakSessions })}`,
              )
              .join(' · '),
          ),
        ),
      ),
      h('div', { class: 'card panel-card' }, h('h2', {}, t('trainAdmin.cohort.scenarios')), scenarios),
    );
  } catch (err) {
    fill(panel('cohort'), errorBox(err));
  }
}

// ── Cards ─────────────────────────────────────────────────────────────────────────────────

let cards: CardItem[] = [];
let selected: string | null = null;

async function renderCards() {
  try {
    cards = (await call<{ items: CardItem[] }>('/api/v1/training/cards')).items;
  } catch (err) {
    return fill(panel('cards'), errorBox(err));
  }
  const search = h('input', {
    class: 'input',
    type: 'search',
    placeholder: t('trainAdmin.cards.search'),
    'aria-label': t('trainAdmin.cards.searchLabel'),
    'data-testid': 'card-search',
  }) as HTMLInputElement;
  const source = h(
    'select',
    { class: 'input', 'aria-label': t('trainAdmin.cards.source'), 'data-testid': 'card-source' },
    h('option', { value: '' }, t('trainAdmin.cards.all')),
    ...['seed', 'tau2', 'editor'].map((s) => h('option', { value: s }, s)),
  ) as HTMLSelectElement;
  const newCard = h(
    'button',
    { type: 'button', class: 'btn btn-secondary', 'data-testid': 'card-new', disabled: !data.canEdit },
    t('trainAdmin.cards.new'),
  );
  const list = h('div', { class: 'card card-list' });
  const editor = h(
    'div',
    { class: 'card panel-card', 'data-testid': 'card-editor' },
    h('div', { class: 'body muted' }, t('trainAdmin.cards.hint')),
  );
  const count = h('span', { class: 'muted small' });
  const draw = () => {
    const q = search.value.trim().toLowerCase();
    const shown = cards.filter(
      (c) =>
        (!source.value || c.source === source.value) &&
        (!q || `${c.cardId} ${c.title} ${c.skill}`.toLowerCase().includes(q)),
    );
    count.textContent = t('trainAdmin.cards.count', { n: shown.length });
    if (!shown.length) return fill(list, emptyState('search', null, t('trainAdmin.cards.none')));
    fill(
      list,
      table(
        [
          t('trainAdmin.cards.id'),
          t('trainAdmin.cards.skill'),
          t('trainAdmin.cards.lang'),
          t('trainAdmin.cards.difficulty'),
          t('trainAdmin.cards.version'),
        ],
        shown.slice(0, 300).map((c) => {
          const row = h(
            'tr',
            {
              class: 'card-row',
              tabindex: 0,
              'aria-selected': String(c.cardId === selected),
              'data-testid': 'card-row',
              'data-card': c.cardId,
            },
            h('td', {}, h('div', {}, c.title), h('code', { class: 'small' }, c.cardId)),
            h('td', {}, h('code', {}, c.skill)),
            h('td', {}, c.lang),
            h('td', { class: 'num' }, c.difficulty),
            h('td', { class: 'num' }, `v${c.version}`),
          );
          const open = () => {
            selected = c.cardId;
            draw();
            void openCard(editor, c.cardId);
          };
          row.addEventListener('click', open);
          row.addEventListener('keydown', (ev) => {
            if (ev.key === 'Enter' || ev.key === ' ') {
              ev.preventDefault();
              open();
            }
          });
          return row;
        }),
        'card-table',
      ),
    );
  };
  search.addEventListener('input', draw);
  source.addEventListener('change', draw);
  newCard.addEventListener('click', () => {
    selected = null;
    draw();
    void openCard(editor, null);
  });
  fill(
    panel('cards'),
    h('div', { class: 'kb-search' }, search, source, newCard, count),
    h('div', { class: 'editor-layout' }, list, editor),
  );
  draw();
}

const TEMPLATE_ID = 'refund-unshipped-en';

async function openCard(editor: HTMLElement, cardId: string | null) {
  try {
    const row = await call<{
      card: ScenarioCard;
      version: number;
      versions: { version: number; active: boolean }[];
    }>(`/api/v1/training/cards/${encodeURIComponent(cardId ?? TEMPLATE_ID)}`);
    const card = cardId ? row.card : { ...row.card, id: 'new-card-id', title: 'New scenario', version: 1 };
    const text = h('textarea', {
      class: 'input card-json',
      spellcheck: 'false',
      'aria-label': t('trainAdmin.cards.json'),
      'data-testid': 'card-json',
    }) as HTMLTextAreaElement;
    text.value = JSON.stringify(card, null, 2);
    const out = h('div', { 'aria-live': 'polite', 'data-testid': 'card-save-result' });
    const save = h(
      'button',
      { type: 'button', class: 'btn btn-primary', 'data-testid': 'card-save', disabled: !data.canEdit },
      cardId ? t('trainAdmin.cards.save') : t('trainAdmin.cards.create'),
    );
    save.addEventListener('click', async () => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text.value);
      } catch (err) {
        return fill(
          out,
          h(
            'div',
            { class: 'alert alert-error' },
            t('trainAdmin.cards.badJson', { reason: (err as Error).message }),
          ),
        );
      }
      try {
        const saved = await call<{ version: number; cardId: string }>(
          cardId ? `/api/v1/training/cards/${encodeURIComponent(cardId)}` : '/api/v1/training/cards',
          { method: cardId ? 'PUT' : 'POST', body: { card: parsed } },
        );
        fill(
          out,
          h(
            'div',
            { class: 'alert alert-info', 'data-testid': 'card-saved' },
            t('trainAdmin.cards.saved', { v: saved.version }),
          ),
        );
        selected = saved.cardId;
        cards = (await call<{ items: CardItem[] }>('/api/v1/training/cards')).items;
      } catch (err) {
        if (err instanceof TrainApiError && err.errors.length) {
          fill(
            out,
            h(
              'div',
              { class: 'alert alert-error', role: 'alert', 'data-testid': 'card-errors' },
              t('trainAdmin.cards.invalid'),
              h(
                'ul',
                { class: 'field-errors' },
                ...err.errors.map((e) =>
                  h(
                    'li',
                    { 'data-path': e.path },
                    h('code', {}, e.path.replace(/^body\.card\.?/, '') || 'card'),
                    ` — ${e.message}`,
                  ),
                ),
              ),
            ),
          );
        } else fill(out, errorBox(err));
      }
    });
    fill(
      editor,
      h('h2', {}, cardId ? `${card.title} · v${row.version}` : t('trainAdmin.cards.new')),
      h(
        'div',
        { class: 'body' },
        cardId
          ? h(
              'p',
              { class: 'small muted' },
              t('trainAdmin.cards.versions', {
                list: row.versions.map((v) => `v${v.version}${v.active ? '*' : ''}`).join(', '),
              }),
            )
          : null,
        h('label', {}, t('trainAdmin.cards.json')),
        text,
        out,
        h('div', { class: 'result-actions' }, save),
      ),
    );
  } catch (err) {
    fill(editor, errorBox(err));
  }
}

// ── Live test console ─────────────────────────────────────────────────────────────────────

let liveTimer: ReturnType<typeof setTimeout> | null = null;
let liveSession: Session | null = null;

async function renderLive() {
  const host = panel('live');
  try {
    const [trainees, agents, cardList, active] = await Promise.all([
      call<{ items: Person[] }>('/api/v1/people?role=trainee'),
      call<{ items: Person[] }>('/api/v1/people?role=agent'),
      call<{ items: CardItem[] }>('/api/v1/training/cards'),
      call<{ items: { id: string; traineeId: string; cardId: string }[] }>(
        '/api/v1/training/sessions?status=active&kind=live',
      ),
    ]);
    const people = [...trainees.items, ...agents.items];
    const name = (id: string) => people.find((p) => p.id === id)?.displayName ?? id;
    const who = h(
      'select',
      { class: 'input', id: 'live-trainee', 'data-testid': 'live-trainee' },
      ...people.map((p) => h('option', { value: p.id }, `${p.displayName} · ${p.email}`)),
    ) as HTMLSelectElement;
    const which = h(
      'select',
      { class: 'input', id: 'live-card', 'data-testid': 'live-card' },
      ...cardList.items
        .filter((c) => c.source !== 'tau2')
        .map((c) => h('option', { value: c.cardId }, `${c.title} · ${c.lang.toUpperCase()} · ${c.skill}`)),
    ) as HTMLSelectElement;
    const start = h(
      'button',
      {
        type: 'button',
        class: 'btn btn-primary',
        'data-testid': 'live-start',
        disabled: !data.canEdit || people.length === 0,
      },
      t('trainAdmin.live.start'),
    );
    const consoleBox = h('div', { id: 'live-console', 'data-testid': 'live-console' });
    start.addEventListener('click', async () => {
      try {
        const s = await call<Session>('/api/v1/training/live-tests', {
          body: { traineeId: who.value, cardId: which.value },
        });
        await openLive(consoleBox, s.id);
      } catch (err) {
        fill(consoleBox, errorBox(err));
      }
    });
    fill(
      host,
      h('p', { class: 'muted' }, t('trainAdmin.live.hint')),
      people.length === 0 ? h('div', { class: 'alert alert-info' }, t('trainAdmin.live.noTrainees')) : null,
      h(
        'div',
        { class: 'card live-form' },
        h('div', { class: 'field' }, h('label', { for: 'live-trainee' }, t('trainAdmin.live.trainee')), who),
        h('div', { class: 'field' }, h('label', { for: 'live-card' }, t('trainAdmin.live.card')), which),
        start,
      ),
      h(
        'div',
        { class: 'card panel-card' },
        h('h2', {}, t('trainAdmin.live.active')),
        active.items.length
          ? h(
              'ul',
              { class: 'body' },
              ...active.items.map((s) => {
                const open = h(
                  'button',
                  { type: 'button', class: 'btn btn-secondary', 'data-testid': 'live-open' },
                  t('trainAdmin.live.open'),
                );
                open.addEventListener('click', () => void openLive(consoleBox, s.id));
                return h('li', {}, `${name(s.traineeId)} · ${s.cardId} `, open);
              }),
            )
          : h('p', { class: 'body muted' }, t('trainAdmin.live.none')),
      ),
      consoleBox,
    );
  } catch (err) {
    fill(host, errorBox(err));
  }
}

async function openLive(host: HTMLElement, id: string) {
  if (liveTimer) clearTimeout(liveTimer);
  const s = await call<Session>(`/api/v1/training/sessions/${encodeURIComponent(id)}`);
  const { card } = await call<{ card: ScenarioCard }>(
    `/api/v1/training/cards/${encodeURIComponent(s.card.cardId)}?version=${s.card.version}`,
  );
  drawLive(host, s, card);
}

function drawLive(host: HTMLElement, s: Session, card: ScenarioCard) {
  liveSession = s;
  const active = s.status === 'active';
  const messages = h(
    'div',
    { class: 'messages', 'data-testid': 'live-messages' },
    ...transcriptList(t, s.transcript, 'customer', { trainee: s.traineeName }),
  );
  const input = h('textarea', {
    class: 'input',
    rows: 2,
    placeholder: t('trainAdmin.live.placeholder'),
    'aria-label': t('trainAdmin.live.placeholder'),
    'data-testid': 'live-input',
  }) as HTMLTextAreaElement;
  const send = h(
    'button',
    { type: 'button', class: 'btn btn-primary', 'data-testid': 'live-send' },
    t('trainAdmin.live.send'),
  );
  const sendLine = async () => {
    const text = input.value.trim();
    if (!text) return;
    send.setAttribute('disabled', '');
    try {
      await call(`/api/v1/training/sessions/${s.id}/customer`, {
        body: { text, clientTurnId: clientId('cust') },
      });
      input.value = '';
      await refresh(host, s.id, card, true);
    } catch (err) {
      host.prepend(errorBox(err));
    } finally {
      send.removeAttribute('disabled');
    }
  };
  send.addEventListener('click', () => void sendLine());
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && !ev.shiftKey && !composing(ev)) {
      ev.preventDefault();
      void sendLine();
    }
  });
  const note = h('textarea', {
    class: 'input',
    rows: 2,
    id: 'live-note',
    'data-testid': 'live-note',
  }) as HTMLTextAreaElement;
  const pass = h('input', {
    type: 'radio',
    name: 'live-verdict',
    value: 'pass',
    'data-testid': 'live-pass',
  }) as HTMLInputElement;
  const fail = h('input', {
    type: 'radio',
    name: 'live-verdict',
    value: 'fail',
    'data-testid': 'live-fail',
  }) as HTMLInputElement;
  const record = h(
    'button',
    { type: 'button', class: 'btn btn-ok', 'data-testid': 'live-record' },
    t('trainAdmin.live.record'),
  );
  const outcome = h('div', { 'aria-live': 'polite', 'data-testid': 'live-outcome' });
  record.addEventListener('click', async () => {
    if (!pass.checked && !fail.checked) return pass.focus();
    try {
      const out = await call<{ certified: { skill: string; level: number }[]; session: Session }>(
        `/api/v1/training/sessions/${s.id}/live-result`,
        {
          body: { passed: pass.checked, note: note.value },
        },
      );
      drawLive(host, out.session, card);
      const msg = [
        t('trainAdmin.live.recorded'),
        ...out.certified.map((c) =>
          t('trainAdmin.live.certified', { name: out.session.traineeName, skill: c.skill, level: c.level }),
        ),
      ].join(' ');
      fill(
        byId('live-outcome-final'),
        h('div', { class: 'alert alert-info', 'data-testid': 'live-recorded' }, msg),
      );
    } catch (err) {
      fill(outcome, errorBox(err));
    }
  });
  const script = h(
    'dl',
    { class: 'script body' },
    h('dt', {}, t('trainAdmin.live.script')),
    h('dd', {}, card.goal),
    ...card.knownFacts.map((f) => h('dd', {}, `• ${f.text}`)),
    ...card.hiddenFacts.map((f) => h('dd', {}, `◦ ${f.text} [${f.revealWhen.slice(0, 3).join(' / ')}]`)),
    ...card.mustNotAccept.map((r) => h('dd', {}, `✕ ${r.why}`)),
  );
  fill(
    host,
    h('div', { id: 'live-outcome-final' }),
    h(
      'div',
      { class: 'live-layout' },
      h(
        'div',
        { class: 'card chat' },
        h(
          'div',
          { class: 'chat-head' },
          h('div', { class: 'chat-title' }, `${s.traineeName} · ${s.card.title}`),
        ),
        messages,
        active
          ? h('div', { class: 'composer' }, input, send)
          : h(
              'div',
              { class: 'composer-note', 'data-testid': 'live-ended' },
              t('trainAdmin.live.ended', {
                result: s.liveResult === 'pass' ? t('train.live.pass') : t('train.live.fail'),
              }),
            ),
      ),
      h(
        'div',
        {},
        h('div', { class: 'card panel-card' }, script),
        h(
          'div',
          { class: 'card coach', 'data-testid': 'live-coaching' },
          ...coachingPanel(t, s.checklist, s.coaching?.at(-1) ?? null),
        ),
        active
          ? h(
              'div',
              { class: 'card panel-card' },
              h('h2', {}, t('trainAdmin.live.verdict')),
              h(
                'div',
                { class: 'decision' },
                h(
                  'div',
                  { class: 'row' },
                  h('label', {}, pass, t('trainAdmin.live.pass')),
                  h('label', {}, fail, t('trainAdmin.live.fail')),
                ),
                h('label', { for: 'live-note' }, t('trainAdmin.live.note')),
                note,
                record,
                outcome,
              ),
            )
          : null,
      ),
    ),
  );
  messages.scrollTop = messages.scrollHeight;
  if (active) input.focus();
  if (active) liveTimer = setTimeout(() => void refresh(host, s.id, card, false), 1000);
}

async function refresh(host: HTMLElement, id: string, card: ScenarioCard, force: boolean) {
  if (liveTimer) clearTimeout(liveTimer);
  try {
    const fresh = await call<Session>(`/api/v1/training/sessions/${encodeURIComponent(id)}`);
    const typing = host.querySelector<HTMLTextAreaElement>('[data-testid="live-input"]');
    const draft = typing?.value ?? '';
    const noteDraft = host.querySelector<HTMLTextAreaElement>('[data-testid="live-note"]')?.value ?? '';
    if (
      force ||
      fresh.transcript.length !== liveSession?.transcript.length ||
      fresh.status !== liveSession.status
    ) {
      drawLive(host, fresh, card);
      // Keep what the supervisor was typing across the redraw.
      const again = host.querySelector<HTMLTextAreaElement>('[data-testid="live-input"]');
      if (again && !force) again.value = draft;
      const noteAgain = host.querySelector<HTMLTextAreaElement>('[data-testid="live-note"]');
      if (noteAgain) noteAgain.value = noteDraft;
    } else liveTimer = setTimeout(() => void refresh(host, id, card, false), 1000);
  } catch {
    liveTimer = setTimeout(() => void refresh(host, id, card, false), 2000);
  }
}

// ── Rules ─────────────────────────────────────────────────────────────────────────────────

async function renderRules() {
  try {
    const { items } = await call<{ items: Requirement[] }>('/api/v1/training/requirements');
    const num = (value: number, min: number, max: number, label: string) =>
      h('input', {
        class: 'input',
        type: 'number',
        value,
        min,
        max,
        'aria-label': label,
        disabled: !data.canEdit,
      }) as HTMLInputElement;
    fill(
      panel('rules'),
      h('p', { class: 'muted' }, t('trainAdmin.rules.hint')),
      h(
        'div',
        { class: 'card rules' },
        table(
          [
            t('trainAdmin.rules.skill'),
            t('trainAdmin.rules.scenarios'),
            t('trainAdmin.rules.minScore'),
            t('trainAdmin.rules.level'),
            t('trainAdmin.rules.validity'),
            '',
          ],
          items.map((r) => {
            const scenarios = num(r.scenariosRequired, 1, 50, t('trainAdmin.rules.scenarios'));
            const minScore = num(r.minScore, 0, 100, t('trainAdmin.rules.minScore'));
            const level = num(r.levelGranted, 1, 5, t('trainAdmin.rules.level'));
            const validity = num(r.validityDays, 1, 3650, t('trainAdmin.rules.validity'));
            const status = h('span', { class: 'small muted', 'aria-live': 'polite' });
            const save = h(
              'button',
              { type: 'button', class: 'btn btn-secondary', disabled: !data.canEdit },
              t('trainAdmin.rules.save'),
            );
            save.addEventListener('click', async () => {
              try {
                await call(`/api/v1/training/requirements/${encodeURIComponent(r.skill)}`, {
                  method: 'PUT',
                  body: {
                    scenariosRequired: Number(scenarios.value),
                    minScore: Number(minScore.value),
                    levelGranted: Number(level.value),
                    validityDays: Number(validity.value),
                  },
                });
                status.textContent = t('trainAdmin.rules.saved');
              } catch (err) {
                status.textContent = t('common.error', { reason: (err as Error).message });
              }
            });
            return h(
              'tr',
              { 'data-testid': 'rule-row', 'data-skill': r.skill },
              h('td', {}, zh ? r.name.zh : r.name.en, h('div', {}, h('code', { class: 'small' }, r.skill))),
              h('td', {}, scenarios),
              h('td', {}, minScore),
              h('td', {}, level),
              h('td', {}, validity),
              h('td', {}, save, ' ', status),
            );
          }),
          'rules-table',
        ),
      ),
    );
  } catch (err) {
    fill(panel('rules'), errorBox(err));
  }
}

const loaded = new Set<string>();
tabs(
  TABS,
  (name) => {
    if (name === 'cohort') return void renderCohort();
    if (loaded.has(name)) return;
    loaded.add(name);
    if (name === 'cards') void renderCards();
    if (name === 'live') void renderLive();
    if (name === 'rules') void renderRules();
  },
  'cohort',
);
