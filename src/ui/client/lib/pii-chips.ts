/**
 * @module Masked values in messages, shown as chips with a reveal action. Revealing asks for a
 * reason, calls the reveal endpoint (which checks role and SOP step and audits), shows the raw
 * value for the time the server allows and then masks it again. Revealed values live only in this
 * module's memory, never in the message list, so a re-render can not keep them on screen longer.
 */
import { h, icon } from './dom.ts';
import type { Translate } from './page-data.ts';

interface Entity {
  id: string;
  type: string;
  start: number;
  end: number;
}

export interface MaskedMessage {
  conversationId: string;
  text: string;
  pii?: unknown;
}

interface Revealed {
  value: string;
  until: number;
  timer: ReturnType<typeof setTimeout>;
  tick: ReturnType<typeof setInterval>;
}

interface RevealResponse {
  value: string;
  type: string;
  expiresAt: number;
  ttlSeconds: number;
}

const revealed = new Map<string, Revealed>();
/** The one open reason form, kept across re-renders so typing is not lost when a message arrives. */
let openForm: { entityId: string; node: HTMLElement } | null = null;

function entitiesOf(m: MaskedMessage): Entity[] {
  const pii = m.pii as { entities?: unknown } | null | undefined;
  if (!pii || !Array.isArray(pii.entities)) return [];
  return (pii.entities as Entity[])
    .filter(
      (e) =>
        typeof e?.id === 'string' &&
        Number.isInteger(e.start) &&
        Number.isInteger(e.end) &&
        e.start >= 0 &&
        e.end <= m.text.length &&
        e.start < e.end,
    )
    .sort((a, b) => a.start - b.start);
}

/** Every chip of an entity on the page (a message can be shown twice while lists re-render). */
function refresh(entityId: string, m: MaskedMessage, e: Entity, t: Translate) {
  for (const el of document.querySelectorAll<HTMLElement>('.pii-chip')) {
    if (el.dataset.entity === entityId) el.replaceWith(chip(m, e, t));
  }
}

function hide(entityId: string) {
  const r = revealed.get(entityId);
  if (!r) return;
  clearTimeout(r.timer);
  clearInterval(r.tick);
  revealed.delete(entityId);
}

/** The refusal as the agent should read it: by the server's denial code, in the page language. */
function refusal(problem: { code?: string; detail?: string; denial?: string; step?: string }, t: Translate) {
  if (problem.code === 'vault_unreadable') return t('agent.pii.unreadable');
  if (problem.denial === 'step') return t('agent.pii.denied.step', { step: problem.step ?? '' });
  if (problem.denial === 'role') return t('agent.pii.denied.role');
  if (problem.denial === 'no_sop') return t('agent.pii.denied.no_sop');
  return t('agent.pii.denied.other', { reason: problem.detail ?? problem.code ?? '' });
}

async function reveal(m: MaskedMessage, e: Entity, reason: string, t: Translate, error: HTMLElement) {
  error.textContent = '';
  const url = `/api/v1/conversations/${encodeURIComponent(m.conversationId)}/pii/${encodeURIComponent(e.id)}/reveal`;
  let res: RevealResponse;
  try {
    // Not through api(): the refusal's denial code is needed, not just its detail.
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ reason }),
      credentials: 'same-origin',
    });
    const body = (await response.json()) as RevealResponse & { code?: string; detail?: string };
    if (!response.ok) {
      error.textContent = refusal(body, t);
      return;
    }
    res = body;
  } catch (err) {
    error.textContent = t('common.error', { reason: (err as Error).message || t('common.networkError') });
    return;
  }
  hide(e.id);
  // The server's TTL, timed on this clock: the two clocks need not agree.
  const ms = res.ttlSeconds * 1000;
  const entry: Revealed = {
    value: res.value,
    until: Date.now() + ms,
    timer: setTimeout(() => {
      hide(e.id);
      refresh(e.id, m, e, t);
    }, ms),
    tick: setInterval(() => {
      for (const el of document.querySelectorAll<HTMLElement>('.pii-chip .pii-ttl')) {
        if (el.parentElement?.dataset.entity === e.id) el.textContent = secondsLeft(entry);
      }
    }, 1000),
  };
  revealed.set(e.id, entry);
  openForm?.node.remove();
  openForm = null;
  refresh(e.id, m, e, t);
}

