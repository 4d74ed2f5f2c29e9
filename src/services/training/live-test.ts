/**
 * @module Live tests (真人拨测): a supervisor plays the customer of a card in the same chat the
 * trainee practises in, typing in real time (both sides poll the session), and records pass or
 * fail with a note. The trainee's replies are still analysed by the coach for the examiner (steps,
 * findings, empathy, accuracy — the trainee does not see it during the test), and abusive input
 * ends the test as failed at once. A recorded pass may complete a certification.
 */
import { and, eq } from 'drizzle-orm';
import { analyzeReply, contextFor, type SimContext } from '#assist/simulator/coaching.ts';
import { complianceSignals } from '#assist/simulator/compliance-signals.ts';
import { copilotFacts } from '#assist/simulator/copilot-facts.ts';
import { demoKnowledge } from '#assist/simulator/knowledge.ts';
import { createSession, resumeSession } from '#assist/simulator/persona-engine.ts';
import { moodBand } from '#assist/simulator/persona-lines.ts';
import { fold } from '#assist/simulator/phrases.ts';
import type { SignalSource } from '#assist/simulator/signals.ts';
import type { SopCatalogue } from '#assist/simulator/sop.ts';
import type { StaffPrincipal } from '#src/core/auth/principal.ts';
import { type TrainingSession, type TranscriptLine, trainingSessions } from '#src/db/schema/training.ts';
import { users } from '#src/db/schema/users.ts';
import { AppError, notFound } from '#src/http/problem.ts';
import { findCard } from './cards.ts';
import { type Granted, grantIfEarned } from './certification.ts';
import { coachingNote } from './coaching-note.ts';
import { seedFrom, type TrainingDeps } from './deps.ts';
import { replayTurn, saveTurn, type TurnOutcome } from './practice.ts';
import { requireActive, requireExaminer, requireTrainee } from './session-view.ts';
import { tenantSopCatalogue } from './sop-catalogue.ts';

// The compliance checker compiles its rule pack once; the engine keeps the same cache.
let signals: SignalSource | null = null;

function liveContext(card: Parameters<typeof contextFor>[0], sops: SopCatalogue): SimContext {
  const sop = sops.get(card.sop);
  if (!sop) throw new AppError('conflict', `The card's SOP "${card.sop}" no longer exists.`);
  signals ??= complianceSignals();
  return contextFor(card, sop, demoKnowledge(), { signals, facts: copilotFacts });
}

const TRAINABLE = ['trainee', 'agent'] as const;

export async function startLiveTest(
  deps: TrainingDeps,
  p: StaffPrincipal,
  input: { traineeId: string; cardId: string },
): Promise<TrainingSession> {
  const { db, clock, ids } = deps;
  const [trainee] = await db
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(and(eq(users.tenantId, p.tenantId), eq(users.id, input.traineeId)));
  if (!trainee) throw notFound('trainee');
  if (!(TRAINABLE as readonly string[]).includes(trainee.role)) {
    throw new AppError('validation_failed', 'Live tests are for trainees and agents.', [
      { path: 'body.traineeId', message: `this person is a ${trainee.role}` },
    ]);
  }
  const row = await findCard(db, p.tenantId, input.cardId);
  const card = row.card;
  const id = ids.next('trn');
  const seed = seedFrom(id);
  const sops = await tenantSopCatalogue(db, p.tenantId);
  // The engine's state holds progress and the transcript the rubric scores; the examiner writes
  // the customer's lines, so the bot's opening is dropped.
  const state = createSession(card, seed, { sops }).state();
  state.transcript = [];
  const now = clock.now();
  const session = {
    id,
    tenantId: p.tenantId,
    traineeId: trainee.id,
    kind: 'live' as const,
    examinerId: p.userId,
    cardId: card.id,
    cardVersion: card.version,
    skill: card.skill,
    seed,
    state,
    transcript: [],
    coaching: [],
    turns: 0,
    status: 'active' as const,
    startedAt: now,
    updatedAt: now,
  };
  await db.insert(trainingSessions).values(session);
  const [stored] = await db.select().from(trainingSessions).where(eq(trainingSessions.id, id));
  return stored!;
}

