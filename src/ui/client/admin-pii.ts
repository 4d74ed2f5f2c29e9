/**
 * @module Admin island for the PII tab: a try-it box that highlights entities as you type
 * (debounced calls to /pii/detect), the reveal policy, tenant patterns, the PII types each SOP
 * step may reveal (toggles save at once) and the audit log with filters, paging and export.
 * Loads when the tab is first shown; the audit log reloads every time it is shown.
 */
import type { AuditEntryDto } from '#routes/audit/audit.routes.ts';
import type { DetectResponse, PatternsDto, PolicyDto, SopPolicyDto } from '#routes/pii/pii.routes.ts';
import type { Strings } from '../i18n.ts';
import { ApiError, api } from './lib/api.ts';
import { byId, emptyState, fill, h } from './lib/dom.ts';
import { makeT, readPageData } from './lib/page-data.ts';
import { dateTime } from './lib/time.ts';

interface PageData {
  lang: 'zh' | 'en';
  strings: Partial<Strings>;
}

const data = readPageData<PageData>();
const t = makeT(data.strings);
const zh = data.lang === 'zh';
const panel = byId('panel-pii');

const errorText = (err: unknown) => t('common.error', { reason: (err as Error).message });
const card = (cls: string, testid: string, title: string, ...children: (Node | null)[]) =>
  h('section', { class: `card ${cls}`, 'data-testid': testid }, h('h2', {}, title), ...children);

/** PUT with the JSON API's error shape (api() only sends GET and POST). */
async function put<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(path, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  const json = (await res.json()) as T & {
    code?: string;
    detail?: string;
    errors?: { path: string; message: string }[];
  };
  if (!res.ok) {
    const fields = json.errors?.map((e) => `${e.path}: ${e.message}`).join('; ');
    throw new ApiError(res.status, json.code ?? 'http_error', fields || json.detail || `HTTP ${res.status}`);
  }
  return json;
}

// ── Try it ──────────────────────────────────────────────────────────────────────────────────

function tryIt(): HTMLElement {
  const input = h('textarea', {
    class: 'input',
    rows: 4,
    maxlength: 8000,
    placeholder: t('admin.pii.try.placeholder'),
    'aria-label': t('admin.pii.try.label'),
    'data-testid': 'pii-try-input',
  });
  const preview = h('div', { class: 'pii-preview', 'aria-live': 'polite', 'data-testid': 'pii-try-preview' });
  const summary = h('div', { class: 'pii-entities muted', 'data-testid': 'pii-try-summary' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: AbortController | null = null;

  async function detect(text: string) {
    inFlight?.abort();
    if (!text.trim()) {
      fill(preview);
      fill(summary);
      return;
    }
    const request = new AbortController();
    inFlight = request;
    let result: DetectResponse;
    try {
      result = await api<DetectResponse>('/api/v1/pii/detect', {
        method: 'POST',
        body: { text },
        signal: request.signal,
      });
    } catch (err) {
      if ((err as Error).name !== 'AbortError') fill(summary, errorText(err));
      return;
    }
    // Offsets refer to the text that was sent; the box may have changed since.
    const nodes: (Node | string)[] = [];
    let cursor = 0;
    for (const e of result.entities) {
      nodes.push(
        text.slice(cursor, e.start),
        h(
          'mark',
          {
            class: 'pii-hit',
            'data-type': e.type,
            'data-testid': 'pii-hit',
            title: `${e.type} · ${e.score}`,
          },
          text.slice(e.start, e.end),
        ),
      );
      cursor = e.end;
    }
    nodes.push(text.slice(cursor));
    fill(preview, ...nodes);
    fill(
      summary,
      result.entities.length === 0
        ? t('admin.pii.try.none')
        : h(
            'div',
            {},
            h('strong', {}, t('admin.pii.try.count', { n: result.entities.length })),
            ' ',
            ...result.entities.map((e) =>
              h(
                'span',
                { class: 'chip', 'data-testid': 'pii-try-entity', 'data-type': e.type },
                h('code', {}, e.type),
                ` ${e.display}`,
              ),
            ),
            h(
              'div',
              {},
              `${t('admin.pii.try.masked')}: `,
              h('code', { 'data-testid': 'pii-try-masked' }, result.masked),
            ),
          ),
    );
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void detect(input.value), 250);
  });
  return card(
    'pii-try',
    'pii-try',
    t('admin.pii.try.title'),
    h('p', { class: 'muted small' }, t('admin.pii.try.hint')),
    input,
    preview,
    summary,
  );
}

