/** @module QA workspace handlers (roles qa and admin): thin adapters onto src/services/qa. */
import type { Context } from 'hono';
import { requireStaff } from '#src/http/auth.ts';
import type { AppEnv } from '#src/http/env.ts';
import { STATUS } from '#src/http/problem.ts';
import { createRouter } from '#src/http/router.ts';
import { draftCase } from '#src/services/qa/case-drafts.ts';
import { getRun, listRuns, runReport, runResult, startRun } from '#src/services/qa/eval-runs.ts';
import { listGoldenCases, recordGoldenCase } from '#src/services/qa/golden-cases.ts';
import { suitesOverview } from '#src/services/qa/suites-overview.ts';
import {
  caseDraftRoute,
  createGoldenCaseRoute,
  getRunResultRoute,
  getRunRoute,
  listGoldenCasesRoute,
  listRunsRoute,
  listSuitesRoute,
  runReportRoute,
  startRunRoute,
} from './qa.routes.ts';
import { trendRoutes } from './trend.ts';

/** Who may use the workspace. */
export const QA_ROLES = ['qa', 'admin'] as const;

const qa = (c: Context<AppEnv>) => requireStaff(c, ...QA_ROLES);
const actor = (c: Context<AppEnv>) => {
  const p = qa(c);
  return { tenantId: p.tenantId, userId: p.userId };
};

export const qaRoutes = createRouter()
  .openapi(listSuitesRoute, async (c) => {
    const p = qa(c);
    const { db, evalExecutor } = c.get('services');
    return c.json({ items: await suitesOverview(db, p.tenantId, evalExecutor) }, STATUS.OK);
  })
  .openapi(listRunsRoute, async (c) => {
    const p = qa(c);
    const items = await listRuns(c.get('services').db, p.tenantId, c.req.valid('query'));
    return c.json({ items }, STATUS.OK);
  })
  .openapi(startRunRoute, async (c) => {
    const run = await startRun(c.get('services'), actor(c), c.req.valid('json'));
    return c.json(run, STATUS.ACCEPTED);
  })
  .openapi(getRunRoute, async (c) => {
    const p = qa(c);
    return c.json(await getRun(c.get('services').db, p.tenantId, c.req.valid('param').id), STATUS.OK);
  })
  .openapi(getRunResultRoute, async (c) => {
    const p = qa(c);
    const id = c.req.valid('param').id;
    const result = await runResult(c.get('services').db, p.tenantId, id);
    c.header('content-disposition', `attachment; filename="${id}.json"`);
    return c.json(result, STATUS.OK);
  })
  .openapi(runReportRoute, async (c) => {
    const p = qa(c);
    const html = await runReport(c.get('services').db, p.tenantId, c.req.valid('param').id);
    c.header('cache-control', 'private, max-age=3600');
    // The report is a self-contained document with no script of its own; keep it that way.
    c.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    return c.html(html, STATUS.OK);
  })
  .openapi(listGoldenCasesRoute, async (c) => {
    const p = qa(c);
    const items = await listGoldenCases(c.get('services').db, p.tenantId, c.req.valid('query'));
    return c.json({ items }, STATUS.OK);
  })
  .openapi(createGoldenCaseRoute, async (c) => {
    const stored = await recordGoldenCase(c.get('services'), actor(c), c.req.valid('json'));
    return c.json(stored, STATUS.CREATED);
  })
  .openapi(caseDraftRoute, async (c) => {
    const p = qa(c);
    const { suite, seq } = c.req.valid('query');
    const draft = await draftCase(c.get('services').db, p.tenantId, c.req.valid('param').id, suite, seq);
    return c.json(draft, STATUS.OK);
  })
  .route('/', trendRoutes);
