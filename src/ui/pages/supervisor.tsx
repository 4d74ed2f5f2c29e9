/** @module The supervisor view: every open conversation of the tenant with counts per state. */
import { Icon, Layout, type LayoutProps } from '../layout.tsx';

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
    <Layout {...props} title={t('sup.title')} active="supervisor" scripts={['supervisor']}>
      <main class="page">
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
          <div class="stats">
            {stat('total', t('sup.count.total'))}
            {stat('queued', t('state.queued'))}
            {stat('assigned', t('state.assigned'))}
          </div>
          <div class="card">
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
