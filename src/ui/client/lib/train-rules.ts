/**
 * @module /train/admin rules tab: the certification rule of every skill (scenarios to pass, minimum
 * score, level granted, validity), editable inline by supervisors and admins.
 */
import { fill, h } from './dom.ts';
import { type AdminTab, call, errorAlert, table } from './train-kit.ts';

interface Requirement {
  skill: string;
  name: { zh: string; en: string };
  scenariosRequired: number;
  minScore: number;
  levelGranted: number;
  validityDays: number;
}

/** Builds the tab; `render()` draws it into its panel (again on every call). */
export function rulesTab(ctx: AdminTab) {
  const { t, host } = ctx;
  const zh = ctx.lang === 'zh';
  const data = { canEdit: ctx.canEdit };
  const panel = (_name: string) => host;
  const errorBox = (err: unknown) => errorAlert(t, err);
  async function renderRules() {
    try {
      const { items } = await call<{ items: Requirement[] }>('/api/v1/training/requirements');
      const num = (value: number, min: number, max: number, label: string) =>
        h('input', {
          class: 'input',
          type: 'number',
          value,
          min,
          max,
          'aria-label': label,
          disabled: !data.canEdit,
        }) as HTMLInputElement;
      fill(
        panel('rules'),
        h('p', { class: 'muted' }, t('trainAdmin.rules.hint')),
        h(
          'div',
          { class: 'card rules' },
          table(
            [
              t('trainAdmin.rules.skill'),
              t('trainAdmin.rules.scenarios'),
              t('trainAdmin.rules.minScore'),
              t('trainAdmin.rules.level'),
              t('trainAdmin.rules.validity'),
              '',
            ],
            items.map((r) => {
              const scenarios = num(r.scenariosRequired, 1, 50, t('trainAdmin.rules.scenarios'));
              const minScore = num(r.minScore, 0, 100, t('trainAdmin.rules.minScore'));
              const level = num(r.levelGranted, 1, 5, t('trainAdmin.rules.level'));
              const validity = num(r.validityDays, 1, 3650, t('trainAdmin.rules.validity'));
              const status = h('span', { class: 'small muted', 'aria-live': 'polite' });
              const save = h(
                'button',
                { type: 'button', class: 'btn btn-secondary', disabled: !data.canEdit },
                t('trainAdmin.rules.save'),
              );
              save.addEventListener('click', async () => {
                try {
                  await call(`/api/v1/training/requirements/${encodeURIComponent(r.skill)}`, {
                    method: 'PUT',
                    body: {
                      scenariosRequired: Number(scenarios.value),
                      minScore: Number(minScore.value),
                      levelGranted: Number(level.value),
                      validityDays: Number(validity.value),
                    },
                  });
                  status.textContent = t('trainAdmin.rules.saved');
                } catch (err) {
                  status.textContent = t('common.error', { reason: (err as Error).message });
                }
              });
              return h(
                'tr',
                { 'data-testid': 'rule-row', 'data-skill': r.skill },
                h('td', {}, zh ? r.name.zh : r.name.en, h('div', {}, h('code', { class: 'small' }, r.skill))),
                h('td', {}, scenarios),
                h('td', {}, minScore),
                h('td', {}, level),
                h('td', {}, validity),
                h('td', {}, save, ' ', status),
              );
            }),
            'rules-table',
          ),
        ),
      );
    } catch (err) {
      fill(panel('rules'), errorBox(err));
    }
  }

  return { render: renderRules };
}
