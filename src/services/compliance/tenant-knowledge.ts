/**
 * @module What a tenant's checker compares drafts against, loaded from the database: its knowledge
 * articles (the kb scorer reads stated numbers out of them), its SOPs with the disclosures and PII
 * each step needs, and — for the demo tenant, whose policy is the seed's structured DEMO_POLICY —
 * the structured facts and yes/no policies. Other tenants get facts from their articles only until
 * they have policy tables of their own.
 */
import { asc, eq } from 'drizzle-orm';
import { demoFacts, demoPolicies } from '#assist/compliance/demo-knowledge.ts';
import type { ComplianceKnowledge, SopInfo } from '#assist/compliance/types.ts';
import type { Db } from '#src/db/client.ts';
import { knowledgeArticles } from '#src/db/schema/knowledge.ts';
import { sopSteps, sops } from '#src/db/schema/sops.ts';
import { tenants } from '#src/db/schema/tenants.ts';
import { DEMO_POLICY } from '#src/db/seed/demo-knowledge.ts';

/** The seed's demo tenant: the one tenant whose structured policy ships with Tidedesk. */
const DEMO_SLUG = 'demo';

export async function loadTenantKnowledge(db: Db, tenantId: string): Promise<ComplianceKnowledge> {
  const [tenant] = await db.select({ slug: tenants.slug }).from(tenants).where(eq(tenants.id, tenantId));
  const articles = await db
    .select({ lang: knowledgeArticles.lang, title: knowledgeArticles.title, body: knowledgeArticles.body })
    .from(knowledgeArticles)
    .where(eq(knowledgeArticles.tenantId, tenantId));
  const steps = await db
    .select({
      sopKey: sops.key,
      key: sopSteps.key,
      mustDisclose: sopSteps.mustDisclose,
      piiTypes: sopSteps.piiTypes,
      scriptZh: sopSteps.scriptZh,
      scriptEn: sopSteps.scriptEn,
    })
    .from(sopSteps)
    .innerJoin(sops, eq(sops.id, sopSteps.sopId))
    .where(eq(sopSteps.tenantId, tenantId))
    .orderBy(asc(sops.key), asc(sopSteps.position));
  const bySop = new Map<string, SopInfo & { steps: SopInfo['steps'][number][] }>();
  for (const { sopKey, ...step } of steps) {
    let sop = bySop.get(sopKey);
    if (!sop) {
      sop = { key: sopKey, steps: [] };
      bySop.set(sopKey, sop);
    }
    sop.steps.push(step);
  }
  const knowledge: ComplianceKnowledge = { articles, sops: [...bySop.values()] };
  if (tenant?.slug === DEMO_SLUG) {
    return {
      ...knowledge,
      facts: demoFacts(),
      policies: demoPolicies(),
      goodwillMaxYuan: DEMO_POLICY.complaints.frontlineGoodwillMaxYuan,
    };
  }
  return knowledge;
}
