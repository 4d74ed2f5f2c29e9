/**
 * @module The fairness report page: selection rates by self-reported group for the tool's
 * advice and for people's decisions (four-fifths impact ratios), LL144 scoring rates against
 * the pooled median, score distributions — tables with static SVG charts, and a CSV link.
 */
import { raw } from 'hono/html';
import type { SelectionReport } from '#src/core/fairness/index.ts';
import { type FairnessReport, NOT_REPORTED } from '#src/services/interviews/fairness.ts';
import type { T } from '../i18n.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const ratio = (x: number | null) => (x === null ? '–' : x.toFixed(3));

export interface FairnessCharts {
  tool: string;
  human: string;
  distribution: string;
}

function Check(props: { t: T; adverse: boolean; excluded: boolean; ratio: number | null }) {
  const { t } = props;
  if (props.excluded) return <span class="muted">{t('rec.fair.excluded')}</span>;
  if (props.ratio === null) return <span class="muted">–</span>;
  return props.adverse ? (
    <span class="flag" data-testid="adverse">
      {t('rec.fair.adverse')}
    </span>
  ) : (
    <span class="advice advice-advance">{t('rec.fair.ok')}</span>
  );
}

function SelectionTable(props: {
  t: T;
  s: SelectionReport;
  testid: string;
  groupName: (g: string) => string;
}) {
  const { t, s } = props;
  return (
    <table class="data" data-testid={props.testid}>
      <thead>
        <tr>
          <th>{t('rec.fair.group')}</th>
          <th class="num">{t('rec.fair.n')}</th>
          <th class="num">{t('rec.fair.selected')}</th>
          <th class="num">{t('rec.fair.rate')}</th>
          <th class="num">{t('rec.fair.ratio')}</th>
          <th>{t('rec.fair.check')}</th>
        </tr>
      </thead>
      <tbody>
        {s.groups.map((g) => (
          <tr data-group={g.group}>
            <td>{props.groupName(g.group)}</td>
            <td class="num">{g.applicants}</td>
            <td class="num">{g.selected}</td>
            <td class="num">{pct(g.rate)}</td>
            <td class="num" data-testid="impact-ratio">
              {ratio(g.impactRatio)}
            </td>
            <td>
              <Check t={t} adverse={g.adverseImpact} excluded={g.excluded} ratio={g.impactRatio} />
            </td>
          </tr>
        ))}
        {s.unknown.applicants > 0 && (
          <tr data-group={NOT_REPORTED}>
            <td>{t('rec.fair.notReported')}</td>
            <td class="num">{s.unknown.applicants}</td>
            <td class="num">{s.unknown.selected}</td>
            <td class="num">{pct(s.unknown.selected / s.unknown.applicants)}</td>
            <td class="num">–</td>
            <td />
          </tr>
        )}
      </tbody>
    </table>
  );
}

export function FairnessPage(props: { t: T; report: FairnessReport; charts: FairnessCharts }) {
  const { t, report: r } = props;
  const groupName = (g: string) => (g === NOT_REPORTED ? t('rec.fair.notReported') : g);
  return (
    <>
      <div class="page-head">
        <div>
          <h1>{t('rec.fair.title')}</h1>
          <p class="muted">
            {r.campaign.name}
            {r.campaign.groupLabel && ` · ${r.campaign.groupLabel}`}
          </p>
        </div>
        <span class="topbar-spacer" />
        <a
          class="btn btn-secondary"
          href={`/api/v1/interviews/campaigns/${r.campaign.id}/fairness.csv`}
          data-testid="fairness-csv"
          download
        >
          {t('rec.fair.csv')}
        </a>
      </div>
      <p class="muted">{t('rec.fair.intro')}</p>
      {!r.campaign.groupLabel && <p class="alert alert-info">{t('rec.fair.noGroup')}</p>}
      {r.assessed === 0 ? (
        <div class="card empty" data-testid="fairness-empty">
          <span>{t('rec.fair.empty')}</span>
        </div>
      ) : (
        <div class="rec-grid" data-testid="fairness">
          <section class="card rec-section">
            <h2>{t('rec.fair.tool', { n: r.scored })}</h2>
            <div class="chart" data-testid="chart-tool">
              {raw(props.charts.tool)}
            </div>
            <SelectionTable t={t} s={r.tool} testid="table-tool" groupName={groupName} />
          </section>
          <section class="card rec-section">
            <h2>
              {t('rec.fair.human', {
                n: r.human.groups.reduce((n, g) => n + g.applicants, 0) + r.human.unknown.applicants,
              })}
            </h2>
            <div class="chart" data-testid="chart-human">
              {raw(props.charts.human)}
            </div>
            <SelectionTable t={t} s={r.human} testid="table-human" groupName={groupName} />
            <p class="muted small">
              {t('rec.fair.pending', { pending: r.human.pending, held: r.human.held })}
            </p>
          </section>
          <section class="card rec-section">
            <h2>
              {t('rec.fair.scoring', {
                median: r.scoring.median === null ? '–' : r.scoring.median.toFixed(1),
              })}
            </h2>
            <table class="data" data-testid="table-scoring">
              <thead>
                <tr>
                  <th>{t('rec.fair.group')}</th>
                  <th class="num">{t('rec.fair.n')}</th>
                  <th class="num">{t('rec.fair.above')}</th>
                  <th class="num">{t('rec.fair.rate')}</th>
                  <th class="num">{t('rec.fair.ratio')}</th>
                  <th>{t('rec.fair.check')}</th>
                </tr>
              </thead>
              <tbody>
                {r.scoring.groups.map((g) => (
                  <tr data-group={g.group}>
                    <td>{groupName(g.group)}</td>
                    <td class="num">{g.n}</td>
                    <td class="num">{g.aboveMedian}</td>
                    <td class="num">{pct(g.scoringRate)}</td>
                    <td class="num">{ratio(g.impactRatio)}</td>
                    <td>
                      <Check t={t} adverse={g.adverseImpact} excluded={g.excluded} ratio={g.impactRatio} />
                    </td>
                  </tr>
                ))}
                {r.scoring.unknown.n > 0 && (
                  <tr data-group={NOT_REPORTED}>
                    <td>{t('rec.fair.notReported')}</td>
                    <td class="num">{r.scoring.unknown.n}</td>
                    <td class="num">{r.scoring.unknown.aboveMedian}</td>
                    <td class="num">{pct(r.scoring.unknown.aboveMedian / r.scoring.unknown.n)}</td>
                    <td class="num">–</td>
                    <td />
                  </tr>
                )}
              </tbody>
            </table>
          </section>
          <section class="card rec-section">
            <h2>{t('rec.fair.dist')}</h2>
            <div class="chart" data-testid="chart-distribution">
              {raw(props.charts.distribution)}
            </div>
            <table class="data">
              <thead>
                <tr>
                  <th>{t('rec.fair.group')}</th>
                  <th class="num">n</th>
                  <th class="num">min</th>
                  <th class="num">Q1</th>
                  <th class="num">median</th>
                  <th class="num">Q3</th>
                  <th class="num">max</th>
                </tr>
              </thead>
              <tbody>
                {r.distributions.map((d) => (
                  <tr>
                    <td>{groupName(d.group)}</td>
                    <td class="num">{d.summary.n}</td>
                    {[d.summary.min, d.summary.q1, d.summary.median, d.summary.q3, d.summary.max].map((v) => (
                      <td class="num">{v === null ? '–' : v.toFixed(1)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </div>
      )}
    </>
  );
}
