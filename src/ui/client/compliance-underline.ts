/**
 * @module The compliance checker in the agent's reply box. Mounted once by the agent island; it
 * finds the reply box in the conversation pane by itself (the pane re-renders around it) and:
 *
 * - checks the draft 200 ms after typing pauses (the embedded rules answer in a few ms; a judged
 *   second pass follows on borderline drafts when the server has an LLM), and underlines the
 *   flagged words with a list of findings, messages and rewrites above the box;
 * - applies a rewrite in one click and re-checks at once;
 * - stops a send with block-level findings: the send button is disabled and Enter is held back,
 *   with a clear message; a send of text not yet checked waits for its check first;
 * - if the server still refuses a send (422, e.g. the rule pack changed meanwhile), puts the text
 *   back in the box and shows why;
 * - lets the agent ask a supervisor to allow a blocked text, and send it once approved.
 *
 * The server enforces block-level findings on every send regardless; this is the fast feedback.
 * `data-latency-ms` on the panel is the time from the last keystroke to findings on screen.
 */
import type { CheckResponse, FindingDto, OverrideDto } from '#routes/compliance/compliance.routes.ts';
import type { MessageKey } from '../i18n.ts';
import { UnderlineOverlay } from './compliance-overlay.ts';
import { applyRewrite } from './compliance-rewrite.ts';
import { ApiError, api } from './lib/api.ts';
import { clientId, composing, fill, h } from './lib/dom.ts';
import type { Translate } from './lib/page-data.ts';

/** Pause after the last keystroke before checking. */
export const CHECK_DEBOUNCE_MS = 200;
/** Further pause before asking for the judged second pass. */
const JUDGE_DELAY_MS = 900;
const OVERRIDE_POLL_MS = 4000;

export interface ComplianceMountOptions {
  /** The conversation section the pane renders into. */
  root: HTMLElement;
  t: Translate;
  /** The open conversation (for its SOP step and customer context), if any. */
  conversationId(): string | null;
}

interface State {
  text: string;
  convId: string | null;
  result: CheckResponse | null;
  error: boolean;
}

interface OverrideState {
  text: string;
  convId: string;
  override: OverrideDto;
}

const STYLES = `
.cu-overlay { position: absolute; z-index: 5; pointer-events: none; overflow: hidden; color: transparent;
  white-space: pre-wrap; overflow-wrap: break-word; word-break: normal; border-style: solid; border-color: transparent;
  background: transparent; margin: 0; }
.cu-mark { text-decoration-line: underline; text-decoration-style: wavy; text-decoration-thickness: 1.5px;
  text-underline-offset: 3px; text-decoration-skip-ink: none; }
.cu-block { text-decoration-color: var(--danger, #b42318); background: rgba(180, 35, 24, 0.08); }
.cu-warn { text-decoration-color: #d08700; }
.cu-info { text-decoration-color: var(--primary, #0a6c7a); }
.cu-panel { border-top: 1px solid var(--border); background: var(--surface-2); padding: 8px 20px; font-size: 13px;
  max-height: 34vh; overflow: auto; }
.cu-head { display: flex; align-items: center; gap: 8px; color: var(--muted); }
.cu-head strong { color: var(--text); font-size: 12.5px; }
.cu-status { flex: 1; }
.cu-panel[data-state="blocked"] .cu-status { color: var(--danger); font-weight: 600; }
.cu-alert { margin: 6px 0 0; padding: 6px 10px; }
.cu-list { list-style: none; margin: 6px 0 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
.cu-item { background: var(--surface); border: 1px solid var(--border); border-left: 3px solid var(--border);
  border-radius: 6px; padding: 6px 10px; display: grid; grid-template-columns: 1fr auto; gap: 2px 10px; }
.cu-item.cu-sev-block { border-left-color: var(--danger); }
.cu-item.cu-sev-warn { border-left-color: #d08700; }
.cu-item .cu-top { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; }
.cu-item .badge-block { background: var(--danger-soft); color: var(--danger); }
.cu-item .badge-warn { background: var(--warn-soft); color: var(--warn); }
.cu-quote { font-weight: 600; cursor: pointer; border: 0; background: none; padding: 0; font: inherit; color: inherit; }
.cu-msg { grid-column: 1; color: var(--text); }
.cu-rw { grid-column: 1; color: var(--muted); }
.cu-item .btn { grid-column: 2; grid-row: 1 / span 3; align-self: center; padding: 4px 10px; font-size: 12.5px; }
.cu-override { margin-top: 6px; display: flex; gap: 6px; align-items: center; flex-wrap: wrap; }
.cu-override .input { flex: 1; min-width: 200px; padding: 4px 8px; }
`;

