/**
 * @module Server-rendered pages: sign-in, the customer widget, the agent workspace, the supervisor
 * view and the admin directory. Pages render a shell; islands in src/ui/client fill it from the
 * JSON API and the event streams.
 */
import { eq } from 'drizzle-orm';
import { type Context, Hono } from 'hono';
import { TokenRequestSchema } from '#routes/auth/auth.routes.ts';
import { AGENT_ROLES, OVERSIGHT_ROLES } from '#src/core/auth/principal.ts';
import { tenants } from '#src/db/schema/tenants.ts';
import type { Role } from '#src/db/schema/users.ts';
import type { AppEnv } from '#src/http/env.ts';
import { AppError, STATUS } from '#src/http/problem.ts';
import { clientIp } from '#src/services/security/client-ip.ts';
import { lockedMessage } from '#src/services/security/messages.ts';
import { endPageSession } from '#src/services/security/page-session.ts';
import { secureSignIn } from '#src/services/security/sign-in.ts';
import { pickStrings, translator } from './i18n.ts';
import { resolveLang, withLang } from './lang.ts';
import { FAVICON_SVG } from './layout.tsx';
import { latestEventId } from './page-data.ts';
import { AdminPage } from './pages/admin.tsx';
import { AgentPage } from './pages/agent.tsx';
import { LoginPage } from './pages/login.tsx';
import { MessagePage } from './pages/message-page.tsx';
import { QaPage } from './pages/qa.tsx';
import { interviewUiRoutes } from './pages/recruit-routes.tsx';
import { SupervisorPage } from './pages/supervisor.tsx';
import { trainPages } from './pages/train-routes.tsx';
import { WidgetPage } from './pages/widget.tsx';
import { clearSession, guardPage, homeFor, type StaffPageContext, safeNext, setSession } from './session.ts';
import { STYLESHEET } from './styles.ts';

/** Shown on the sign-in page; the seeded accounts use TIDEDESK_DEMO_PASSWORD, whose default this is. */
const DEMO_PASSWORD_HINT = 'tidedesk-demo';

