/**
 * @module /train/admin live-test console: pick a trainee and a card, then play the customer in real
 * time (the trainee's replies are polled every second), with the card as the script, the coach's
 * notes on each reply, and the pass/fail decision with a note — a pass may certify the trainee.
 */
import type { z } from '@hono/zod-openapi';
import type { ScenarioCard } from '#assist/simulator/card.ts';
import type { PersonSchema } from '#routes/directory/directory.routes.ts';
import type { CardListItemSchema } from '#routes/training/training.routes.ts';
import { byId, clientId, composing, fill, h } from './dom.ts';
import { type AdminTab, call, coachingPanel, errorAlert, type Session, transcriptList } from './train-kit.ts';

type CardItem = z.infer<typeof CardListItemSchema>;
type Person = z.infer<typeof PersonSchema>;

/** Builds the tab; `render()` draws it into its panel (again on every call). */
export function liveTab(ctx: AdminTab) {
  const { t, host } = ctx;
  const data = { canEdit: ctx.canEdit };
  const panel = (_name: string) => host;
  const errorBox = (err: unknown) => errorAlert(t, err);
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
          h(
            'div',
            { class: 'field' },
            h('label', { for: 'live-trainee' }, t('trainAdmin.live.trainee')),
            who,
          ),
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

  return { render: renderLive };
}