const EMPTY: CheckResponse = {
  findings: [],
  blocked: false,
  context: { sop: null, step: null },
  packVersion: 0,
  judge: {
    outcome: 'not-needed',
    provider: null,
    model: null,
    latencyMs: 0,
    confirmed: [],
    cleared: [],
    added: 0,
    complaintRisk: null,
  },
};

const enc = encodeURIComponent;

export function mountComplianceUnderline(opts: ComplianceMountOptions) {
  const { root, t } = opts;
  const style = document.createElement('style');
  style.textContent = STYLES;
  document.head.append(style);

  const overlay = new UnderlineOverlay();
  const status = h('span', { class: 'cu-status', 'data-testid': 'compliance-status' });
  const risk = h('span', { class: 'badge cu-risk', 'data-testid': 'compliance-risk', hidden: true });
  const notice = h('div', { class: 'alert alert-error cu-alert', role: 'alert', hidden: true });
  const list = h('ul', { class: 'cu-list', 'data-testid': 'compliance-findings' });
  const overrideBox = h('div', { class: 'cu-override', 'data-testid': 'compliance-override', hidden: true });
  const panel = h(
    'div',
    { class: 'cu-panel', 'data-testid': 'compliance-panel', 'aria-live': 'polite', hidden: true },
    h('div', { class: 'cu-head' }, h('strong', {}, t('agent.compliance.title')), status, risk),
    notice,
    list,
    overrideBox,
  );

  let input: HTMLTextAreaElement | null = null;
  let state: State = { text: '', convId: null, result: null, error: false };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let judgeTimer: ReturnType<typeof setTimeout> | undefined;
  let inflight: AbortController | null = null;
  let seq = 0;
  let lastInputAt = 0;
  let measuring = false;
  let bypass = false;
  let lastSent = '';
  let serverNotice: string | null = null;
  let llm = true;
  let override: OverrideState | null = null;
  let overrideAsking = false;
  let pollTimer: ReturnType<typeof setInterval> | undefined;

  const sendButton = () => root.querySelector<HTMLButtonElement>('[data-testid="reply-send"]');
  const fresh = () =>
    input !== null &&
    state.result !== null &&
    state.text === input.value &&
    state.convId === opts.conversationId();

  // ── Checking ───────────────────────────────────────────────────────────────────────────────

  function schedule() {
    clearTimeout(timer);
    clearTimeout(judgeTimer);
    timer = setTimeout(() => void runCheck(false), CHECK_DEBOUNCE_MS);
  }

  async function runCheck(judge: boolean): Promise<CheckResponse | null> {
    if (!input) return null;
    const text = input.value;
    const convId = opts.conversationId();
    if (!judge && fresh()) return state.result;
    if (text.trim() === '') {
      state = { text, convId, result: EMPTY, error: false };
      render();
      return EMPTY;
    }
    inflight?.abort();
    const ac = new AbortController();
    inflight = ac;
    const mine = ++seq;
    if (!judge) setStatus('checking');
    try {
      const result = await api<CheckResponse>('/api/v1/compliance/check', {
        method: 'POST',
        body: { text, ...(convId ? { conversationId: convId } : {}), judge },
        signal: ac.signal,
      });
      if (mine !== seq) return result;
      if (result.judge.reason === 'not-configured') llm = false;
      state = { text, convId, result, error: false };
      render();
      if (measuring && input.value === text) {
        panel.dataset.latencyMs = (performance.now() - lastInputAt).toFixed(1);
        measuring = false;
      }
      if (!judge && llm && result.findings.length > 0) {
        judgeTimer = setTimeout(() => {
          if (input?.value === text) void runCheck(true);
        }, JUDGE_DELAY_MS);
      }
      return result;
    } catch (err) {
      if ((err as Error).name === 'AbortError') return null;
      if (mine === seq) {
        state = { text, convId, result: null, error: true };
        render();
      }
      return null;
    }
  }

  // ── Rendering ──────────────────────────────────────────────────────────────────────────────

  function setStatus(kind: 'checking' | 'clean' | 'blocked' | 'warned' | 'error') {
    const key: Record<typeof kind, MessageKey> = {
      checking: 'agent.compliance.checking',
      clean: 'agent.compliance.clean',
      blocked: 'agent.compliance.blocked',
      warned: 'agent.compliance.warned',
      error: 'agent.compliance.unavailable',
    };
    status.textContent = t(key[kind]);
    if (kind !== 'checking') panel.dataset.state = kind;
  }

  /** Findings that still sit on the same words of the current text (while a re-check is due). */
  function visibleFindings(): FindingDto[] {
    if (!input || !state.result) return [];
    if (fresh()) return state.result.findings;
    const now = input.value;
    return state.result.findings.filter(
      (f) => now.slice(f.start, f.end) === state.text.slice(f.start, f.end),
    );
  }

  function render() {
    if (!input) return;
    const findings = visibleFindings();
    overlay.draw(
      input.value,
      findings.map((f) => ({ start: f.start, end: f.end, severity: f.severity })),
    );
    const result = fresh() ? state.result : null;
    const blocked = result?.blocked === true;
    panel.hidden = input.value.trim() === '' && serverNotice === null;
    if (input.value.trim() === '') panel.dataset.state = 'idle';
    else if (state.error) setStatus('error');
    else if (result) setStatus(blocked ? 'blocked' : findings.length ? 'warned' : 'clean');
    notice.hidden = serverNotice === null;
    notice.textContent = serverNotice ?? '';
    if (result?.riskLevel && result.riskLevel !== 'low') {
      risk.hidden = false;
      risk.className = `badge cu-risk ${result.riskLevel === 'high' ? 'badge-new' : 'badge-queued'}`;
      risk.textContent = t('agent.compliance.risk', {
        level: t(`agent.compliance.riskLevel.${result.riskLevel}`),
      });
    } else risk.hidden = true;
    fill(list, ...findings.map(item));
    renderOverride(blocked);
    syncSend(blocked);
  }

  function item(f: FindingDto): HTMLElement {
    const words = state.text.slice(f.start, f.end);
    return h(
      'li',
      {
        class: `cu-item cu-sev-${f.severity}`,
        'data-testid': 'compliance-finding',
        'data-rule': f.rule,
        'data-severity': f.severity,
      },
      h(
        'div',
        { class: 'cu-top' },
        h('span', { class: `badge badge-${f.severity}` }, t(`agent.compliance.severity.${f.severity}`)),
        h('span', { class: 'muted' }, t(`agent.compliance.category.${f.category}` as MessageKey)),
        words.trim()
          ? h('button', { type: 'button', class: 'cu-quote', onclick: () => select(f) }, `“${words}”`)
          : null,
      ),
      h('div', { class: 'cu-msg' }, f.message),
      f.rewrite ? h('div', { class: 'cu-rw' }, t('agent.compliance.rewrite', { text: f.rewrite })) : null,
      f.rewrite
        ? h(
            'button',
            {
              type: 'button',
              class: 'btn btn-secondary',
              'data-testid': 'compliance-apply',
              onclick: () => void apply(f),
            },
            t('agent.compliance.apply'),
          )
        : null,
    );
  }

  function select(f: FindingDto) {
    if (!input || !fresh()) return;
    input.focus();
    input.setSelectionRange(f.start, f.end);
  }

  async function apply(f: FindingDto) {
    if (!input) return;
    if (!fresh()) {
      await runCheck(false);
      return;
    }
    const out = applyRewrite(input.value, f);
    input.value = out.text;
    input.focus();
    input.setSelectionRange(out.caret, out.caret);
    // Others listening to the box (drafts, the co-pilot) hear about the change too.
    input.dispatchEvent(new Event('input', { bubbles: true }));
    clearTimeout(timer);
    await runCheck(false);
  }

  function syncSend(blocked: boolean) {
    const button = sendButton();
    if (!button) return;
    button.disabled = blocked;
    if (blocked) {
      button.title = t('agent.compliance.blocked');
      button.dataset.complianceBlocked = 'true';
    } else {
      button.removeAttribute('title');
      delete button.dataset.complianceBlocked;
    }
  }

  // ── Holding back a send ────────────────────────────────────────────────────────────────────

  function guard(ev: Event, resend: () => void) {
    if (!input || bypass) return;
    const text = input.value;
    if (text.trim() === '') return;
    if (fresh()) {
      if (state.result?.blocked) {
        ev.preventDefault();
        ev.stopImmediatePropagation();
        setStatus('blocked');
        list.querySelector<HTMLButtonElement>('[data-testid="compliance-apply"]')?.focus();
        return;
      }
      sent(text);
      return;
    }
    // Not checked yet (typed and sent within the pause): check first, then send if allowed.
    ev.preventDefault();
    ev.stopImmediatePropagation();
    clearTimeout(timer);
    void runCheck(false).then((result) => {
      if (!input || input.value !== text || result?.blocked) return;
      sent(text);
      bypass = true;
      try {
        resend();
      } finally {
        bypass = false;
      }
    });
  }

  function sent(text: string) {
    lastSent = text.trim();
    serverNotice = null;
    // The pane empties the box after reading it; follow once it has.
    setTimeout(() => {
      if (input && input.value !== state.text) {
        state = { text: '', convId: opts.conversationId(), result: EMPTY, error: false };
        render();
      }
    }, 0);
  }

  document.addEventListener(
    'keydown',
    (ev) => {
      if (ev.target !== input || ev.key !== 'Enter' || ev.shiftKey || composing(ev)) return;
      guard(ev, () => sendButton()?.click());
    },
    true,
  );
  document.addEventListener(
    'click',
    (ev) => {
      const button = (ev.target as Element | null)?.closest?.('[data-testid="reply-send"]');
      if (!button || !root.contains(button)) return;
      guard(ev, () => (button as HTMLButtonElement).click());
    },
    true,
  );

  /** A send the server refused: if compliance is why, the text goes back in the box with its findings. */
  async function onFailedSend(bubble: HTMLElement) {
    const text = bubble.querySelector('.bubble')?.textContent ?? '';
    if (!input || text === '' || text !== lastSent || input.value.trim() !== '') return;
    // Once: the pane re-renders its failed drafts with every new message.
    lastSent = '';
    input.value = text;
    const result = await runCheck(false);
    if (!result?.blocked) {
      input.value = '';
      await runCheck(false);
      return;
    }
    serverNotice = `${t('agent.compliance.serverBlocked')} ${t('agent.compliance.restored')}`;
    render();
    input.focus();
  }

  // ── Supervisor override ────────────────────────────────────────────────────────────────────

  function renderOverride(blocked: boolean) {
    const convId = opts.conversationId();
    const current =
      override && input && override.text === input.value && override.convId === convId ? override : null;
    if (!current) stopPolling();
    if (!blocked || !convId || !input) {
      overrideBox.hidden = true;
      return;
    }
    overrideBox.hidden = false;
    if (current?.override.status === 'approved') {
      fill(
        overrideBox,
        h('span', {}, t('agent.compliance.overrideApproved')),
        h(
          'button',
          {
            type: 'button',
            class: 'btn btn-primary',
            'data-testid': 'compliance-send-approved',
            onclick: () => void sendApproved(current),
          },
          t('agent.compliance.sendApproved'),
        ),
      );
      return;
    }
    if (current?.override.status === 'requested') {
      fill(overrideBox, h('span', { class: 'muted' }, t('agent.compliance.overrideRequested')));
      return;
    }
    if (!overrideAsking) {
      fill(
        overrideBox,
        h(
          'button',
          {
            type: 'button',
            class: 'btn btn-ghost',
            'data-testid': 'compliance-request-override',
            onclick: () => {
              overrideAsking = true;
              render();
            },
          },
          t('agent.compliance.requestOverride'),
        ),
      );
      return;
    }
    const reason = h('input', {
      class: 'input',
      maxlength: 500,
      placeholder: t('agent.compliance.overrideReason'),
      'aria-label': t('agent.compliance.overrideReason'),
      'data-testid': 'compliance-override-reason',
    });
    fill(
      overrideBox,
      reason,
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn-secondary',
          onclick: () => void askOverride(reason.value),
        },
        t('agent.compliance.overrideSubmit'),
      ),
    );
    reason.focus();
  }

  async function askOverride(reason: string) {
    const convId = opts.conversationId();
    if (!input || !convId || reason.trim().length < 3) return;
    const text = input.value;
    try {
      const created = await api<OverrideDto>(`/api/v1/conversations/${enc(convId)}/compliance/overrides`, {
        method: 'POST',
        body: { text, reason },
      });
      override = { text, convId, override: created };
      overrideAsking = false;
      if (created.status === 'requested') startPolling();
    } catch (err) {
      serverNotice = t('common.error', { reason: (err as Error).message });
    }
    render();
  }

  function startPolling() {
    stopPolling();
    pollTimer = setInterval(async () => {
      if (!override) return stopPolling();
      try {
        const { items } = await api<{ items: OverrideDto[] }>(
          `/api/v1/conversations/${enc(override.convId)}/compliance/overrides`,
        );
        const now = items.find((o) => o.id === override?.override.id);
        if (now && now.status !== override.override.status) {
          override = { ...override, override: now };
          if (now.status !== 'requested') stopPolling();
          render();
        }
      } catch {
        // Try again at the next tick.
      }
    }, OVERRIDE_POLL_MS);
  }

  function stopPolling() {
    clearInterval(pollTimer);
    pollTimer = undefined;
  }

  async function sendApproved(current: OverrideState) {
    if (!input) return;
    try {
      await api(`/api/v1/conversations/${enc(current.convId)}/messages`, {
        method: 'POST',
        body: { text: current.text.trim(), clientMessageId: clientId('a'), overrideId: current.override.id },
      });
      override = null;
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    } catch (err) {
      serverNotice = t('common.error', {
        reason: err instanceof ApiError ? err.message : String(err),
      });
      render();
    }
  }

  // ── Finding the reply box ──────────────────────────────────────────────────────────────────

  function bind(box: HTMLTextAreaElement) {
    input = box;
    overlay.attach(box);
    box.addEventListener('input', (ev) => {
      lastInputAt = performance.now();
      measuring = true;
      serverNotice = null;
      if (!(ev as InputEvent).isComposing) schedule();
      render();
    });
    box.addEventListener('compositionend', schedule);
  }

  function layout(mutations: MutationRecord[]) {
    if (mutations.length > 0 && mutations.every((m) => panel.contains(m.target))) return;
    const box = root.querySelector<HTMLTextAreaElement>('textarea[data-testid="reply-input"]');
    if (box && box !== input) bind(box);
    const composer = box?.parentElement;
    if (box && composer && composer.parentElement === root) {
      if (panel.nextElementSibling !== composer) root.insertBefore(panel, composer);
    } else if (panel.isConnected) panel.remove();
    for (const m of mutations) {
      for (const node of m.addedNodes) {
        if (node instanceof HTMLElement && node.classList.contains('msg-failed')) void onFailedSend(node);
      }
    }
    // A new conversation or a re-rendered composer: draw and gate again for what is there now.
    if (input && state.convId !== opts.conversationId() && input.value.trim() !== '') schedule();
    render();
  }

  new MutationObserver(layout).observe(root, { childList: true, subtree: true });
  layout([]);
}
