/** @module A friendly full-page message: 403 for the wrong role, 404, an unknown widget tenant. */
import type { Child } from 'hono/jsx';
import type { Role } from '#src/db/schema/users.ts';
import type { Lang, T } from '../i18n.ts';
import type { IconName } from '../icons.ts';
import { Icon, type LangLinks, Layout } from '../layout.tsx';

export interface MessagePageProps {
  lang: Lang;
  t: T;
  langLinks: LangLinks;
  title: string;
  body: string;
  icon: IconName;
  user?: { displayName: string; role: Role };
  tenantName?: string;
  actions?: Child;
}

export function MessagePage(props: MessagePageProps) {
  return (
    <Layout
      lang={props.lang}
      t={props.t}
      title={props.title}
      langLinks={props.langLinks}
      user={props.user}
      tenantName={props.tenantName}
    >
      <main class="center-page">
        <section class="card message-card" data-testid="message-page">
          <div class="empty-icon" aria-hidden="true">
            <Icon name={props.icon} />
          </div>
          <h1>{props.title}</h1>
          <p class="muted">{props.body}</p>
          {props.actions && <div class="actions">{props.actions}</div>}
        </section>
      </main>
    </Layout>
  );
}
