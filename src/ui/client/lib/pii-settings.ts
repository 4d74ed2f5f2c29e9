/**
 * @module The admin's PII settings cards: who may reveal and for how long, the tenant's custom
 * patterns (JSON, refused with field paths when unsafe), and the PII types each SOP step may
 * reveal (toggles that save at once).
 */
import type { PatternsDto, PolicyDto, SopPolicyDto } from '#routes/pii/pii.routes.ts';
import { emptyState, fill, h } from './dom.ts';
import { type AdminCtx, card, errorText, put } from './pii-admin-kit.ts';

export function policyCard(ctx: AdminCtx, policy: PolicyDto): HTMLElement {
  const { t } = ctx;
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
      status.textContent = errorText(ctx, err);
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

export function patternsCard(ctx: AdminCtx, patterns: PatternsDto): HTMLElement {
  const { t } = ctx;
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
      status.textContent = errorText(ctx, err);
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

export function stepsCard(ctx: AdminCtx, sops: SopPolicyDto[], types: string[]): HTMLElement {
  const { t } = ctx;
  const zh = ctx.lang === 'zh';
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
        error.textContent = errorText(ctx, err);
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
