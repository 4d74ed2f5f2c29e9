/**
 * @module Admin island for the PII tab: the try-it box, reveal policy, custom patterns, PII types
 * per SOP step and the audit log (cards in lib/pii-*.ts). Loads when the tab is first shown; the
 * audit log reloads every time it is shown.
 */
import type { PatternsDto, PolicyDto, SopPolicyDto } from '#routes/pii/pii.routes.ts';
import type { Strings } from '../i18n.ts';
import { api } from './lib/api.ts';
import { byId, fill, h } from './lib/dom.ts';
import { makeT, readPageData } from './lib/page-data.ts';
import { type AdminCtx, errorText } from './lib/pii-admin-kit.ts';
import { auditCard } from './lib/pii-audit-log.ts';
import { patternsCard, policyCard, stepsCard } from './lib/pii-settings.ts';
import { tryIt } from './lib/pii-try-it.ts';

interface PageData {
  lang: 'zh' | 'en';
  strings: Partial<Strings>;
}

const data = readPageData<PageData>();
const ctx: AdminCtx = { t: makeT(data.strings), lang: data.lang };
const panel = byId('panel-pii');

let audit: ReturnType<typeof auditCard> | null = null;

async function start() {
  fill(panel, h('p', { class: 'muted' }, ctx.t('common.loading')));
  const [steps, policy, patterns] = await Promise.allSettled([
    api<{ items: SopPolicyDto[] }>('/api/v1/pii/steps'),
    api<PolicyDto>('/api/v1/pii/policy'),
    api<PatternsDto>('/api/v1/pii/patterns'),
  ]);
  const failed = (r: PromiseSettledResult<unknown>) =>
    r.status === 'rejected'
      ? h('div', { class: 'alert alert-error', role: 'alert' }, errorText(ctx, r.reason))
      : null;
  audit = auditCard(ctx);
  fill(
    panel,
    h(
      'div',
      { class: 'pii-grid' },
      tryIt(ctx),
      h(
        'div',
        { class: 'pii-side' },
        policy.status === 'fulfilled' ? policyCard(ctx, policy.value) : failed(policy),
        patterns.status === 'fulfilled' ? patternsCard(ctx, patterns.value) : failed(patterns),
      ),
      steps.status === 'fulfilled' && policy.status === 'fulfilled'
        ? stepsCard(ctx, steps.value.items, policy.value.types)
        : failed(steps),
      audit.el,
    ),
  );
  audit.reload();
}

let started = false;
function onShow() {
  if (panel.hidden) return;
  if (!started) {
    started = true;
    void start();
  } else audit?.reload();
}
new MutationObserver(onShow).observe(panel, { attributes: true, attributeFilter: ['hidden'] });
onShow();
