/**
 * @module Practice sessions with the bot customer: start (a chosen card, or the next one on the
 * trainee's personalised path), reply (idempotent per `clientTurnId`; the engine's state is stored
 * after every reply, so a trainee who leaves continues exactly where they stopped), and finish.
 * A reply is scored by the embedded engine in milliseconds; when an LLM persona is configured it
 * only voices the customer's line, under a budget that keeps the answer inside a second.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { ScenarioCard } from '#assist/simulator/card.ts';
import {
  createSession,
  type ReplyResult,
  resumeSession,
  type Session,
} from '#assist/simulator/persona-engine.ts';
import { type MoodBand, moodBand } from '#assist/simulator/persona-lines.ts';
import type { RubricResult } from '#assist/simulator/rubric.ts';
import type { SopCatalogue } from '#assist/simulator/sop.ts';
import type { StaffPrincipal } from '#src/core/auth/principal.ts';
import {
  type CoachingNote,
  type TrainingSession,
  type TranscriptLine,
  trainingSessions,
} from '#src/db/schema/training.ts';
import { AppError } from '#src/http/problem.ts';
import { findCard } from './cards.ts';
import { type Granted, grantIfEarned } from './certification.ts';
import { coachingNote } from './coaching-note.ts';
import { DEFAULT_PERSONA_TIMEOUT_MS, seedFrom, type TrainingDeps } from './deps.ts';
import { type NextPick, pickNext } from './path.ts';
import { voiceCustomer } from './persona-llm.ts';
import { type CardSummary, cardSummary, requireActive, requireTrainee } from './session-view.ts';
import { tenantSopCatalogue } from './sop-catalogue.ts';

export interface Started {
  id: string;
  opening: string;
  card: CardSummary;
  /** Why this card was picked (personalised path), empty for a chosen card. */
  reasons: string[];
  targets: string[];
}

export interface TurnOutcome {
  turn: number;
  customerText: string | null;
  coaching: CoachingNote | null;
  mood: { value: number; band: MoodBand };
  ended: boolean;
  endReason: string | null;
  verdict: RubricResult | null;
  voice: 'embedded' | 'llm' | 'person' | null;
  fallback: string | null;
  /** Certifications this reply completed (the last scenario of a skill, after its live test). */
  certified: Granted[];
}

async function resume(deps: TrainingDeps, row: TrainingSession, sops: SopCatalogue) {
  const { card } = await findCard(deps.db, row.tenantId, row.cardId, row.cardVersion);
  const resumed = resumeSession(card, row.state, { sops });
  if (!resumed.ok) throw new AppError('conflict', `The session cannot be resumed: ${resumed.reason}.`);
  return { card, session: resumed.session };
}

/** Start a practice session; any other active practice session of the trainee is abandoned. */
export async function startPractice(
  deps: TrainingDeps,
  p: StaffPrincipal,
  input: { cardId?: string; lang?: 'zh' | 'en' },
): Promise<Started> {
  const { db, clock, ids } = deps;
  const sops = await tenantSopCatalogue(db, p.tenantId);
  let card: ScenarioCard;
  let pick: NextPick | null = null;
  if (input.cardId) {
    const row = await findCard(db, p.tenantId, input.cardId);
    if (!row.active) throw new AppError('conflict', 'This card has been retired.');
    card = row.card;
  } else {
    pick = await pickNext(db, p.tenantId, p.userId, { sops, ...(input.lang ? { lang: input.lang } : {}) });
    if (!pick) throw new AppError('not_found', 'No scenario card is available for training yet.');
    card = pick.card;
  }
  const id = ids.next('trn');
  const seed = seedFrom(id);
  const session = createSession(card, seed, { sops });
  const now = clock.now();
  await db.batch([
    db
      .update(trainingSessions)
      .set({ status: 'abandoned', endedAt: now, updatedAt: now, endReason: 'abandoned' })
      .where(
        and(
          eq(trainingSessions.tenantId, p.tenantId),
          eq(trainingSessions.traineeId, p.userId),
          eq(trainingSessions.kind, 'practice'),
          eq(trainingSessions.status, 'active'),
        ),
      ),
    db.insert(trainingSessions).values({
      id,
      tenantId: p.tenantId,
      traineeId: p.userId,
      kind: 'practice',
      examinerId: null,
      cardId: card.id,
      cardVersion: card.version,
      skill: card.skill,
      seed,
      state: session.state(),
      transcript: [{ role: 'customer', text: session.opening, at: now, turn: 0, voice: 'embedded' }],
      coaching: [],
      turns: 0,
      status: 'active',
      startedAt: now,
      updatedAt: now,
    }),
  ]);
  return {
    id,
    opening: session.opening,
    card: cardSummary(card),
    reasons: pick?.reasons ?? [],
    targets: pick?.targets ?? [],
  };
}

