/**
 * @module Campaign editor island: builds the form from the campaign (or a template), saves it
 * through the JSON API, and for an existing campaign imports candidates from CSV (showing each
 * bad row) and lists the candidates with their personal interview links.
 */
import type { MessageKey, Strings } from '../i18n.ts';
import { ApiError, api } from './lib/api.ts';
import { byId, fill, h } from './lib/dom.ts';
import { makeT, readPageData } from './lib/page-data.ts';

interface Anchor {
  level: number;
  descriptor: string;
  examples: string[];
}
interface Question {
  id?: string;
  prompt: string;
  timeLimitSeconds: number;
  reference: string | null;
  rubric: Anchor[];
  weight: number;
}
interface Thresholds {
  typing: { minNet: number; minAccuracy: number };
  speech: { rateLow: number; rateHigh: number; maxPauseRatio: number; minFluencyBand: string | null };
  total: { advanceAt: number; notAdvanceBelow: number };
}
interface CampaignForm {
  name: string;
  role: string;
  language: 'zh' | 'en';
  typingLang: 'zh' | 'en';
  typingPassage: string;
  typingSeconds: number;
  mediaMode: 'video' | 'audio' | 'text';
  status: 'draft' | 'open' | 'closed';
  groupField: { label: string; options: string[] } | null;
  thresholds: Thresholds;
  questions: Question[];
}
interface PageData {
  lang: 'zh' | 'en';
  strings: Partial<Strings>;
  campaignId: string | null;
  campaign: CampaignForm;
  bands: string[];
}
interface Candidate {
  id: string;
  name: string;
  email: string;
  group: string | null;
  status: string;
  link: string;
}
interface ImportResult {
  imported: number;
  errors: { row: number; field: string | null; code: string; message: string }[];
}

const data = readPageData<PageData>();
const t = makeT(data.strings);
const form = byId<HTMLFormElement>('campaign-form');

const input = (id: string, value: string | number, attrs: Record<string, string | number> = {}) =>
  h('input', { class: 'input', id, name: id, value: String(value), ...attrs });
const field = (label: string, control: HTMLElement) =>
  h('div', { class: 'field' }, h('label', { for: control.id }, label), control);
const select = (id: string, value: string, options: [string, string][]) => {
  const el = h(
    'select',
    { class: 'input', id, name: id },
    ...options.map(([v, l]) => h('option', { value: v }, l)),
  );
  el.value = value;
  return el;
};
const area = (id: string, value: string, rows = 3) => {
  const el = h('textarea', { class: 'input', id, name: id, rows });
  el.value = value;
  return el;
};
const val = (id: string) => (document.getElementById(id) as HTMLInputElement | null)?.value ?? '';
const num = (id: string) => Number(val(id));
const langOptions: [string, string][] = [
  ['zh', t('lang.zh')],
  ['en', t('lang.en')],
];

let questionCount = 0;

function questionBlock(q: Question): HTMLElement {
  const k = questionCount++;
  const block = h(
    'div',
    { class: 'rec-q', 'data-testid': 'question', 'data-q': k, ...(q.id ? { 'data-id': q.id } : {}) },
    h(
      'div',
      { class: 'rec-q-head' },
      h('h3', { class: 'q-title' }),
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn-ghost',
          onclick: () => {
            if (form.querySelectorAll('.rec-q').length > 1) {
              block.remove();
              renumber();
            }
          },
        },
        t('rec.q.remove'),
      ),
    ),
    field(t('rec.q.prompt'), area(`q${k}-prompt`, q.prompt, 2)),
    h(
      'div',
      { class: 'rec-row' },
      field(t('rec.q.time'), input(`q${k}-time`, q.timeLimitSeconds, { type: 'number', min: 15, max: 900 })),
      field(
        t('rec.q.weight'),
        input(`q${k}-weight`, q.weight, { type: 'number', min: 0.1, max: 10, step: 0.1 }),
      ),
    ),
    field(t('rec.q.reference'), area(`q${k}-reference`, q.reference ?? '', 2)),
    h(
      'div',
      { class: 'rec-levels' },
      ...[1, 2, 3, 4, 5].map((level) => {
        const a = q.rubric.find((r) => r.level === level) ?? { level, descriptor: '', examples: [] };
        return h(
          'div',
          {},
          h('label', { for: `q${k}-l${level}-d` }, t('rec.q.level', { n: level })),
          input(`q${k}-l${level}-d`, a.descriptor, {
            placeholder: t('rec.q.descriptor'),
            'aria-label': t('rec.q.descriptor'),
          }),
          (() => {
            const ex = area(`q${k}-l${level}-e`, a.examples.join('\n'), 3);
            ex.setAttribute('aria-label', t('rec.q.examples'));
            ex.setAttribute('placeholder', t('rec.q.examples'));
            return ex;
          })(),
        );
      }),
    ),
  );
  return block;
}

