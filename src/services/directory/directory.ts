/** @module Tenant directory reads: people, skills, SOPs and knowledge, always tenant-scoped. */
import { and, asc, eq, like, or } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { knowledgeArticles } from '#src/db/schema/knowledge.ts';
import { certifications, skills } from '#src/db/schema/skills.ts';
import { sopPhrasings, sopSteps, sops } from '#src/db/schema/sops.ts';
import { type Role, users } from '#src/db/schema/users.ts';
import { notFound } from '#src/http/problem.ts';

export async function listPeople(db: Db, tenantId: string, role?: Role) {
  const people = await db
    .select()
    .from(users)
    .where(role ? and(eq(users.tenantId, tenantId), eq(users.role, role)) : eq(users.tenantId, tenantId))
    .orderBy(asc(users.role), asc(users.email));
  // Certifications of the whole tenant in one query (no IN list: D1 caps bound parameters at 100).
  const wanted = new Set(people.map((p) => p.id));
  const certs = (
    await db
      .select({ cert: certifications, skillKey: skills.key })
      .from(certifications)
      .innerJoin(skills, eq(skills.id, certifications.skillId))
      .where(eq(certifications.tenantId, tenantId))
  ).filter((c) => wanted.has(c.cert.userId));
  return people.map(({ passwordHash: _h, ...person }) => ({
    ...person,
    certifications: certs
      .filter((c) => c.cert.userId === person.id)
      .map((c) => ({ ...c.cert, skillKey: c.skillKey })),
  }));
}

export const listSkills = (db: Db, tenantId: string) =>
  db.select().from(skills).where(eq(skills.tenantId, tenantId)).orderBy(asc(skills.key));

export async function listSops(db: Db, tenantId: string) {
  const rows = await db
    .select({ sop: sops, skillKey: skills.key })
    .from(sops)
    .innerJoin(skills, eq(skills.id, sops.skillId))
    .where(eq(sops.tenantId, tenantId))
    .orderBy(asc(sops.key));
  return rows.map((r) => ({ ...r.sop, skillKey: r.skillKey }));
}

export async function getSop(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select({ sop: sops, skillKey: skills.key })
    .from(sops)
    .innerJoin(skills, eq(skills.id, sops.skillId))
    .where(and(eq(sops.tenantId, tenantId), or(eq(sops.id, id), eq(sops.key, id))));
  if (!row) throw notFound('SOP');
  const [steps, phrasings] = await Promise.all([
    db.select().from(sopSteps).where(eq(sopSteps.sopId, row.sop.id)).orderBy(asc(sopSteps.position)),
    db
      .select({ lang: sopPhrasings.lang, text: sopPhrasings.text })
      .from(sopPhrasings)
      .where(eq(sopPhrasings.sopId, row.sop.id)),
  ]);
  return { ...row.sop, skillKey: row.skillKey, steps, phrasings };
}

export async function listKnowledge(
  db: Db,
  tenantId: string,
  q: { lang?: 'zh' | 'en'; q?: string; limit: number },
) {
  const clauses = [eq(knowledgeArticles.tenantId, tenantId)];
  if (q.lang) clauses.push(eq(knowledgeArticles.lang, q.lang));
  if (q.q) {
    const pattern = `%${q.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
    clauses.push(or(like(knowledgeArticles.title, pattern), like(knowledgeArticles.body, pattern))!);
  }
  return db
    .select()
    .from(knowledgeArticles)
    .where(and(...clauses))
    .orderBy(asc(knowledgeArticles.title))
    .limit(q.limit);
}
