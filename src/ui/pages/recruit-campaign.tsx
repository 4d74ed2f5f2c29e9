/**
 * @module The campaign editor (new or existing) — the form is built by the recruit-campaign
 * island — and, for an existing campaign, its invitation link, CSV import and candidates.
 */
import type { T } from '../i18n.ts';

export function CampaignEditor(props: {
  t: T;
  existing: { id: string; name: string; inviteLink: string } | null;
}) {
  const { t, existing } = props;
  return (
    <>
      <div class="page-head">
        <div>
          <h1>{existing ? t('rec.edit.title') : t('rec.edit.new')}</h1>
          {existing && <p class="muted">{existing.name}</p>}
        </div>
        <span class="topbar-spacer" />
        {existing && (
          <div class="rec-actions">
            <a class="btn btn-secondary" href={`/recruit/review?campaign=${existing.id}`}>
              {t('rec.action.review')}
            </a>
            <a class="btn btn-secondary" href={`/recruit/campaigns/${existing.id}/fairness`}>
              {t('rec.action.fairness')}
            </a>
          </div>
        )}
      </div>
      {existing && (
        <div class="rec-grid">
          <section class="card rec-section" data-testid="invite">
            <h2>{t('rec.section.invite')}</h2>
            <p class="muted small">{t('rec.invite.hint')}</p>
            <p class="rec-link" id="invite-link" data-path={existing.inviteLink}>
              {existing.inviteLink}
            </p>
          </section>
          <section class="card rec-section" data-testid="import">
            <h2>{t('rec.import.title')}</h2>
            <p class="muted small">{t('rec.import.hint')}</p>
            <div class="field">
              <textarea
                class="input"
                id="import-csv"
                rows={5}
                data-testid="import-csv"
                placeholder="email,name,group"
              />
            </div>
            <div class="field">
              <label for="import-file">{t('rec.import.file')}</label>
              <input type="file" id="import-file" accept=".csv,text/csv" />
            </div>
            <button type="button" class="btn btn-primary" id="import-submit" data-testid="import-submit">
              {t('rec.import.submit')}
            </button>
            <div id="import-result" data-testid="import-result" aria-live="polite" />
          </section>
          <section class="card rec-section rec-wide">
            <h2>{t('rec.section.candidates')}</h2>
            <div id="candidates" data-testid="candidates">
              <p class="muted">{t('common.loading')}</p>
            </div>
          </section>
        </div>
      )}
      <form id="campaign-form" data-testid="campaign-form" novalidate>
        <p class="muted">{t('common.loading')}</p>
      </form>
    </>
  );
}
