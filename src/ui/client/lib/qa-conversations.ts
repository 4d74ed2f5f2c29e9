/**
 * @module The Conversations tab of the QA workspace: the tenant's recent conversations (the qa
 * role reads them all through the conversations API), one conversation's messages, and on each
 * message "Save as golden case", which opens the case editor under the messages. j / k move
 * through the list, Enter opens.
 */

import type { z } from '@hono/zod-openapi';
import type { ConversationDto, MessageDto } from '#routes/conversations/conversations.routes.ts';
import type { SopSummarySchema } from '#routes/directory/directory.routes.ts';
import type { MessageKey } from '../../i18n.ts';
import { api } from './api.ts';
import { emptyState, fill, h } from './dom.ts';
import type { Translate } from './page-data.ts';
import { createCaseEditor } from './qa-case-editor.ts';
import { dateTime } from './time.ts';

type Sop = z.infer<typeof SopSummarySchema>;

export interface ConversationsTabOptions {
  t: Translate;
  lang: 'zh' | 'en';
  list: HTMLElement;
  view: HTMLElement;
  setCount(n: number): void;
  onSaved(): void;
}

export function createConversationsTab(opts: ConversationsTabOptions) {
  const { t, lang, list, view } = opts;
  let loaded: Promise<void> | null = null;
  let conversations: ConversationDto[] = [];
  const sopKeys = new Map<string, string>();
  let current: string | null = null;

  const failure = (err: unknown) =>
    h(
      'div',
      { class: 'alert alert-error', role: 'alert' },
      t('common.error', { reason: (err as Error).message }),
    );

  function renderList() {
    opts.setCount(conversations.length);
    if (conversations.length === 0) {
      return fill(list, h('li', {}, emptyState('chat', null, t('qa.conv.empty'))));
    }
    fill(
      list,
      ...conversations.map((c) =>
        h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              class: 'conv-item',
              'data-testid': 'qa-conv-item',
              'data-id': c.id,
              'aria-current': c.id === current ? 'true' : 'false',
              onclick: () => void open(c.id),
            },
            h(
              'span',
              { class: 'row' },
              h('span', { class: 'conv-subject' }, c.subject),
              h('span', { class: `badge badge-${c.state}` }, t(`state.${c.state}` as MessageKey)),
            ),
            h(
              'span',
              { class: 'conv-meta' },
              dateTime(c.updatedAt, lang),
              c.sopId && sopKeys.has(c.sopId) ? ` · ${sopKeys.get(c.sopId)}` : '',
            ),
          ),
        ),
      ),
    );
  }

  // j / k (and the arrow keys) move between conversations; Enter opens the focused one.
  list.addEventListener('keydown', (ev) => {
    const step =
      ev.key === 'j' || ev.key === 'ArrowDown' ? 1 : ev.key === 'k' || ev.key === 'ArrowUp' ? -1 : 0;
    if (!step) return;
    const items = [...list.querySelectorAll<HTMLButtonElement>('.conv-item')];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const next = items[Math.min(items.length - 1, Math.max(0, at + step))];
    if (next) {
      ev.preventDefault();
      next.focus();
    }
  });

  async function load(force = false): Promise<void> {
    if (loaded && !force) return loaded;
    loaded = (async () => {
      try {
        const [convs, sops] = await Promise.all([
          api<{ items: ConversationDto[] }>('/api/v1/conversations?limit=100'),
          api<{ items: Sop[] }>('/api/v1/sops').catch(() => ({ items: [] as Sop[] })),
        ]);
        for (const s of sops.items) sopKeys.set(s.id, s.key);
        conversations = convs.items;
        renderList();
      } catch (err) {
        loaded = null;
        fill(list, h('li', {}, failure(err)));
      }
    })();
    return loaded;
  }

  let editor: HTMLElement | null = null;

  function openEditor(convId: string, message: MessageDto, anchor: HTMLElement) {
    editor?.remove();
    editor = createCaseEditor({
      t,
      conversationId: convId,
      message,
      onSaved: () => opts.onSaved(),
      onClose: () => {
        editor?.remove();
        editor = null;
        anchor.focus();
      },
    });
    view.append(editor);
    editor.querySelector<HTMLSelectElement>('select')?.focus();
    editor.scrollIntoView({ block: 'nearest' });
  }

  async function open(id: string, seq?: number): Promise<void> {
    await load();
    current = id;
    renderList();
    fill(view, h('p', { class: 'muted qa-pad' }, t('common.loading')));
    let conv = conversations.find((c) => c.id === id);
    let messages: MessageDto[];
    try {
      if (!conv) conv = await api<ConversationDto>(`/api/v1/conversations/${encodeURIComponent(id)}`);
      messages = (
        await api<{ items: MessageDto[] }>(
          `/api/v1/conversations/${encodeURIComponent(id)}/messages?limit=1000`,
        )
      ).items;
    } catch (err) {
      return fill(view, failure(err));
    }
    if (current !== id) return;
    const saveButton = (m: MessageDto) =>
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn-secondary',
          'data-testid': `save-golden-${m.seq}`,
          'aria-label': t('qa.conv.saveFrom', { seq: m.seq }),
          onclick: (ev: Event) => openEditor(id, m, ev.currentTarget as HTMLElement),
        },
        t('qa.conv.save'),
      );
    const lastAgent = messages.filter((m) => m.authorRole === 'agent').at(-1) ?? messages[0];
    const sopKey = conv.sopId ? sopKeys.get(conv.sopId) : undefined;
    fill(
      view,
      h(
        'div',
        { class: 'qa-conv-head' },
        h('h2', { 'data-testid': 'qa-conv-subject' }, conv.subject),
        h('span', { class: `badge badge-${conv.state}` }, t(`state.${conv.state}` as MessageKey)),
        sopKey ? h('span', { class: 'chip' }, t('qa.conv.sop', { sop: sopKey })) : null,
        lastAgent
          ? h(
              'button',
              {
                type: 'button',
                class: 'btn btn-primary',
                'data-testid': 'save-golden',
                onclick: (ev: Event) => openEditor(id, lastAgent, ev.currentTarget as HTMLElement),
              },
              t('qa.conv.save'),
            )
          : null,
      ),
      messages.length === 0
        ? h('p', { class: 'muted qa-pad' }, t('qa.conv.noMessages'))
        : h(
            'ol',
            { class: 'qa-messages', 'data-testid': 'qa-messages' },
            ...messages.map((m) =>
              h(
                'li',
                {
                  class: 'qa-msg',
                  'data-role': m.authorRole,
                  'data-seq': m.seq,
                  'data-testid': 'qa-message',
                },
                h(
                  'div',
                  { class: 'qa-msg-meta' },
                  h('strong', {}, t(`qa.conv.role.${m.authorRole}` as MessageKey)),
                  `#${m.seq} · ${dateTime(m.createdAt, lang)}`,
                  m.pii?.entities.length ? h('span', { class: 'chip' }, t('qa.conv.masked')) : null,
                  h('span', { class: 'spacer' }),
                  m.authorRole === 'system' ? null : saveButton(m),
                ),
                h('div', { class: 'qa-msg-text' }, m.text),
              ),
            ),
          ),
    );
    if (seq !== undefined) {
      view.querySelector<HTMLElement>(`[data-seq="${seq}"]`)?.scrollIntoView({ block: 'center' });
    }
  }

  return { load, open };
}
