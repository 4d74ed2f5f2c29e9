/** @module PII handlers: thin adapters from HTTP to the PII service; settings changes are audited. */
import type { Context } from 'hono';
import { PII_TYPES } from '#src/core/pii/index.ts';
import { requirePrincipal, requireStaff } from '#src/http/auth.ts';
import { clientInfo } from '#src/http/client-info.ts';
import type { AppEnv } from '#src/http/env.ts';
import { STATUS } from '#src/http/problem.ts';
import { createRouter } from '#src/http/router.ts';
import { maskSpans } from '#src/services/pii/ingest.ts';
import { loadPolicy, savePolicy } from '#src/services/pii/policy.ts';
import { listStepPolicies, setStepPiiTypes } from '#src/services/pii/step-policy.ts';
import {
  detectRoute,
  getPatternsRoute,
  getPolicyRoute,
  listStepPoliciesRoute,
  putPatternsRoute,
  putPolicyRoute,
  putStepPiiRoute,
  revealRoute,
} from './pii.routes.ts';

const services = (c: Context<AppEnv>) => c.get('services');

/** Built-in types plus the tenant's own pattern types, sorted. */
async function knownTypes(c: Context<AppEnv>, tenantId: string): Promise<string[]> {
  const { items } = await services(c).pii.detectors.patterns(tenantId);
  return [...new Set([...PII_TYPES, ...items.map((p) => p.type)])];
}

async function settingsChanged(
  c: Context<AppEnv>,
  action: string,
  target: string,
  detail: Record<string, unknown>,
) {
  const p = requireStaff(c);
  await services(c).audit.record({
    tenantId: p.tenantId,
    actor: { id: p.userId, role: p.role },
    action,
    target: { type: 'pii-settings', id: target },
    ...clientInfo(c),
    detail,
  });
}

export const piiRoutes = createRouter()
  .openapi(detectRoute, async (c) => {
    const p = requireStaff(c, 'admin', 'qa');
    const { text, lang } = c.req.valid('json');
    const detector = await services(c).pii.detectors.get(p.tenantId);
    const entities = detector.detect(text, lang ? { lang } : {});
    const masked = maskSpans(text, entities, detector.displayRules);
    return c.json(
      {
        masked: masked.text,
        entities: masked.spans.map((s) => ({
          type: s.type,
          start: s.source.start,
          end: s.source.end,
          score: Math.round(s.source.score * 1000) / 1000,
          display: masked.text.slice(s.start, s.end),
          maskedStart: s.start,
          maskedEnd: s.end,
        })),
      },
      STATUS.OK,
    );
  })
  .openapi(getPatternsRoute, async (c) => {
    const p = requireStaff(c, 'admin');
    return c.json(await services(c).pii.detectors.patterns(p.tenantId), STATUS.OK);
  })
  .openapi(putPatternsRoute, async (c) => {
    const p = requireStaff(c, 'admin');
    const items = await services(c).pii.detectors.save(p.tenantId, c.req.valid('json').items, p.userId);
    await settingsChanged(c, 'pii.patterns.update', 'patterns', {
      count: items.length,
      types: [...new Set(items.map((i) => i.type))],
    });
    return c.json(await services(c).pii.detectors.patterns(p.tenantId), STATUS.OK);
  })
  .openapi(getPolicyRoute, async (c) => {
    const p = requireStaff(c, 'admin');
    const policy = await loadPolicy(services(c).db, p.tenantId);
    return c.json({ ...policy, types: await knownTypes(c, p.tenantId) }, STATUS.OK);
  })
  .openapi(putPolicyRoute, async (c) => {
    const p = requireStaff(c, 'admin');
    const input = c.req.valid('json');
    const policy = await savePolicy(
      services(c).db,
      p.tenantId,
      { revealRoles: [...new Set(input.revealRoles)], revealSeconds: input.revealSeconds },
      p.userId,
      services(c).clock.now(),
    );
    await settingsChanged(c, 'pii.policy.update', 'policy', { ...policy });
    return c.json({ ...policy, types: await knownTypes(c, p.tenantId) }, STATUS.OK);
  })
  .openapi(listStepPoliciesRoute, async (c) => {
    const p = requireStaff(c, 'admin');
    return c.json({ items: await listStepPolicies(services(c).db, p.tenantId) }, STATUS.OK);
  })
  .openapi(putStepPiiRoute, async (c) => {
    const p = requireStaff(c, 'admin');
    const { id, stepId } = c.req.valid('param');
    const { piiTypes } = c.req.valid('json');
    const custom = (await services(c).pii.detectors.patterns(p.tenantId)).items.map((i) => i.type);
    const step = await setStepPiiTypes(services(c).db, p.tenantId, { sopId: id, stepId }, piiTypes, custom);
    await settingsChanged(c, 'pii.step.update', step.id, {
      sopId: step.sopId,
      step: step.key,
      piiTypes: step.piiTypes,
    });
    const { tenantId: _t, scriptZh: _z, scriptEn: _e, mustVerify: _v, mustDisclose: _d, ...dto } = step;
    return c.json(dto, STATUS.OK);
  })
  .openapi(revealRoute, async (c) => {
    const p = requirePrincipal(c);
    const { id, entityId } = c.req.valid('param');
    const revealed = await services(c).pii.reveal(p, {
      conversationId: id,
      entityId,
      reason: c.req.valid('json').reason,
      ...clientInfo(c),
    });
    // The value must not linger in caches between the server and the screen.
    c.header('cache-control', 'no-store');
    return c.json(revealed, STATUS.OK);
  });
