/**
 * @module A trainee's dashboard: where they stand on each skill (scenarios passed of those
 * required, live test, certification), every ended practice session with its six dimension
 * scores (the charts over time), recency-weighted dimension averages, and the next scenario the
 * personalised path would pick.
 */
import { and, asc, eq } from 'drizzle-orm';
import { DIMENSIONS, type Dimension } from '#assist/simulator/card.ts';
import type { Db } from '#src/db/client.ts';
import { scenarioCards, trainingSessions } from '#src/db/schema/training.ts';
import { type SkillProgress, skillProgress } from './certification.ts';
import { pickNext } from './path.ts';
import type { CardSummary } from './session-view.ts';
import { cardSummary } from './session-view.ts';
import { tenantSopCatalogue } from './sop-catalogue.ts';

export interface HistoryPoint {
  sessionId: string;
  cardId: string;
  title: string;
  skill: string;
  endedAt: number;
  score: number;
  passed: boolean;
  scores: Record<Dimension, number>;
}

export interface TraineeProgress {
  userId: string;
  skills: SkillProgress[];
  history: HistoryPoint[];
  /** Mean of the last ten sessions per dimension (null before the first). */
  dimensions: Record<Dimension, number | null>;
  next: { card: CardSummary; reasons: string[]; targets: string[] } | null;
}

export async function traineeProgress(
  db: Db,
  tenantId: string,
  userId: string,
  now: number,
): Promise<TraineeProgress> {
  const [skills, rows, titles, sops] = await Promise.all([
    skillProgress(db, tenantId, userId, now),
    db
      .select({
        id: trainingSessions.id,
        cardId: trainingSessions.cardId,
        skill: trainingSessions.skill,
        endedAt: trainingSessions.endedAt,
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
      .orderBy(asc(trainingSessions.endedAt)),
    db
      .select({ cardId: scenarioCards.cardId, title: scenarioCards.title })
      .from(scenarioCards)
      .where(and(eq(scenarioCards.tenantId, tenantId), eq(scenarioCards.active, true))),
    tenantSopCatalogue(db, tenantId),
  ]);
  const titleOf = new Map(titles.map((t) => [t.cardId, t.title]));
  const history: HistoryPoint[] = rows
    .filter((r) => r.verdict)
    .map((r) => ({
      sessionId: r.id,
      cardId: r.cardId,
      title: titleOf.get(r.cardId) ?? r.cardId,
      skill: r.skill,
      endedAt: r.endedAt ?? 0,
      score: r.verdict!.overall,
      passed: r.verdict!.passed,
      scores: r.verdict!.scores,
    }));
  const recent = history.slice(-10);
  const dimensions = Object.fromEntries(
    DIMENSIONS.map((d) => [
      d,
      recent.length ? Math.round(recent.reduce((s, h) => s + h.scores[d], 0) / recent.length) : null,
    ]),
  ) as Record<Dimension, number | null>;
  const pick = await pickNext(db, tenantId, userId, { sops });
  return {
    userId,
    skills,
    history,
    dimensions,
    next: pick ? { card: cardSummary(pick.card), reasons: pick.reasons, targets: pick.targets } : null,
  };
}
