/**
 * @module /train — the trainee's training cabin: practice (chat with the bot customer, the coaching
 * panel beside it with the mood, the end-of-session score with evidence and the annotated replay,
 * the next personalised scenario) and "my progress" (skills, certification, six dimensions over
 * time). The island (src/ui/client/train.ts) fills it from /api/v1/training.
 */
import { raw } from 'hono/html';
import { Layout, type LayoutProps } from '../layout.tsx';
import { TRAIN_STYLES } from './train-styles.ts';

type Shell = Pick<LayoutProps, 'lang' | 't' | 'langLinks' | 'user' | 'tenantName' | 'data'>;

export function TrainPage(props: Shell) {
  const { t } = props;
  return (
    <Layout {...props} title={t('train.title')} active="train" scripts={['train']}>
      <style>{raw(TRAIN_STYLES)}</style>
      <main class="page train-page">
        <div class="page-inner">
          <div class="page-head">
            <div>
              <h1>{t('train.title')}</h1>
              <p class="muted">{t('train.subtitle')}</p>
            </div>
          </div>
          <div class="tabs" role="tablist" aria-label={t('train.title')}>
            {(['practice', 'progress'] as const).map((tab, i) => (
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
                {t(`train.tab.${tab}`)}
              </button>
            ))}
          </div>
          <section
            role="tabpanel"
            id="panel-practice"
            aria-labelledby="tab-practice"
            data-testid="panel-practice"
          >
            <div id="live-banner" hidden />
            <div class="train-toolbar card">
              <button type="button" class="btn btn-primary" id="next-scenario" data-testid="next-scenario">
                {t('train.next')}
              </button>
              <label class="visually-hidden" for="card-pick">
                {t('train.pick')}
              </label>
              <select class="input" id="card-pick" data-testid="card-pick">
                <option value="">{t('train.pick')}</option>
              </select>
              <button type="button" class="btn btn-secondary" id="start-picked" data-testid="start-picked">
                {t('train.start')}
              </button>
            </div>
            <div id="notice" role="status" aria-live="polite" />
            <div class="train-grid">
              <div class="card chat" id="chat" data-testid="chat">
                <p class="muted pad">{t('common.loading')}</p>
              </div>
              <aside class="card coach" id="coach" data-testid="coach" aria-label={t('train.coach.title')} />
            </div>
            <div id="result" data-testid="result" hidden />
          </section>
          <section
            role="tabpanel"
            id="panel-progress"
            aria-labelledby="tab-progress"
            data-testid="panel-progress"
            hidden
          >
            <p class="muted">{t('common.loading')}</p>
          </section>
        </div>
      </main>
    </Layout>
  );
}
