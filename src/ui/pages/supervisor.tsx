/**
 * @module The supervisor view: the dispatch wall (queues by skill with service level and agents
 * by level, alerts, every agent as a small tile) above every open conversation of the tenant.
 */
import { raw } from 'hono/html';
import { Icon, Layout, type LayoutProps } from '../layout.tsx';
import { SUPERVISOR_WALL_STYLES } from './supervisor-styles.ts';

type Shell = Pick<LayoutProps, 'lang' | 't' | 'langLinks' | 'user' | 'tenantName' | 'data'>;

export function SupervisorPage(props: Shell) {
  const { t } = props;
  const stat = (key: 'total' | 'queued' | 'assigned', label: string) => (
    <div class={`card stat stat-${key}`}>
      <div class="stat-value" id={`count-${key}`} data-testid={`count-${key}`}>
        –
      </div>
      <div class="stat-label">{label}</div>
    </div>
  );
  return (
    <Layout {...props} title={t('sup.title')} active="supervisor" scripts={['supervisor', 'compliance-risk']}>
      <style>{raw(SUPERVISOR_WALL_STYLES)}</style>
      <main class="page wall-page">
        <div class="page-inner">
          <div class="page-head">
            <div>
              <h1>{t('sup.title')}</h1>
              <p class="muted">{t('sup.subtitle')}</p>
            </div>
            <span class="topbar-spacer" />
            <span class="live" id="live" data-state="connecting" data-testid="live-status">
              {t('common.loading')}
            </span>
          </div>
          <div class="wall-grid">
            <div class="card wall-card">
              <h2>{t('sup.wall.title')}</h2>
              <table class="data wall" data-testid="wall">
                <thead>
                  <tr>
                    <th>{t('sup.wall.skill')}</th>
                    <th class="num">{t('sup.wall.waiting')}</th>
                    <th class="num">{t('sup.wall.longest')}</th>
                    <th class="num" id="wall-sl-head">
                      {t('sup.wall.sl')}
                    </th>
                    <th class="num">{t('sup.wall.abandon')}</th>
                    <th>
                      {t('sup.wall.available')}
                      <div class="small muted">{t('sup.wall.levels')}</div>
                    </th>
                    <th>
                      {t('sup.wall.busy')}
                      <div class="small muted">{t('sup.wall.levels')}</div>
                    </th>
                  </tr>
                </thead>
                <tbody id="wall-rows" />
              </table>
            </div>
            <div class="card wall-card">
              <h2>
                {t('sup.alerts.title')} <span class="count" id="alert-count" data-testid="alert-count" />
              </h2>
              <ul class="alerts" id="alerts" data-testid="wall-alerts" />
            </div>
          </div>
          <div class="card wall-card" style="margin-bottom: 12px">
            <h2>{t('sup.wall.agents')}</h2>
            <div class="totals" id="totals" data-testid="wall-totals" />
            <div class="agent-grid" id="agent-grid" data-testid="agent-grid" />
          </div>
          <div class="stats">
            {stat('total', t('sup.count.total'))}
            {stat('queued', t('state.queued'))}
            {stat('assigned', t('state.assigned'))}
          </div>
          <div class="card wall-card">
            <h2>{t('sup.open.title')}</h2>
            <table class="data" data-testid="open-conversations">
              <thead>
                <tr>
                  <th>{t('sup.col.state')}</th>
                  <th>{t('sup.col.subject')}</th>
                  <th>{t('sup.col.lang')}</th>
                  <th>{t('sup.col.assignee')}</th>
                  <th class="num">{t('sup.col.waiting')}</th>
                  <th class="num">{t('sup.col.created')}</th>
                </tr>
              </thead>
              <tbody id="rows" />
            </table>
            <div class="empty" id="empty" data-testid="supervisor-empty" hidden>
              <span class="empty-icon" aria-hidden="true">
                <Icon name="check" />
              </span>
              <span>{t('sup.empty')}</span>
            </div>
          </div>
        </div>
      </main>
    </Layout>
  );
}