/** The stored answer to a reply already received (same `clientTurnId`). */
export function replayTurn(row: TrainingSession, clientTurnId: string, text: string): TurnOutcome | null {
  const mine = row.transcript.find((l) => l.role === 'trainee' && l.clientTurnId === clientTurnId);
  if (!mine) return null;
  if (mine.text !== text) {
    throw new AppError('conflict', 'This clientTurnId was already used for a different reply.');
  }
  const answer = row.transcript.find((l) => l.role === 'customer' && l.turn === mine.turn);
  const last = mine.turn === row.turns;
  const moodAt = row.state.transcript.filter((e) => e.role === 'customer')[mine.turn]?.mood ?? row.state.mood;
  const ended = last && row.status === 'ended';
  return {
    turn: mine.turn,
    customerText: answer?.text ?? null,
    coaching: row.kind === 'practice' ? (row.coaching[mine.turn - 1] ?? null) : null,
    mood: { value: moodAt, band: moodBand(moodAt) },
    ended,
    endReason: ended ? row.endReason : null,
    verdict: ended ? row.verdict : null,
    voice: answer?.voice ?? null,
    fallback: answer?.fallback ?? null,
    certified: [],
  };
}

/**
 * Conditional write: only if nobody appended to the transcript (a reply, an examiner's line) or
 * ended the session since `row` was read — two tabs or a retry racing the original cannot both win.
 */
export async function saveTurn(
  deps: TrainingDeps,
  row: TrainingSession,
  set: Partial<typeof trainingSessions.$inferInsert>,
): Promise<void> {
  const done = await deps.db
    .update(trainingSessions)
    .set({ ...set, updatedAt: deps.clock.now() })
    .where(
      and(
        eq(trainingSessions.id, row.id),
        eq(trainingSessions.status, row.status),
        sql`json_array_length(${trainingSessions.transcript}) = ${row.transcript.length}`,
      ),
    )
    .returning({ id: trainingSessions.id });
  if (done.length === 0)
    throw new AppError('conflict', 'Another reply was saved at the same time; reload the session.');
}

function scored(verdict: RubricResult) {
  return { verdict, score: verdict.overall, passed: verdict.passed };
}

/** One trainee reply in a practice session. */
export async function practiceTurn(
  deps: TrainingDeps,
  p: StaffPrincipal,
  row: TrainingSession,
  text: string,
  clientTurnId: string,
): Promise<TurnOutcome> {
  requireTrainee(p, row);
  const again = replayTurn(row, clientTurnId, text);
  if (again) return again;
  requireActive(row);
  const now = deps.clock.now();
  const sops = await tenantSopCatalogue(deps.db, row.tenantId);
  const { card, session } = await resume(deps, row, sops);
  const result: ReplyResult = session.reply(text);
  const state = result.state;
  const voiced = await voiceCustomer(deps.assist, deps.logger, {
    sessionId: row.id,
    card,
    state,
    result,
    timeoutMs: deps.personaTimeoutMs ?? DEFAULT_PERSONA_TIMEOUT_MS,
  });
  // The state's transcript says what the customer actually said (the replay shows it).
  const lastEntry = state.transcript[state.transcript.length - 1];
  if (lastEntry) lastEntry.text = voiced.text;
  const turn = state.turn;
  const note = coachingNote(card, sops.get(card.sop), result.report);
  const lines: TranscriptLine[] = [
    { role: 'trainee', text, at: now, turn, clientTurnId },
    {
      role: 'customer',
      text: voiced.text,
      at: now,
      turn,
      voice: voiced.voice,
      ...(voiced.fallback ? { fallback: voiced.fallback } : {}),
    },
  ];
  let verdict: RubricResult | null = null;
  if (result.ended) {
    const rescored = resumeSession(card, state, { sops });
    verdict = rescored.ok ? rescored.session.verdict() : (result.verdict ?? null);
  }
  await saveTurn(deps, row, {
    state,
    transcript: [...row.transcript, ...lines],
    coaching: [...row.coaching, note],
    turns: turn,
    ...(result.ended && verdict
      ? {
          status: 'ended' as const,
          endReason: result.endReason,
          endedAt: now,
          personaVerdict: voiced.verdict ?? null,
          ...scored(verdict),
        }
      : {}),
  });
  const certified = verdict?.passed ? await certify(deps, row) : [];
  return {
    turn,
    customerText: voiced.text,
    coaching: note,
    mood: result.mood,
    ended: result.ended,
    endReason: result.endReason,
    verdict,
    voice: voiced.voice,
    fallback: voiced.fallback ?? null,
    certified,
  };
}

async function certify(deps: TrainingDeps, row: TrainingSession): Promise<Granted[]> {
  const granted = await grantIfEarned(deps, row.tenantId, row.traineeId, row.skill);
  return granted ? [granted] : [];
}

/** End a practice session now (the trainee stops) and score it; an ended one returns its verdict. */
export async function finishPractice(
  deps: TrainingDeps,
  p: StaffPrincipal,
  row: TrainingSession,
): Promise<{ verdict: RubricResult; certified: Granted[] }> {
  requireTrainee(p, row);
  if (row.kind !== 'practice') throw new AppError('conflict', 'A live test is ended by its examiner.');
  if (row.status === 'ended' && row.verdict) return { verdict: row.verdict, certified: [] };
  requireActive(row);
  const sops = await tenantSopCatalogue(deps.db, row.tenantId);
  const { session } = await resume(deps, row, sops);
  const verdict = (session as Session).finish('trainee-stopped');
  const state = session.state();
  const now = deps.clock.now();
  await saveTurn(deps, row, {
    state,
    status: 'ended',
    endReason: state.endReason,
    endedAt: now,
    ...scored(verdict),
  });
  return { verdict, certified: verdict.passed ? await certify(deps, row) : [] };
}
