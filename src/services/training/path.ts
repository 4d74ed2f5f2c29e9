/**
 * @module The trainee's personalised path: their ended practice sessions become training records
 * (card, skill, pass, six dimension scores) and `nextScenario` ranks the tenant's active cards by
 * the trainee's weakest dimensions and the skills not yet certified. Only cards of the tenant's
 * own skills are on the path (an imported τ² catalogue is played by choice), in the trainee's
 * language unless they ask for another.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { ScenarioCard } from '#assist/simulator/card.ts';
import { nextScenario, type TrainingRecord } from '#assist/simulator/path.ts';
import type { SopCatalogue } from '#assist/simulator/sop.ts';
import type { Db } from '#src/db/client.ts';
import { certifications, skills } from '#src/db/schema/skills.ts';
import { trainingSessions } from '#src/db/schema/training.ts';
import { users } from '#src/db/schema/users.ts';
import { activeCards } from './cards.ts';

export interface NextPick {
  card: ScenarioCard;
  reasons: string[];
  targets: string[];
}

/** Ended, scored practice sessions of a trainee, oldest first. */
export async function trainingHistory(db: Db, tenantId: string, userId: string): Promise<TrainingRecord[]> {
  const rows = await db
    .select({
      cardId: trainingSessions.cardId,
      skill: trainingSessions.skill,
      passed: trainingSessions.passed,
      verdict: trainingSessions.verdict,
    })
    .from(trainingSessions)
    .where(
      and(
        eq(trainingSessions.tenantId, tenantId),
        eq(trainingSessions.traineeId, userId),
        eq(trainingSessions.kind, 'practice'),
        eq(trainingSessions.status, 'ended'),
      ),
    )
    .orderBy(asc(trainingSessions.endedAt));
  return rows
    .filter((r) => r.verdict)
    .map((r) => ({ cardId: r.cardId, skill: r.skill, passed: Boolean(r.passed), scores: r.verdict!.scores }));
}

export async function pickNext(
  db: Db,
  tenantId: string,
  userId: string,
  opts: { sops: SopCatalogue; lang?: 'zh' | 'en' },
): Promise<NextPick | null> {
  const [cards, tenantSkills, certs, [person], history] = await Promise.all([
    activeCards(db, tenantId),
    db.select({ id: skills.id, key: skills.key }).from(skills).where(eq(skills.tenantId, tenantId)),
    db
      .select({ skillId: certifications.skillId, source: certifications.source })
      .from(certifications)
      .where(and(eq(certifications.tenantId, tenantId), eq(certifications.userId, userId))),
    db.select({ locale: users.locale }).from(users).where(eq(users.id, userId)),
    trainingHistory(db, tenantId, userId),
  ]);
  const own = new Set(tenantSkills.map((s) => s.key));
  const certified = new Set(
    certs
      .filter((c) => c.source === 'simulator+live')
      .map((c) => tenantSkills.find((s) => s.id === c.skillId)?.key),
  );
  const pool = cards.map((c) => c.card).filter((c) => own.has(c.skill));
  const open = [...own].filter((k) => !certified.has(k));
  const lang = opts.lang ?? person?.locale;
  const pick =
    nextScenario(pool, history, {
      sops: opts.sops,
      ...(lang ? { lang } : {}),
      ...(open.length ? { skills: open } : {}),
    }) ??
    nextScenario(pool, history, { sops: opts.sops, ...(open.length ? { skills: open } : {}) }) ??
    nextScenario(pool, history, { sops: opts.sops });
  return pick ? { card: pick.card, reasons: pick.reasons, targets: pick.targets } : null;
}
