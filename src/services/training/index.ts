/**
 * @module The training service (simulation training cabin): scenario cards per tenant, practice
 * sessions with the bot customer, live tests run by supervisors, certification, the trainee's
 * dashboard and the cohort view. Routes in routes/training call this; the pure simulator lives in
 * assist/simulator.
 */
import type { ScenarioCard } from '#assist/simulator/card.ts';
import type { StaffPrincipal } from '#src/core/auth/principal.ts';
import type { CardSource, TrainingSession } from '#src/db/schema/training.ts';
import { AppError } from '#src/http/problem.ts';
import {
  activeCards,
  type CardFilter,
  cardVersions,
  createCard,
  findCard,
  importCards,
  updateCard,
} from './cards.ts';
import { listRequirements, type Requirement, setRequirement } from './certification.ts';
import { cohortView } from './cohort.ts';
import type { TrainingDeps } from './deps.ts';
import { customerSays, liveTurn, recordLiveResult, startLiveTest } from './live-test.ts';
import { finishPractice, practiceTurn, replayTurn, startPractice, type TurnOutcome } from './practice.ts';
import { traineeProgress } from './progress.ts';
import {
  canOversee,
  listSessions,
  loadSession,
  type SessionListFilter,
  sessionView,
} from './session-view.ts';
import { tenantSopCatalogue } from './sop-catalogue.ts';

export type { TrainingDeps } from './deps.ts';

export function createTrainingService(deps: TrainingDeps) {
  const { db } = deps;

  const view = async (p: StaffPrincipal, row: TrainingSession) => {
    const [{ card }, sops] = await Promise.all([
      findCard(db, p.tenantId, row.cardId, row.cardVersion),
      tenantSopCatalogue(db, p.tenantId),
    ]);
    return sessionView(db, p, row, card, sops);
  };

  return {
    listCards: (p: StaffPrincipal, filter: CardFilter) => activeCards(db, p.tenantId, filter),
    cardVersions: (p: StaffPrincipal, cardId: string) => cardVersions(db, p.tenantId, cardId),
    getCard: (p: StaffPrincipal, cardId: string, version?: number) =>
      findCard(db, p.tenantId, cardId, version),
    async createCard(p: StaffPrincipal, input: unknown) {
      return createCard(deps, p.tenantId, p.userId, input, await tenantSopCatalogue(db, p.tenantId));
    },
    async updateCard(p: StaffPrincipal, cardId: string, input: unknown, active?: boolean) {
      return updateCard(
        deps,
        p.tenantId,
        p.userId,
        cardId,
        input,
        await tenantSopCatalogue(db, p.tenantId),
        active,
      );
    },
    importCards: (tenantId: string, cards: readonly ScenarioCard[], source: CardSource) =>
      importCards(deps, tenantId, cards, source),

    start: (p: StaffPrincipal, input: { cardId?: string; lang?: 'zh' | 'en' }) =>
      startPractice(deps, p, input),

    async turn(
      p: StaffPrincipal,
      id: string,
      input: { text: string; clientTurnId: string },
    ): Promise<TurnOutcome> {
      const row = await loadSession(db, p, id);
      const run = (r: TrainingSession) =>
        r.kind === 'live'
          ? liveTurn(deps, p, r, input.text, input.clientTurnId)
          : practiceTurn(deps, p, r, input.text, input.clientTurnId);
      try {
        return await run(row);
      } catch (err) {
        // Lost a race (a retry of this very reply, or another tab): answer from what was stored.
        if (!(err instanceof AppError && err.code === 'conflict')) throw err;
        const fresh = await loadSession(db, p, id);
        const stored = replayTurn(fresh, input.clientTurnId, input.text);
        if (stored) return fresh.kind === 'live' ? { ...stored, coaching: null } : stored;
        throw err;
      }
    },

    async finish(p: StaffPrincipal, id: string) {
      return finishPractice(deps, p, await loadSession(db, p, id));
    },

    async get(p: StaffPrincipal, id: string) {
      return view(p, await loadSession(db, p, id));
    },

    list: (p: StaffPrincipal, filter: SessionListFilter) => listSessions(db, p, filter),

    async startLive(p: StaffPrincipal, input: { traineeId: string; cardId: string }) {
      return view(p, await startLiveTest(deps, p, input));
    },

    async customerSays(p: StaffPrincipal, id: string, input: { text: string; clientTurnId: string }) {
      return customerSays(deps, p, await loadSession(db, p, id), input.text, input.clientTurnId);
    },

    async recordLive(p: StaffPrincipal, id: string, input: { passed: boolean; note: string }) {
      const outcome = await recordLiveResult(deps, p, await loadSession(db, p, id), input);
      return { session: await view(p, await loadSession(db, p, id)), certified: outcome.certified };
    },

    progress(p: StaffPrincipal, userId?: string) {
      const who = userId ?? p.userId;
      if (who !== p.userId && !canOversee(p)) {
        throw new AppError('forbidden', 'Only supervisors, admins and QA may see another person’s progress.');
      }
      return traineeProgress(db, p.tenantId, who, deps.clock.now());
    },

    cohort: (p: StaffPrincipal) => cohortView(db, p.tenantId),
    requirements: (p: StaffPrincipal) => listRequirements(db, p.tenantId),
    setRequirement: (p: StaffPrincipal, skill: string, req: Requirement) =>
      setRequirement(deps, p.tenantId, p.userId, skill, req),
  };
}

export type TrainingService = ReturnType<typeof createTrainingService>;
