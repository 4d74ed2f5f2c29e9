/**
 * @module The supervisor's cohort view: per person who has trained, sessions, passes, practice
 * time and time to each certification from training (days from their first session of that skill
 * to the certificate, sessions and practice hours it took); per scenario, plays, pass rate and
 * mean score; per dimension, the cohort's mean and how many sessions scored weak on it — where
 * trainees struggle. Whole-tenant reads; nothing per person in a loop of queries.
 */
import { and, eq } from 'drizzle-orm';
import { DIMENSIONS, type Dimension } from '#assist/simulator/card.ts';
import { WEAK_BELOW } from '#assist/simulator/rubric.ts';
import type { Db } from '#src/db/client.ts';
import { certifications, skills } from '#src/db/schema/skills.ts';
import { scenarioCards, trainingSessions } from '#src/db/schema/training.ts';
import { users } from '#src/db/schema/users.ts';

export interface CohortCertification {
  skill: string;
  certifiedAt: number;
  level: number;
  expiresAt: number | null;
  /** From the first practice session of the skill to the certificate. */
  days: number;
  sessions: number;
  practiceHours: number;
}

export interface CohortMember {
  userId: string;
  name: string;
  role: string;
  sessions: number;
  passed: number;
  practiceHours: number;
  firstSessionAt: number | null;
  lastSessionAt: number | null;
  dimensions: Record<Dimension, number | null>;
  certifications: CohortCertification[];
  activeSessionId: string | null;
}

export interface CohortScenario {
  cardId: string;
  title: string;
  skill: string;
  plays: number;
  passes: number;
  passRate: number | null;
  meanScore: number | null;
}

export interface Cohort {
  members: CohortMember[];
  scenarios: CohortScenario[];
  dimensions: { dimension: Dimension; mean: number | null; weakSessions: number }[];
  summary: {
    trainees: number;
    certified: number;
    meanDaysToCertification: number | null;
    meanSessionsToCertification: number | null;
  };
}

const HOUR = 3_600_000;
const DAY = 86_400_000;
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const r1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

export async function cohortView(db: Db, tenantId: string): Promise<Cohort> {
  const [sessions, people, certs, tenantSkills, cards] = await Promise.all([
    db
      .select({
        id: trainingSessions.id,
        traineeId: trainingSessions.traineeId,
        kind: trainingSessions.kind,
        cardId: trainingSessions.cardId,
        skill: trainingSessions.skill,
        status: trainingSessions.status,
        passed: trainingSessions.passed,
        score: trainingSessions.score,
        verdict: trainingSessions.verdict,
        startedAt: trainingSessions.startedAt,
        endedAt: trainingSessions.endedAt,
      })
      .from(trainingSessions)
      .where(eq(trainingSessions.tenantId, tenantId)),
    db
      .select({ id: users.id, name: users.displayName, role: users.role })
      .from(users)
      .where(eq(users.tenantId, tenantId)),
    db
      .select()
      .from(certifications)
      .where(and(eq(certifications.tenantId, tenantId), eq(certifications.source, 'simulator+live'))),
    db.select({ id: skills.id, key: skills.key }).from(skills).where(eq(skills.tenantId, tenantId)),
    db
      .select({ cardId: scenarioCards.cardId, title: scenarioCards.title, skill: scenarioCards.skill })
      .from(scenarioCards)
      .where(and(eq(scenarioCards.tenantId, tenantId), eq(scenarioCards.active, true))),
  ]);
  const skillKey = new Map(tenantSkills.map((s) => [s.id, s.key]));
  const practice = sessions.filter((s) => s.kind === 'practice');
  const ended = practice.filter((s) => s.status === 'ended' && s.verdict);
  const hours = (xs: typeof practice) =>
    xs.reduce((h, s) => h + ((s.endedAt ?? s.startedAt) - s.startedAt) / HOUR, 0);
  const trainedIds = new Set([
    ...practice.map((s) => s.traineeId),
    ...people.filter((p) => p.role === 'trainee').map((p) => p.id),
  ]);

  const members: CohortMember[] = people
    // People who learn: supervisors and admins trying a card they wrote are not the cohort.
    .filter((p) => trainedIds.has(p.id) && (p.role === 'trainee' || p.role === 'agent'))
    .map((p) => {
      const mine = practice.filter((s) => s.traineeId === p.id);
      const mineEnded = ended.filter((s) => s.traineeId === p.id);
      const firstAt = mine.length ? Math.min(...mine.map((s) => s.startedAt)) : null;
      const lastAt = mine.length ? Math.max(...mine.map((s) => s.endedAt ?? s.startedAt)) : null;
      const myCerts: CohortCertification[] = certs
        .filter((c) => c.userId === p.id)
        .map((c) => {
          const key = skillKey.get(c.skillId) ?? c.skillId;
          const before = mine.filter((s) => s.skill === key && s.startedAt <= c.certifiedAt);
          const start = before.length ? Math.min(...before.map((s) => s.startedAt)) : c.certifiedAt;
          return {
            skill: key,
            certifiedAt: c.certifiedAt,
            level: c.level,
            expiresAt: c.expiresAt,
            days: r1((c.certifiedAt - start) / DAY) ?? 0,
            sessions: before.length,
            practiceHours: r1(hours(before)) ?? 0,
          };
        });
      return {
        userId: p.id,
        name: p.name,
        role: p.role,
        sessions: mine.length,
        passed: mineEnded.filter((s) => s.passed).length,
        practiceHours: r1(hours(mine)) ?? 0,
        firstSessionAt: firstAt,
        lastSessionAt: lastAt,
        dimensions: Object.fromEntries(
          DIMENSIONS.map((d) => {
            const m = mean(mineEnded.map((s) => s.verdict!.scores[d]));
            return [d, m === null ? null : Math.round(m)];
          }),
        ) as Record<Dimension, number | null>,
        certifications: myCerts,
        activeSessionId: mine.find((s) => s.status === 'active')?.id ?? null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));

  const scenarios: CohortScenario[] = cards
    .map((c) => {
      const plays = ended.filter((s) => s.cardId === c.cardId);
      const passes = plays.filter((s) => s.passed).length;
      const m = mean(plays.map((s) => s.score ?? 0));
      return {
        cardId: c.cardId,
        title: c.title,
        skill: c.skill,
        plays: plays.length,
        passes,
        passRate: plays.length ? Math.round((passes / plays.length) * 100) / 100 : null,
        meanScore: m === null ? null : Math.round(m),
      };
    })
    .filter((s) => s.plays > 0)
    .sort((a, b) => (a.passRate ?? 1) - (b.passRate ?? 1) || b.plays - a.plays);

  const dimensions = DIMENSIONS.map((d) => {
    const m = mean(ended.map((s) => s.verdict!.scores[d]));
    return {
      dimension: d,
      mean: m === null ? null : Math.round(m),
      weakSessions: ended.filter((s) => s.verdict!.scores[d] < WEAK_BELOW).length,
    };
  }).sort((a, b) => (a.mean ?? 101) - (b.mean ?? 101));

  const allCerts = members.flatMap((m) => m.certifications);
  return {
    members,
    scenarios,
    dimensions,
    summary: {
      trainees: members.length,
      certified: members.filter((m) => m.certifications.length > 0).length,
      meanDaysToCertification: r1(mean(allCerts.map((c) => c.days))),
      meanSessionsToCertification: r1(mean(allCerts.map((c) => c.sessions))),
    },
  };
}
