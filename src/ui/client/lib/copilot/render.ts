/**
 * @module Pieces of the co-pilot panel: where the conversation stands in its SOP, one suggestion
 * card (source, why, insert and dismiss with a reason), and the LLM draft card that fills in token
 * by token, or shows the fallback label.
 */
import type { SuggestionDto, SuggestionsDto } from '#routes/copilot/suggestions.routes.ts';
import type { MessageKey } from '../../../i18n.ts';
import { h } from '../dom.ts';
import type { Translate } from '../page-data.ts';

export const DISMISS_REASONS = ['irrelevant', 'wrong-step', 'wrong-facts', 'tone', 'other'] as const;
export type DismissReason = (typeof DISMISS_REASONS)[number];

export interface DraftState {
  id: string;
  /** The message it answers. */
  seq: number;
  state: 'streaming' | 'done' | 'fallback';
  text: string;
  model: string | null;
  suggestion: SuggestionDto | null;
  citation: { title: string } | null;
  reason: string | null;
}

const sourceKey = (source: SuggestionDto['source']) => `agent.copilot.source.${source}` as MessageKey;

/** SOP, current step, what it still needs, and the signals worth a glance. */
export function renderStep(view: SuggestionsDto, lang: 'zh' | 'en', t: Translate): HTMLElement {
  const step = view.step;
  const facts = (label: string, list: { label: { zh: string; en: string } }[], cls: string) =>
    list.length
      ? h(
          'div',
          { class: 'cp-facts' },
          h('span', { class: 'label' }, label),
          ...list.map((f) =>
            h('span', { class: `cp-fact ${cls}`, 'data-testid': 'copilot-missing' }, f.label[lang]),
          ),
        )
      : null;
  return h(
    'section',
    { class: 'cp-section', 'data-testid': 'copilot-step', 'data-step': step?.key ?? '' },
    view.sop ? h('div', { class: 'cp-sop' }, view.sop.name[lang]) : null,
    step
      ? h(
          'div',
          { class: 'cp-step-title' },
          t('agent.copilot.step', { n: step.index + 1, total: view.steps.length, title: step.title[lang] }),
        )
      : h('div', { class: 'cp-step-title' }, t('agent.copilot.noSop')),
    step?.complete ? h('div', { class: 'cp-note' }, t('agent.copilot.complete')) : null,
    step ? facts(t('agent.copilot.missing'), step.missing, '') : null,
    step ? facts(t('agent.copilot.skipped'), step.skipped, 'cp-skipped') : null,
    view.signals.injection
      ? h('div', { class: 'cp-signal', 'data-testid': 'copilot-injection' }, t('agent.copilot.injection'))
      : null,
    view.signals.angry ? h('div', { class: 'cp-signal' }, t('agent.copilot.angry')) : null,
  );
}

export interface CardActions {
  insert(s: SuggestionDto): void;
  dismiss(s: SuggestionDto, reason: DismissReason): void;
}

/** Insert (with its shortcut) and Dismiss, which turns into the reasons to pick from. */
function actionRow(
  s: SuggestionDto,
  shortcut: string,
  ids: { insert: string; dismiss: string },
  t: Translate,
  actions: CardActions,
): HTMLElement {
  const row = h('div', { class: 'cp-actions' });
  const showButtons = () => {
    row.replaceChildren(
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn-primary',
          'data-testid': ids.insert,
          'aria-keyshortcuts': shortcut,
          onclick: () => actions.insert(s),
        },
        `${t('agent.copilot.insert')} `,
        h('span', { class: 'kbd' }, shortcut),
      ),
      h(
        'button',
        { type: 'button', class: 'btn btn-secondary', 'data-testid': ids.dismiss, onclick: showReasons },
        t('agent.copilot.dismiss'),
      ),
    );
  };
  function showReasons() {
    row.replaceChildren(
      h(
        'div',
        { class: 'cp-reasons', role: 'group', 'aria-label': t('agent.copilot.dismissWhy') },
        h('span', {}, t('agent.copilot.dismissWhy')),
        ...DISMISS_REASONS.map((r) =>
          h(
            'button',
            {
              type: 'button',
              class: 'btn btn-secondary',
              'data-testid': `copilot-reason-${r}`,
              onclick: () => actions.dismiss(s, r),
            },
            t(`agent.copilot.reason.${r}` as MessageKey),
          ),
        ),
        h(
          'button',
          { type: 'button', class: 'btn btn-secondary', onclick: showButtons },
          t('agent.copilot.cancel'),
        ),
      ),
    );
  }
  showButtons();
  return row;
}

/** One suggestion: text, source and why, Insert (Alt+n) and Dismiss → reason. */
export function renderCard(
  s: SuggestionDto,
  shortcut: string,
  inserted: boolean,
  t: Translate,
  actions: CardActions,
): HTMLElement {
  return h(
    'li',
    {
      class: 'cp-item',
      'data-testid': 'copilot-suggestion',
      'data-id': s.id,
      'data-rank': s.rank,
      'data-source': s.source,
      'data-inserted': inserted ? 'true' : 'false',
    },
    h('p', { class: 'cp-text', 'data-testid': 'copilot-suggestion-text' }, s.text),
    h(
      'div',
      { class: 'cp-meta' },
      h('span', { class: `cp-badge cp-src-${s.source}` }, t(sourceKey(s.source))),
      h('span', { class: 'cp-why', title: s.why }, s.why),
    ),
    actionRow(s, shortcut, { insert: 'copilot-insert', dismiss: 'copilot-dismiss' }, t, actions),
  );
}

/** The LLM draft: streaming text with the provider label, then insertable; or the fallback label. */
export function renderDraft(d: DraftState, t: Translate, actions: CardActions): HTMLElement {
  if (d.state === 'fallback') {
    return h(
      'div',
      {
        class: 'cp-draft',
        'data-state': 'fallback',
        'data-testid': 'copilot-draft',
        'data-reason': d.reason ?? '',
      },
      h(
        'span',
        { class: 'cp-fallback', 'data-testid': 'copilot-fallback', title: d.reason ?? '' },
        t('agent.copilot.fallback'),
      ),
    );
  }
  const label = t('agent.copilot.provider.llm', { model: d.model ?? 'LLM' });
  const suggestion = d.suggestion;
  return h(
    'div',
    {
      class: 'cp-draft',
      'data-state': d.state,
      'data-testid': 'copilot-draft',
      'aria-busy': d.state === 'streaming' ? 'true' : 'false',
    },
    h(
      'div',
      { class: 'cp-meta' },
      h('span', { class: 'cp-badge cp-src-llm-draft' }, t('agent.copilot.draft')),
      h('span', { class: 'cp-why', 'data-testid': 'copilot-draft-provider' }, label),
      d.state === 'streaming' ? h('span', {}, t('agent.copilot.drafting')) : null,
    ),
    h('p', { class: 'cp-text', 'data-testid': 'copilot-draft-text' }, d.text),
    d.state === 'done'
      ? h(
          'div',
          { class: 'cp-meta' },
          h(
            'span',
            {},
            d.citation ? t('agent.copilot.cites', { title: d.citation.title }) : t('agent.copilot.uncited'),
          ),
        )
      : null,
    suggestion
      ? actionRow(
          suggestion,
          'Alt+0',
          { insert: 'copilot-draft-insert', dismiss: 'copilot-draft-dismiss' },
          t,
          actions,
        )
      : null,
  );
}
