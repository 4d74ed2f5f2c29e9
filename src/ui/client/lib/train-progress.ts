/**
 * @module /train progress tab: each skill's standing (passes credited of those required, live test,
 * certification and its expiry), the six rubric dimensions over the trainee's finished sessions as
 * lines and the recent means as bars, and the list of finished sessions.
 */
import type { MessageKey } from '../../i18n.ts';
import { emptyState, fill, h } from './dom.ts';
import type { Translate } from './page-data.ts';
import { dateTime } from './time.ts';
import { barChart, call, DIM_COLOURS, DIMS, dimLabel, lineChart } from './train-kit.ts';

interface SkillProgress {
  skill: string;
  name: { zh: string; en: string };
  required: number;
  credited: number;
  passedCards: { cardId: string; title: string; score: number }[];
  requirement: { minScore: number };
  live: { result: 'pass' | 'fail'; at: number } | null;
  certification: { level: number; expiresAt: number | null; valid: boolean } | null;
  status: string;
}

interface Progress {
  skills: SkillProgress[];
  history: {
    sessionId: string;
    title: string;
    skill: string;
    endedAt: number;
    score: number;
    passed: boolean;
    scores: Record<string, number>;
  }[];
  dimensions: Record<string, number | null>;
  next: { card: { title: string }; reasons: string[] } | null;
}

/** Draw the tab into `panel` from GET /api/v1/training/progress. */
export async function renderProgress(panel: HTMLElement, t: Translate, data: { lang: 'zh' | 'en' }) {
  try {
    const p = await call<Progress>('/api/v1/training/progress');
    const zh = data.lang === 'zh';
    const skills = h(
      'div',
      { class: 'card panel-card' },
      h('h2', {}, t('train.progress.skills')),
      h(
        'table',
        { class: 'data', 'data-testid': 'skills-table' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', {}, t('train.progress.skill')),
            h('th', {}, t('train.progress.scenarios')),
            h('th', {}, t('train.progress.live')),
            h('th', {}, t('train.progress.status')),
          ),
        ),
        h(
          'tbody',
          {},
          ...p.skills.map((s) =>
            h(
              'tr',
              { 'data-skill': s.skill, 'data-status': s.status },
              h(
                'td',
                {},
                zh ? s.name.zh : s.name.en,
                h('div', { class: 'small muted' }, h('code', {}, s.skill)),
              ),
              h(
                'td',
                {},
                t('train.progress.of', {
                  n: Math.min(s.credited, s.required),
                  m: s.required,
                  score: s.requirement.minScore,
                }),
              ),
              h(
                'td',
                {},
                s.live
                  ? t(s.live.result === 'pass' ? 'train.live.pass' : 'train.live.fail')
                  : t('train.progress.liveNone'),
              ),
              h(
                'td',
                {},
                h(
                  'span',
                  { class: 'badge status-badge', 'data-status': s.status },
                  t(`train.status.${s.status}` as MessageKey),
                ),
                s.certification?.valid && s.certification.expiresAt
                  ? h(
                      'div',
                      { class: 'small muted' },
                      `L${s.certification.level} · ${t('train.progress.until', { date: dateTime(s.certification.expiresAt, data.lang) })}`,
                    )
                  : null,
              ),
            ),
          ),
        ),
      ),
    );
    const charts =
      p.history.length === 0
        ? h(
            'div',
            { class: 'card panel-card' },
            h('h2', {}, t('train.progress.dims')),
            emptyState('star', null, t('train.progress.empty')),
          )
        : h(
            'div',
            { class: 'card panel-card', 'data-testid': 'dims-chart' },
            h('h2', {}, t('train.progress.dims')),
            h(
              'div',
              { class: 'body' },
              h(
                'div',
                { class: 'legend' },
                ...DIMS.map((d) => h('span', { style: `--c:${DIM_COLOURS[d]}` }, dimLabel(t, d))),
              ),
              lineChart(
                DIMS.map((d) => ({
                  label: dimLabel(t, d),
                  colour: DIM_COLOURS[d],
                  values: p.history.map((x) => x.scores[d] ?? 0),
                })),
                { title: t('train.progress.dims') },
              ),
              h('h3', { class: 'small muted' }, t('train.progress.dimsNow')),
              barChart(
                DIMS.map((d) => ({ label: dimLabel(t, d), value: p.dimensions[d] ?? null })),
                t('train.progress.dimsNow'),
              ),
            ),
          );
    const history = p.history.length
      ? h(
          'div',
          { class: 'card panel-card' },
          h('h2', {}, t('train.progress.history')),
          h(
            'table',
            { class: 'data', 'data-testid': 'history-table' },
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                h('th', {}, t('train.progress.when')),
                h('th', {}, t('trainAdmin.cards.title')),
                h('th', { class: 'num' }, t('train.progress.score')),
                h('th', {}, ''),
              ),
            ),
            h(
              'tbody',
              {},
              ...[...p.history]
                .reverse()
                .map((x) =>
                  h(
                    'tr',
                    {},
                    h('td', { class: 'nowrap' }, dateTime(x.endedAt, data.lang)),
                    h('td', {}, x.title),
                    h('td', { class: 'num' }, x.score),
                    h(
                      'td',
                      {},
                      h(
                        'span',
                        { class: 'verdict-badge', 'data-passed': String(x.passed) },
                        x.passed ? t('train.result.passed') : t('train.result.failed'),
                      ),
                    ),
                  ),
                ),
            ),
          ),
        )
      : null;
    fill(panel, skills, charts, history);
  } catch (err) {
    fill(
      panel,
      h(
        'div',
        { class: 'alert alert-error', role: 'alert' },
        t('common.error', { reason: (err as Error).message }),
      ),
    );
  }
}
