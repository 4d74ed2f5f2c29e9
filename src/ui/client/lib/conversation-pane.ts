/**
 * @module The open conversation in the agent workspace: messages (loaded, then live from the
 * conversation stream, deduplicated by seq), Accept / Decline when it is offered to the agent,
 * Claim (a supervisor override while dispatch runs), Transfer and Resolve, and the reply box
 * (Enter sends, Shift+Enter breaks the line; a network failure retries with the same
 * clientMessageId).
 */
import type { ConversationDto, MessageDto } from '#routes/conversations/conversations.routes.ts';
import { ApiError, api, backoff, sleep } from './api.ts';
import { clientId, composing, emptyState, fill, h } from './dom.ts';
import { type Live, live } from './live.ts';
import type { Translate } from './page-data.ts';
import { maskedMessageBody } from './pii-chips.ts';
import { reconnectOrSignIn } from './staff-session.ts';
import { clockTime, dateTime } from './time.ts';

export interface PaneContext {
  root: HTMLElement;
  me: { id: string; role: string };
  lang: 'zh' | 'en';
  t: Translate;
  /** Tells the lists that the conversation changed (claimed, resolved). */
  onChange(conv: ConversationDto): void;
  /** The dispatcher's side: whether it runs, and offers made to this agent. */
  dispatch: {
    readonly live: boolean;
    isOffered(conversationId: string): boolean;
    accept(conversationId: string): Promise<void>;
    decline(conversationId: string): Promise<void>;
  };
  /** Skills to transfer to (key and display name). */
  skills(): { id: string; key: string; name: string }[];
}

interface Draft {
  clientMessageId: string;
  text: string;
  failed?: string;
}

const enc = encodeURIComponent;

export class ConversationPane {
  private conv: ConversationDto | null = null;
  private messages = new Map<number, MessageDto>();
  private drafts: Draft[] = [];
  private stream: Live | null = null;
  private error: string | null = null;
  private busy = false;
  /** Guards against a slow earlier open() finishing after a later one. */
  private ticket = 0;
  private els: { head: HTMLElement; list: HTMLElement; foot: HTMLElement; input: HTMLTextAreaElement };

