/**
 * @module Page routes of the interview product: the recruiting pages (campaigns, editor with
 * import, review queue, scorecard, fairness report) for recruiters and admins, and the
 * candidate's pages (/interview/{token}, /interview/apply/{invite}) that need no account.
 */
import { type Context, Hono } from 'hono';
import { PSC_BANDS } from '#assist/interview/index.ts';
import type { AppEnv } from '#src/http/env.ts';
import { AppError, STATUS } from '#src/http/problem.ts';
import { interviewsFor } from '#src/services/interviews/index.ts';
import { CAMPAIGN_TEMPLATES } from '#src/services/interviews/templates.ts';
import { pickStrings, translator } from '../i18n.ts';
import { resolveLang } from '../lang.ts';
import { ApplyPage, InterviewPage } from './interview.tsx';
import { MessagePage } from './message-page.tsx';
import { CampaignEditor } from './recruit-campaign.tsx';
import { CampaignList } from './recruit-campaigns.tsx';
import { FairnessPage } from './recruit-fairness.tsx';
import { ReviewQueue } from './recruit-review.tsx';
import { Scorecard } from './recruit-scorecard.tsx';
import { langLinks, RecruitLayout, recruitPage } from './recruit-shell.tsx';

const svc = (c: Context<AppEnv>) => interviewsFor(c.get('services'));

/** Not found / not yours: a friendly page instead of the API's problem+json. */
async function orNotFound<T>(
  c: Context<AppEnv>,
  lang: 'zh' | 'en',
  load: () => Promise<T>,
): Promise<T | Response> {
  try {
    return await load();
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') {
      const t = translator(lang);
      return c.html(
        <MessagePage
          lang={lang}
          t={t}
          langLinks={langLinks(c)}
          icon="help"
          title={t('page.notFound.title')}
          body={t('page.notFound.body')}
        />,
        STATUS.NOT_FOUND,
      );
    }
    throw err;
  }
}

export const interviewUiRoutes = new Hono<AppEnv>();

interviewUiRoutes.get('/recruit', (c) =>
  recruitPage(c, async (page) => {
    const t = translator(page.lang);
    const campaigns = await svc(c).campaigns.list(page.tenant.id);
    return c.html(
      <RecruitLayout c={c} page={page} title={t('rec.title')}>
        <CampaignList t={t} lang={page.lang} campaigns={campaigns} />
      </RecruitLayout>,
    );
  }),
);

const editorStrings = (lang: 'zh' | 'en') => pickStrings(lang, ['rec.', 'common.', 'lang.']);

interviewUiRoutes.get('/recruit/campaigns/new', (c) =>
  recruitPage(c, async (page) => {
    const t = translator(page.lang);
    const template = CAMPAIGN_TEMPLATES[page.lang];
    const { thresholds } = await svc(c).settings.get(page.tenant.id);
    return c.html(
      <RecruitLayout
        c={c}
        page={page}
        title={t('rec.edit.new')}
        scripts={['recruit-campaign']}
        data={{
          lang: page.lang,
          strings: editorStrings(page.lang),
          campaignId: null,
          campaign: { ...template, thresholds },
          bands: PSC_BANDS.map((b) => b.band),
        }}
      >
        <CampaignEditor t={t} existing={null} />
      </RecruitLayout>,
    );
  }),
);

interviewUiRoutes.get('/recruit/campaigns/:id', (c) =>
  recruitPage(c, async (page) => {
    const t = translator(page.lang);
    const found = await orNotFound(c, page.lang, () =>
      svc(c).campaigns.get(page.tenant.id, c.req.param('id')),
    );
    if (found instanceof Response) return found;
    const { questions, ...campaign } = found;
    return c.html(
      <RecruitLayout
        c={c}
        page={page}
        title={t('rec.edit.title')}
        scripts={['recruit-campaign']}
        data={{
          lang: page.lang,
          strings: editorStrings(page.lang),
          campaignId: campaign.id,
          campaign: {
            name: campaign.name,
            role: campaign.role,
            language: campaign.language,
            typingLang: campaign.typingLang,
            typingPassage: campaign.typingPassage,
            typingSeconds: campaign.typingSeconds,
            mediaMode: campaign.mediaMode,
            status: campaign.status,
            groupField: campaign.groupField ?? null,
            thresholds: campaign.thresholds,
            questions: questions.map((q) => ({
              id: q.id,
              prompt: q.prompt,
              timeLimitSeconds: q.timeLimitSeconds,
              reference: q.reference,
              rubric: q.rubric,
              weight: q.weight,
            })),
          },
          bands: PSC_BANDS.map((b) => b.band),
        }}
      >
        <CampaignEditor
          t={t}
          existing={{
            id: campaign.id,
            name: campaign.name,
            inviteLink: `/interview/apply/${campaign.inviteToken}`,
          }}
        />
      </RecruitLayout>,
    );
  }),
);

