/**
 * @module Certification from training. A skill is certified when the trainee has passed N scenarios
 * of it at or above the tenant's score (`training_requirements`, default 3 scenarios ≥ 70, level 1,
 * valid 365 days) AND a supervisor has recorded a passed live test for it.
 *
 * Passes must be spread over the skill's scenarios: each card counts at most ⌈N ÷ cards available⌉
 * times, where the cards available are the skill's active cards in the trainee's language (all of
 * them if none is in it). With three refund cards each must be passed once; with two, one of them
 * twice; with a single escalation card, that card three times on three sessions — never one lucky
 * pass of one card.
 * Granting writes the certification row (source `simulator+live`, expiry), makes a trainee an
 * agent (the role the dispatcher routes to) and tells the dispatcher the person changed.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { certifications, skills } from '#src/db/schema/skills.ts';
import { scenarioCards, trainingRequirements, trainingSessions } from '#src/db/schema/training.ts';
import { users } from '#src/db/schema/users.ts';
import { AppError, notFound } from '#src/http/problem.ts';
import type { Clock } from '#src/ports/clock.ts';
import type { Ids } from '#src/ports/ids.ts';
import type { Logger } from '#src/ports/logger.ts';

export const DAY_MS = 86_400_000;

export const DEFAULT_REQUIREMENT = {
  scenariosRequired: 3,
  minScore: 70,
  levelGranted: 1,
  validityDays: 365,
} as const;

export interface Requirement {
  scenariosRequired: number;
  minScore: number;
  levelGranted: number;
  validityDays: number;
}

export interface SkillRequirement extends Requirement {
  skillId: string;
  skill: string;
  name: { zh: string; en: string };
  /** False when the product default applies (no row for the skill). */
  custom: boolean;
}

export interface SkillProgress {
  skillId: string;
  skill: string;
  name: { zh: string; en: string };
  requirement: Requirement & { custom: boolean };
  /** Passes needed (the requirement's N). */
  required: number;
  /** Passes that count so far (each card at most `perCard` times). */
  credited: number;
  /** How many passes of one card count. */
  perCard: number;
  /** Active cards of the skill in the trainee's language. */
  available: number;
  /** Cards passed at or above the requirement's score: best score, passes, latest pass. */
  passedCards: { cardId: string; title: string; score: number; passes: number; at: number }[];
  sessions: number;
  live: { result: 'pass' | 'fail'; at: number; note: string | null; sessionId: string } | null;
  livePassed: boolean;
  certification: {
    level: number;
    source: string;
    certifiedAt: number;
    expiresAt: number | null;
    valid: boolean;
  } | null;
  status: 'not-started' | 'practising' | 'ready-for-live' | 'certified';
}

export async function listRequirements(db: Db, tenantId: string): Promise<SkillRequirement[]> {
  const [rows, reqs] = await Promise.all([
    db.select().from(skills).where(eq(skills.tenantId, tenantId)).orderBy(skills.key),
    db.select().from(trainingRequirements).where(eq(trainingRequirements.tenantId, tenantId)),
  ]);
  const bySkill = new Map(reqs.map((r) => [r.skillId, r]));
  return rows.map((s) => {
    const r = bySkill.get(s.id);
    return {
      skillId: s.id,
      skill: s.key,
      name: { zh: s.nameZh, en: s.nameEn },
      scenariosRequired: r?.scenariosRequired ?? DEFAULT_REQUIREMENT.scenariosRequired,
      minScore: r?.minScore ?? DEFAULT_REQUIREMENT.minScore,
      levelGranted: r?.levelGranted ?? DEFAULT_REQUIREMENT.levelGranted,
      validityDays: r?.validityDays ?? DEFAULT_REQUIREMENT.validityDays,
      custom: Boolean(r),
    };
  });
}

export async function setRequirement(
  deps: { db: Db; clock: Clock },
  tenantId: string,
  userId: string,
  skillKey: string,
  req: Requirement,
): Promise<SkillRequirement> {
  const [skill] = await deps.db
    .select()
    .from(skills)
    .where(and(eq(skills.tenantId, tenantId), eq(skills.key, skillKey)));
  if (!skill) throw notFound('skill');
  const values = { ...req, updatedAt: deps.clock.now(), updatedBy: userId };
  await deps.db
    .insert(trainingRequirements)
    .values({ tenantId, skillId: skill.id, ...values })
    .onConflictDoUpdate({
      target: [trainingRequirements.tenantId, trainingRequirements.skillId],
      set: values,
    });
  const all = await listRequirements(deps.db, tenantId);
  return all.find((r) => r.skillId === skill.id)!;
}

