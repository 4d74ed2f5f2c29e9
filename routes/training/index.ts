/**
 * @module Training handlers (simulation training cabin). Trainees and agents practise; supervisors
 * and admins edit cards, run live tests and set requirements; supervisors, admins and QA read the
 * cohort. The service is built once per app from the injected dependencies.
 */
import type { Context } from 'hono';
import { requireStaff } from '#src/http/auth.ts';
import type { AppEnv, Services } from '#src/http/env.ts';
import { STATUS } from '#src/http/problem.ts';
import { createRouter } from '#src/http/router.ts';
import { createTrainingService, type TrainingService } from '#src/services/training/index.ts';
import {
  cohortRoute,
  createCardRoute,
  customerLineRoute,
  finishRoute,
  getCardRoute,
  getSessionRoute,
  listCardsRoute,
  listRequirementsRoute,
  listSessionsRoute,
  liveResultRoute,
  progressRoute,
  setRequirementRoute,
  startLiveRoute,
  startSessionRoute,
  turnRoute,
  updateCardRoute,
} from './training.routes.ts';

const EDITORS = ['supervisor', 'admin'] as const;
const LEARNERS = ['trainee', 'agent', 'supervisor', 'admin'] as const;
const OVERSIGHT = ['supervisor', 'admin', 'qa'] as const;

const services = new WeakMap<Services, TrainingService>();

/** The app's training service (one per createApp). */
export function training(c: Context<AppEnv>): TrainingService {
  const s = c.get('services');
  let svc = services.get(s);
  if (!svc) {
    svc = createTrainingService({
      ...s,
      agentChanged: (tenantId, userId) => s.dispatch.agentChanged(tenantId, userId),
    });
    services.set(s, svc);
  }
  return svc;
}

const cardItem = (row: Awaited<ReturnType<TrainingService['listCards']>>[number]) => {
  const { card, tenantId: _t, ...rest } = row;
  return {
    ...rest,
    sop: card.sop,
    difficulty: card.difficulty,
    temperament: card.persona.temperament,
  };
};

export const trainingRoutes = createRouter()
  .openapi(listCardsRoute, async (c) => {
    const p = requireStaff(c);
    const rows = await training(c).listCards(p, c.req.valid('query'));
    return c.json({ items: rows.map(cardItem) }, STATUS.OK);
  })
  .openapi(getCardRoute, async (c) => {
    // The full card holds the hidden facts a trainee must uncover in the chat: not for learners.
    const p = requireStaff(c, ...OVERSIGHT);
    const { cardId } = c.req.valid('param');
    const svc = training(c);
    const [row, versions] = await Promise.all([
      svc.getCard(p, cardId, c.req.valid('query').version),
      svc.cardVersions(p, cardId),
    ]);
    const { tenantId: _t, ...rest } = row;
    return c.json(
      {
        ...rest,
        versions: versions.map((v) => ({
          version: v.version,
          createdAt: v.createdAt,
          createdBy: v.createdBy,
          active: v.active,
        })),
      },
      STATUS.OK,
    );
  })
  .openapi(createCardRoute, async (c) => {
    const p = requireStaff(c, ...EDITORS);
    const { tenantId: _t, ...row } = await training(c).createCard(p, c.req.valid('json').card);
    return c.json(row, STATUS.CREATED);
  })
  .openapi(updateCardRoute, async (c) => {
    const p = requireStaff(c, ...EDITORS);
    const { card, active } = c.req.valid('json');
    const { tenantId: _t, ...row } = await training(c).updateCard(
      p,
      c.req.valid('param').cardId,
      card,
      active,
    );
    return c.json(row, STATUS.OK);
  })
  .openapi(startSessionRoute, async (c) => {
    const p = requireStaff(c, ...LEARNERS);
    return c.json(await training(c).start(p, c.req.valid('json')), STATUS.CREATED);
  })
  .openapi(listSessionsRoute, async (c) => {
    const p = requireStaff(c);
    return c.json({ items: await training(c).list(p, c.req.valid('query')) }, STATUS.OK);
  })
  .openapi(getSessionRoute, async (c) => {
    const p = requireStaff(c);
    c.header('cache-control', 'no-store');
    return c.json(await training(c).get(p, c.req.valid('param').id), STATUS.OK);
  })
  .openapi(turnRoute, async (c) => {
    const p = requireStaff(c);
    return c.json(await training(c).turn(p, c.req.valid('param').id, c.req.valid('json')), STATUS.OK);
  })
  .openapi(finishRoute, async (c) => {
    const p = requireStaff(c);
    return c.json(await training(c).finish(p, c.req.valid('param').id), STATUS.OK);
  })
  .openapi(startLiveRoute, async (c) => {
    const p = requireStaff(c, ...EDITORS);
    return c.json(await training(c).startLive(p, c.req.valid('json')), STATUS.CREATED);
  })
  .openapi(customerLineRoute, async (c) => {
    const p = requireStaff(c, ...EDITORS);
    return c.json(await training(c).customerSays(p, c.req.valid('param').id, c.req.valid('json')), STATUS.OK);
  })
  .openapi(liveResultRoute, async (c) => {
    const p = requireStaff(c, ...EDITORS);
    return c.json(await training(c).recordLive(p, c.req.valid('param').id, c.req.valid('json')), STATUS.OK);
  })
  .openapi(progressRoute, async (c) => {
    const p = requireStaff(c);
    return c.json(await training(c).progress(p, c.req.valid('query').userId), STATUS.OK);
  })
  .openapi(cohortRoute, async (c) => {
    const p = requireStaff(c, ...OVERSIGHT);
    return c.json(await training(c).cohort(p), STATUS.OK);
  })
  .openapi(listRequirementsRoute, async (c) => {
    const p = requireStaff(c);
    return c.json({ items: await training(c).requirements(p) }, STATUS.OK);
  })
  .openapi(setRequirementRoute, async (c) => {
    const p = requireStaff(c, ...EDITORS);
    return c.json(
      await training(c).setRequirement(p, c.req.valid('param').skill, c.req.valid('json')),
      STATUS.OK,
    );
  });