const PAGE_ROLES = {
  agent: AGENT_ROLES,
  supervisor: OVERSIGHT_ROLES,
  admin: ['admin'],
  qa: ['qa', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

const langLinks = (c: Context<AppEnv>) => ({ zh: withLang(c, 'zh'), en: withLang(c, 'en') });

function shell(c: Context<AppEnv>, page: StaffPageContext) {
  return {
    lang: page.lang,
    t: translator(page.lang),
    langLinks: langLinks(c),
    user: {
      displayName: page.user.displayName,
      role: page.user.role,
      id: page.user.id,
      at: c.get('services').clock.now(),
    },
    tenantName: page.tenant.name,
  };
}

/**
 * Runs a staff page: signed-out people go to /login (and come back), the wrong role gets a
 * friendly 403 that links to the pages the person may open.
 */
async function staffPage(
  c: Context<AppEnv>,
  roles: readonly Role[],
  render: (page: StaffPageContext) => Promise<Response> | Response,
): Promise<Response> {
  const guard = await guardPage(c, roles);
  if (!guard.ok && guard.reason === 'signed-out') return c.redirect(guard.login, 302);
  c.header('cache-control', 'no-store');
  if (guard.ok) return render(guard.page);
  const { page } = guard;
  const t = translator(page.lang);
  const allowed = (Object.keys(PAGE_ROLES) as (keyof typeof PAGE_ROLES)[]).filter((k) =>
    (PAGE_ROLES[k] as readonly Role[]).includes(page.user.role),
  );
  return c.html(
    <MessagePage
      {...shell(c, page)}
      icon="lock"
      title={t('page.forbidden.title')}
      body={t('page.forbidden.body', {
        roles: roles.map((r) => t(`role.${r}`)).join(' / '),
        name: page.user.displayName,
        role: t(`role.${page.user.role}`),
      })}
      actions={
        <>
          {allowed.map((k) => (
            <a class="btn btn-primary" href={`/${k}`}>
              {t(`nav.${k}`)}
            </a>
          ))}
          <a class="btn btn-secondary" href="/login">
            {t('page.forbidden.switch')}
          </a>
        </>
      }
    />,
    STATUS.FORBIDDEN,
  );
}

export const uiRoutes = new Hono<AppEnv>();

uiRoutes.route('/', trainPages);

uiRoutes.get('/ui/app.css', (c) => {
  c.header('content-type', 'text/css; charset=utf-8');
  c.header('cache-control', 'public, max-age=300');
  return c.body(STYLESHEET);
});

uiRoutes.get('/ui/favicon.svg', (c) => {
  c.header('content-type', 'image/svg+xml');
  c.header('cache-control', 'public, max-age=86400');
  return c.body(FAVICON_SVG);
});

uiRoutes.get('/', (c) => {
  const p = c.get('principal');
  return c.redirect(p?.kind === 'staff' ? homeFor(p.role) : '/login', 302);
});

uiRoutes.get('/login', (c) => {
  const lang = resolveLang(c);
  return c.html(
    <LoginPage
      lang={lang}
      t={translator(lang)}
      langLinks={langLinks(c)}
      next={safeNext(c.req.query('next'))}
      demoPassword={DEMO_PASSWORD_HINT}
    />,
  );
});

const loginLink = (lang: string, next: string | null) =>
  `/login?${new URLSearchParams(next ? { lang, next } : { lang })}`;

uiRoutes.post('/login', async (c) => {
  const lang = resolveLang(c);
  const t = translator(lang);
  const form = await c.req.parseBody();
  const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '');
  const next = safeNext(field('next'));
  const again = (
    error: string,
    status: typeof STATUS.UNAUTHORIZED | typeof STATUS.UNPROCESSABLE | typeof STATUS.TOO_MANY_REQUESTS,
  ) =>
    c.html(
      <LoginPage
        lang={lang}
        t={t}
        langLinks={{ zh: loginLink('zh', next), en: loginLink('en', next) }}
        email={field('email')}
        next={next}
        error={error}
        demoPassword={DEMO_PASSWORD_HINT}
      />,
      status,
    );
  const parsed = TokenRequestSchema.safeParse({ email: field('email'), password: field('password') });
  if (!parsed.success) return again(t('login.error.missing'), STATUS.UNPROCESSABLE);
  try {
    const session = await secureSignIn(c.get('services'), {
      ...parsed.data,
      channel: 'page',
      ip: clientIp(c) ?? null,
      userAgent: c.req.header('user-agent') ?? null,
    });
    setSession(c, session.token);
    return c.redirect(next ?? homeFor(session.user.role), 303);
  } catch (err) {
    if (err instanceof AppError && err.code === 'unauthorized') {
      return again(t('login.error.bad'), STATUS.UNAUTHORIZED);
    }
    if (err instanceof AppError && err.code === 'account_locked') {
      const until = Number(err.extra?.lockedUntil);
      return again(lockedMessage(lang, until, c.get('services').clock.now()), STATUS.TOO_MANY_REQUESTS);
    }
    throw err;
  }
});

uiRoutes.post('/logout', async (c) => {
  await endPageSession(c);
  clearSession(c);
  return c.redirect('/login', 303);
});

uiRoutes.get('/widget', async (c) => {
  const slug = c.req.query('tenant') ?? '';
  const { db } = c.get('services');
  const [tenant] = slug ? await db.select().from(tenants).where(eq(tenants.slug, slug)) : [];
  const lang = resolveLang(c, tenant?.defaultLocale ?? 'zh');
  const t = translator(lang);
  if (!tenant) {
    return c.html(
      <MessagePage
        lang={lang}
        t={t}
        langLinks={langLinks(c)}
        icon="help"
        title={t('widget.unknownTenant.title')}
        body={t('widget.unknownTenant.body', { tenant: slug })}
      />,
      STATUS.NOT_FOUND,
    );
  }
  return c.html(
    <WidgetPage
      lang={lang}
      t={t}
      langLinks={langLinks(c)}
      tenant={{ slug: tenant.slug, name: tenant.name }}
      data={{ lang, tenant: tenant.slug, strings: pickStrings(lang, ['widget.', 'common.']) }}
    />,
  );
});

uiRoutes.get('/agent', (c) =>
  staffPage(c, PAGE_ROLES.agent, async (page) =>
    c.html(
      <AgentPage
        {...shell(c, page)}
        data={{
          lang: page.lang,
          me: { id: page.user.id, role: page.user.role },
          after: await latestEventId(c.get('services').db, page.tenant.id),
          strings: pickStrings(page.lang, ['agent.', 'common.', 'state.', 'time.']),
        }}
      />,
    ),
  ),
);

uiRoutes.get('/supervisor', (c) =>
  staffPage(c, PAGE_ROLES.supervisor, async (page) =>
    c.html(
      <SupervisorPage
        {...shell(c, page)}
        data={{
          lang: page.lang,
          me: { id: page.user.id, role: page.user.role },
          after: await latestEventId(c.get('services').db, page.tenant.id),
          strings: pickStrings(page.lang, ['sup.', 'common.', 'state.', 'time.', 'lang.']),
        }}
      />,
    ),
  ),
);

uiRoutes.get('/admin', (c) =>
  staffPage(c, PAGE_ROLES.admin, (page) =>
    c.html(
      <AdminPage
        {...shell(c, page)}
        data={{
          lang: page.lang,
          strings: pickStrings(page.lang, ['admin.', 'common.', 'role.', 'lang.']),
        }}
      />,
    ),
  ),
);

uiRoutes.get('/qa', (c) =>
  staffPage(c, PAGE_ROLES.qa, (page) =>
    c.html(
      <QaPage
        {...shell(c, page)}
        tenantSlug={page.tenant.slug}
        data={{
          lang: page.lang,
          strings: pickStrings(page.lang, ['qa.', 'common.', 'state.', 'time.', 'lang.']),
        }}
      />,
    ),
  ),
);

uiRoutes.route('/', interviewUiRoutes);
