/**
 * @module The training cabin's pages, mounted by src/ui/routes.tsx: /train for everyone who
 * practises (trainees, agents, supervisors and admins trying a card) and /train/admin for
 * supervisors, admins and QA (QA reads the cohort; editing and live tests need a supervisor).
 */
import { type Context, Hono } from 'hono';
import type { Role } from '#src/db/schema/users.ts';
import type { AppEnv } from '#src/http/env.ts';
import { STATUS } from '#src/http/problem.ts';
import { pickStrings, translator } from '../i18n.ts';
import { withLang } from '../lang.ts';
import { guardPage, type StaffPageContext } from '../session.ts';
import { MessagePage } from './message-page.tsx';
import { TrainPage } from './train.tsx';
import { TrainAdminPage } from './train-admin.tsx';

const LEARNERS: readonly Role[] = ['trainee', 'agent', 'supervisor', 'admin'];
const OVERSEERS: readonly Role[] = ['supervisor', 'admin', 'qa'];
const EDITORS: readonly Role[] = ['supervisor', 'admin'];

const STRINGS = ['train.', 'trainAdmin.', 'common.', 'time.', 'lang.'];

function shell(c: Context<AppEnv>, page: StaffPageContext) {
  return {
    lang: page.lang,
    t: translator(page.lang),
    langLinks: { zh: withLang(c, 'zh'), en: withLang(c, 'en') },
    // id + render time turn on the staff watermark and the idle lock, as on every staff page.
    user: {
      displayName: page.user.displayName,
      role: page.user.role,
      id: page.user.id,
      at: c.get('services').clock.now(),
    },
    tenantName: page.tenant.name,
  };
}

async function page(
  c: Context<AppEnv>,
  roles: readonly Role[],
  render: (page: StaffPageContext) => Response | Promise<Response>,
): Promise<Response> {
  const guard = await guardPage(c, roles);
  if (!guard.ok && guard.reason === 'signed-out') return c.redirect(guard.login, 302);
  c.header('cache-control', 'no-store');
  if (guard.ok) return render(guard.page);
  const t = translator(guard.page.lang);
  return c.html(
    <MessagePage
      {...shell(c, guard.page)}
      icon="lock"
      title={t('page.forbidden.title')}
      body={t('page.forbidden.body', {
        roles: roles.map((r) => t(`role.${r}`)).join(' / '),
        name: guard.page.user.displayName,
        role: t(`role.${guard.page.user.role}`),
      })}
      actions={
        <a class="btn btn-secondary" href="/login">
          {t('page.forbidden.switch')}
        </a>
      }
    />,
    STATUS.FORBIDDEN,
  );
}

export const trainPages = new Hono<AppEnv>();

trainPages.get('/train', (c) =>
  page(c, LEARNERS, (p) =>
    c.html(
      <TrainPage
        {...shell(c, p)}
        data={{
          lang: p.lang,
          me: { id: p.user.id, role: p.user.role, locale: p.user.locale },
          strings: pickStrings(p.lang, STRINGS),
        }}
      />,
    ),
  ),
);

trainPages.get('/train/admin', (c) =>
  page(c, OVERSEERS, (p) =>
    c.html(
      <TrainAdminPage
        {...shell(c, p)}
        data={{
          lang: p.lang,
          me: { id: p.user.id, role: p.user.role },
          canEdit: EDITORS.includes(p.user.role),
          strings: pickStrings(p.lang, STRINGS),
        }}
      />,
    ),
  ),
);