const secondsLeft = (r: Revealed) => `${Math.max(0, Math.ceil((r.until - Date.now()) / 1000))}s`;

function reasonForm(m: MaskedMessage, e: Entity, t: Translate): HTMLElement {
  const input = h('input', {
    class: 'input',
    required: true,
    minlength: 3,
    maxlength: 500,
    placeholder: t('agent.pii.reasonPlaceholder'),
    'aria-label': t('agent.pii.reason'),
    'data-testid': 'pii-reason',
  });
  const error = h('span', { class: 'pii-form-error', role: 'alert', 'data-testid': 'pii-error' });
  const form = h(
    'form',
    { class: 'pii-form', 'data-testid': 'pii-form' },
    input,
    h(
      'button',
      { class: 'btn btn-primary', type: 'submit', 'data-testid': 'pii-confirm' },
      t('agent.pii.confirm'),
    ),
    h(
      'button',
      {
        class: 'btn btn-secondary',
        type: 'button',
        onclick: () => {
          openForm = null;
          form.remove();
        },
      },
      t('agent.pii.cancel'),
    ),
    error,
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const reason = input.value.trim();
    if (reason.length < 3) {
      error.textContent = t('agent.pii.reasonTooShort');
      return;
    }
    void reveal(m, e, reason, t, error);
  });
  return form;
}

function chip(m: MaskedMessage, e: Entity, t: Translate): HTMLElement {
  const type = t(`agent.pii.type.${e.type}` as Parameters<Translate>[0]);
  const label = type.startsWith('agent.pii.type.') ? e.type : type;
  const shown = revealed.get(e.id);
  if (shown) {
    return h(
      'span',
      {
        class: 'pii-chip',
        'data-entity': e.id,
        'data-type': e.type,
        'data-state': 'revealed',
        'data-testid': 'pii-chip',
        title: t('agent.pii.revealedTitle', { type: label }),
      },
      h('span', { 'data-testid': 'pii-value' }, shown.value),
      h('span', { class: 'pii-ttl', 'aria-label': t('agent.pii.hidesIn') }, secondsLeft(shown)),
    );
  }
  const el = h(
    'span',
    {
      class: 'pii-chip',
      'data-entity': e.id,
      'data-type': e.type,
      'data-state': 'masked',
      'data-testid': 'pii-chip',
      title: label,
    },
    m.text.slice(e.start, e.end),
  );
  const button = h(
    'button',
    {
      class: 'pii-reveal',
      type: 'button',
      'aria-label': t('agent.pii.reveal', { type: label }),
      title: t('agent.pii.reveal', { type: label }),
      'data-testid': 'pii-reveal',
    },
    icon('lock', 'icon icon-inline'),
  );
  button.addEventListener('click', () => {
    const bubble = el.closest('.bubble') ?? el.parentElement;
    openForm?.node.remove();
    const node = reasonForm(m, e, t);
    openForm = { entityId: e.id, node };
    bubble?.append(node);
    node.querySelector('input')?.focus();
  });
  el.append(button);
  return el;
}

/**
 * A message's text as nodes: plain text with each masked entity as a chip. Messages without
 * entities come back as their text. An open reason form is re-attached after the text.
 */
export function maskedMessageBody(m: MaskedMessage, t: Translate): (Node | string)[] {
  const entities = entitiesOf(m);
  if (entities.length === 0) return [m.text];
  const out: (Node | string)[] = [];
  let cursor = 0;
  for (const e of entities) {
    if (e.start < cursor) continue;
    out.push(m.text.slice(cursor, e.start), chip(m, e, t));
    cursor = e.end;
  }
  out.push(m.text.slice(cursor));
  if (openForm && entities.some((e) => e.id === openForm?.entityId)) out.push(openForm.node);
  return out;
}
