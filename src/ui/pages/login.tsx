/** @module The sign-in page: email and password form plus the demo accounts (this is a demo). */
import type { Lang, T } from '../i18n.ts';
import { type LangLinks, Layout } from '../layout.tsx';

const DEMO_ACCOUNTS: { email: string; role: 'admin' | 'supervisor' | 'agent' }[] = [
  { email: 'agent1@demo.test', role: 'agent' },
  { email: 'supervisor@demo.test', role: 'supervisor' },
  { email: 'admin@demo.test', role: 'admin' },
];

export interface LoginPageProps {
  lang: Lang;
  t: T;
  langLinks: LangLinks;
  email?: string;
  next?: string | null;
  error?: string;
  demoPassword: string;
}

export function LoginPage(props: LoginPageProps) {
  const { t } = props;
  return (
    <Layout lang={props.lang} t={t} title={t('login.title')} langLinks={props.langLinks}>
      <main class="center-page">
        <div class="card login">
          <form class="login-form" method="post" action="/login" novalidate>
            <h1>{t('login.title')}</h1>
            <p class="muted">{t('login.subtitle')}</p>
            {props.error && (
              <div class="alert alert-error" role="alert" data-testid="login-error">
                {props.error}
              </div>
            )}
            {props.next && <input type="hidden" name="next" value={props.next} />}
            <div class="field">
              <label for="email">{t('login.email')}</label>
              <input
                class="input"
                id="email"
                name="email"
                type="email"
                autocomplete="username"
                required
                autofocus
                value={props.email ?? ''}
              />
            </div>
            <div class="field">
              <label for="password">{t('login.password')}</label>
              <input
                class="input"
                id="password"
                name="password"
                type="password"
                autocomplete="current-password"
                required
              />
            </div>
            <button type="submit" class="btn btn-primary">
              {t('login.submit')}
            </button>
          </form>
          <aside class="login-demo">
            <h2>{t('login.demo.title')}</h2>
            <ul>
              {DEMO_ACCOUNTS.map((a) => (
                <li>
                  <code>{a.email}</code>
                  <span class="badge">{t(`role.${a.role}`)}</span>
                </li>
              ))}
              <li>
                <code>agent2 … agent20@demo.test</code>
              </li>
            </ul>
            <p>
              {t('login.demo.password')} <code class="nowrap">{props.demoPassword}</code>
            </p>
            <p>
              <a href="/widget?tenant=demo">{t('login.demo.widget')} →</a>
            </p>
          </aside>
        </div>
      </main>
    </Layout>
  );
}
