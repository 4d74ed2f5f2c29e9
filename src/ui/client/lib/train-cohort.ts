/**
 * @module /train/admin cohort tab: summary figures, one row per person training (sessions, passes,
 * practice hours, each certification with days and sessions it took, weakest dimension), the
 * cohort's dimension means as bars (where trainees struggle) and pass rate per scenario.
 */
import { emptyState, fill, h } from './dom.ts';
import { type AdminTab, barChart, call, DIMS, dimLabel, errorAlert, table } from './train-kit.ts';

interface Cohort {
  members: {
    userId: string;
    name: string;
    sessions: number;
    passed: number;
    practiceHours: number;
    dimensions: Record<string, number | null>;
    certifications: { skill: string; level: number; days: number; sessions: number }[];
  }[];
  scenarios: {
    cardId: string;
    title: string;
    skill: string;
    plays: number;
    passes: number;
    passRate: number | null;
    meanScore: number | null;
  }[];
  dimensions: { dimension: string; mean: number | null; weakSessions: number }[];
  summary: {
    trainees: number;
    certified: number;
    meanDaysToCertification: number | null;
    meanSessionsToCertification: number | null;
  };
}

/** Builds the tab; `render()` draws it into its panel (again on every call). */
export function cohortTab(ctx: AdminTab) {
  const { t, host } = ctx;
  const panel = (_name: string) => host;
  const errorBox = (err: unknown) => errorAlert(t, err);
  async function renderCohort() {
    try {
      const c = await call<Cohort>('/api/v1/training/cohort');
      const stat = (label: string, value: string | number | null, id: string) =>
        h(
          'div',
          { class: 'card stat' },
          h('div', { class: 'stat-value', 'data-testid': id }, value ?? '–'),
          h('div', { class: 'stat-label' }, label),
        );
      const weakest = (dims: Record<string, number | null>) => {
        const scored = DIMS.filter((d) => dims[d] !== null);
        if (!scored.length) return '–';
        const d = scored.reduce((a, b) => ((dims[a] ?? 101) <= (dims[b] ?? 101) ? a : b));
        return `${dimLabel(t, d)} (${dims[d]})`;
      };
      const members = c.members.length
        ? table(
            [
              t('trainAdmin.cohort.name'),
              t('trainAdmin.cohort.sessions'),
              t('trainAdmin.cohort.passed'),
              t('trainAdmin.cohort.hours'),
              t('trainAdmin.cohort.certs'),
              t('trainAdmin.cohort.weakest'),
            ],
            c.members.map((m) =>
              h(
                'tr',
                { 'data-testid': 'cohort-row', 'data-user': m.userId },
                h('td', {}, m.name),
                h('td', { class: 'num' }, m.sessions),
                h('td', { class: 'num' }, m.passed),
                h('td', { class: 'num' }, m.practiceHours),
                h(
                  'td',
                  {},
                  ...m.certifications.map((x) =>
                    h(
                      'span',
                      { class: 'chip', 'data-testid': 'cohort-cert' },
                      t('trainAdmin.cohort.certDetail', {
                        skill: x.skill,
                        level: x.level,
                        days: x.days,
                        sessions: x.sessions,
                      }),
                    ),
                  ),
                ),
                h('td', {}, weakest(m.dimensions)),
              ),
            ),
            'cohort-table',
          )
        : emptyState('user', null, t('trainAdmin.cohort.empty'));
      const scenarios = table(
        [
          t('trainAdmin.cards.title'),
          t('trainAdmin.cards.skill'),
          t('trainAdmin.cohort.plays'),
          t('trainAdmin.cohort.passRate'),
          t('trainAdmin.cohort.meanScore'),
        ],
        c.scenarios.map((s) =>
          h(
            'tr',
            { 'data-testid': 'scenario-row', 'data-card': s.cardId },
            h('td', {}, s.title),
            h('td', {}, h('code', {}, s.skill)),
            h('td', { class: 'num' }, s.plays),
            h('td', { class: 'num' }, s.passRate === null ? '–' : `${Math.round(s.passRate * 100)}%`),
            h('td', { class: 'num' }, s.meanScore ?? '–'),
          ),
        ),
        'scenario-table',
      );
      fill(
        panel('cohort'),
        h(
          'div',
          { class: 'stats' },
          stat(t('trainAdmin.cohort.trainees'), c.summary.trainees, 'cohort-trainees'),
          stat(t('trainAdmin.cohort.certified'), c.summary.certified, 'cohort-certified'),
          stat(t('trainAdmin.cohort.meanDays'), c.summary.meanDaysToCertification, 'cohort-days'),
          stat(t('trainAdmin.cohort.meanSessions'), c.summary.meanSessionsToCertification, 'cohort-sessions'),
        ),
        h('div', { class: 'card panel-card' }, members),
        h(
          'div',
          { class: 'card panel-card', 'data-testid': 'struggle' },
          h('h2', {}, t('trainAdmin.cohort.struggle')),
          h(
            'div',
            { class: 'body' },
            barChart(
              c.dimensions.map((d) => ({ label: dimLabel(t, d.dimension), value: d.mean })),
              t('trainAdmin.cohort.struggle'),
            ),
            h(
              'p',
              { class: 'small muted' },
              c.dimensions
                .map(
                  (d) =>
                    `${dimLabel(t, d.dimension)}: ${t('trainAdmin.cohort.weakSessions', { n: d.weakSessions })}`,
                )
                .join(' · '),
            ),
          ),
        ),
        h('div', { class: 'card panel-card' }, h('h2', {}, t('trainAdmin.cohort.scenarios')), scenarios),
      );
    } catch (err) {
      fill(panel('cohort'), errorBox(err));
    }
  }

  return { render: renderCohort };
}
