/** @module The agent workspace: queue and own conversations on the left, the open one on the right. */
import type { T } from '../i18n.ts';
import type { IconName } from '../icons.ts';
import { Icon, Layout, type LayoutProps } from '../layout.tsx';

type Shell = Pick<LayoutProps, 'lang' | 't' | 'langLinks' | 'user' | 'tenantName' | 'data'>;

function ListSection(props: { id: 'queue' | 'mine'; title: string; empty: string; icon: IconName }) {
  return (
    <section class="list-section" aria-labelledby={`${props.id}-title`}>
      <div class="list-title" id={`${props.id}-title`}>
        {props.title} <span class="count" id={`${props.id}-count`} data-testid={`${props.id}-count`} />
      </div>
      <ul class="conv-list" id={`${props.id}-list`} data-testid={`${props.id}-list`} />
      <div class="empty" id={`${props.id}-empty`} data-testid={`${props.id}-empty`} hidden>
        <span class="empty-icon" aria-hidden="true">
          <Icon name={props.icon} />
        </span>
        <span>{props.empty}</span>
      </div>
    </section>
  );
}

function SelectPrompt({ t }: { t: T }) {
  return (
    <div class="empty" id="conv-empty" data-testid="conversation-empty">
      <span class="empty-icon" aria-hidden="true">
        <Icon name="keyboard" />
      </span>
      <strong>{t('agent.selectTitle')}</strong>
      <span>
        {t('agent.selectBody')} <span class="kbd">j</span> <span class="kbd">k</span>{' '}
        <span class="kbd">↵</span>
      </span>
    </div>
  );
}

export function AgentPage(props: Shell) {
  const { t } = props;
  return (
    <Layout {...props} title={t('agent.title')} active="agent" scripts={['agent']}>
      <main class="workspace" id="workspace">
        <aside class="sidebar" aria-label={t('agent.title')}>
          <div class="sidebar-head">
            <h1>{t('agent.title')}</h1>
            <span class="live" id="live" data-state="connecting" data-testid="live-status">
              {t('common.loading')}
            </span>
          </div>
          <ListSection id="queue" title={t('agent.queue')} empty={t('agent.queueEmpty')} icon="inbox" />
          <ListSection id="mine" title={t('agent.mine')} empty={t('agent.mineEmpty')} icon="check" />
        </aside>
        <section class="conversation" id="conversation" aria-live="polite">
          <SelectPrompt t={t} />
        </section>
      </main>
    </Layout>
  );
}