// ── Policy and patterns ─────────────────────────────────────────────────────────────────────

function policyCard(policy: PolicyDto): HTMLElement {
  const roles = (['supervisor', 'admin'] as const).map((role) => {
    const box = h('input', {
      type: 'checkbox',
      value: role,
      checked: policy.revealRoles.includes(role),
      'data-testid': `pii-policy-${role}`,
    });
    return { role, box, label: h('label', {}, box, ` ${t(`role.${role}`)}`) };
  });
  const seconds = h('input', {
    class: 'input',
    type: 'number',
    min: 1,
    max: 600,
    value: policy.revealSeconds,
    'data-testid': 'pii-policy-seconds',
  });
  const status = h('span', { class: 'pii-saved', role: 'status' });
  const save = h(
    'button',
    { class: 'btn btn-primary', type: 'button', 'data-testid': 'pii-policy-save' },
    t('admin.pii.save'),
  );
  save.addEventListener('click', async () => {
    status.textContent = '';
    try {
      await put<PolicyDto>('/api/v1/pii/policy', {
        revealRoles: roles.filter((r) => r.box.checked).map((r) => r.role),
        revealSeconds: Number(seconds.value),
      });
      status.textContent = t('admin.pii.saved');
    } catch (err) {
      status.textContent = errorText(err);
    }
  });
  return card(
    'pii-policy-card',
    'pii-policy',
    t('admin.pii.policy.title'),
    h('p', { class: 'muted small' }, t('admin.pii.policy.hint')),
    h(
      'div',
      { class: 'pii-policy' },
      ...roles.map((r) => r.label),
      h('label', {}, t('admin.pii.policy.seconds'), seconds),
      save,
      status,
    ),
  );
}

function patternsCard(patterns: PatternsDto): HTMLElement {
  const area = h('textarea', {
    class: 'input',
    rows: 6,
    spellcheck: 'false',
    'data-testid': 'pii-patterns-input',
  });
  area.value = JSON.stringify(patterns.items, null, 2);
  const status = h('div', { class: 'small', role: 'status', 'data-testid': 'pii-patterns-status' });
  const save = h('button', { class: 'btn btn-secondary', type: 'button' }, t('admin.pii.save'));
  save.addEventListener('click', async () => {
    status.textContent = '';
    let items: unknown;
    try {
      items = JSON.parse(area.value);
    } catch (err) {
      status.textContent = t('admin.pii.patterns.invalid', { reason: (err as Error).message });
      return;
    }
    try {
      const saved = await put<PatternsDto>('/api/v1/pii/patterns', { items });
      area.value = JSON.stringify(saved.items, null, 2);
      status.textContent = t('admin.pii.saved');
    } catch (err) {
      status.textContent = errorText(err);
    }
  });
  return card(
    'pii-patterns',
    'pii-patterns',
    t('admin.pii.patterns.title'),
    h('p', { class: 'muted small' }, t('admin.pii.patterns.hint')),
    area,
    h('div', { class: 'pii-policy' }, save, status),
  );
}

// ── Steps ───────────────────────────────────────────────────────────────────────────────────

