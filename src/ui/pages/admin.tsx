/** @module The tenant admin: people, skills, SOPs (with steps), knowledge and PII, in tabs. */
import { raw } from 'hono/html';
import { Layout, type LayoutProps } from '../layout.tsx';
import { PII_ADMIN_STYLES } from './pii-styles.ts';

type Shell = Pick<LayoutProps, 'lang' | 't' | 'langLinks' | 'user' | 'tenantName' | 'data'>;

export const ADMIN_TABS = ['people', 'skills', 'sops', 'knowledge', 'pii'] as const;
export type AdminTab = (typeof ADMIN_TABS)[number];

export function AdminPage(props: Shell) {
  const { t } = props;
  return (
    <Layout
      {...props}
      title={t('admin.title')}
      active="admin"
      scripts={['admin', 'admin-pii', 'compliance-admin']}
    >
      <style>{raw(PII_ADMIN_STYLES)}</style>
      <main class="page">
        <div class="page-inner">
          <div class="page-head">
            <h1>{t('admin.title')}</h1>
          </div>
          <div class="tabs" role="tablist" aria-label={t('admin.title')}>
            {ADMIN_TABS.map((tab, i) => (
              <button
                class="tab"
                role="tab"
                id={`tab-${tab}`}
                aria-controls={`panel-${tab}`}
                aria-selected={i === 0 ? 'true' : 'false'}
                tabindex={i === 0 ? 0 : -1}
                data-tab={tab}
                data-testid={`tab-${tab}`}
              >
                {t(`admin.tab.${tab}`)}
                <span class="count" id={`count-${tab}`} />
              </button>
            ))}
          </div>
          {ADMIN_TABS.map((tab, i) => (
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
