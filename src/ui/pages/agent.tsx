/**
 * @module The agent workspace: presence, offers from the dispatcher (accept / decline), the queue
 * and own conversations on the left; the open conversation on the right.
 */
import { raw } from 'hono/html';
import type { T } from '../i18n.ts';
import type { IconName } from '../icons.ts';
import { Icon, Layout, type LayoutProps } from '../layout.tsx';
import { AGENT_DISPATCH_STYLES } from './agent-styles.ts';
import { PII_CHIP_STYLES } from './pii-styles.ts';

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

/** Presence switch and offers; the island shows them to agents (the people dispatch routes to). */
function Dispatch({ t }: { t: T }) {
  return (
    <>
      <div class="presence" id="presence" data-testid="presence" hidden>
        <span class="presence-label">{t('agent.presence.label')}</span>
        <fieldset class="presence-switch" aria-label={t('agent.presence.label')}>
          {(['online', 'away'] as const).map((s) => (
            <button type="button" data-status={s} data-testid={`presence-${s}`} aria-pressed="false">
              {t(`agent.presence.${s}`)}
            </button>
          ))}
        </fieldset>
        <span class="badge" id="presence-status" data-testid="presence-status" />
      </div>
      <div class="presence-note" id="presence-note" data-testid="presence-note" hidden />
      <section class="list-section offers" id="offers" aria-labelledby="offers-title" hidden>
        <div class="list-title" id="offers-title">
          {t('agent.offers')} <span class="count" id="offers-count" data-testid="offers-count" />
        </div>
        <ul class="offer-list" id="offers-list" data-testid="offers-list" />
        <div class="offer-hint" id="offers-hint">
          {t('agent.offerHint')}
        </div>
        <div class="empty" id="offers-empty" data-testid="offers-empty">
          <span id="offers-empty-text">{t('agent.offersEmpty')}</span>
        </div>
      </section>
    </>
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
      <style>{raw(AGENT_DISPATCH_STYLES)}</style>
      <style>{raw(PII_CHIP_STYLES)}</style>
      <main class="workspace" id="workspace">
        <aside class="sidebar" aria-label={t('agent.title')}>
          <div class="sidebar-head">
            <h1>{t('agent.title')}</h1>
            <span class="live" id="live" data-state="connecting" data-testid="live-status">
              {t('common.loading')}
            </span>
          </div>
          <Dispatch t={t} />
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