function stepsCard(sops: SopPolicyDto[], types: string[]): HTMLElement {
  if (sops.length === 0)
    return card(
      'pii-wide',
      'pii-steps',
      t('admin.pii.steps.title'),
      emptyState('list', null, t('admin.sops.empty')),
    );
  const select = h('select', {
    class: 'input',
    'aria-label': t('admin.pii.steps.sop'),
    'data-testid': 'pii-steps-sop',
  });
  for (const s of sops) select.append(h('option', { value: s.id }, `${zh ? s.nameZh : s.nameEn} (${s.key})`));
  const body = h('tbody');
  const error = h('div', { class: 'small', role: 'alert' });

  function toggle(
    sop: SopPolicyDto,
    step: SopPolicyDto['steps'][number],
    type: string,
    button: HTMLButtonElement,
  ) {
    const next = step.piiTypes.includes(type)
      ? step.piiTypes.filter((x) => x !== type)
      : [...step.piiTypes, type];
    button.disabled = true;
    error.textContent = '';
    put<{ piiTypes: string[] }>(
      `/api/v1/sops/${encodeURIComponent(sop.id)}/steps/${encodeURIComponent(step.id)}/pii`,
      {
        piiTypes: next,
      },
    )
      .then((saved) => {
        step.piiTypes = saved.piiTypes;
        button.setAttribute('aria-pressed', String(saved.piiTypes.includes(type)));
      })
      .catch((err: unknown) => {
        error.textContent = errorText(err);
      })
      .finally(() => {
        button.disabled = false;
      });
  }

  function render() {
    const sop = sops.find((s) => s.id === select.value) ?? sops[0]!;
    fill(
      body,
      ...sop.steps.map((step) =>
        h(
          'tr',
          { 'data-testid': 'pii-step-row', 'data-step': step.key },
          h('td', { class: 'num' }, step.position),
          h(
            'td',
            {},
            zh ? step.titleZh : step.titleEn,
            h('div', { class: 'muted small' }, h('code', {}, step.key)),
          ),
          h(
            'td',
            {},
            ...types.map((type) => {
              const button = h(
                'button',
                {
                  class: 'pii-toggle',
                  type: 'button',
                  'aria-pressed': String(step.piiTypes.includes(type)),
                  'data-type': type,
                  'data-testid': 'pii-step-type',
                },
                type,
              );
              button.addEventListener('click', () => toggle(sop, step, type, button));
              return button;
            }),
          ),
        ),
      ),
    );
  }
  select.addEventListener('change', render);
  render();
  return card(
    'pii-wide',
    'pii-steps',
    t('admin.pii.steps.title'),
    h('p', { class: 'muted small' }, t('admin.pii.steps.hint')),
    select,
    error,
    h(
      'table',
      { class: 'data pii-steps' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', {}, '#'),
          h('th', {}, t('admin.pii.steps.step')),
          h('th', {}, t('admin.pii.steps.types')),
        ),
      ),
      body,
    ),
  );
}

// ── Audit log ───────────────────────────────────────────────────────────────────────────────

const ACTIONS = [
  'pii.reveal',
  'pii.reveal.denied',
  'pii.reveal.failed',
  'pii.policy.update',
  'pii.patterns.update',
  'pii.step.update',
  'audit.export',
];

