/**
 * @module The suggested-reply co-pilot beside the agent's open conversation. Mounted once by the
 * agent island; it follows the conversation pane by itself (the open conversation id, and whether
 * its reply box is writable — i.e. the conversation is assigned to this agent) and:
 *
 * - subscribes to `…/suggestions/stream` while such a conversation is open: the server sends
 *   suggestions at once and again after every new message, and (with an LLM) a draft streamed
 *   token by token, or the fallback label;
 * - shows the SOP step and what it still needs, the three suggestions with source and why, and
 *   the draft with its provider;
 * - inserts a suggestion into the reply box (button, Alt+1/2/3 or Ctrl+1/2/3, Alt+0 for the
 *   draft) for the agent to edit; Ctrl+Enter sends from anywhere on the page (through the pane's
 *   own send button, so every guard on sending still applies);
 * - reports what happened to an inserted suggestion once the agent's message is stored (accept
 *   when sent as suggested, edit otherwise — the server measures the edit distance), and dismissals
 *   with a reason;
 * - searches the knowledge base with the co-pilot's ranking.
 */
import type { FeedbackDto, SuggestionDto, SuggestionsDto } from '#routes/copilot/suggestions.routes.ts';
import { api } from './lib/api.ts';
import { createKnowledgeSearch } from './lib/copilot/knowledge-search.ts';
import {
  type DismissReason,
  type DraftState,
  renderCard,
  renderDraft,
  renderStep,
} from './lib/copilot/render.ts';
import { addStyles, COPILOT_PANEL_STYLES } from './lib/copilot/styles.ts';
import { fill, h } from './lib/dom.ts';
import type { Translate } from './lib/page-data.ts';

export interface CopilotPanelOptions {
  /** The workspace grid; the panel joins it as a third column. */
  workspace: HTMLElement;
  /** The conversation section the pane renders into (the reply box lives there). */
  root: HTMLElement;
  me: { id: string };
  lang: 'zh' | 'en';
  t: Translate;
  /** The open conversation, if any. */
  conversationId(): string | null;
}

interface Pending {
  suggestionId: string;
  text: string;
}

const enc = encodeURIComponent;
const RECONNECT_MS = 3000;
/** Keyboard digits → suggestion rank (0 = the LLM draft). */
const DIGITS: Record<string, number> = { Digit0: 0, Digit1: 1, Digit2: 2, Digit3: 3 };

