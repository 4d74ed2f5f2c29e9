/**
 * @module The QA workspace (/qa, roles qa and admin): eval suites with latest metrics, trend lines
 * and a Run button with live progress; the run history with reports; recent conversations, from
 * which a message is saved as a golden case; and the golden cases with how to export and run them.
 */
import { raw } from 'hono/html';
import { Layout, type LayoutProps } from '../layout.tsx';
import { QA_STYLES } from './qa-styles.ts';

type Shell = Pick<LayoutProps, 'lang' | 't' | 'langLinks' | 'user' | 'tenantName' | 'data'>;

export const QA_TABS = ['suites', 'runs', 'conversations', 'golden'] as const;
export type QaTab = (typeof QA_TABS)[number];

export function QaPage(props: Shell & { tenantSlug: string }) {
  const { t } = props;
  const exportCmd = `npx tidedesk eval export --tenant ${props.tenantSlug}`;
  const runCmd = `npx tidedesk eval --suite compliance --cases golden-export/${props.tenantSlug}/compliance.jsonl`;
  return (
    <Layout {...props} title={t('qa.title')} active="qa" scripts={['qa', 'copilot-qa']}>
      <style>{raw(QA_STYLES)}</style>
      <main class="page">
        <div class="page-inner">
          <div class="page-head">
            <div>
              <h1>{t('qa.title')}</h1>
              <p class="muted">{t('qa.subtitle')}</p>
            </div>
            <span class="topbar-spacer" />
            <div class="qa-provider">
              <label for="provider">{t('qa.provider')}</label>
              <select id="provider" class="input" data-testid="provider">
                <option value="embedded">{t('qa.provider.embedded')}</option>
                <option value="replay">{t('qa.provider.replay')}</option>
                <option value="llm">{t('qa.provider.llm')}</option>
              </select>
            </div>
          </div>
          <div id="run-status" class="qa-run-status" aria-live="polite" data-testid="run-status" />
          <div class="tabs" role="tablist" aria-label={t('qa.tabs')}>
            {QA_TABS.map((tab, i) => (
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
                {t(`qa.tab.${tab}`)}
                <span class="count" id={`count-${tab}`} />
              </button>
            ))}
          </div>
          <section role="tabpanel" id="panel-suites" aria-labelledby="tab-suites" data-testid="panel-suites">
            <div id="suites" class="card">
              <p class="muted qa-pad">{t('common.loading')}</p>
            </div>
          </section>
          <section role="tabpanel" id="panel-runs" aria-labelledby="tab-runs" data-testid="panel-runs" hidden>
            <div class="qa-toolbar">
              <label for="runs-suite">{t('qa.runs.filter')}</label>
              <select id="runs-suite" class="input qa-select" data-testid="runs-suite" />
            </div>
            <div id="runs" class="card">
              <p class="muted qa-pad">{t('common.loading')}</p>
            </div>
          </section>
          <section
            role="tabpanel"
            id="panel-conversations"
            aria-labelledby="tab-conversations"
            data-testid="panel-conversations"
            hidden
          >
            <div class="qa-conv">
              <nav class="card qa-conv-list" aria-label={t('qa.conv.list')}>
                <ul id="conv-list" class="conv-list" data-testid="qa-conv-list" />
              </nav>
              <div id="conv-view" class="card qa-conv-view" data-testid="qa-conv-view">
                <p class="muted qa-pad">{t('qa.conv.select')}</p>
              </div>
            </div>
          </section>
          <section
            role="tabpanel"
            id="panel-golden"
            aria-labelledby="tab-golden"
            data-testid="panel-golden"
            hidden
          >
            <div class="card qa-export" data-testid="export-hint">
              <h2>{t('qa.golden.exportTitle')}</h2>
              <p>{t('qa.golden.exportBody')}</p>
              <pre>
                <code>{`${exportCmd}\n${runCmd}`}</code>
              </pre>
              <p class="muted small">{t('qa.golden.exportHere')}</p>
            </div>
            <div class="qa-toolbar">
              <label for="golden-suite">{t('qa.golden.filter')}</label>
              <select id="golden-suite" class="input qa-select" data-testid="golden-suite" />
            </div>
            <div id="golden" class="card">
              <p class="muted qa-pad">{t('common.loading')}</p>
            </div>
          </section>
          <p class="muted small qa-keys">{t('qa.keys')}</p>
        </div>
      </main>
    </Layout>
  );
}