function auditCard(): { el: HTMLElement; reload(): void } {
  const action = h(
    'select',
    { class: 'input', 'data-testid': 'audit-action' },
    h('option', { value: '' }, t('admin.pii.audit.allActions')),
  );
  for (const a of ACTIONS) action.append(h('option', { value: a }, a));
  const actor = h('input', {
    class: 'input',
    type: 'search',
    placeholder: 'agent1@demo.test',
    'data-testid': 'audit-actor',
  });
  const from = h('input', { class: 'input', type: 'date', 'data-testid': 'audit-from' });
  const to = h('input', { class: 'input', type: 'date', 'data-testid': 'audit-to' });
  const csv = h(
    'a',
    { class: 'btn btn-secondary', download: '', 'data-testid': 'audit-export-csv' },
    t('admin.pii.audit.csv'),
  );
  const jsonl = h(
    'a',
    { class: 'btn btn-secondary', download: '', 'data-testid': 'audit-export-jsonl' },
    t('admin.pii.audit.jsonl'),
  );
  const body = h('tbody', { 'data-testid': 'audit-rows' });
  const more = h(
    'button',
    { class: 'btn btn-secondary', type: 'button', hidden: true },
    t('admin.pii.audit.more'),
  );
  const status = h('div', { class: 'small' });
  let next: number | null = null;

  function query(): URLSearchParams {
    const q = new URLSearchParams();
    if (action.value) q.set('action', action.value);
    if (actor.value.trim()) q.set('actor', actor.value.trim());
    // Whole local days, sent as epoch ms so the server's time zone does not matter.
    if (from.value) q.set('from', String(new Date(`${from.value}T00:00:00`).getTime()));
    if (to.value) q.set('to', String(new Date(`${to.value}T23:59:59.999`).getTime()));
    return q;
  }

  function row(e: AuditEntryDto): HTMLElement {
    const outcome =
      e.action.endsWith('.denied') || e.action.endsWith('.failed')
        ? 'denied'
        : e.action === 'pii.reveal'
          ? 'allowed'
          : '';
    return h(
      'tr',
      { class: outcome ? `pii-row-${outcome}` : null, 'data-testid': 'audit-row', 'data-action': e.action },
      h('td', {}, dateTime(e.createdAt, data.lang)),
      h('td', {}, e.actorEmail ?? e.actorId ?? '—', h('div', { class: 'muted small' }, e.actorRole)),
      h('td', {}, h('code', {}, e.action)),
      h(
        'td',
        {},
        e.targetId ? h('code', {}, e.targetId) : '—',
        e.conversationId ? h('div', { class: 'muted small' }, e.conversationId) : null,
      ),
      h('td', {}, e.reason ?? ''),
      h('td', {}, e.ip ?? ''),
      h('td', { class: 'muted small' }, e.detail ? JSON.stringify(e.detail) : ''),
    );
  }

  async function load(append: boolean) {
    const q = query();
    const exportQuery = new URLSearchParams(q);
    exportQuery.set('format', 'csv');
    csv.setAttribute('href', `/api/v1/audit/export?${exportQuery}`);
    exportQuery.set('format', 'jsonl');
    jsonl.setAttribute('href', `/api/v1/audit/export?${exportQuery}`);
    q.set('limit', '50');
    if (append && next) q.set('before', String(next));
    status.textContent = '';
    let page: { items: AuditEntryDto[]; next: number | null };
    try {
      page = await api(`/api/v1/audit?${q}`);
    } catch (err) {
      status.textContent = errorText(err);
      return;
    }
    next = page.next;
    more.hidden = next === null;
    if (!append) body.replaceChildren();
    body.append(...page.items.map(row));
    if (!append && page.items.length === 0) status.textContent = t('admin.pii.audit.empty');
  }

  const filter = h(
    'button',
    { class: 'btn btn-primary', type: 'button', 'data-testid': 'audit-filter' },
    t('admin.pii.audit.filter'),
  );
  filter.addEventListener('click', () => void load(false));
  more.addEventListener('click', () => void load(true));
  const labelled = (text: string, control: HTMLElement) => h('label', {}, text, control);
  const el = card(
    'pii-wide',
    'pii-audit',
    t('admin.pii.audit.title'),
    h(
      'div',
      { class: 'pii-filters' },
      labelled(t('admin.pii.audit.action'), action),
      labelled(t('admin.pii.audit.actor'), actor),
      labelled(t('admin.pii.audit.from'), from),
      labelled(t('admin.pii.audit.to'), to),
      filter,
      csv,
      jsonl,
    ),
    h(
      'div',
      { class: 'pii-audit' },
      h(
        'table',
        { class: 'data' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...[
              t('admin.pii.audit.time'),
              t('admin.pii.audit.who'),
              t('admin.pii.audit.action'),
              t('admin.pii.audit.target'),
              t('admin.pii.audit.reason'),
              'IP',
              t('admin.pii.audit.detail'),
            ].map((label) => h('th', {}, label)),
          ),
        ),
        body,
      ),
    ),
    status,
    more,
  );
  return { el, reload: () => void load(false) };
}

// ── Load on first show ──────────────────────────────────────────────────────────────────────

let audit: ReturnType<typeof auditCard> | null = null;

async function start() {
  fill(panel, h('p', { class: 'muted' }, t('common.loading')));
  const [steps, policy, patterns] = await Promise.allSettled([
    api<{ items: SopPolicyDto[] }>('/api/v1/pii/steps'),
    api<PolicyDto>('/api/v1/pii/policy'),
    api<PatternsDto>('/api/v1/pii/patterns'),
  ]);
  const failed = (r: PromiseSettledResult<unknown>) =>
    r.status === 'rejected'
      ? h('div', { class: 'alert alert-error', role: 'alert' }, errorText(r.reason))
      : null;
  audit = auditCard();
  fill(
    panel,
    h(
      'div',
      { class: 'pii-grid' },
      tryIt(),
      h(
        'div',
        { class: 'pii-side' },
        policy.status === 'fulfilled' ? policyCard(policy.value) : failed(policy),
        patterns.status === 'fulfilled' ? patternsCard(patterns.value) : failed(patterns),
      ),
      steps.status === 'fulfilled' && policy.status === 'fulfilled'
        ? stepsCard(steps.value.items, policy.value.types)
        : failed(steps),
      audit.el,
    ),
  );
  audit.reload();
}

let started = false;
function onShow() {
  if (panel.hidden) return;
  if (!started) {
    started = true;
    void start();
  } else audit?.reload();
}
new MutationObserver(onShow).observe(panel, { attributes: true, attributeFilter: ['hidden'] });
onShow();
