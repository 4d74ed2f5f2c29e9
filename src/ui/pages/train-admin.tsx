/**
 * @module /train/admin — supervisors' side of the training cabin: the cohort (time to
 * certification, pass rate per scenario, where trainees struggle), the scenario card editor (JSON
 * with per-field validation errors, versioned saves), the live-test console (the supervisor types
 * the customer's side in real time and records pass or fail) and the certification rules.
 */
import { raw } from 'hono/html';
import { Layout, type LayoutProps } from '../layout.tsx';
import { TRAIN_STYLES } from './train-styles.ts';

type Shell = Pick<LayoutProps, 'lang' | 't' | 'langLinks' | 'user' | 'tenantName' | 'data'>;

export const TRAIN_ADMIN_TABS = ['cohort', 'cards', 'live', 'rules'] as const;

export function TrainAdminPage(props: Shell) {
  const { t } = props;
  return (
    <Layout {...props} title={t('trainAdmin.title')} active="trainAdmin" scripts={['train-admin']}>
      <style>{raw(TRAIN_STYLES)}</style>
      <main class="page train-page">
        <div class="page-inner">
          <div class="page-head">
            <div>
              <h1>{t('trainAdmin.title')}</h1>
              <p class="muted">{t('trainAdmin.subtitle')}</p>
            </div>
          </div>
          <div class="tabs" role="tablist" aria-label={t('trainAdmin.title')}>
            {TRAIN_ADMIN_TABS.map((tab, i) => (
              <button
                type="button"
                class="tab"
                role="tab"
                id={`tab-${tab}`}
                aria-controls={`panel-${tab}`}
                aria-selected={i === 0 ? 'true' : 'false'}
                tabindex={i === 0 ? 0 : -1}
                data-testid={`tab-${tab}`}
              >
                {t(`trainAdmin.tab.${tab}`)}
              </button>
            ))}
          </div>
          {TRAIN_ADMIN_TABS.map((tab, i) => (
            <section
              role="tabpanel"
              id={`panel-${tab}`}
              aria-labelledby={`tab-${tab}`}
              data-testid={`panel-${tab}`}
              hidden={i !== 0}
            >
              <p class="muted">{t('common.loading')}</p>
            </section>
          ))}
        </div>
      </main>
    </Layout>
  );
}