function renumber() {
  form.querySelectorAll<HTMLElement>('.rec-q').forEach((el, i) => {
    const title = el.querySelector('.q-title');
    if (title) title.textContent = t('rec.q.title', { n: i + 1 });
  });
}

function render(c: CampaignForm) {
  const th = c.thresholds;
  const questions = h('div', { id: 'questions' }, ...c.questions.map(questionBlock));
  fill(
    form,
    h(
      'section',
      { class: 'card rec-section' },
      h('h2', {}, t('rec.section.basics')),
      h(
        'div',
        { class: 'rec-row' },
        field(t('rec.field.name'), input('c-name', c.name, { required: 'required' })),
        field(t('rec.field.role'), input('c-role', c.role, { required: 'required' })),
        field(t('rec.field.language'), select('c-language', c.language, langOptions)),
        field(
          t('rec.field.status'),
          select(
            'c-status',
            c.status,
            (['draft', 'open', 'closed'] as const).map((s) => [s, t(`rec.status.${s}`)]),
          ),
        ),
      ),
      h(
        'div',
        { class: 'rec-row' },
        field(
          t('rec.field.mediaMode'),
          select(
            'c-mediaMode',
            c.mediaMode,
            (['video', 'audio', 'text'] as const).map((m) => [m, t(`rec.media.${m}`)]),
          ),
        ),
        field(t('rec.field.typingLang'), select('c-typingLang', c.typingLang, langOptions)),
        field(
          t('rec.field.typingSeconds'),
          input('c-typingSeconds', c.typingSeconds, { type: 'number', min: 30, max: 900 }),
        ),
      ),
      h('p', { class: 'muted small' }, t('rec.field.mediaHint')),
      field(t('rec.field.passage'), area('c-passage', c.typingPassage, 3)),
    ),
    h(
      'section',
      { class: 'card rec-section' },
      h('h2', {}, t('rec.section.thresholds')),
      h(
        'div',
        { class: 'rec-row' },
        field(t('rec.th.minNet'), input('th-minNet', th.typing.minNet, { type: 'number', min: 0, max: 400 })),
        field(
          t('rec.th.minAccuracy'),
          input('th-minAccuracy', Math.round(th.typing.minAccuracy * 1000) / 10, {
            type: 'number',
            min: 0,
            max: 100,
            step: 0.1,
          }),
        ),
        field(
          t('rec.th.rateLow'),
          input('th-rateLow', th.speech.rateLow, { type: 'number', min: 0, max: 600 }),
        ),
        field(
          t('rec.th.rateHigh'),
          input('th-rateHigh', th.speech.rateHigh, { type: 'number', min: 0, max: 600 }),
        ),
        field(
          t('rec.th.pause'),
          input('th-pause', th.speech.maxPauseRatio, { type: 'number', min: 0, max: 1, step: 0.05 }),
        ),
        field(
          t('rec.th.band'),
          select('th-band', th.speech.minFluencyBand ?? '', [
            ['', t('rec.th.bandNone')],
            ...data.bands.map((b): [string, string] => [b, b]),
          ]),
        ),
        field(
          t('rec.th.advance'),
          input('th-advance', Math.round(th.total.advanceAt * 100), { type: 'number', min: 0, max: 100 }),
        ),
        field(
          t('rec.th.notAdvance'),
          input('th-notAdvance', Math.round(th.total.notAdvanceBelow * 100), {
            type: 'number',
            min: 0,
            max: 100,
          }),
        ),
      ),
      h(
        'button',
        { type: 'button', class: 'btn btn-secondary', id: 'save-default', onclick: () => void saveDefault() },
        t('rec.th.saveDefault'),
      ),
      h('span', { id: 'default-status', role: 'status', 'aria-live': 'polite', class: 'muted small' }),
    ),
    h(
      'section',
      { class: 'card rec-section' },
      h('h2', {}, t('rec.section.group')),
      h('p', { class: 'muted small' }, t('rec.group.hint')),
      h(
        'div',
        { class: 'rec-row' },
        field(t('rec.group.label'), input('g-label', c.groupField?.label ?? '')),
        field(t('rec.group.options'), area('g-options', (c.groupField?.options ?? []).join('\n'), 3)),
      ),
    ),
    h(
      'section',
      { class: 'card rec-section' },
      h('h2', {}, t('rec.section.questions')),
      questions,
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn-secondary',
          id: 'add-question',
          onclick: () => {
            const template = c.questions[0];
            questions.append(
              questionBlock({
                prompt: '',
                timeLimitSeconds: template?.timeLimitSeconds ?? 120,
                reference: null,
                weight: 1,
                rubric: [1, 2, 3, 4, 5].map((level) => ({ level, descriptor: '', examples: [] })),
              }),
            );
            renumber();
          },
        },
        t('rec.q.add'),
      ),
    ),
    h('div', { id: 'save-status', role: 'status', 'aria-live': 'polite' }),
    h(
      'button',
      { type: 'submit', class: 'btn btn-primary', id: 'save', 'data-testid': 'save-campaign' },
      t('rec.save'),
    ),
  );
  renumber();
}

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

