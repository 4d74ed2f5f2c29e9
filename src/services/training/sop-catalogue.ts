/**
 * @module The SOPs a tenant's scenario cards may refer to: the tenant's own SOPs (sops + sop_steps
 * rows, in the simulator's shape) over the simulator's defaults (the demo SOPs and the τ²-bench
 * domain SOPs the imported English catalogue uses). Read per call: two whole-tenant queries.
 */
import { asc, eq } from 'drizzle-orm';
import { defaultCatalogue } from '#assist/simulator/persona-engine.ts';
import { catalogue, type SimSop, type SopCatalogue } from '#assist/simulator/sop.ts';
import type { Db } from '#src/db/client.ts';
import { skills } from '#src/db/schema/skills.ts';
import { sopSteps, sops } from '#src/db/schema/sops.ts';

export async function tenantSopCatalogue(db: Db, tenantId: string): Promise<SopCatalogue> {
  const [rows, steps] = await Promise.all([
    db
      .select({ id: sops.id, key: sops.key, nameZh: sops.nameZh, nameEn: sops.nameEn, skill: skills.key })
      .from(sops)
      .innerJoin(skills, eq(skills.id, sops.skillId))
      .where(eq(sops.tenantId, tenantId)),
    db.select().from(sopSteps).where(eq(sopSteps.tenantId, tenantId)).orderBy(asc(sopSteps.position)),
  ]);
  const own: SimSop[] = rows.map((s) => ({
    key: s.key,
    skill: s.skill,
    name: { zh: s.nameZh, en: s.nameEn },
    steps: steps
      .filter((st) => st.sopId === s.id)
      .map((st) => ({
        key: st.key,
        title: { zh: st.titleZh, en: st.titleEn },
        mustVerify: st.mustVerify,
        mustDisclose: st.mustDisclose,
        script: { zh: st.scriptZh, en: st.scriptEn },
      })),
  }));
  return catalogue([...defaultCatalogue().values(), ...own]);
}
