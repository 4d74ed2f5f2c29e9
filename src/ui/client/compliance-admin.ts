/**
 * @module Admin page island: the "Compliance" tab. Adds its tab and panel to the admin page's tab
 * list (the page's own island switches the other tabs; this one keeps the two in step), and shows
 * the tenant's rule pack as a JSON editor — saved as a new version with `If-Match`, validation
 * errors listed by field path with the rule they are in (click one to find it in the editor) — and
 * the version history, any version loadable into the editor.
 */
import type { PackVersionDto, StoredPackDto } from '#routes/compliance/compliance.routes.ts';
import type { Strings } from '../i18n.ts';
import { api } from './lib/api.ts';
import { fill, h } from './lib/dom.ts';
import { makeT, readPageData } from './lib/page-data.ts';
import { dateTime } from './lib/time.ts';

interface PageData {
  lang: 'zh' | 'en';
  strings: Partial<Strings>;
}

interface FieldError {
  path: string;
  message: string;
}

const STYLES = `
.ca-grid { display: grid; grid-template-columns: minmax(0, 1fr) 420px; gap: 16px; align-items: start; }
@media (max-width: 1100px) { .ca-grid { grid-template-columns: 1fr; } }
.ca-card { padding: 14px 16px; overflow-x: auto; }
.ca-card h2 { font-size: 15px; margin: 0 0 6px; }
.ca-editor { width: 100%; min-height: 460px; font-family: var(--mono); font-size: 12.5px; line-height: 1.45; tab-size: 2;
  white-space: pre; resize: vertical; }
.ca-actions { display: flex; gap: 8px; align-items: center; margin-top: 8px; flex-wrap: wrap; }
.ca-errors { margin: 8px 0 0; padding-left: 18px; }
.ca-errors code { font-family: var(--mono); font-size: 12px; }
.ca-errors button { background: none; border: 0; padding: 0; color: var(--danger); cursor: pointer; font: inherit; text-align: left; }
`;

const data = readPageData<PageData>();
const t = makeT(data.strings);
const tabs = document.querySelector<HTMLElement>('.tabs[role="tablist"]');
const panels = () => [...document.querySelectorAll<HTMLElement>('section[role="tabpanel"]')];

const tab = h(
  'button',
  {
    class: 'tab',
    role: 'tab',
    id: 'tab-compliance',
    'aria-controls': 'panel-compliance',
    'aria-selected': 'false',
    tabindex: -1,
    'data-tab': 'compliance',
    'data-testid': 'tab-compliance',
  },
  t('admin.tab.compliance'),
);
const panel = h('section', {
  role: 'tabpanel',
  id: 'panel-compliance',
  'aria-labelledby': 'tab-compliance',
  'data-testid': 'panel-compliance',
  hidden: true,
});

const editor = h('textarea', {
  class: 'input ca-editor',
  spellcheck: 'false',
  'aria-label': t('admin.compliance.editor'),
  'data-testid': 'pack-editor',
});
const versionLabel = h('span', { class: 'badge', 'data-testid': 'pack-version' });
const message = h('div', { role: 'status', 'data-testid': 'pack-status' });
const errors = h('ol', { class: 'ca-errors', 'data-testid': 'pack-errors' });
const saveButton = h(
  'button',
  { type: 'button', class: 'btn btn-primary', 'data-testid': 'pack-save' },
  t('admin.compliance.save'),
);
const reloadButton = h(
  'button',
  { type: 'button', class: 'btn btn-secondary' },
  t('admin.compliance.reload'),
);
const versionsBody = h('tbody', { 'data-testid': 'pack-versions' });

/** The active version the editor's text was loaded from (sent as If-Match). */
let baseVersion: number | null = null;
let started = false;

function say(kind: 'ok' | 'error' | null, text = '') {
  message.className = kind === 'error' ? 'alert alert-error' : kind === 'ok' ? 'alert alert-info' : '';
  message.textContent = text;
}

async function loadActive() {
  const stored = await api<StoredPackDto>('/api/v1/compliance/rule-pack');
  baseVersion = stored.version;
  editor.value = JSON.stringify(stored.pack, null, 2);
  versionLabel.textContent = t('admin.compliance.version', { version: stored.version });
}

async function loadVersions() {
  const { items } = await api<{ items: PackVersionDto[] }>('/api/v1/compliance/rule-pack/versions');
  fill(
    versionsBody,
    ...items.map((v) =>
      h(
        'tr',
        { 'data-version': v.version },
        h(
          'td',
          {},
          `v${v.version} `,
          v.active ? h('span', { class: 'badge badge-assigned' }, t('admin.compliance.active')) : null,
        ),
        h('td', { class: 'num' }, v.rules),
        h('td', {}, v.createdByName ?? t('admin.compliance.shipped')),
        h('td', {}, dateTime(v.createdAt, data.lang)),
        h(
          'td',
          {},
          h(
            'button',
            { type: 'button', class: 'btn btn-ghost', onclick: () => void loadVersion(v.version) },
            t('admin.compliance.load'),
          ),
        ),
      ),
    ),
  );
}

async function loadVersion(version: number) {
  const stored = await api<StoredPackDto>(`/api/v1/compliance/rule-pack/versions/${version}`);
  editor.value = JSON.stringify(stored.pack, null, 2);
  say(null);
  fill(errors);
  editor.focus();
}

/** Puts the caret on the rule a field path points into (`body.rules.3…`). */
function reveal(path: string, pack: unknown) {
  const index = /rules\.(\d+)/.exec(path)?.[1];
  const rules = (pack as { rules?: { id?: unknown }[] } | null)?.rules;
  const id = index !== undefined ? rules?.[Number(index)]?.id : undefined;
  if (typeof id !== 'string') return;
  const at = editor.value.indexOf(`"id": ${JSON.stringify(id)}`);
  if (at < 0) return;
  editor.focus();
  editor.setSelectionRange(at, at + id.length + 8);
}

