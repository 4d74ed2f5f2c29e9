/**
 * @module Feedback on a shown suggestion: the agent sent it as it was (accept), sent it changed
 * (edit — the normalised Levenshtein distance between suggested and sent text is stored, not the
 * sent text) or dismissed it with a reason. Accept and edit are told apart by the text itself, so
 * "accepted" always means "sent unedited" and QA may promote it. Only the agent the suggestion was
 * shown to can give feedback, once; repeating the same feedback is harmless (a retry).
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { StaffPrincipal } from '#src/core/auth/principal.ts';
import type { Db } from '#src/db/client.ts';
import {
  copilotGoldenReplies,
  copilotSuggestions,
  type FeedbackAction,
  type SuggestionFeedbackRow,
  suggestionFeedback,
} from '#src/db/schema/copilot.ts';
import { users } from '#src/db/schema/users.ts';
import { AppError, notFound } from '#src/http/problem.ts';
import type { Clock } from '#src/ports/clock.ts';
import type { Ids } from '#src/ports/ids.ts';
import { normalizedLevenshtein } from '../../../eval/metrics/text.ts';
import { findIssued } from './issued.ts';

export interface FeedbackInput {
  action: FeedbackAction;
  /** What was sent (accept, edit); compared with the suggestion, never stored. */
  sentText?: string | undefined;
  reason?: string | undefined;
}

export type FeedbackView = Omit<SuggestionFeedbackRow, 'tenantId'>;

const view = ({ tenantId: _t, ...row }: SuggestionFeedbackRow): FeedbackView => row;

/** Compare what was suggested with what was sent, ignoring surrounding and repeated whitespace. */
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

export async function recordFeedback(
  deps: { db: Db; clock: Clock; ids: Ids },
  p: StaffPrincipal,
  conversationId: string,
  suggestionId: string,
  input: FeedbackInput,
): Promise<{ feedback: FeedbackView; created: boolean }> {
  const { db } = deps;
  const shown = await findIssued(db, p.tenantId, suggestionId);
  if (!shown || shown.conversationId !== conversationId || shown.agentId !== p.userId) {
    throw notFound('suggestion');
  }
  let action = input.action;
  let editDistance: number | null = null;
  let dismissReason: string | null = null;
  if (action === 'dismiss') {
    if (!input.reason?.trim()) {
      throw new AppError('validation_failed', 'A dismissal needs a reason.', [
        { path: 'body.reason', message: 'required when action is dismiss' },
      ]);
    }
    dismissReason = input.reason.trim();
  } else {
    if (input.sentText === undefined || input.sentText.trim() === '') {
      throw new AppError('validation_failed', 'Say what was sent: accept and edit need sentText.', [
        { path: 'body.sentText', message: 'required when action is accept or edit' },
      ]);
    }
    editDistance = normalizedLevenshtein(squash(shown.text), squash(input.sentText));
    action = editDistance === 0 ? 'accept' : 'edit';
  }
  const row: SuggestionFeedbackRow = {
    id: deps.ids.next('sfb'),
    tenantId: p.tenantId,
    conversationId,
    agentId: p.userId,
    suggestionId,
    source: shown.source,
    sourceId: shown.sourceId,
    provider: shown.provider,
    prompt: shown.prompt,
    sopKey: shown.sopKey,
    action,
    editDistance: editDistance === null ? null : Math.round(editDistance * 10_000) / 10_000,
    dismissReason,
    createdAt: deps.clock.now(),
  };
  const inserted = await db.insert(suggestionFeedback).values(row).onConflictDoNothing().returning();
  if (inserted[0]) return { feedback: view(inserted[0]), created: true };
  const [existing] = await db
    .select()
    .from(suggestionFeedback)
    .where(eq(suggestionFeedback.suggestionId, suggestionId));
  if (
    existing &&
    existing.action === row.action &&
    existing.editDistance === row.editDistance &&
    existing.dismissReason === row.dismissReason
  ) {
    return { feedback: view(existing), created: false };
  }
  throw new AppError('conflict', 'Feedback on this suggestion was already given.');
}

export interface FeedbackListQuery {
  action?: FeedbackAction | undefined;
  /** Only accepted replies not promoted yet, with an SOP step (what QA can promote). */
  promotable?: boolean | undefined;
  limit: number;
}

/** Recent feedback with the suggestion it is about, newest first (for QA). */
export async function listFeedback(db: Db, tenantId: string, q: FeedbackListQuery) {
  const clauses = [eq(suggestionFeedback.tenantId, tenantId)];
  if (q.promotable) clauses.push(eq(suggestionFeedback.action, 'accept'));
  else if (q.action) clauses.push(eq(suggestionFeedback.action, q.action));
  const rows = await db
    .select({
      feedback: suggestionFeedback,
      text: copilotSuggestions.text,
      lang: copilotSuggestions.lang,
      stepKey: copilotSuggestions.stepKey,
      agentName: users.displayName,
    })
    .from(suggestionFeedback)
    .innerJoin(copilotSuggestions, eq(copilotSuggestions.id, suggestionFeedback.suggestionId))
    .innerJoin(users, eq(users.id, suggestionFeedback.agentId))
    .where(and(...clauses))
    .orderBy(desc(suggestionFeedback.createdAt))
    .limit(q.promotable ? Math.min(1000, q.limit * 4) : q.limit);
  const ids = rows.map((r) => r.feedback.id);
  // At most 1,000 ids per IN list would break D1's 100-parameter cap: chunk it.
  const promoted = new Set<string>();
  for (let i = 0; i < ids.length; i += 90) {
    const chunk = ids.slice(i, i + 90);
    const got = await db
      .select({ feedbackId: copilotGoldenReplies.feedbackId })
      .from(copilotGoldenReplies)
      .where(
        and(eq(copilotGoldenReplies.tenantId, tenantId), inArray(copilotGoldenReplies.feedbackId, chunk)),
      );
    for (const g of got) promoted.add(g.feedbackId);
  }
  const items = rows.map((r) => ({
    ...view(r.feedback),
    text: r.text,
    lang: r.lang,
    stepKey: r.stepKey,
    agentName: r.agentName,
    promoted: promoted.has(r.feedback.id),
  }));
  return q.promotable
    ? items.filter((i) => !i.promoted && i.sopKey !== null && i.stepKey !== null).slice(0, q.limit)
    : items;
}
