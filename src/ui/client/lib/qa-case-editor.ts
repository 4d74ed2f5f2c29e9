/**
 * @module The "save as golden case" form of the QA workspace: pick a suite that fits the message,
 * load the server's proposal (case-draft), let the person correct every field — categories for
 * compliance, the SOP label for intent, the step and reference for copilot, personal-data spans
 * for pii (select text, pick a type, Mark) — and save it; the server validates it with the
 * suite's own case schema and field errors are listed next to the form.
 */
import type { MessageDto } from '#routes/conversations/conversations.routes.ts';
import type { CaseDraftDto, GoldenCaseDto } from '#routes/qa/qa.routes.ts';
import type { MessageKey } from '../../i18n.ts';
import { api } from './api.ts';
import { fill, h } from './dom.ts';
import type { Translate } from './page-data.ts';

type Suite = CaseDraftDto['suite'];
type Case = Record<string, unknown>;
interface Entity {
  type: string;
  start: number;
  end: number;
}

/** Which suites a message can become, its most likely use first. */
export function suitesFor(role: MessageDto['authorRole']): Suite[] {
  if (role === 'agent') return ['compliance', 'copilot', 'pii'];
  if (role === 'customer') return ['intent', 'pii'];
  return ['pii'];
}

interface Problem {
  detail?: string;
  errors?: { path: string; message: string }[];
}

export interface CaseEditorOptions {
  t: Translate;
  conversationId: string;
  message: MessageDto;
  onSaved(saved: GoldenCaseDto): void;
  onClose(): void;
}