/** Where a person stands on every skill of the tenant (whole-tenant reads; no IN lists). */
export async function skillProgress(
  db: Db,
  tenantId: string,
  userId: string,
  now: number,
): Promise<SkillProgress[]> {
  const [reqs, [person], sessions, cards, certs] = await Promise.all([
    listRequirements(db, tenantId),
    db
      .select({ locale: users.locale })
      .from(users)
      .where(and(eq(users.tenantId, tenantId), eq(users.id, userId))),
    db
      .select({
        id: trainingSessions.id,
        kind: trainingSessions.kind,
        cardId: trainingSessions.cardId,
        skill: trainingSessions.skill,
        status: trainingSessions.status,
        score: trainingSessions.score,
        passed: trainingSessions.passed,
        liveResult: trainingSessions.liveResult,
        liveNote: trainingSessions.liveNote,
        endedAt: trainingSessions.endedAt,
      })
      .from(trainingSessions)
      .where(and(eq(trainingSessions.tenantId, tenantId), eq(trainingSessions.traineeId, userId))),
    db
      .select({
        cardId: scenarioCards.cardId,
        skill: scenarioCards.skill,
        lang: scenarioCards.lang,
        title: scenarioCards.title,
      })
      .from(scenarioCards)
      .where(and(eq(scenarioCards.tenantId, tenantId), eq(scenarioCards.active, true))),
    db
      .select()
      .from(certifications)
      .where(and(eq(certifications.tenantId, tenantId), eq(certifications.userId, userId))),
  ]);
  if (!person) throw notFound('person');
  const titles = new Map(cards.map((c) => [c.cardId, c.title]));
  return reqs.map((req) => {
    const mine = sessions.filter((s) => s.skill === req.skill);
    const best = new Map<string, SkillProgress['passedCards'][number]>();
    for (const s of mine) {
      if (s.kind !== 'practice' || s.status !== 'ended' || !s.passed || (s.score ?? 0) < req.minScore)
        continue;
      const prev = best.get(s.cardId);
      best.set(s.cardId, {
        cardId: s.cardId,
        title: titles.get(s.cardId) ?? s.cardId,
        score: Math.max(prev?.score ?? 0, s.score ?? 0),
        passes: (prev?.passes ?? 0) + 1,
        at: Math.max(prev?.at ?? 0, s.endedAt ?? 0),
      });
    }
    const skillCards = cards.filter((c) => c.skill === req.skill);
    const inLang = skillCards.filter((c) => c.lang === person.locale).length;
    const available = inLang > 0 ? inLang : skillCards.length;
    const required = Math.max(1, req.scenariosRequired);
    const perCard = Math.ceil(required / Math.max(1, available));
    const credited = [...best.values()].reduce((n, c) => n + Math.min(c.passes, perCard), 0);
    const lives = mine
      .filter((s) => s.kind === 'live' && s.liveResult !== null)
      .sort((a, b) => (b.endedAt ?? 0) - (a.endedAt ?? 0));
    const latestLive = lives[0];
    const livePassed = lives.some((s) => s.liveResult === 'pass');
    const cert = certs.find((c) => c.skillId === req.skillId);
    const valid = cert ? cert.expiresAt === null || cert.expiresAt > now : false;
    const passedCards = [...best.values()].sort((a, b) => a.at - b.at);
    const status: SkillProgress['status'] =
      valid && cert?.source === 'simulator+live'
        ? 'certified'
        : credited >= required
          ? 'ready-for-live'
          : mine.length > 0
            ? 'practising'
            : 'not-started';
    return {
      skillId: req.skillId,
      skill: req.skill,
      name: req.name,
      requirement: {
        scenariosRequired: req.scenariosRequired,
        minScore: req.minScore,
        levelGranted: req.levelGranted,
        validityDays: req.validityDays,
        custom: req.custom,
      },
      required,
      credited,
      perCard,
      available,
      passedCards,
      sessions: mine.filter((s) => s.kind === 'practice').length,
      live: latestLive
        ? {
            result: latestLive.liveResult as 'pass' | 'fail',
            at: latestLive.endedAt ?? 0,
            note: latestLive.liveNote,
            sessionId: latestLive.id,
          }
        : null,
      livePassed,
      certification: cert
        ? {
            level: cert.level,
            source: cert.source,
            certifiedAt: cert.certifiedAt,
            expiresAt: cert.expiresAt,
            valid,
          }
        : null,
      status,
    };
  });
}

export interface CertificationDeps {
  db: Db;
  clock: Clock;
  ids: Ids;
  logger: Logger;
  /** Tell the live dispatcher that the person's certifications (and maybe role) changed. */
  agentChanged(tenantId: string, userId: string): Promise<void>;
}

export interface Granted {
  skill: string;
  level: number;
  certifiedAt: number;
  expiresAt: number;
}

/**
 * Certify `skill` for the person when both conditions hold and no valid simulator+live
 * certification exists yet; returns what was granted, or null.
 */
export async function grantIfEarned(
  deps: CertificationDeps,
  tenantId: string,
  userId: string,
  skillKey: string,
): Promise<Granted | null> {
  const now = deps.clock.now();
  const progress = (await skillProgress(deps.db, tenantId, userId, now)).find((s) => s.skill === skillKey);
  if (!progress) return null;
  if (progress.credited < progress.required || !progress.livePassed) return null;
  const cert = progress.certification;
  if (cert?.valid && cert.source === 'simulator+live') return null;
  // A valid certification from elsewhere (seed, manual) at a higher level is not lowered.
  const level = Math.max(progress.requirement.levelGranted, cert?.valid ? cert.level : 0);
  const expiresAt = now + progress.requirement.validityDays * DAY_MS;
  const values = { level, source: 'simulator+live' as const, certifiedAt: now, expiresAt };
  const [person] = await deps.db.select({ role: users.role }).from(users).where(eq(users.id, userId));
  if (!person) throw new AppError('not_found', 'No such person.');
  await deps.db.batch([
    deps.db
      .insert(certifications)
      .values({ id: deps.ids.next('crt'), tenantId, userId, skillId: progress.skillId, ...values })
      .onConflictDoUpdate({ target: [certifications.userId, certifications.skillId], set: values }),
    // The dispatcher routes to agents: a trainee's first certification makes them one.
    deps.db
      .update(users)
      .set({ role: 'agent' })
      .where(and(eq(users.id, userId), eq(users.role, 'trainee'))),
  ]);
  deps.logger.info('training.certified', {
    tenantId,
    userId,
    skill: skillKey,
    level,
    expiresAt,
    promoted: person.role === 'trainee',
  });
  await deps.agentChanged(tenantId, userId);
  return { skill: skillKey, level, certifiedAt: now, expiresAt };
}
