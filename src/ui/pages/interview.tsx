/**
 * @module The candidate's interview page at /interview/{token} (no account): a bare shell the
 * interview island drives — consent, device check, typing test, recorded answers, submit — and
 * the open-invitation registration page.
 */
import { raw } from 'hono/html';
import type { Lang, T } from '../i18n.ts';
import { type LangLinks, LangSwitch, Layout } from '../layout.tsx';
import { RECRUIT_STYLES } from './recruit-styles.ts';

export function InterviewPage(props: {
  lang: Lang;
  t: T;
  langLinks: LangLinks;
  campaignName: string;
  data: unknown;
}) {
  const { t } = props;
  return (
    <Layout
      lang={props.lang}
      t={t}
      title={`${props.campaignName} · ${t('iv.title')}`}
      langLinks={props.langLinks}
      scripts={['interview']}
      data={props.data}
      bare
    >
      <style>{raw(RECRUIT_STYLES)}</style>
      <main class="iv-page">
        <div class="iv-inner">
          <header class="iv-head">
            <h1>{props.campaignName}</h1>
            <LangSwitch lang={props.lang} links={props.langLinks} t={t} />
          </header>
          <section class="card iv-step" id="step" data-testid="step" aria-live="polite">
            <p class="muted">{t('common.loading')}</p>
          </section>
          <div class="iv-withdraw">
            <button type="button" class="btn btn-ghost" id="withdraw" data-testid="withdraw" hidden>
              {t('iv.withdraw.button')}
            </button>
          </div>
        </div>
      </main>
    </Layout>
  );
}

export function ApplyPage(props: {
  lang: Lang;
  t: T;
  langLinks: LangLinks;
  campaignName: string;
  action: string;
  error?: string | undefined;
  values?: { name: string; email: string } | undefined;
}) {
  const { t } = props;
  return (
    <Layout lang={props.lang} t={t} title={t('iv.apply.title')} langLinks={props.langLinks} bare>
      <style>{raw(RECRUIT_STYLES)}</style>
      <main class="iv-page">
        <div class="iv-inner">
          <header class="iv-head">
            <h1>{props.campaignName}</h1>
            <LangSwitch lang={props.lang} links={props.langLinks} t={t} />
          </header>
          <form class="card iv-step" method="post" action={props.action}>
            <h2>{t('iv.apply.title')}</h2>
            <p class="muted">{t('iv.apply.body')}</p>
            {props.error && (
              <div class="alert alert-error" role="alert">
                {props.error}
              </div>
            )}
            <div class="field">
              <label for="apply-name">{t('iv.apply.name')}</label>
              <input class="input" id="apply-name" name="name" required value={props.values?.name ?? ''} />
            </div>
            <div class="field">
              <label for="apply-email">{t('iv.apply.email')}</label>
              <input
                class="input"
                id="apply-email"
                name="email"
                type="email"
                required
                value={props.values?.email ?? ''}
              />
            </div>
            <button type="submit" class="btn btn-primary">
              {t('iv.apply.submit')}
            </button>
          </form>
        </div>
      </main>
    </Layout>
  );
}