/** The examiner, as the customer, says something (idempotent per clientTurnId). */
export async function customerSays(
  deps: TrainingDeps,
  p: StaffPrincipal,
  row: TrainingSession,
  text: string,
  clientTurnId: string,
): Promise<{ seq: number }> {
  requireExaminer(p, row);
  const seen = row.transcript.findIndex((l) => l.role === 'customer' && l.clientTurnId === clientTurnId);
  if (seen >= 0) {
    if (row.transcript[seen]!.text !== text) {
      throw new AppError('conflict', 'This clientTurnId was already used for a different message.');
    }
    return { seq: seen + 1 };
  }
  requireActive(row);
  const now = deps.clock.now();
  const state = structuredClone(row.state);
  state.transcript.push({ role: 'customer', text, mood: state.mood, revealed: [] });
  const line: TranscriptLine = {
    role: 'customer',
    text,
    at: now,
    turn: row.turns,
    clientTurnId,
    voice: 'person',
  };
  await saveTurn(deps, row, { state, transcript: [...row.transcript, line] });
  return { seq: row.transcript.length + 1 };
}

/** A trainee reply in a live test: analysed for the examiner; abuse fails the test at once. */
export async function liveTurn(
  deps: TrainingDeps,
  p: StaffPrincipal,
  row: TrainingSession,
  text: string,
  clientTurnId: string,
): Promise<TurnOutcome> {
  requireTrainee(p, row);
  const again = replayTurn(row, clientTurnId, text);
  if (again) return { ...again, coaching: null };
  requireActive(row);
  const now = deps.clock.now();
  const sops = await tenantSopCatalogue(deps.db, row.tenantId);
  const { card } = await findCard(deps.db, row.tenantId, row.cardId, row.cardVersion);
  const ctx = liveContext(card, sops);
  const state = structuredClone(row.state);
  const turn = state.turn + 1;
  const customerSaid = fold(
    state.transcript
      .filter((e) => e.role === 'customer')
      .map((e) => e.text)
      .join('\n'),
  );
  const { report, progress } = analyzeReply({
    card,
    ctx,
    progress: state.progress,
    turn,
    text,
    customerSaid,
    mood: state.mood,
  });
  state.turn = turn;
  state.progress = progress;
  state.transcript.push({ role: 'trainee', text, mood: state.mood, report });
  const abusive = report.findings.some((f) => f.kind === 'abusive');
  if (abusive) {
    state.ended = true;
    state.endReason = 'abusive-trainee';
  }
  const note = coachingNote(card, sops.get(card.sop), report);
  const line: TranscriptLine = { role: 'trainee', text, at: now, turn, clientTurnId };
  const verdict = abusive ? scoreLive(card, state, sops) : null;
  await saveTurn(deps, row, {
    state,
    transcript: [...row.transcript, line],
    coaching: [...row.coaching, note],
    turns: turn,
    ...(abusive && verdict
      ? {
          status: 'ended' as const,
          endReason: 'abusive-trainee',
          endedAt: now,
          liveResult: 'fail' as const,
          liveNote:
            card.lang === 'zh'
              ? '学员使用辱骂性语言，测试自动判定不通过。'
              : 'Ended automatically: abusive language.',
          verdict,
          score: verdict.overall,
          passed: false,
        }
      : {}),
  });
  return {
    turn,
    customerText: null,
    coaching: null,
    mood: { value: state.mood, band: moodBand(state.mood) },
    ended: abusive,
    endReason: abusive ? 'abusive-trainee' : null,
    verdict: abusive ? verdict : null,
    voice: null,
    fallback: null,
    certified: [],
  };
}

function scoreLive(
  card: Parameters<typeof resumeSession>[0],
  state: TrainingSession['state'],
  sops: SopCatalogue,
) {
  // Nothing said yet (the examiner recorded a result straight away): nothing to score.
  if (state.transcript.length === 0) return null;
  const resumed = resumeSession(card, state, { sops });
  return resumed.ok ? resumed.session.verdict() : null;
}

/** The examiner records the result; a pass may complete the trainee's certification. */
export async function recordLiveResult(
  deps: TrainingDeps,
  p: StaffPrincipal,
  row: TrainingSession,
  input: { passed: boolean; note: string },
): Promise<{ certified: Granted[] }> {
  requireExaminer(p, row);
  requireActive(row);
  const now = deps.clock.now();
  const sops = await tenantSopCatalogue(deps.db, row.tenantId);
  const { card } = await findCard(deps.db, row.tenantId, row.cardId, row.cardVersion);
  const state = structuredClone(row.state);
  state.ended = true;
  state.endReason = 'trainee-stopped';
  const verdict = scoreLive(card, state, sops);
  await saveTurn(deps, row, {
    state,
    status: 'ended',
    endReason: 'examiner-recorded',
    endedAt: now,
    liveResult: input.passed ? 'pass' : 'fail',
    liveNote: input.note,
    verdict,
    score: verdict?.overall ?? null,
    // A live test is judged by the person: the recorded result is the pass.
    passed: input.passed,
  });
  if (!input.passed) return { certified: [] };
  const granted = await grantIfEarned(deps, row.tenantId, row.traineeId, row.skill);
  return { certified: granted ? [granted] : [] };
}
