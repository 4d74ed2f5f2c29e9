/**
 * @module /train/admin cards tab: searchable list of the tenant's active cards (by source) and a JSON
 * editor; saving writes a new version (PUT) or a new card (POST), and a refused save lists the
 * problem's field errors by path (contradictory criteria included).
 */
import type { z } from '@hono/zod-openapi';
import type { ScenarioCard } from '#assist/simulator/card.ts';
import type { CardListItemSchema } from '#routes/training/training.routes.ts';
import { emptyState, fill, h } from './dom.ts';
import { type AdminTab, call, errorAlert, TrainApiError, table } from './train-kit.ts';

type CardItem = z.infer<typeof CardListItemSchema>;

/** Builds the tab; `render()` draws it into its panel (again on every call). */
export function cardsTab(ctx: AdminTab) {
  const { t, host } = ctx;
  const data = { canEdit: ctx.canEdit };
  const panel = (_name: string) => host;
  const errorBox = (err: unknown) => errorAlert(t, err);
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

  return { render: renderCards };
}
