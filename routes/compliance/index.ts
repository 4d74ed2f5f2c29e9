/** @module Compliance handlers: thin adapters from HTTP to the compliance service. */
import type { Context } from 'hono';
import { requireStaff } from '#src/http/auth.ts';
import type { AppEnv } from '#src/http/env.ts';
import { AppError, notFound, STATUS } from '#src/http/problem.ts';
import { createRouter } from '#src/http/router.ts';
import { RISK_THRESHOLDS } from '#src/services/compliance/risk-score.ts';
import type { StoredPack } from '#src/services/compliance/rule-packs.ts';
import {
  approveOverrideRoute,
  checkRoute,
  conversationRiskRoute,
  getRulePackRoute,
  getRulePackVersionRoute,
  listOverridesRoute,
  listRiskRoute,
  listRulePackVersionsRoute,
  pendingOverridesRoute,
  putRulePackRoute,
  requestOverrideRoute,
  type StoredPackDto,
} from './compliance.routes.ts';

const compliance = (c: Context<AppEnv>) => c.get('services').compliance;

/** Who may run the check: everyone who writes or reviews replies. */
const CHECKERS = ['agent', 'supervisor', 'admin', 'trainee', 'qa'] as const;
/** Who may read the rule pack and the risk board. */
const READERS = ['admin', 'supervisor', 'qa'] as const;

const packDto = (s: StoredPack): StoredPackDto => ({
  version: s.version,
  pack: s.pack as unknown as Record<string, unknown>,
  createdBy: s.createdBy,
  createdAt: s.createdAt,
});

/** `If-Match: "3"` (or 3, W/"3") → 3. */
function expectedVersion(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!m) {
    throw new AppError('validation_failed', 'If-Match must be a rule pack version, e.g. "3".', [
      { path: 'header.if-match', message: 'expected a version number' },
    ]);
  }
  return Number(m[1]);
}

export const complianceRoutes = createRouter()
  .openapi(checkRoute, async (c) => {
    const p = requireStaff(c, ...CHECKERS);
    return c.json(await compliance(c).check(p, c.req.valid('json')), STATUS.OK);
  })
  .openapi(getRulePackRoute, async (c) => {
    const p = requireStaff(c, ...READERS);
    const stored = await compliance(c).rulePacks.active(p.tenantId);
    c.header('etag', `"${stored.version}"`);
    return c.json(packDto(stored), STATUS.OK);
  })
  .openapi(putRulePackRoute, async (c) => {
    const p = requireStaff(c, 'admin');
    const saved = await compliance(c).rulePacks.save(
      p,
      c.req.valid('json'),
      expectedVersion(c.req.valid('header')['if-match']),
    );
    c.header('etag', `"${saved.version}"`);
    return c.json(packDto(saved), STATUS.OK);
  })
  .openapi(listRulePackVersionsRoute, async (c) => {
    const p = requireStaff(c, ...READERS);
    const items = await compliance(c).rulePacks.versions(p.tenantId, c.req.valid('query').limit);
    return c.json({ items }, STATUS.OK);
  })
  .openapi(getRulePackVersionRoute, async (c) => {
    const p = requireStaff(c, ...READERS);
    const stored = await compliance(c).rulePacks.version(p.tenantId, c.req.valid('param').version);
    if (!stored) throw notFound('rule pack version');
    return c.json(packDto(stored), STATUS.OK);
  })
  .openapi(requestOverrideRoute, async (c) => {
    const p = requireStaff(c, 'agent', 'supervisor', 'admin');
    const { text, reason } = c.req.valid('json');
    const view = await compliance(c).overrides.request(p, c.req.valid('param').id, text, reason);
    return c.json(view, STATUS.CREATED);
  })
  .openapi(listOverridesRoute, async (c) => {
    const p = requireStaff(c, 'agent', 'supervisor', 'admin', 'qa');
    return c.json({ items: await compliance(c).overrides.list(p, c.req.valid('param').id) }, STATUS.OK);
  })
  .openapi(pendingOverridesRoute, async (c) => {
    const p = requireStaff(c, 'supervisor', 'admin');
    return c.json({ items: await compliance(c).overrides.pending(p, c.req.valid('query').limit) }, STATUS.OK);
  })
  .openapi(approveOverrideRoute, async (c) => {
    const p = requireStaff(c, 'supervisor', 'admin');
    const { id, overrideId } = c.req.valid('param');
    return c.json(await compliance(c).overrides.approve(p, id, overrideId), STATUS.OK);
  })
  .openapi(conversationRiskRoute, async (c) => {
    const p = requireStaff(c, 'agent', 'supervisor', 'admin', 'qa');
    const id = c.req.valid('param').id;
    const risk = await compliance(c).risk.get(p, id);
    return c.json(
      risk ?? {
        conversationId: id,
        score: 0,
        level: 'low' as const,
        reasons: [],
        messages: 0,
        alerted: false,
        updatedAt: null,
      },
      STATUS.OK,
    );
  })
  .openapi(listRiskRoute, async (c) => {
    const p = requireStaff(c, ...READERS);
    const { minScore, limit } = c.req.valid('query');
    const items = await compliance(c).risk.list(p, minScore, limit);
    return c.json({ items, threshold: RISK_THRESHOLDS.high }, STATUS.OK);
  });
