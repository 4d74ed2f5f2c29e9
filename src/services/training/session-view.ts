/**
 * @module Reading training sessions: loading one with its access rule (the trainee, the examiner
 * of a live test, and the tenant's supervisors, admins and QA may read it), and the views the API
 * returns — a summary for lists, the full session for the chat (transcript, coaching, mood, the
 * checklist of required steps, verdict). Coaching is an exam aid in a live test, so the trainee
 * does not see it there; the examiner does.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { ScenarioCard } from '#assist/simulator/card.ts';
import { requiredSteps } from '#assist/simulator/coaching.ts';
import { type MoodBand, moodBand } from '#assist/simulator/persona-lines.ts';
import type { RubricResult } from '#assist/simulator/rubric.ts';
import type { SopCatalogue } from '#assist/simulator/sop.ts';
import type { StaffPrincipal } from '#src/core/auth/principal.ts';
import type { Db } from '#src/db/client.ts';
import {
  type CoachingNote,
  type PersonaVerdict,
  type TrainingKind,
  type TrainingSession,
  type TrainingStatus,
  type TranscriptLine,
  trainingSessions,
} from '#src/db/schema/training.ts';
import { users } from '#src/db/schema/users.ts';
import { AppError, notFound } from '#src/http/problem.ts';

export const OVERSIGHT = ['supervisor', 'admin', 'qa'] as const;
export const EXAMINERS = ['supervisor', 'admin'] as const;

export function canOversee(p: StaffPrincipal): boolean {
  return (OVERSIGHT as readonly string[]).includes(p.role);
}

/** A session of the caller's tenant they may read; 404 otherwise (no hint that it exists). */
export async function loadSession(db: Db, p: StaffPrincipal, id: string): Promise<TrainingSession> {
  const [row] = await db
    .select()
    .from(trainingSessions)
    .where(and(eq(trainingSessions.tenantId, p.tenantId), eq(trainingSessions.id, id)));
  if (!row) throw notFound('training session');
  if (row.traineeId !== p.userId && row.examinerId !== p.userId && !canOversee(p))
    throw notFound('training session');
  return row;
}

export function requireTrainee(p: StaffPrincipal, row: TrainingSession): void {
  if (row.traineeId !== p.userId)
    throw new AppError('forbidden', 'Only the trainee of this session may reply in it.');
}

export function requireExaminer(p: StaffPrincipal, row: TrainingSession): void {
  if (row.kind !== 'live')
    throw new AppError('conflict', 'This is a practice session with the bot, not a live test.');
  if (row.examinerId !== p.userId && !(EXAMINERS as readonly string[]).includes(p.role)) {
    throw new AppError('forbidden', 'Only the examiner or a supervisor may act in this live test.');
  }
}

export function requireActive(row: TrainingSession): void {
  if (row.status !== 'active') {
    throw new AppError(
      'conflict',
      `This session has ${row.status === 'ended' ? 'ended' : 'been abandoned'}.`,
    );
  }
}

export interface CardSummary {
  cardId: string;
  version: number;
  title: string;
  skill: string;
  sop: string;
  lang: 'zh' | 'en';
  difficulty: number;
  temperament: string;
  customerName: string | null;
}

export function cardSummary(card: ScenarioCard): CardSummary {
  return {
    cardId: card.id,
    version: card.version,
    title: card.title,
    skill: card.skill,
    sop: card.sop,
    lang: card.lang,
    difficulty: card.difficulty,
    temperament: card.persona.temperament,
    customerName: card.persona.name ?? null,
  };
}

export interface SessionSummary {
  id: string;
  kind: TrainingKind;
  traineeId: string;
  examinerId: string | null;
  cardId: string;
  cardVersion: number;
  skill: string;
  status: TrainingStatus;
  endReason: string | null;
  turns: number;
  score: number | null;
  passed: boolean | null;
  liveResult: 'pass' | 'fail' | null;
  startedAt: number;
  updatedAt: number;
  endedAt: number | null;
}

export function summaryOf(row: TrainingSession): SessionSummary {
  return {
    id: row.id,
    kind: row.kind,
    traineeId: row.traineeId,
    examinerId: row.examinerId,
    cardId: row.cardId,
    cardVersion: row.cardVersion,
    skill: row.skill,
    status: row.status,
    endReason: row.endReason,
    turns: row.turns,
    score: row.score,
    passed: row.passed,
    liveResult: row.liveResult,
    startedAt: row.startedAt,
    updatedAt: row.updatedAt,
    endedAt: row.endedAt,
  };
}

export interface SessionView extends SessionSummary {
  card: CardSummary;
  traineeName: string;
  transcript: TranscriptLine[];
  /** Null for the trainee during a live test. */
  coaching: CoachingNote[] | null;
  mood: { value: number; band: MoodBand };
  checklist: { key: string; title: string; done: boolean; turn: number | null }[] | null;
  verdict: RubricResult | null;
  personaVerdict: PersonaVerdict | null;
  liveNote: string | null;
}

export async function sessionView(
  db: Db,
  p: StaffPrincipal,
  row: TrainingSession,
  card: ScenarioCard,
  sops: SopCatalogue,
): Promise<SessionView> {
  const [trainee] = await db
    .select({ name: users.displayName })
    .from(users)
    .where(eq(users.id, row.traineeId));
  const examinerView = row.kind === 'live' && row.traineeId !== p.userId;
  const showCoaching = row.kind === 'practice' || examinerView;
  const sop = sops.get(card.sop);
  const steps = sop ? requiredSteps(card, sop) : [];
  return {
    ...summaryOf(row),
    card: cardSummary(card),
    traineeName: trainee?.name ?? '',
    transcript: row.transcript,
    coaching: showCoaching ? row.coaching : null,
    mood: { value: row.state.mood, band: moodBand(row.state.mood) },
    checklist: showCoaching
      ? steps.map((s) => ({
          key: s.key,
          title: s.title[card.lang],
          done: row.state.progress.steps[s.key] !== undefined,
          turn: row.state.progress.steps[s.key] ?? null,
        }))
      : null,
    verdict: row.verdict,
    personaVerdict: row.personaVerdict,
    liveNote: row.liveNote,
  };
}

export interface SessionListFilter {
  traineeId?: string;
  status?: TrainingStatus;
  kind?: TrainingKind;
}

/** Sessions visible to the caller: their own (as trainee or examiner), or all for oversight roles. */
export async function listSessions(
  db: Db,
  p: StaffPrincipal,
  f: SessionListFilter,
): Promise<SessionSummary[]> {
  const conditions = [
    eq(trainingSessions.tenantId, p.tenantId),
    ...(f.status ? [eq(trainingSessions.status, f.status)] : []),
    ...(f.kind ? [eq(trainingSessions.kind, f.kind)] : []),
    ...(f.traineeId ? [eq(trainingSessions.traineeId, f.traineeId)] : []),
  ];
  const rows = await db
    .select()
    .from(trainingSessions)
    .where(and(...conditions))
    .orderBy(desc(trainingSessions.startedAt))
    .limit(200);
  return rows
    .filter((r) => canOversee(p) || r.traineeId === p.userId || r.examinerId === p.userId)
    .map(summaryOf);
}
