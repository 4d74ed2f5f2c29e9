/** @module Directory handlers. Staff read; conversation work itself lives in routes/conversations. */
import { requireStaff } from '#src/http/auth.ts';
import { STATUS } from '#src/http/problem.ts';
import { createRouter } from '#src/http/router.ts';
import {
  getSop,
  listKnowledge,
  listPeople,
  listSkills,
  listSops,
} from '#src/services/directory/directory.ts';
import {
  getSopRoute,
  listKnowledgeRoute,
  listPeopleRoute,
  listSkillsRoute,
  listSopsRoute,
} from './directory.routes.ts';

export const directoryRoutes = createRouter()
  .openapi(listPeopleRoute, async (c) => {
    const p = requireStaff(c, 'admin', 'supervisor', 'qa');
    return c.json(
      { items: await listPeople(c.get('services').db, p.tenantId, c.req.valid('query').role) },
      STATUS.OK,
    );
  })
  .openapi(listSkillsRoute, async (c) => {
    const p = requireStaff(c);
    return c.json({ items: await listSkills(c.get('services').db, p.tenantId) }, STATUS.OK);
  })
  .openapi(listSopsRoute, async (c) => {
    const p = requireStaff(c);
    return c.json({ items: await listSops(c.get('services').db, p.tenantId) }, STATUS.OK);
  })
  .openapi(getSopRoute, async (c) => {
    const p = requireStaff(c);
    return c.json(await getSop(c.get('services').db, p.tenantId, c.req.valid('param').id), STATUS.OK);
  })
  .openapi(listKnowledgeRoute, async (c) => {
    const p = requireStaff(c);
    return c.json(
      { items: await listKnowledge(c.get('services').db, p.tenantId, c.req.valid('query')) },
      STATUS.OK,
    );
  });
