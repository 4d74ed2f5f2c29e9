/** @module Recruiter handlers: thin adapters from HTTP to the interview service. */
import type { Context } from 'hono';
import { requireStaff } from '#src/http/auth.ts';
import type { AppEnv } from '#src/http/env.ts';
import { STATUS } from '#src/http/problem.ts';
import { createRouter } from '#src/http/router.ts';
import { interviewsFor } from '#src/services/interviews/index.ts';
import {
  candidateDetailRoute,
  createCampaignRoute,
  decideRoute,
  fairnessCsvRoute,
  fairnessRoute,
  getCampaignRoute,
  getSettingsRoute,
  importCandidatesRoute,
  listCampaignsRoute,
  listCandidatesRoute,
  putSettingsRoute,
  recordingRoute,
  rescoreRoute,
  retryTranscriptionRoute,
  reviewQueueRoute,
  scoreCampaignRoute,
  updateCampaignRoute,
} from './interviews.routes.ts';

/** Who may run campaigns and decide on candidates. */
export const RECRUIT_ROLES = ['recruiter', 'admin'] as const;

const svc = (c: Context<AppEnv>) => interviewsFor(c.get('services'));
const recruiter = (c: Context<AppEnv>) => requireStaff(c, ...RECRUIT_ROLES);
const withLink = <T extends { inviteToken: string }>(campaign: T) => ({
  ...campaign,
  inviteLink: `/interview/apply/${campaign.inviteToken}`,
});

/** Parse a single `bytes=a-b` range (the only kind media elements send). */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | null {
  const m = header?.match(/^bytes=(\d*)-(\d*)$/);
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(size - 1, Number(m[2]));
  }
  return start <= end && start < size ? { start, end } : null;
}

export const recruiterRoutes = createRouter()
  .openapi(getSettingsRoute, async (c) => {
    const p = recruiter(c);
    return c.json(await svc(c).settings.get(p.tenantId), STATUS.OK);
  })
  .openapi(putSettingsRoute, async (c) => {
    const p = recruiter(c);
    const thresholds = await svc(c).settings.set(p.tenantId, p.userId, c.req.valid('json').thresholds);
    return c.json({ thresholds, custom: true }, STATUS.OK);
  })
  .openapi(listCampaignsRoute, async (c) => {
    const p = recruiter(c);
    return c.json({ items: (await svc(c).campaigns.list(p.tenantId)).map(withLink) }, STATUS.OK);
  })
  .openapi(createCampaignRoute, async (c) => {
    const p = recruiter(c);
    return c.json(
      withLink(await svc(c).campaigns.create(p.tenantId, p.userId, c.req.valid('json'))),
      STATUS.CREATED,
    );
  })
  .openapi(getCampaignRoute, async (c) => {
    const p = recruiter(c);
    return c.json(withLink(await svc(c).campaigns.get(p.tenantId, c.req.valid('param').id)), STATUS.OK);
  })
  .openapi(updateCampaignRoute, async (c) => {
    const p = recruiter(c);
    const campaign = await svc(c).campaigns.update(p.tenantId, c.req.valid('param').id, c.req.valid('json'));
    return c.json(withLink(campaign), STATUS.OK);
  })
  .openapi(listCandidatesRoute, async (c) => {
    const p = recruiter(c);
    return c.json({ items: await svc(c).listCandidates(p.tenantId, c.req.valid('param').id) }, STATUS.OK);
  })
  .openapi(importCandidatesRoute, async (c) => {
    const p = recruiter(c);
    const result = await svc(c).importCandidates(
      p.tenantId,
      c.req.valid('param').id,
      c.req.valid('json').csv,
    );
    return c.json(result, STATUS.OK);
  })
  .openapi(scoreCampaignRoute, async (c) => {
    const p = recruiter(c);
    const id = c.req.valid('param').id;
    const service = svc(c);
    await service.processTranscriptions({ campaignId: id });
    const rescore = c.req.header('content-type')?.includes('json') ? c.req.valid('json').rescore : false;
    return c.json(await service.scoreCampaign(p.tenantId, id, { rescore }), STATUS.OK);
  })
  .openapi(fairnessRoute, async (c) => {
    const p = recruiter(c);
    return c.json(await svc(c).fairness(p.tenantId, c.req.valid('param').id), STATUS.OK);
  })
  .openapi(fairnessCsvRoute, async (c) => {
    const p = recruiter(c);
    const id = c.req.valid('param').id;
    const service = svc(c);
    const csv = service.fairnessCsv(await service.fairness(p.tenantId, id));
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', `attachment; filename="fairness-${id}.csv"`);
    return c.body(csv, STATUS.OK);
  })
  .openapi(reviewQueueRoute, async (c) => {
    const p = recruiter(c);
    const { campaign, ...q } = c.req.valid('query');
    const service = svc(c);
    // Looking at the queue is a natural moment to retry transcriptions whose wait is over.
    if (campaign) service.kickTranscriptions({ campaignId: campaign, limit: 20 });
    return c.json(await service.review.queue(p.tenantId, { ...q, campaignId: campaign }), STATUS.OK);
  })
  .openapi(candidateDetailRoute, async (c) => {
    const p = recruiter(c);
    const service = svc(c);
    const id = c.req.valid('param').id;
    // Opening a scorecard is a natural moment to try transcriptions whose retry time has come.
    await service.processTranscriptions({ candidateIds: [id] });
    const detail = await service.review.detail(p.tenantId, id);
    return c.json(
      {
        ...detail,
        scorecard: detail.scorecard && { ...detail.scorecard, card: { ...detail.scorecard.card } },
      },
      STATUS.OK,
    );
  })
  .openapi(decideRoute, async (c) => {
    const p = recruiter(c);
    const { tenantId: _t, ...row } = await svc(c).review.decide(
      p.tenantId,
      { id: p.userId, role: p.role },
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json(row, STATUS.CREATED);
  })
  .openapi(rescoreRoute, async (c) => {
    const p = recruiter(c);
    const card = await svc(c).review.rescore(p.tenantId, c.req.valid('param').id);
    return c.json({ card: card ? { ...card } : null }, STATUS.OK);
  })
  .openapi(retryTranscriptionRoute, async (c) => {
    const p = recruiter(c);
    return c.json(await svc(c).review.retryTranscriptions(p.tenantId, c.req.valid('param').id), STATUS.OK);
  })
  .openapi(recordingRoute, async (c) => {
    const p = recruiter(c);
    const { id, recordingId } = c.req.valid('param');
    const rangeHeader = c.req.header('range');
    // One audit row per playback: a media element's follow-up range requests are not new ones.
    const audited = !rangeHeader || /^bytes=0-/.test(rangeHeader);
    const { bytes, mimeType } = await svc(c).review.recording(
      p.tenantId,
      { id: p.userId, role: p.role },
      id,
      recordingId,
      audited,
    );
    c.header('content-type', mimeType.split(';')[0] ?? 'application/octet-stream');
    c.header('accept-ranges', 'bytes');
    c.header('cache-control', 'private, no-store');
    const range = parseRange(rangeHeader, bytes.byteLength);
    if (range) {
      c.header('content-range', `bytes ${range.start}-${range.end}/${bytes.byteLength}`);
      return c.body(bytes.slice(range.start, range.end + 1).buffer, 206) as never;
    }
    return c.body(bytes.slice().buffer, STATUS.OK) as never;
  });