function showErrors(list: FieldError[], pack: unknown) {
  const rules = (pack as { rules?: { id?: unknown }[] } | null)?.rules;
  fill(
    errors,
    ...list.map((e) => {
      const index = /rules\.(\d+)/.exec(e.path)?.[1];
      const id = index !== undefined ? rules?.[Number(index)]?.id : undefined;
      return h(
        'li',
        { 'data-testid': 'pack-error', 'data-path': e.path },
        h(
          'button',
          { type: 'button', onclick: () => reveal(e.path, pack) },
          h('code', {}, e.path),
          typeof id === 'string' ? ` (${id})` : '',
          ` — ${e.message}`,
        ),
      );
    }),
  );
}

async function save() {
  fill(errors);
  let pack: unknown;
  try {
    pack = JSON.parse(editor.value);
  } catch (err) {
    say('error', t('admin.compliance.notJson', { reason: (err as Error).message }));
    return;
  }
  saveButton.disabled = true;
  saveButton.textContent = t('admin.compliance.saving');
  try {
    const res = await fetch('/api/v1/compliance/rule-pack', {
      method: 'PUT',
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        ...(baseVersion !== null ? { 'if-match': `"${baseVersion}"` } : {}),
      },
      body: JSON.stringify(pack),
      credentials: 'same-origin',
    });
    const body = (await res.json()) as StoredPackDto & { errors?: FieldError[]; detail?: string };
    if (res.ok) {
      baseVersion = body.version;
      editor.value = JSON.stringify(body.pack, null, 2);
      versionLabel.textContent = t('admin.compliance.version', { version: body.version });
      say('ok', t('admin.compliance.saved', { version: body.version }));
      await loadVersions();
    } else if (res.status === 409) {
      say('error', t('admin.compliance.conflict'));
    } else if (body.errors?.length) {
      say('error', t('admin.compliance.invalid'));
      showErrors(body.errors, pack);
    } else {
      say('error', t('common.error', { reason: body.detail ?? `HTTP ${res.status}` }));
    }
  } catch (err) {
    say('error', t('common.error', { reason: (err as Error).message }));
  } finally {
    saveButton.disabled = false;
    saveButton.textContent = t('admin.compliance.save');
  }
}

saveButton.addEventListener('click', () => void save());
reloadButton.addEventListener('click', async () => {
  say(null);
  fill(errors);
  await loadActive();
  await loadVersions();
});
editor.addEventListener('keydown', (ev) => {
  if ((ev.ctrlKey || ev.metaKey) && ev.key === 's') {
    ev.preventDefault();
    void save();
  }
});

async function start() {
  fill(
    panel,
    h(
      'div',
      { class: 'ca-grid' },
      h(
        'div',
        { class: 'card ca-card' },
        h('h2', {}, t('admin.compliance.editor'), ' ', versionLabel),
        h('p', { class: 'muted' }, t('admin.compliance.hint')),
        editor,
        h('div', { class: 'ca-actions' }, saveButton, reloadButton),
        message,
        errors,
      ),
      h(
        'div',
        { class: 'card ca-card' },
        h('h2', {}, t('admin.compliance.versions')),
        h(
          'table',
          { class: 'data' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', {}, t('admin.compliance.col.version')),
              h('th', { class: 'num' }, t('admin.compliance.col.rules')),
              h('th', {}, t('admin.compliance.col.by')),
              h('th', {}, t('admin.compliance.col.at')),
              h('th', {}),
            ),
          ),
          versionsBody,
        ),
      ),
    ),
  );
  try {
    await Promise.all([loadActive(), loadVersions()]);
  } catch (err) {
    say('error', t('common.error', { reason: (err as Error).message }));
  }
}

/** Shows this tab (or hides it when another one was chosen). */
function select(on: boolean) {
  tab.setAttribute('aria-selected', String(on));
  tab.tabIndex = on ? 0 : -1;
  panel.hidden = !on;
  if (!on) return;
  for (const other of document.querySelectorAll<HTMLElement>('.tabs [role="tab"]')) {
    if (other === tab) continue;
    other.setAttribute('aria-selected', 'false');
    other.tabIndex = -1;
  }
  for (const p of panels()) if (p !== panel) p.hidden = true;
  if (location.hash !== '#compliance') history.replaceState(null, '', '#compliance');
  if (!started) {
    started = true;
    void start();
  }
}

if (tabs) {
  const style = document.createElement('style');
  style.textContent = STYLES;
  document.head.append(style);
  tabs.append(tab);
  panels().at(-1)?.after(panel);
  tab.addEventListener('click', () => select(true));
  tab.addEventListener('keydown', (ev) => {
    if (ev.key !== 'ArrowLeft' && ev.key !== 'ArrowRight') return;
    const all = [...tabs.querySelectorAll<HTMLElement>('[role="tab"]')];
    const next = all[(all.indexOf(tab) + (ev.key === 'ArrowRight' ? 1 : -1) + all.length) % all.length];
    next?.click();
    next?.focus();
  });
  // Any other tab chosen (click or keys): this one steps back.
  tabs.addEventListener('click', (ev) => {
    const chosen = (ev.target as Element).closest('[role="tab"]');
    if (chosen && chosen !== tab) select(false);
  });
  tabs.addEventListener('keydown', (ev) => {
    if (ev.target !== tab && (ev.key === 'ArrowLeft' || ev.key === 'ArrowRight')) {
      queueMicrotask(() => {
        if (document.activeElement !== tab) select(false);
      });
    }
  });
}