export function createCaseEditor(opts: CaseEditorOptions): HTMLElement {
  const { t, message } = opts;
  const suites = suitesFor(message.authorRole);
  const suiteSelect = h(
    'select',
    { id: 'case-suite', class: 'input', 'data-testid': 'case-suite' },
    ...suites.map((s) => h('option', { value: s }, t(`qa.case.suite.${s}` as MessageKey))),
  );
  const body = h('div', { class: 'qa-editor-body' });
  const result = h('div', { 'aria-live': 'polite', 'data-testid': 'case-result' });
  const root = h(
    'form',
    { class: 'qa-editor', 'data-testid': 'case-editor', novalidate: true },
    h(
      'h3',
      {},
      t('qa.case.title'),
      h('span', { class: 'muted small' }, ` · ${t('qa.case.message')} #${message.seq}`),
    ),
    h('div', { class: 'field' }, h('label', { for: 'case-suite' }, t('qa.case.suite')), suiteSelect),
    body,
    result,
  );

  let draft: CaseDraftDto | null = null;
  let build: () => Case = () => ({});

  const load = async () => {
    const suite = suiteSelect.value as Suite;
    fill(body, h('p', { class: 'muted' }, t('common.loading')));
    fill(result);
    try {
      const q = new URLSearchParams({ suite, seq: String(message.seq) });
      draft = await api<CaseDraftDto>(
        `/api/v1/qa/conversations/${encodeURIComponent(opts.conversationId)}/case-draft?${q}`,
      );
    } catch (err) {
      draft = null;
      fill(
        body,
        h(
          'div',
          { class: 'alert alert-error', role: 'alert' },
          t('qa.case.noDraft', { detail: (err as Error).message }),
        ),
      );
      return;
    }
    renderFields(draft);
  };

  function renderFields(d: CaseDraftDto) {
    const c: Case = structuredClone(d.case);
    const idInput = h('input', {
      id: 'case-id',
      class: 'input',
      value: String(c.id ?? ''),
      'data-testid': 'case-id',
    });
    const langSelect = h(
      'select',
      { id: 'case-lang', class: 'input', 'data-testid': 'case-lang' },
      ...(['zh', 'en'] as const).map((l) =>
        h('option', { value: l, selected: c.lang === l }, t(`lang.${l}` as MessageKey)),
      ),
    );
    const common = [
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'case-id' }, t('qa.case.id')),
        idInput,
        h('div', { class: 'muted small' }, t('qa.case.idHint')),
      ),
      h('div', { class: 'field' }, h('label', { for: 'case-lang' }, t('qa.case.lang')), langSelect),
    ];
    const specific = fieldsFor(d, c);
    const notes = d.notes.length
      ? h(
          'ul',
          { class: 'qa-notes', 'data-testid': 'case-notes' },
          ...d.notes.map((n) => h('li', { 'data-note': n }, t(`qa.note.${n}` as MessageKey))),
        )
      : null;
    fill(
      body,
      notes,
      ...specific.elements,
      ...common,
      h(
        'div',
        { class: 'qa-editor-actions' },
        h(
          'button',
          { type: 'submit', class: 'btn btn-primary', 'data-testid': 'case-save' },
          t('qa.case.save'),
        ),
        h(
          'button',
          { type: 'button', class: 'btn btn-secondary', onclick: () => opts.onClose() },
          t('qa.case.cancel'),
        ),
      ),
    );
    build = () => ({ ...specific.build(), id: idInput.value.trim(), lang: langSelect.value });
  }

  function textarea(id: string, value: string, testid: string, label: string) {
    const el = h('textarea', { id, class: 'input', 'data-testid': testid });
    el.value = value;
    return { el, field: h('div', { class: 'field' }, h('label', { for: id }, label), el) };
  }

  function fieldsFor(d: CaseDraftDto, c: Case): { elements: HTMLElement[]; build(): Case } {
    if (d.suite === 'compliance') {
      const draftText = textarea('case-draft', String(c.draft ?? ''), 'case-draft', t('qa.case.draft'));
      const expected = new Set((c.expected as string[] | undefined) ?? []);
      const boxes = (d.options.categories ?? []).map((cat) => {
        const box = h('input', {
          type: 'checkbox',
          value: cat,
          checked: expected.has(cat),
          'data-testid': `expected-${cat}`,
        });
        return {
          box,
          label: h(
            'label',
            {},
            box,
            t(`qa.case.category.${cat}` as MessageKey),
            h('code', { class: 'muted small' }, cat),
          ),
        };
      });
      const ctx = c.context as { customer?: string } | undefined;
      return {
        elements: [
          draftText.field,
          ctx?.customer
            ? h(
                'div',
                { class: 'field' },
                h('label', {}, t('qa.case.customer')),
                h('div', { class: 'qa-msg-text muted' }, ctx.customer),
              )
            : h('span'),
          h(
            'fieldset',
            { class: 'field' },
            h('legend', {}, h('strong', {}, t('qa.case.expected'))),
            h('div', { class: 'qa-checks' }, ...boxes.map((b) => b.label)),
            h('div', { class: 'muted small' }, t('qa.case.expectedHint')),
          ),
        ],
        build: () => ({
          ...c,
          draft: draftText.el.value,
          expected: boxes.filter((b) => b.box.checked).map((b) => b.box.value),
        }),
      };
    }
    if (d.suite === 'intent') {
      const text = textarea('case-text', String(c.text ?? ''), 'case-text', t('qa.case.text'));
      const label = h(
        'select',
        { id: 'case-label', class: 'input', 'data-testid': 'case-label' },
        ...(d.options.labels ?? []).map((l) =>
          h('option', { value: l, selected: c.label === l }, l === 'none' ? t('qa.case.labelNone') : l),
        ),
      );
      return {
        elements: [
          text.field,
          h('div', { class: 'field' }, h('label', { for: 'case-label' }, t('qa.case.label')), label),
        ],
        build: () => ({ ...c, text: text.el.value, label: label.value }),
      };
    }
    if (d.suite === 'copilot') {
      const history = (c.history as { role: string; text: string }[] | undefined) ?? [];
      const steps = d.options.steps ?? [];
      const step = h(
        'select',
        { id: 'case-step', class: 'input', 'data-testid': 'case-step' },
        ...(steps.length
          ? steps.map((s) =>
              h(
                'option',
                { value: s.key, selected: c.expected_step === s.key },
                `${s.key} — ${s.titleEn} / ${s.titleZh}`,
              ),
            )
          : [h('option', { value: 'none' }, t('qa.case.stepNone'))]),
      );
      const reference = textarea(
        'case-reference',
        String(c.reference ?? ''),
        'case-reference',
        t('qa.case.reference'),
      );
      const must = h('input', { id: 'case-must', class: 'input', 'data-testid': 'case-must-include' });
      return {
        elements: [
          h(
            'div',
            { class: 'field' },
            h('label', {}, t('qa.case.history')),
            h(
              'ol',
              { class: 'qa-history' },
              ...history.map((m) =>
                h('li', {}, h('b', {}, t(`qa.conv.role.${m.role}` as MessageKey)), m.text),
              ),
            ),
          ),
          h('div', { class: 'field' }, h('label', { for: 'case-step' }, t('qa.case.step')), step),
          reference.field,
          h('div', { class: 'field' }, h('label', { for: 'case-must' }, t('qa.case.mustInclude')), must),
        ],
        build: () => {
          const mustInclude = must.value
            .split(/[,，]/)
            .map((s) => s.trim())
            .filter(Boolean);
          const { reference: _r, must_include: _m, ...rest } = c;
          return {
            ...rest,
            expected_step: step.value,
            ...(reference.el.value.trim() ? { reference: reference.el.value.trim() } : {}),
            ...(mustInclude.length ? { must_include: mustInclude } : {}),
          };
        },
      };
    }
    return piiFields(d, c);
  }

  function piiFields(d: CaseDraftDto, c: Case): { elements: HTMLElement[]; build(): Case } {
    const text = textarea('case-text', String(c.text ?? ''), 'case-text', t('qa.case.text'));
    let entities: Entity[] = [...((c.entities as Entity[] | undefined) ?? [])];
    const chips = h('div', { class: 'qa-entities', 'data-testid': 'case-entities' });
    const hint = h('div', { class: 'muted small', 'aria-live': 'polite' });
    const renderChips = () =>
      fill(
        chips,
        ...(entities.length === 0
          ? [h('span', { class: 'muted small' }, t('qa.case.entitiesEmpty'))]
          : entities.map((e, i) =>
              h(
                'span',
                { class: 'chip qa-entity', 'data-testid': 'case-entity' },
                h('code', {}, e.type),
                ` ${text.el.value.slice(e.start, e.end)}`,
                h(
                  'button',
                  {
                    type: 'button',
                    'aria-label': t('qa.case.removeEntity', { type: e.type, start: e.start, end: e.end }),
                    onclick: () => {
                      entities = entities.filter((_, j) => j !== i);
                      renderChips();
                    },
                  },
                  '×',
                ),
              ),
            )),
      );
    // Spans are offsets into the text: editing the text invalidates them.
    text.el.addEventListener('input', () => {
      if (entities.length === 0) return;
      entities = [];
      renderChips();
    });
    const type = h(
      'select',
      { class: 'input', 'aria-label': t('qa.case.markSelection'), 'data-testid': 'case-entity-type' },
      ...(d.options.entityTypes ?? []).map((x) => h('option', { value: x }, x)),
    );
    const mark = h(
      'button',
      {
        type: 'button',
        class: 'btn btn-secondary',
        'data-testid': 'case-mark',
        onclick: () => {
          const { selectionStart: start, selectionEnd: end } = text.el;
          if (end <= start) {
            hint.textContent = t('qa.case.selectFirst');
            return;
          }
          hint.textContent = '';
          entities = [...entities, { type: type.value, start, end }].sort((a, b) => a.start - b.start);
          renderChips();
        },
      },
      t('qa.case.mark'),
    );
    renderChips();
    return {
      elements: [
        text.field,
        h(
          'div',
          { class: 'field' },
          h('label', {}, t('qa.case.entities')),
          chips,
          h(
            'div',
            { class: 'qa-mark' },
            h('span', { class: 'small' }, t('qa.case.markSelection')),
            type,
            mark,
          ),
          hint,
        ),
      ],
      build: () => ({ ...c, text: text.el.value, entities }),
    };
  }

  root.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (!draft) return;
    void save(draft);
  });

  async function save(d: CaseDraftDto) {
    const button = root.querySelector<HTMLButtonElement>('[data-testid="case-save"]');
    if (button) button.disabled = true;
    fill(result, h('p', { class: 'muted' }, t('qa.case.saving')));
    const res = await fetch('/api/v1/qa/golden-cases', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({
        suite: d.suite,
        case: build(),
        sourceConversationId: opts.conversationId,
        sourceMessageSeq: d.messageSeq,
      }),
    }).catch((err: unknown) => err as Error);
    if (button) button.disabled = false;
    if (res instanceof Error) {
      fill(
        result,
        h(
          'div',
          { class: 'alert alert-error', role: 'alert' },
          t('qa.case.invalid', { detail: res.message }),
        ),
      );
      return;
    }
    if (res.status === 201) {
      const saved = (await res.json()) as GoldenCaseDto;
      fill(
        result,
        h(
          'div',
          { class: 'alert alert-info', role: 'status', 'data-testid': 'case-saved' },
          t('qa.case.saved', { suite: saved.suite, id: saved.caseId, version: saved.version }),
        ),
      );
      opts.onSaved(saved);
      return;
    }
    const problem = (await res.json().catch(() => ({}))) as Problem;
    fill(
      result,
      h(
        'div',
        { class: 'alert alert-error', role: 'alert', 'data-testid': 'case-error' },
        t('qa.case.invalid', { detail: problem.detail ?? `HTTP ${res.status}` }),
        problem.errors?.length
          ? h('ul', {}, ...problem.errors.map((e) => h('li', {}, h('code', {}, e.path), ` ${e.message}`)))
          : null,
      ),
    );
  }

  suiteSelect.addEventListener('change', () => void load());
  root.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape') {
      ev.preventDefault();
      opts.onClose();
    }
  });
  void load();
  return root;
}
