/** @module Route specs for the tenant directory: people, skills, SOPs, knowledge. */
import { createRoute, z } from '@hono/zod-openapi';
import { createSelectSchema } from 'drizzle-zod';
import { knowledgeArticles } from '#src/db/schema/knowledge.ts';
import { certifications, skills } from '#src/db/schema/skills.ts';
import { sopPhrasings, sopSteps, sops } from '#src/db/schema/sops.ts';
import { ROLES, users } from '#src/db/schema/users.ts';
import { bearer, ok } from '#src/http/openapi.ts';
import { problemResponses } from '#src/http/problem.ts';

export const SkillSchema = createSelectSchema(skills).openapi('Skill');
export const CertificationSchema = createSelectSchema(certifications)
  .extend({ skillKey: z.string() })
  .openapi('Certification');
export const PersonSchema = createSelectSchema(users)
  .omit({ passwordHash: true })
  .extend({ certifications: z.array(CertificationSchema) })
  .openapi('Person');
export const SopStepSchema = createSelectSchema(sopSteps, {
  mustVerify: z.array(z.string()),
  mustDisclose: z.array(z.string()),
  piiTypes: z.array(z.string()),
}).openapi('SopStep');
export const SopSummarySchema = createSelectSchema(sops)
  .extend({ skillKey: z.string() })
  .openapi('SopSummary');
export const SopSchema = SopSummarySchema.extend({
  steps: z.array(SopStepSchema),
  phrasings: z.array(createSelectSchema(sopPhrasings).pick({ lang: true, text: true })),
}).openapi('Sop');
export const KnowledgeArticleSchema = createSelectSchema(knowledgeArticles, {
  tags: z.array(z.string()),
}).openapi('KnowledgeArticle');

const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const listPeopleRoute = createRoute({
  method: 'get',
  path: '/api/v1/people',
  tags: ['Directory'],
  summary: 'People of the tenant with their certifications',
  security: bearer,
  request: { query: z.object({ role: z.enum(ROLES).optional() }) },
  responses: {
    200: ok(z.object({ items: z.array(PersonSchema) }), 'People'),
    ...problemResponses(401, 403, 422),
  },
});

export const listSkillsRoute = createRoute({
  method: 'get',
  path: '/api/v1/skills',
  tags: ['Directory'],
  summary: 'Skills of the tenant',
  security: bearer,
  responses: { 200: ok(z.object({ items: z.array(SkillSchema) }), 'Skills'), ...problemResponses(401, 403) },
});

export const listSopsRoute = createRoute({
  method: 'get',
  path: '/api/v1/sops',
  tags: ['Directory'],
  summary: 'SOPs of the tenant',
  security: bearer,
  responses: {
    200: ok(z.object({ items: z.array(SopSummarySchema) }), 'SOPs'),
    ...problemResponses(401, 403),
  },
});

export const getSopRoute = createRoute({
  method: 'get',
  path: '/api/v1/sops/{id}',
  tags: ['Directory'],
  summary: 'One SOP with ordered steps and intent phrasings',
  security: bearer,
  request: { params: IdParam },
  responses: { 200: ok(SopSchema, 'The SOP'), ...problemResponses(401, 403, 404, 422) },
});

export const listKnowledgeRoute = createRoute({
  method: 'get',
  path: '/api/v1/knowledge',
  tags: ['Directory'],
  summary: 'Knowledge articles of the tenant',
  security: bearer,
  request: {
    query: z.object({
      lang: z.enum(['zh', 'en']).optional(),
      q: z.string().trim().max(200).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
  },
  responses: {
    200: ok(z.object({ items: z.array(KnowledgeArticleSchema) }), 'Articles'),
    ...problemResponses(401, 403, 422),
  },
});
