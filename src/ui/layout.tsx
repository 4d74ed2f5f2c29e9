/**
 * @module The page shell: head, top bar (product, tenant, navigation, language switch, user,
 * sign out) and the data block islands read. No inline script: islands load from /assets/*.js.
 */

import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { Role } from '#src/db/schema/users.ts';
import type { Lang, T } from './i18n.ts';
import { ICON_ATTRS, ICONS, type IconName } from './icons.ts';
import { STAFF_GUARD_SCRIPTS, Watermark } from './watermark.tsx';

export const DATA_BLOCK_ID = 'td-data';

/** JSON safe to place inside a <script> element: no `</script>` or comment openers survive. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function Icon(props: { name: IconName; class?: string }) {
  return (
    <svg class={props.class ?? 'icon'} {...ICON_ATTRS}>
      <path d={ICONS[props.name]} />
    </svg>
  );
}

export type NavKey = 'agent' | 'supervisor' | 'admin' | 'qa' | 'recruit' | 'train' | 'trainAdmin';

const NAV: {
  key: NavKey;
  href: string;
  label:
    | 'nav.agent'
    | 'nav.supervisor'
    | 'nav.admin'
    | 'nav.qa'
    | 'nav.recruit'
    | 'nav.train'
    | 'nav.trainAdmin';
  roles: Role[];
}[] = [
  { key: 'agent', href: '/agent', label: 'nav.agent', roles: ['agent', 'supervisor', 'admin'] },
  { key: 'supervisor', href: '/supervisor', label: 'nav.supervisor', roles: ['supervisor', 'admin'] },
  { key: 'admin', href: '/admin', label: 'nav.admin', roles: ['admin'] },
  { key: 'qa', href: '/qa', label: 'nav.qa', roles: ['qa', 'admin'] },
  { key: 'recruit', href: '/recruit', label: 'nav.recruit', roles: ['recruiter', 'admin'] },
  { key: 'train', href: '/train', label: 'nav.train', roles: ['trainee', 'agent', 'supervisor', 'admin'] },
  { key: 'trainAdmin', href: '/train/admin', label: 'nav.trainAdmin', roles: ['supervisor', 'admin', 'qa'] },
];

export interface LangLinks {
  zh: string;
  en: string;
}

export function LangSwitch(props: { lang: Lang; links: LangLinks; t: T }) {
  return (
    <nav class="lang-switch" aria-label={props.t('header.language')}>
      <a
        href={props.links.zh}
        hreflang="zh"
        lang="zh"
        aria-current={props.lang === 'zh' ? 'true' : undefined}
      >
        中文
      </a>
      <a
        href={props.links.en}
        hreflang="en"
        lang="en"
        aria-current={props.lang === 'en' ? 'true' : undefined}
      >
        English
      </a>
    </nav>
  );
}

export interface LayoutProps {
  lang: Lang;
  t: T;
  title: string;
  langLinks: LangLinks;
  /** Signed-in staff member; omitted on public pages (login, widget). */
  user?: {
    displayName: string;
    role: Role;
    /** With `at` (server time of rendering), turns on the watermark and the session-lock dialog. */
    id?: string;
    at?: number;
  };
  tenantName?: string;
  active?: NavKey;
  /** Island bundles to load, by name (src/ui/client/<name>.ts). */
  scripts?: string[];
  /** Data for the islands (strings, ids), rendered as a JSON block. */
  data?: unknown;
  /** Pages with their own header (the widget) hide the top bar. */
  bare?: boolean;
  children?: Child;
}

export function Layout(props: LayoutProps) {
  const { t, user } = props;
  return (
    <>
      {raw('<!doctype html>')}
      <html lang={props.lang === 'zh' ? 'zh-CN' : 'en'}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${props.title} · ${t('app.name')}`}</title>
          <link rel="icon" href="/ui/favicon.svg" type="image/svg+xml" />
          <link rel="stylesheet" href="/ui/app.css" />
          {props.data !== undefined && (
            <script type="application/json" id={DATA_BLOCK_ID}>
              {raw(scriptSafeJson(props.data))}
            </script>
          )}
          {[...(props.scripts ?? []), ...(user?.id ? STAFF_GUARD_SCRIPTS : [])].map((name) => (
            <script type="module" src={`/assets/${name}.js`} />
          ))}
        </head>
        <body>
          {!props.bare && (
            <header class="topbar">
              <a class="brand" href="/">
                <span class="brand-mark" aria-hidden="true">
                  T
                </span>
                <span class="brand-name">{t('app.name')}</span>
                {props.tenantName && <span class="brand-tenant">{props.tenantName}</span>}
              </a>
              {user && (
                <nav class="nav" aria-label={t('nav.label')}>
                  {NAV.filter((n) => n.roles.includes(user.role)).map((n) => (
                    <a href={n.href} aria-current={props.active === n.key ? 'page' : undefined}>
                      {t(n.label)}
                    </a>
                  ))}
                  <a href="/docs">{t('nav.docs')}</a>
                </nav>
              )}
              <span class="topbar-spacer" />
              <LangSwitch lang={props.lang} links={props.langLinks} t={t} />
              {user && (
                <span class="user" data-testid="current-user">
                  <span>{user.displayName}</span>
                  <span class="user-role">{t(`role.${user.role}`)}</span>
                </span>
              )}
              {user && (
                <form method="post" action="/logout">
                  <button type="submit" class="btn btn-ghost">
                    {t('header.signOut')}
                  </button>
                </form>
              )}
            </header>
          )}
          {props.children}
          {user?.id && (
            <Watermark
              who={{ displayName: user.displayName, userId: user.id, tenant: props.tenantName ?? '' }}
              at={user.at ?? 0}
            />
          )}
        </body>
      </html>
    </>
  );
}

export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#0a6c7a"/><path d="M5 20c4-5 7-5 11 0s7 5 11 0" stroke="#fff" stroke-width="3" fill="none" stroke-linecap="round"/></svg>`;