function collect(): CampaignForm {
  const groupLabel = val('g-label').trim();
  const groupOptions = lines(val('g-options'));
  const questions = [...form.querySelectorAll<HTMLElement>('.rec-q')].map((el) => {
    const k = el.dataset.q;
    const reference = val(`q${k}-reference`).trim();
    return {
      ...(el.dataset.id ? { id: el.dataset.id } : {}),
      prompt: val(`q${k}-prompt`),
      timeLimitSeconds: num(`q${k}-time`),
      reference: reference || null,
      weight: num(`q${k}-weight`) || 1,
      rubric: [1, 2, 3, 4, 5].map((level) => ({
        level,
        descriptor: val(`q${k}-l${level}-d`),
        examples: lines(val(`q${k}-l${level}-e`)),
      })),
    };
  });
  return {
    name: val('c-name'),
    role: val('c-role'),
    language: val('c-language') as 'zh' | 'en',
    typingLang: val('c-typingLang') as 'zh' | 'en',
    typingPassage: val('c-passage'),
    typingSeconds: num('c-typingSeconds'),
    mediaMode: val('c-mediaMode') as CampaignForm['mediaMode'],
    status: val('c-status') as CampaignForm['status'],
    groupField: groupLabel && groupOptions.length > 0 ? { label: groupLabel, options: groupOptions } : null,
    thresholds: {
      typing: { minNet: num('th-minNet'), minAccuracy: num('th-minAccuracy') / 100 },
      speech: {
        rateLow: num('th-rateLow'),
        rateHigh: num('th-rateHigh'),
        maxPauseRatio: num('th-pause'),
        minFluencyBand: val('th-band') || null,
      },
      total: { advanceAt: num('th-advance') / 100, notAdvanceBelow: num('th-notAdvance') / 100 },
    },
    questions,
  };
}

/** The tenant's defaults for new campaigns, from the thresholds on this form. */
async function saveDefault() {
  const status = byId('default-status');
  try {
    await api('/api/v1/interviews/settings', { method: 'PUT', body: { thresholds: collect().thresholds } });
    status.textContent = ` ${t('rec.th.savedDefault')}`;
  } catch (err) {
    status.textContent = ` ${t('common.error', { reason: (err as Error).message })}`;
  }
}