export function mountCopilotPanel(opts: CopilotPanelOptions): void {
  const { t, root } = opts;
  addStyles('copilot-panel-styles', COPILOT_PANEL_STYLES);

  let convId: string | null = null;
  let source: EventSource | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let view: SuggestionsDto | null = null;
  let draft: DraftState | null = null;
  let pending: Pending | null = null;
  let closedNote = false;
  const dismissed = new Set<string>();

  const replyBox = () => root.querySelector<HTMLTextAreaElement>('textarea[data-testid="reply-input"]');
  const provider = h('span', { class: 'cp-provider', 'data-testid': 'copilot-provider' });
  const stepEl = h('div');
  const draftEl = h('div', { class: 'cp-section', hidden: true });
  const list = h('ol', { class: 'cp-list', 'data-testid': 'copilot-suggestions', 'aria-live': 'polite' });
  const note = h('div', { class: 'cp-note', 'data-testid': 'copilot-note', 'aria-live': 'polite' });
  const kb = createKnowledgeSearch(t, (text) => insertText(text, null));
  const panel = h(
    'aside',
    {
      class: 'copilot',
      'data-testid': 'copilot-panel',
      'aria-label': t('agent.copilot.title'),
      hidden: true,
    },
    h('div', { class: 'cp-head' }, h('h2', {}, t('agent.copilot.title')), provider),
    stepEl,
    draftEl,
    h('section', { class: 'cp-section' }, list, note),
    kb.el,
    h('div', { class: 'cp-keys' }, t('agent.copilot.keys')),
  );
  opts.workspace.append(panel);

  const actions = {
    insert: (s: SuggestionDto) => insertText(s.text, s),
    dismiss: (s: SuggestionDto, reason: DismissReason) => void dismiss(s, reason),
  };

  function render() {
    if (!view) {
      fill(stepEl);
      fill(list);
      note.textContent = closedNote ? t('agent.copilot.closed') : t('agent.copilot.loading');
      renderDraftSection();
      return;
    }
    panel.dataset.seq = String(view.seq);
    provider.textContent = view.llm.configured
      ? t('agent.copilot.provider.llm', { model: view.llm.model ?? 'LLM' })
      : t('agent.copilot.provider.embedded');
    fill(stepEl, renderStep(view, opts.lang, t));
    kb.setLang(view.lang);
    const shown = view.suggestions.filter((s) => !dismissed.has(s.id));
    fill(
      list,
      ...shown.map((s) => renderCard(s, `Alt+${s.rank}`, pending?.suggestionId === s.id, t, actions)),
    );
    note.textContent = closedNote
      ? t('agent.copilot.closed')
      : shown.length === 0
        ? t('agent.copilot.none')
        : '';
    renderDraftSection();
  }

  function renderDraftSection() {
    draftEl.hidden = draft === null;
    if (draft) fill(draftEl, renderDraft(draft, t, actions));
  }

  /** Puts text in the reply box for the agent to edit; the compliance check and others see an input event. */
  function insertText(text: string, from: SuggestionDto | null) {
    const box = replyBox();
    if (!box || box.disabled) return;
    box.value = text;
    box.dispatchEvent(new Event('input', { bubbles: true }));
    box.focus();
    box.setSelectionRange(text.length, text.length);
    pending = from ? { suggestionId: from.id, text: from.text } : null;
    render();
    note.textContent = t('agent.copilot.inserted');
  }

  async function feedback(suggestionId: string, body: Record<string, string>) {
    if (!convId) return;
    try {
      await api<FeedbackDto>(
        `/api/v1/conversations/${enc(convId)}/suggestions/${enc(suggestionId)}/feedback`,
        {
          method: 'POST',
          body,
        },
      );
    } catch {
      // Feedback is measurement, never in the agent's way.
    }
  }

  async function dismiss(s: SuggestionDto, reason: DismissReason) {
    dismissed.add(s.id);
    if (draft?.suggestion?.id === s.id) draft = null;
    if (pending?.suggestionId === s.id) pending = null;
    render();
    await feedback(s.id, { action: 'dismiss', reason });
  }

  /** The agent's own message was stored: what they did with the suggestion they inserted. */
  function onSent(text: string) {
    if (!pending) return;
    const { suggestionId, text: suggested } = pending;
    pending = null;
    const action = text.trim() === suggested.trim() ? 'accept' : 'edit';
    void feedback(suggestionId, { action, sentText: text });
  }

  function disconnect() {
    clearTimeout(retry);
    source?.close();
    source = null;
  }

  function connect(id: string) {
    disconnect();
    const es = new EventSource(`/api/v1/conversations/${enc(id)}/suggestions/stream`);
    source = es;
    const on = (type: string, handle: (data: never) => void) =>
      es.addEventListener(type, (ev) => {
        if (source === es) handle(JSON.parse((ev as MessageEvent<string>).data) as never);
      });
    on('suggestions', (d: SuggestionsDto) => {
      view = d;
      // A draft answers one message: once the conversation has moved on, it goes.
      if (draft && draft.seq < d.seq) draft = null;
      closedNote = false;
      render();
    });
    on('message', (m: { authorRole: string; authorId: string; text: string }) => {
      if (m.authorRole === 'agent' && m.authorId === opts.me.id) onSent(m.text);
    });
    on('draft.start', (d: { draftId: string; seq: number; model: string | null }) => {
      draft = {
        id: d.draftId,
        seq: d.seq,
        state: 'streaming',
        text: '',
        model: d.model,
        suggestion: null,
        citation: null,
        reason: null,
      };
      render();
    });
    on('draft.delta', (d: { draftId: string; text: string }) => {
      if (draft?.id !== d.draftId || draft.state !== 'streaming') return;
      draft.text += d.text;
      // Token by token: only the text node changes.
      const el = draftEl.querySelector('[data-testid="copilot-draft-text"]');
      if (el) el.textContent = draft.text;
      else renderDraftSection();
    });
    on(
      'draft.done',
      (d: { draftId: string; suggestion: SuggestionDto; citation: { title: string } | null }) => {
        if (draft?.id !== d.draftId) return;
        draft = {
          ...draft,
          state: 'done',
          text: d.suggestion.text,
          suggestion: d.suggestion,
          citation: d.citation,
        };
        renderDraftSection();
      },
    );
    on('draft.fallback', (d: { draftId: string; reason: string }) => {
      draft = {
        id: d.draftId,
        seq: view?.seq ?? 0,
        state: 'fallback',
        text: '',
        model: draft?.model ?? null,
        suggestion: null,
        citation: null,
        reason: d.reason,
      };
      renderDraftSection();
    });
    on('closed', () => {
      closedNote = true;
      disconnect();
      render();
    });
    es.onerror = () => {
      if (source !== es || es.readyState !== EventSource.CLOSED) return;
      // Refused (no longer ours) or the server went away: look again in a moment.
      disconnect();
      retry = setTimeout(() => {
        if (convId === id && !closedNote) connect(id);
      }, RECONNECT_MS);
    };
  }

  /** Follows the pane: a writable reply box for an open conversation means it is this agent's. */
  function follow() {
    const box = replyBox();
    const id = opts.conversationId();
    const wanted = id && box && !box.disabled ? id : null;
    if (wanted === convId) return;
    disconnect();
    convId = wanted;
    view = null;
    draft = null;
    pending = null;
    closedNote = false;
    dismissed.clear();
    panel.hidden = wanted === null;
    opts.workspace.classList.toggle('has-copilot', wanted !== null);
    render();
    if (wanted) connect(wanted);
  }

  function shortcut(rank: number): boolean {
    if (rank === 0) {
      if (!draft?.suggestion) return false;
      insertText(draft.suggestion.text, draft.suggestion);
      return true;
    }
    const s = view?.suggestions.filter((x) => !dismissed.has(x.id))[rank - 1];
    if (!s) return false;
    insertText(s.text, s);
    return true;
  }

  document.addEventListener('keydown', (ev) => {
    if (!convId) return;
    const rank = DIGITS[ev.code];
    if (rank !== undefined && (ev.altKey || ev.ctrlKey) && !ev.shiftKey && !ev.metaKey) {
      if (shortcut(rank)) ev.preventDefault();
      return;
    }
    // In the reply box Enter (with or without Ctrl) already sends; elsewhere Ctrl+Enter does.
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey) && ev.target !== replyBox()) {
      const send = root.querySelector<HTMLButtonElement>('[data-testid="reply-send"]');
      if (send && !send.disabled) {
        ev.preventDefault();
        send.click();
      }
    }
  });

  new MutationObserver(follow).observe(root, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['disabled'],
  });
  follow();
}
