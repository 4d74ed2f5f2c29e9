/**
 * @module The demo tenant's training cabin: the 34 bilingual demo scenario cards (17 scenarios
 * over the twelve demo SOPs) as version 1, and an explicit certification rule for every demo skill
 * (3 scenarios at ≥ 70, valid a year) so the supervisor sees and edits real rows. The level granted
 * is the entry level of the skill's SOPs (the lowest `minLevel`), so a certification makes the
 * person routable for at least those — a level-1 refund certificate would route nothing, since
 * every refund SOP needs level 2.
 */
import { eq } from 'drizzle-orm';
import { DEMO_CARDS } from '#assist/simulator/cards/demo-cards.ts';
import { skills } from '#src/db/schema/skills.ts';
import { sops } from '#src/db/schema/sops.ts';
import { tenants } from '#src/db/schema/tenants.ts';
import { trainingRequirements } from '#src/db/schema/training.ts';
import { importCards } from '#src/services/training/cards.ts';
import { DEFAULT_REQUIREMENT } from '#src/services/training/certification.ts';
import type { SeedDeps } from './seed.ts';

export async function seedDemoTraining(deps: SeedDeps, slug = 'demo'): Promise<void> {
  const [tenant] = await deps.db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, slug));
  if (!tenant) return;
  await importCards(deps, tenant.id, DEMO_CARDS, 'seed');
  const [rows, sopRows] = await Promise.all([
    deps.db.select({ id: skills.id }).from(skills).where(eq(skills.tenantId, tenant.id)),
    deps.db
      .select({ skillId: sops.skillId, minLevel: sops.minLevel })
      .from(sops)
      .where(eq(sops.tenantId, tenant.id)),
  ]);
  if (rows.length === 0) return;
  const entryLevel = (skillId: string) => {
    const levels = sopRows.filter((s) => s.skillId === skillId).map((s) => s.minLevel);
    return levels.length ? Math.min(...levels) : DEFAULT_REQUIREMENT.levelGranted;
  };
  const now = deps.clock.now();
  await deps.db
    .insert(trainingRequirements)
    .values(
      rows.map((s) => ({
        tenantId: tenant.id,
        skillId: s.id,
        ...DEFAULT_REQUIREMENT,
        levelGranted: entryLevel(s.id),
        updatedAt: now,
      })),
    )
    .onConflictDoNothing();
}