async function save(ev: Event) {
  ev.preventDefault();
  const status = byId('save-status');
  const button = byId<HTMLButtonElement>('save');
  button.disabled = true;
  fill(status, h('p', { class: 'muted' }, t('rec.saving')));
  try {
    const body = collect();
    const saved = data.campaignId
      ? await api<{ id: string }>(`/api/v1/interviews/campaigns/${data.campaignId}`, { method: 'PUT', body })
      : await api<{ id: string }>('/api/v1/interviews/campaigns', { method: 'POST', body });
    if (!data.campaignId) {
      location.assign(`/recruit/campaigns/${saved.id}`);
      return;
    }
    fill(status, h('div', { class: 'alert alert-info', 'data-testid': 'saved' }, t('rec.saved')));
  } catch (err) {
    fill(
      status,
      h(
        'div',
        { class: 'alert alert-error', role: 'alert' },
        t('common.error', { reason: (err as Error).message }),
      ),
    );
  } finally {
    button.disabled = false;
  }
}

// ── Candidates (existing campaigns) ─────────────────────────────────────────────────────────

async function loadCandidates() {
  if (!data.campaignId) return;
  const box = byId('candidates');
  try {
    const { items } = await api<{ items: Candidate[] }>(
      `/api/v1/interviews/campaigns/${data.campaignId}/candidates`,
    );
    if (items.length === 0) return fill(box, h('p', { class: 'muted' }, t('rec.cands.empty')));
    fill(
      box,
      h(
        'table',
        { class: 'data', 'data-testid': 'candidate-table' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', {}, t('rec.col.candidate')),
            h('th', {}, t('rec.col.status')),
            h('th', {}, t('rec.col.link')),
          ),
        ),
        h(
          'tbody',
          {},
          ...items.map((c) => {
            const url = `${location.origin}${c.link}`;
            return h(
              'tr',
              { 'data-testid': 'candidate-row', 'data-email': c.email },
              h(
                'td',
                {},
                h('a', { href: `/recruit/candidates/${c.id}` }, c.name),
                h('div', { class: 'muted small' }, c.email),
              ),
              h('td', {}, t(`rec.cstatus.${c.status}` as MessageKey)),
              h('td', {}, h('a', { class: 'rec-link', href: url, 'data-testid': 'candidate-link' }, url)),
            );
          }),
        ),
      ),
    );
  } catch (err) {
    fill(
      box,
      h('div', { class: 'alert alert-error' }, t('common.error', { reason: (err as Error).message })),
    );
  }
}

async function importCsv() {
  const result = byId('import-result');
  const text = byId<HTMLTextAreaElement>('import-csv').value;
  try {
    const r = await api<ImportResult>(`/api/v1/interviews/campaigns/${data.campaignId}/candidates/import`, {
      method: 'POST',
      body: { csv: text },
    });
    fill(
      result,
      h(
        'p',
        { class: 'alert alert-info', 'data-testid': 'import-count' },
        t('rec.import.result', { n: r.imported }),
      ),
      r.errors.length > 0 ? h('p', {}, t('rec.import.errors', { n: r.errors.length })) : null,
      r.errors.length > 0
        ? h(
            'ul',
            { class: 'rec-errors', 'data-testid': 'import-errors' },
            ...r.errors.map((e) =>
              h(
                'li',
                { 'data-row': e.row, 'data-code': e.code },
                t('rec.import.row', { row: e.row, message: e.message }),
              ),
            ),
          )
        : null,
    );
    await loadCandidates();
  } catch (err) {
    const message = err instanceof ApiError ? err.message : String(err);
    fill(
      result,
      h('div', { class: 'alert alert-error', role: 'alert' }, t('common.error', { reason: message })),
    );
  }
}

render(data.campaign);
form.addEventListener('submit', save);
if (data.campaignId) {
  const invite = byId('invite-link');
  invite.textContent = `${location.origin}${invite.dataset.path ?? ''}`;
  byId('import-submit').addEventListener('click', importCsv);
  byId<HTMLInputElement>('import-file').addEventListener('change', async (ev) => {
    const file = (ev.target as HTMLInputElement).files?.[0];
    if (file) byId<HTMLTextAreaElement>('import-csv').value = await file.text();
  });
  void loadCandidates();
}
