/**
 * @module The recruiting pages' guard and shell: signed-out people go to sign in, other roles get
 * a friendly 403, recruiters and admins get the page with the recruiting styles.
 */
import type { Context } from 'hono';
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { AppEnv } from '#src/http/env.ts';
import { STATUS } from '#src/http/problem.ts';
import { translator } from '../i18n.ts';
import { withLang } from '../lang.ts';
import { Layout } from '../layout.tsx';
import { guardPage, homeFor, type StaffPageContext } from '../session.ts';
import { MessagePage } from './message-page.tsx';
import { RECRUIT_STYLES } from './recruit-styles.ts';

export const RECRUIT_PAGE_ROLES = ['recruiter', 'admin'] as const;

export const langLinks = (c: Context<AppEnv>) => ({ zh: withLang(c, 'zh'), en: withLang(c, 'en') });

/** Runs a recruiting page for a signed-in recruiter or admin. */
export async function recruitPage(
  c: Context<AppEnv>,
  render: (page: StaffPageContext) => Promise<Response> | Response,
): Promise<Response> {
  const guard = await guardPage(c, RECRUIT_PAGE_ROLES);
  if (!guard.ok && guard.reason === 'signed-out') return c.redirect(guard.login, 302);
  c.header('cache-control', 'no-store');
  if (guard.ok) return render(guard.page);
  const { page } = guard;
  const t = translator(page.lang);
  return c.html(
    <MessagePage
      lang={page.lang}
      t={t}
      langLinks={langLinks(c)}
      user={{ displayName: page.user.displayName, role: page.user.role }}
      tenantName={page.tenant.name}
      icon="lock"
      title={t('page.forbidden.title')}
      body={t('page.forbidden.body', {
        roles: RECRUIT_PAGE_ROLES.map((r) => t(`role.${r}`)).join(' / '),
        name: page.user.displayName,
        role: t(`role.${page.user.role}`),
      })}
      actions={
        <>
          <a class="btn btn-primary" href={homeFor(page.user.role)}>
            {t('app.name')}
          </a>
          <a class="btn btn-secondary" href="/login">
            {t('page.forbidden.switch')}
          </a>
        </>
      }
    />,
    STATUS.FORBIDDEN,
  );
}

/** The recruiting layout: top bar with "Recruiting" active, the styles, optional islands. */
export function RecruitLayout(props: {
  c: Context<AppEnv>;
  page: StaffPageContext;
  title: string;
  scripts?: string[];
  data?: unknown;
  children?: Child;
}) {
  const { page } = props;
  return (
    <Layout
      lang={page.lang}
      t={translator(page.lang)}
      title={props.title}
      langLinks={langLinks(props.c)}
      // With id and time: the identifying watermark and the idle lock, like every staff page.
      user={{
        displayName: page.user.displayName,
        role: page.user.role,
        id: page.user.id,
        at: props.c.get('services').clock.now(),
      }}
      tenantName={page.tenant.name}
      active="recruit"
      scripts={props.scripts}
      data={props.data}
    >
      <style>{raw(RECRUIT_STYLES)}</style>
      <main class="page">
        <div class="page-inner">{props.children}</div>
      </main>
    </Layout>
  );
}
