/**
 * @module GET /qa/suites/{suite}/trend.svg — a suite's sparkline (first headline metric over its
 * recent authored runs) for the workspace page, which swaps the image when a run finishes.
 */
import { Hono } from 'hono';
import { requireStaff } from '#src/http/auth.ts';
import type { AppEnv } from '#src/http/env.ts';
import { AppError, STATUS } from '#src/http/problem.ts';
import { suiteTrend } from '#src/services/qa/suites-overview.ts';
import { sparklineSvg, trendLabel } from '#src/ui/pages/qa-sparkline.ts';
import { HEADLINE_METRICS } from '../../eval/harness/metric-paths.ts';
import { SUITE_NAMES, type SuiteName } from '../../eval/harness/suite.ts';

export const trendRoutes = new Hono<AppEnv>().get('/qa/suites/:suite/trend.svg', async (c) => {
  const p = requireStaff(c, 'qa', 'admin');
  const suite = c.req.param('suite');
  if (!(SUITE_NAMES as readonly string[]).includes(suite)) {
    throw new AppError('not_found', `No suite named ${suite}.`);
  }
  const name = suite as SuiteName;
  const metric = HEADLINE_METRICS[name][0]!;
  const values = (await suiteTrend(c.get('services').db, p.tenantId, name)).map(
    (point) => point.headline[metric] ?? null,
  );
  c.header('content-type', 'image/svg+xml; charset=utf-8');
  // The page changes the query string when a run finishes, so a short private cache is safe.
  c.header('cache-control', 'private, max-age=60');
  return c.body(sparklineSvg(values, { label: trendLabel(metric, values) }), STATUS.OK);
});
