/** @module The review queue shell: filters and sort; the recruit-review island fills the table. */
import { RECOMMENDATIONS } from '#src/db/schema/interviews.ts';
import { QUEUE_SORTS } from '#src/services/interviews/review.ts';
import type { FlagCode } from '#src/services/interviews/scoring.ts';
import type { MessageKey, T } from '../i18n.ts';

export const FLAG_CODES: FlagCode[] = [
  'wrong-language',
  'transcript-pending',
  'transcript-failed',
  'answer-missing',
  'typing-missing',
  'typing-paste',
  'typing-inhuman-timing',
  'typing-bulk-insert-without-composition',
  'typing-input-without-keys',
  'typing-tab-switch',
  'typing-below-threshold',
  'typing-incomplete',
  'low-confidence',
  'fluency-below-band',
];

function Select(props: { id: string; label: string; value: string; options: [string, string][] }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select class="input" id={props.id} name={props.id}>
        {props.options.map(([v, l]) => (
          <option value={v} selected={v === props.value}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ReviewQueue(props: {
  t: T;
  campaigns: { id: string; name: string }[];
  query: Record<string, string>;
}) {
  const { t, query } = props;
  const all: [string, string] = ['', t('rec.filter.all')];
  return (
    <>
      <div class="page-head">
        <div>
          <h1>{t('rec.review.title')}</h1>
          <p class="muted">{t('rec.review.hint')}</p>
        </div>
        <span class="topbar-spacer" />
        <button
          type="button"
          class="btn btn-secondary"
          id="score-all"
          hidden={!query.campaign}
          data-testid="score-all"
        >
          {t('rec.review.scoreAll')}
        </button>
      </div>
      <form class="rec-filters card rec-section" id="filters" data-testid="filters">
        <Select
          id="f-campaign"
          label={t('rec.filter.campaign')}
          value={query.campaign ?? ''}
          options={[all, ...props.campaigns.map((c): [string, string] => [c.id, c.name])]}
        />
        <Select
          id="f-status"
          label={t('rec.filter.status')}
          value={query.status ?? 'submitted'}
          options={[
            ['all', t('rec.filter.all')],
            ...(['submitted', 'consented', 'invited', 'withdrawn'] as const).map((s): [string, string] => [
              s,
              t(`rec.cstatus.${s}`),
            ]),
          ]}
        />
        <Select
          id="f-recommendation"
          label={t('rec.filter.advice')}
          value={query.recommendation ?? ''}
          options={[
            all,
            ...[...RECOMMENDATIONS, 'unscored' as const].map((r): [string, string] => [
              r,
              t(`rec.advice.${r}`),
            ]),
          ]}
        />
        <Select
          id="f-decision"
          label={t('rec.filter.decision')}
          value={query.decision ?? ''}
          options={[
            all,
            ...(['undecided', 'advance', 'hold', 'reject'] as const).map((d): [string, string] => [
              d,
              t(`rec.dec.${d}`),
            ]),
          ]}
        />
        <Select
          id="f-flag"
          label={t('rec.filter.flag')}
          value={query.flag ?? ''}
          options={[all, ...FLAG_CODES.map((f): [string, string] => [f, t(`rec.flag.${f}` as MessageKey)])]}
        />
        <div class="field">
          <label for="f-q">{t('rec.filter.search')}</label>
          <input class="input" id="f-q" name="f-q" value={query.q ?? ''} />
        </div>
        <Select
          id="f-sort"
          label={t('rec.filter.sort')}
          value={query.sort ?? '-score'}
          options={QUEUE_SORTS.map((s): [string, string] => [s, t(`rec.sort.${s}`)])}
        />
      </form>
      <div id="score-result" role="status" aria-live="polite" />
      <div class="card">
        <div id="queue" data-testid="queue">
          <p class="muted" style="padding: 12px 16px">
            {t('common.loading')}
          </p>
        </div>
      </div>
    </>
  );
}
