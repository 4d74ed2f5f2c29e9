/**
 * @module The co-pilot panel's knowledge search box: as the agent types (250 ms pause) it asks
 * `GET /api/v1/copilot/knowledge` (the co-pilot's own ranking) and lists the best articles with
 * their best-matching excerpt, each insertable into the reply box.
 */
import type { KnowledgeHitDto } from '#routes/copilot/copilot.routes.ts';
import { api } from '../api.ts';
import { fill, h } from '../dom.ts';
import type { Translate } from '../page-data.ts';

const DEBOUNCE_MS = 250;

export interface KnowledgeSearch {
  el: HTMLElement;
  /** Search in this language (the conversation's), or both when null. */
  setLang(lang: 'zh' | 'en' | null): void;
}

export function createKnowledgeSearch(t: Translate, insert: (text: string) => void): KnowledgeSearch {
  let lang: 'zh' | 'en' | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let ticket = 0;
  const input = h('input', {
    type: 'search',
    class: 'input',
    placeholder: t('agent.copilot.kb.placeholder'),
    'aria-label': t('agent.copilot.kb.label'),
    'data-testid': 'copilot-kb-input',
    maxlength: 200,
  });
  const list = h('ul', { class: 'cp-kb-list', 'data-testid': 'copilot-kb-results', 'aria-live': 'polite' });

  async function search() {
    const q = input.value.trim();
    const mine = ++ticket;
    if (q === '') {
      fill(list);
      return;
    }
    const params = new URLSearchParams({ q, limit: '5', ...(lang ? { lang } : {}) });
    try {
      const { items } = await api<{ items: KnowledgeHitDto[] }>(`/api/v1/copilot/knowledge?${params}`);
      if (mine !== ticket) return;
      if (items.length === 0) {
        fill(list, h('li', { class: 'cp-note' }, t('agent.copilot.kb.none')));
        return;
      }
      fill(
        list,
        ...items.map((a) =>
          h(
            'li',
            { class: 'cp-kb-item', 'data-testid': 'copilot-kb-item', 'data-id': a.id },
            h('strong', {}, a.title),
            h('p', {}, a.excerpt),
            h(
              'button',
              { type: 'button', class: 'btn btn-secondary', onclick: () => insert(a.excerpt) },
              t('agent.copilot.insert'),
            ),
          ),
        ),
      );
    } catch (err) {
      if (mine === ticket)
        fill(list, h('li', { class: 'cp-note' }, t('common.error', { reason: (err as Error).message })));
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void search(), DEBOUNCE_MS);
  });

  return {
    el: h('section', { class: 'cp-section cp-kb' }, input, list),
    setLang(next) {
      lang = next;
    },
  };
}