interviewUiRoutes.get('/recruit/review', (c) =>
  recruitPage(c, async (page) => {
    const t = translator(page.lang);
    const campaigns = await svc(c).campaigns.list(page.tenant.id);
    return c.html(
      <RecruitLayout
        c={c}
        page={page}
        title={t('rec.review.title')}
        scripts={['recruit-review']}
        data={{ lang: page.lang, strings: pickStrings(page.lang, ['rec.', 'common.']) }}
      >
        <ReviewQueue
          t={t}
          campaigns={campaigns.map((x) => ({ id: x.id, name: x.name }))}
          query={c.req.query()}
        />
      </RecruitLayout>,
    );
  }),
);

interviewUiRoutes.get('/recruit/candidates/:id', (c) =>
  recruitPage(c, async (page) => {
    const t = translator(page.lang);
    const service = svc(c);
    const id = c.req.param('id');
    const detail = await orNotFound(c, page.lang, async () => {
      // Opening the scorecard tries transcriptions whose retry time has come.
      await service.review.detail(page.tenant.id, id);
      await service.processTranscriptions({ candidateIds: [id] });
      return service.review.detail(page.tenant.id, id);
    });
    if (detail instanceof Response) return detail;
    return c.html(
      <RecruitLayout
        c={c}
        page={page}
        title={`${detail.candidate.name} · ${t('rec.card.title')}`}
        scripts={['recruit-scorecard']}
        data={{ lang: page.lang, strings: pickStrings(page.lang, ['common.']) }}
      >
        <Scorecard t={t} lang={page.lang} detail={detail} />
      </RecruitLayout>,
    );
  }),
);

interviewUiRoutes.get('/recruit/campaigns/:id/fairness', (c) =>
  recruitPage(c, async (page) => {
    const t = translator(page.lang);
    const report = await orNotFound(c, page.lang, () => svc(c).fairness(page.tenant.id, c.req.param('id')));
    if (report instanceof Response) return report;
    // Plot and linkedom load only for this page.
    const { distributionChart, selectionChart } = await import('./recruit-charts.ts');
    const labels = { rate: t('rec.fair.rate'), group: t('rec.fair.group') };
    const charts = {
      tool: selectionChart(report.tool.groups, report.tool.threshold, labels),
      human: selectionChart(report.human.groups, report.human.threshold, labels),
      distribution: distributionChart(report, { score: t('rec.card.overall'), count: t('rec.fair.n') }),
    };
    return c.html(
      <RecruitLayout c={c} page={page} title={t('rec.fair.title')}>
        <FairnessPage t={t} report={report} charts={charts} />
      </RecruitLayout>,
    );
  }),
);

// ── Candidate pages (no account) ────────────────────────────────────────────────────────────

interviewUiRoutes.get('/interview/apply/:invite', async (c) => {
  const lang = resolveLang(c);
  const t = translator(lang);
  const campaign = await svc(c).campaignByInvite(c.req.param('invite'));
  if (!campaign) {
    return c.html(
      <MessagePage
        lang={lang}
        t={t}
        langLinks={langLinks(c)}
        icon="help"
        title={t('iv.notFound.title')}
        body={t('iv.notFound.body')}
      />,
      STATUS.NOT_FOUND,
    );
  }
  return c.html(
    <ApplyPage lang={lang} t={t} langLinks={langLinks(c)} campaignName={campaign.name} action={c.req.path} />,
  );
});

interviewUiRoutes.post('/interview/apply/:invite', async (c) => {
  const lang = resolveLang(c);
  const t = translator(lang);
  const invite = c.req.param('invite');
  const campaign = await svc(c).campaignByInvite(invite);
  if (!campaign) return c.redirect(c.req.path, 303);
  const form = await c.req.parseBody();
  const values = {
    name: typeof form.name === 'string' ? form.name.trim() : '',
    email: typeof form.email === 'string' ? form.email.trim() : '',
  };
  const again = (error: string, status: typeof STATUS.UNPROCESSABLE | typeof STATUS.CONFLICT) =>
    c.html(
      <ApplyPage
        lang={lang}
        t={t}
        langLinks={langLinks(c)}
        campaignName={campaign.name}
        action={c.req.path}
        error={error}
        values={values}
      />,
      status,
    );
  if (!values.name || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email))
    return again(t('iv.apply.invalid'), STATUS.UNPROCESSABLE);
  try {
    const { token } = await svc(c).register(invite, values);
    return c.redirect(`/interview/${token}`, 303);
  } catch (err) {
    if (err instanceof AppError && err.code === 'conflict') return again(err.message, STATUS.CONFLICT);
    throw err;
  }
});

interviewUiRoutes.get('/interview/:token', async (c) => {
  const token = c.req.param('token');
  const session = await svc(c)
    .session.open(token)
    .catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'not_found') return null;
      throw err;
    });
  const lang = resolveLang(c, session?.campaign.language ?? 'zh');
  const t = translator(lang);
  c.header('cache-control', 'no-store');
  if (!session) {
    return c.html(
      <MessagePage
        lang={lang}
        t={t}
        langLinks={langLinks(c)}
        icon="help"
        title={t('iv.notFound.title')}
        body={t('iv.notFound.body')}
      />,
      STATUS.NOT_FOUND,
    );
  }
  return c.html(
    <InterviewPage
      lang={lang}
      t={t}
      langLinks={langLinks(c)}
      campaignName={session.campaign.name}
      data={{ lang, token, strings: pickStrings(lang, ['iv.', 'common.']) }}
    />,
  );
});
