/** @module The customer chat widget page: a server-rendered shell driven by the widget island. */
import type { Lang, T } from '../i18n.ts';
import { Icon, type LangLinks, LangSwitch, Layout } from '../layout.tsx';

export interface WidgetPageProps {
  lang: Lang;
  t: T;
  langLinks: LangLinks;
  tenant: { slug: string; name: string };
  data: unknown;
}

export function WidgetPage(props: WidgetPageProps) {
  const { t } = props;
  return (
    <Layout
      lang={props.lang}
      t={t}
      title={`${props.tenant.name} · ${t('widget.title')}`}
      langLinks={props.langLinks}
      scripts={['widget']}
      data={props.data}
      bare
    >
      <main class="widget-page">
        <section
          class="card widget"
          id="widget"
          data-tenant={props.tenant.slug}
          aria-label={t('widget.title')}
        >
          <header class="widget-head">
            <div>
              <h1>{props.tenant.name}</h1>
              <div class="sub">
                {t('widget.title')} <span class="live" id="live" hidden />
              </div>
            </div>
            <LangSwitch lang={props.lang} links={props.langLinks} t={t} />
          </header>
          <div class="messages" id="messages" role="log" aria-live="polite" data-testid="widget-messages">
            <div class="greeting" id="greeting" data-testid="widget-greeting">
              <div class="empty-icon greeting-icon" aria-hidden="true">
                <Icon name="chat" />
              </div>
              <strong>{t('widget.greeting.title')}</strong>
              <span>{t('widget.greeting.body')}</span>
            </div>
          </div>
          <form class="composer" id="composer">
            <div class="composer-row">
              <textarea
                class="input"
                id="input"
                rows={2}
                maxlength={8000}
                placeholder={t('widget.placeholder')}
                aria-label={t('widget.placeholder')}
                data-testid="widget-input"
              />
              <button type="submit" class="btn btn-primary" data-testid="widget-send">
                {t('widget.send')}
              </button>
            </div>
            <div class="composer-hint">{t('widget.hint')}</div>
          </form>
        </section>
      </main>
    </Layout>
  );
}