  constructor(private readonly ctx: PaneContext) {
    const input = h('textarea', {
      class: 'input',
      rows: 2,
      maxlength: 8000,
      placeholder: ctx.t('agent.replyPlaceholder'),
      'aria-label': ctx.t('agent.replyPlaceholder'),
      'data-testid': 'reply-input',
    });
    input.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' && !ev.shiftKey && !composing(ev)) {
        ev.preventDefault();
        void this.send();
      }
    });
    this.els = {
      head: h('div', { class: 'conv-head' }),
      list: h('div', { class: 'messages', role: 'log', 'aria-live': 'polite', 'data-testid': 'messages' }),
      foot: h('div'),
      input,
    };
  }

  get id(): string | null {
    return this.conv?.id ?? null;
  }

  /** Opens a conversation: render what we know at once, then load and go live. */
  async open(id: string): Promise<void> {
    this.close();
    const ticket = ++this.ticket;
    this.error = null;
    fill(this.ctx.root, this.els.head, this.els.list, this.els.foot);
    fill(this.els.list, h('p', { class: 'muted' }, this.ctx.t('common.loading')));
    try {
      const [conv, page] = await Promise.all([
        api<ConversationDto>(`/api/v1/conversations/${enc(id)}`),
        api<{ items: MessageDto[] }>(`/api/v1/conversations/${enc(id)}/messages?limit=1000`),
      ]);
      if (ticket !== this.ticket) return;
      this.conv = conv;
      for (const m of page.items) this.messages.set(m.seq, m);
    } catch (err) {
      if (ticket === this.ticket) fill(this.els.list, this.errorBlock(err));
      return;
    }
    this.render();
    // Replays from the start (cheap for one conversation) so nothing between load and connect is lost.
    this.stream = live({
      url: (after) => `/api/v1/conversations/${enc(id)}/events?after=${after}`,
      on: {
        'message.created': (d) => this.onMessage((d as { message: MessageDto }).message),
        'conversation.assigned': (d) => this.onLifecycle(d as { state: 'assigned'; assigneeId: string }),
        'conversation.resolved': (d) => this.onLifecycle(d as { state: 'resolved' }),
        'conversation.transferred': (d) => this.onLifecycle(d as { state: 'queued'; assigneeId: null }),
      },
      onClosed: reconnectOrSignIn,
    });
  }

  close(): void {
    this.stream?.close();
    this.stream = null;
    this.conv = null;
    this.messages = new Map();
    this.drafts = [];
  }

  focusReply(): void {
    if (!this.els.input.disabled && this.els.input.isConnected) this.els.input.focus();
  }

  private onMessage(m: MessageDto) {
    if (this.messages.has(m.seq)) return;
    this.messages.set(m.seq, m);
    this.drafts = this.drafts.filter((d) => d.clientMessageId !== m.clientMessageId);
    this.renderMessages();
  }

  /** Lifecycle events carry the new state; replayed in order they end at the current one. */
  private onLifecycle(d: { state?: ConversationDto['state']; assigneeId?: string | null }) {
    if (!this.conv || !d.state) return;
    this.conv = {
      ...this.conv,
      state: d.state,
      ...(d.assigneeId !== undefined ? { assigneeId: d.assigneeId } : {}),
    };
    this.ctx.onChange(this.conv);
    this.render();
  }

  /** Re-renders the actions (an offer arrived or went away). */
  refresh(): void {
    if (this.conv) this.render();
  }

  private get oversight(): boolean {
    return this.ctx.me.role === 'supervisor' || this.ctx.me.role === 'admin';
  }

  /** While dispatch runs, claiming is a supervisor override; without it anyone may claim. */
  private canClaim(): boolean {
    return !this.ctx.dispatch.live || this.oversight;
  }

  private async answerOffer(yes: boolean) {
    if (!this.conv || this.busy) return;
    const id = this.conv.id;
    this.busy = true;
    try {
      if (yes) await this.ctx.dispatch.accept(id);
      else await this.ctx.dispatch.decline(id);
    } finally {
      this.busy = false;
    }
    if (this.conv?.id === id) this.render();
  }

  private async transfer(skill: string) {
    if (!this.conv || this.busy || !skill) return;
    this.busy = true;
    this.error = null;
    try {
      this.conv = await api<ConversationDto>(`/api/v1/conversations/${enc(this.conv.id)}/transfer`, {
        method: 'POST',
        body: { skill },
      });
      this.ctx.onChange(this.conv);
    } catch (err) {
      this.error = this.describe(err);
    } finally {
      this.busy = false;
    }
    this.render();
  }

  /** Shows an accepted conversation (the offer list accepted it). */
  accepted(conv: ConversationDto): void {
    if (this.conv?.id !== conv.id) return;
    this.conv = conv;
    this.render();
    this.focusReply();
  }

  private canWrite(): boolean {
    return this.conv?.state === 'assigned' && this.conv.assigneeId === this.ctx.me.id;
  }

  private async act(action: 'claim' | 'resolve') {
    if (!this.conv || this.busy) return;
    this.busy = true;
    this.error = null;
    this.renderHead();
    try {
      this.conv = await api<ConversationDto>(`/api/v1/conversations/${enc(this.conv.id)}/${action}`, {
        method: 'POST',
      });
      this.ctx.onChange(this.conv);
    } catch (err) {
      this.error =
        err instanceof ApiError && err.status === 409 && action === 'claim'
          ? this.ctx.t('agent.claimTaken')
          : this.describe(err);
    } finally {
      this.busy = false;
    }
    this.render();
    if (action === 'claim') this.focusReply();
  }

  private async send() {
    const text = this.els.input.value.trim();
    if (!text || !this.conv || !this.canWrite()) return;
    const draft: Draft = { clientMessageId: clientId('a'), text };
    this.drafts.push(draft);
    this.els.input.value = '';
    this.renderMessages();
    const convId = this.conv.id;
    for (let attempt = 0; ; attempt++) {
      try {
        const m = await api<MessageDto>(`/api/v1/conversations/${enc(convId)}/messages`, {
          method: 'POST',
          body: { text, clientMessageId: draft.clientMessageId },
        });
        if (this.conv?.id === convId) this.onMessage(m);
        return;
      } catch (err) {
        if (err instanceof ApiError && err.retryable && attempt < 6 && this.conv?.id === convId) {
          await sleep(backoff(attempt));
          continue;
        }
        draft.failed = this.describe(err);
        this.renderMessages();
        return;
      }
    }
  }

  private describe(err: unknown): string {
    const reason =
      err instanceof ApiError && err.status === 0
        ? this.ctx.t('common.networkError')
        : (err as Error).message;
    return this.ctx.t('common.error', { reason });
  }

  private errorBlock(err: unknown): HTMLElement {
    return h('div', { class: 'alert alert-error', role: 'alert' }, this.describe(err));
  }

  private render() {
    this.renderHead();
    this.renderMessages();
    this.renderFoot();
  }

  private renderHead() {
    const c = this.conv;
    if (!c) return;
    const { t } = this.ctx;
    const open = c.state === 'assigned' || c.state === 'queued';
    const canResolve = open && (c.assigneeId === this.ctx.me.id || this.oversight);
    const offered = c.state === 'queued' && this.ctx.dispatch.isOffered(c.id);
    const canTransfer = open && (c.assigneeId === this.ctx.me.id || this.oversight);
    const skills = canTransfer ? this.ctx.skills() : [];
    const select = h(
      'select',
      { 'aria-label': t('agent.transferTo'), 'data-testid': 'transfer-skill' },
      h('option', { value: '' }, t('agent.transferTo')),
      ...skills.filter((s) => s.id !== c.skillId).map((s) => h('option', { value: s.key }, s.name)),
    );
    fill(
      this.els.head,
      h(
        'div',
        { class: 'conv-title' },
        h('h2', { 'data-testid': 'conversation-subject' }, c.subject),
        h(
          'div',
          { class: 'conv-meta' },
          h(
            'span',
            { class: `badge badge-${c.state}`, 'data-testid': 'conversation-state' },
            t(`state.${c.state}`),
          ),
          c.triage ? h('span', { class: 'badge badge-triage' }, ` ${t('agent.triage')}`) : null,
          ` · ${t(c.locale === 'en' ? 'common.langTag.en' : 'common.langTag.zh')} · ${t('agent.opened', { time: dateTime(c.createdAt, this.ctx.lang) })}`,
        ),
      ),
      this.error ? h('span', { class: 'alert alert-error', role: 'alert' }, this.error) : null,
      h(
        'div',
        { class: 'conv-actions' },
        offered
          ? h(
              'button',
              {
                class: 'btn btn-primary',
                disabled: this.busy,
                'data-testid': 'accept',
                onclick: () => void this.answerOffer(true),
              },
              t('agent.accept'),
            )
          : null,
        offered
          ? h(
              'button',
              {
                class: 'btn btn-secondary',
                disabled: this.busy,
                'data-testid': 'decline',
                onclick: () => void this.answerOffer(false),
              },
              t('agent.decline'),
            )
          : null,
        c.state === 'queued' && this.canClaim()
          ? h(
              'button',
              {
                class: 'btn btn-primary',
                disabled: this.busy,
                'data-testid': 'claim',
                onclick: () => void this.act('claim'),
              },
              t('agent.claim'),
            )
          : null,
        skills.length
          ? h(
              'span',
              { class: 'transfer' },
              select,
              h(
                'button',
                {
                  class: 'btn btn-secondary',
                  disabled: this.busy,
                  'data-testid': 'transfer',
                  onclick: () => void this.transfer(select.value),
                },
                t('agent.transfer'),
              ),
            )
          : null,
        canResolve
          ? h(
              'button',
              {
                class: 'btn btn-secondary',
                disabled: this.busy,
                'data-testid': 'resolve',
                onclick: () => void this.act('resolve'),
              },
              t('agent.resolve'),
            )
          : null,
      ),
    );
  }

  private renderMessages() {
    const { t } = this.ctx;
    const items = [...this.messages.values()].sort((a, b) => a.seq - b.seq);
    const nodes: Node[] = items.map((m) => {
      const mine = m.authorRole === 'agent' && m.authorId === this.ctx.me.id;
      const who =
        m.authorRole === 'customer' ? t('agent.customer') : mine ? t('agent.you') : t('agent.colleague');
      return h(
        'div',
        {
          class: `msg ${mine ? 'msg-mine' : 'msg-theirs'}`,
          'data-testid': m.authorRole === 'customer' ? 'customer-message' : 'agent-message',
          'data-seq': m.seq,
        },
        // Masked values become chips with a reveal action (pii-chips.ts).
        h('div', { class: 'bubble' }, ...maskedMessageBody(m, t)),
        h('div', { class: 'msg-meta' }, `${who} · ${clockTime(m.createdAt, this.ctx.lang)}`),
      );
    });
    for (const d of this.drafts) {
      nodes.push(
        h(
          'div',
          {
            class: `msg msg-mine ${d.failed ? 'msg-failed' : 'msg-pending'}`,
            'data-testid': 'agent-message',
          },
          h('div', { class: 'bubble' }, d.text),
          h('div', { class: 'msg-meta' }, d.failed ?? t('agent.sending')),
        ),
      );
    }
    if (nodes.length === 0) fill(this.els.list, emptyState('chat', null, t('agent.noMessages')));
    else fill(this.els.list, ...nodes);
    this.els.list.scrollTop = this.els.list.scrollHeight;
  }

  private renderFoot() {
    const c = this.conv;
    if (!c) return;
    const { t } = this.ctx;
    if (this.canWrite()) {
      this.els.foot.className = 'composer';
      const send = h(
        'button',
        { class: 'btn btn-primary', 'data-testid': 'reply-send', onclick: () => void this.send() },
        t('agent.send'),
      );
      this.els.input.disabled = false;
      fill(this.els.foot, this.els.input, send);
      return;
    }
    this.els.input.disabled = true;
    this.els.foot.className = 'composer-note';
    const note =
      c.state === 'queued'
        ? this.ctx.dispatch.isOffered(c.id)
          ? t('agent.acceptToReply')
          : this.canClaim()
            ? t('agent.claimToReply')
            : t('agent.offersWaiting')
        : c.state === 'assigned'
          ? t('agent.assignedToOther')
          : t('agent.resolvedNote');
    fill(this.els.foot, h('span', { 'data-testid': 'composer-note' }, note));
  }
}
