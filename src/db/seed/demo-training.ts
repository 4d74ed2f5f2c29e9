/**
 * @module The demo tenant's training cabin: the 34 bilingual demo scenario cards (17 scenarios
 * over the twelve demo SOPs) as version 1, and an explicit certification rule for every demo skill
 * (3 scenarios at ≥ 70, level 1, valid a year) so the supervisor sees and edits real rows.
 */
import { eq } from 'drizzle-orm';
import { DEMO_CARDS } from '#assist/simulator/cards/demo-cards.ts';
import { skills } from '#src/db/schema/skills.ts';
import { tenants } from '#src/db/schema/tenants.ts';
import { trainingRequirements } from '#src/db/schema/training.ts';
import { importCards } from '#src/services/training/cards.ts';
import { DEFAULT_REQUIREMENT } from '#src/services/training/certification.ts';
import type { SeedDeps } from './seed.ts';

export async function seedDemoTraining(deps: SeedDeps, slug = 'demo'): Promise<void> {
  const [tenant] = await deps.db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, slug));
  if (!tenant) return;
  await importCards(deps, tenant.id, DEMO_CARDS, 'seed');
  const rows = await deps.db.select({ id: skills.id }).from(skills).where(eq(skills.tenantId, tenant.id));
  if (rows.length === 0) return;
  const now = deps.clock.now();
  await deps.db
    .insert(trainingRequirements)
    .values(rows.map((s) => ({ tenantId: tenant.id, skillId: s.id, ...DEFAULT_REQUIREMENT, updatedAt: now })))
    .onConflictDoNothing();
}
