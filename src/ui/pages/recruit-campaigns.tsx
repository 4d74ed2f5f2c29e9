/** @module Recruiting home: the tenant's interview campaigns with candidate counts and links. */
import type { CampaignSummary } from '#src/services/interviews/campaigns.ts';
import type { T } from '../i18n.ts';

function when(ts: number, lang: 'zh' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium' }).format(ts);
}

export function CampaignList(props: { t: T; lang: 'zh' | 'en'; campaigns: CampaignSummary[] }) {
  const { t } = props;
  return (
    <>
      <div class="page-head">
        <div>
          <h1>{t('rec.campaigns')}</h1>
          <p class="muted">{t('rec.review.hint')}</p>
        </div>
        <span class="topbar-spacer" />
        <a class="btn btn-secondary" href="/recruit/review">
          {t('rec.review.title')}
        </a>
        <a class="btn btn-primary" href="/recruit/campaigns/new" data-testid="new-campaign">
          {t('rec.campaigns.new')}
        </a>
      </div>
      {props.campaigns.length === 0 ? (
        <div class="card empty" data-testid="campaigns-empty">
          <span>{t('rec.campaigns.empty')}</span>
        </div>
      ) : (
        <div class="card">
          <table class="data" data-testid="campaigns">
            <thead>
              <tr>
                <th>{t('rec.col.name')}</th>
                <th>{t('rec.col.role')}</th>
                <th>{t('rec.col.language')}</th>
                <th>{t('rec.col.media')}</th>
                <th>{t('rec.col.candidates')}</th>
                <th>{t('rec.col.created')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {props.campaigns.map((c) => (
                <tr data-testid="campaign-row" data-id={c.id}>
                  <td>
                    <a href={`/recruit/campaigns/${c.id}`}>{c.name}</a>{' '}
                    <span class="badge">{t(`rec.status.${c.status}`)}</span>
                  </td>
                  <td>{c.role}</td>
                  <td>{t(`lang.${c.language}`)}</td>
                  <td>{t(`rec.media.${c.mediaMode}`)}</td>
                  <td>
                    {t('rec.candidatesCount', {
                      total: c.candidates.total,
                      submitted: c.candidates.submitted,
                    })}
                  </td>
                  <td class="nowrap">{when(c.createdAt, props.lang)}</td>
                  <td>
                    <div class="rec-actions">
                      <a class="btn btn-secondary" href={`/recruit/campaigns/${c.id}`}>
                        {t('rec.action.edit')}
                      </a>
                      <a class="btn btn-secondary" href={`/recruit/review?campaign=${c.id}`}>
                        {t('rec.action.review')}
                      </a>
                      <a class="btn btn-secondary" href={`/recruit/campaigns/${c.id}/fairness`}>
                        {t('rec.action.fairness')}
                      </a>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
