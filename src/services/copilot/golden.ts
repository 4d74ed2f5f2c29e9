/**
 * @module QA promotes an agent's accepted, unedited reply to the golden set: it becomes a
 * `GoldenReply` of its SOP step that the embedded engine offers in later conversations (the
 * tenant cache sees the new row on the next suggestion). The reply is generalised on the way —
 * its order numbers become `{{order_number}}`, which the engine fills from the next conversation —
 * and a reply that still carries masked personal data is refused: it belongs to one customer.
 */
import { and, asc, desc, eq, lte } from 'drizzle-orm';
import { findOrderNumbers } from '#assist/copilot/index.ts';
import type { StaffPrincipal } from '#src/core/auth/principal.ts';
import type { Db } from '#src/db/client.ts';
import { messages } from '#src/db/schema/conversations.ts';
import {
  type CopilotGoldenReplyRow,
  copilotGoldenReplies,
  suggestionFeedback,
} from '#src/db/schema/copilot.ts';
import { AppError, notFound } from '#src/http/problem.ts';
import type { Clock } from '#src/ports/clock.ts';
import type { Ids } from '#src/ports/ids.ts';
import { findIssued } from './issued.ts';

export type GoldenReplyView = Omit<CopilotGoldenReplyRow, 'tenantId'>;

const view = ({ tenantId: _t, ...row }: CopilotGoldenReplyRow): GoldenReplyView => row;

/** Display masks (`138****5678`) and placeholders (`<PHONE_1>`) of the PII masker. */
const MASKED = /\*{3,}|<[A-Z][A-Z0-9_]*_\d+>/;

/** The reply with this conversation's order numbers turned into a slot marker. */
export function generalise(text: string): string {
  let out = text;
  for (const order of findOrderNumbers(text).sort((a, b) => b.length - a.length)) {
    out = out.split(order).join('{{order_number}}');
  }
  return out;
}

export async function promoteToGolden(
  deps: { db: Db; clock: Clock; ids: Ids },
  p: StaffPrincipal,
  feedbackId: string,
): Promise<GoldenReplyView> {
  const { db } = deps;
  const [fb] = await db
    .select()
    .from(suggestionFeedback)
    .where(and(eq(suggestionFeedback.id, feedbackId), eq(suggestionFeedback.tenantId, p.tenantId)));
  if (!fb) throw notFound('feedback');
  if (fb.action !== 'accept') {
    throw new AppError(
      'conflict',
      `Only replies sent unedited can be promoted; this one was ${fb.action}ed.`,
    );
  }
  const shown = await findIssued(db, p.tenantId, fb.suggestionId);
  if (!shown) throw notFound('suggestion');
  if (!shown.sopKey || !shown.stepKey) {
    throw new AppError(
      'conflict',
      'The reply was suggested outside any SOP step: there is no step to offer it at.',
    );
  }
  if (MASKED.test(shown.text)) {
    throw new AppError(
      'conflict',
      'The reply contains masked personal data of one customer; it cannot be reused.',
    );
  }
  const [context] = await db
    .select({ text: messages.text })
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, shown.conversationId),
        eq(messages.authorRole, 'customer'),
        lte(messages.seq, shown.messageSeq),
      ),
    )
    .orderBy(desc(messages.seq))
    .limit(1);
  const row: CopilotGoldenReplyRow = {
    id: deps.ids.next('gold'),
    tenantId: p.tenantId,
    feedbackId,
    sopKey: shown.sopKey,
    stepKey: shown.stepKey,
    lang: shown.lang,
    text: generalise(shown.text),
    context: context?.text ?? null,
    createdBy: p.userId,
    createdAt: deps.clock.now(),
  };
  const [inserted] = await db.insert(copilotGoldenReplies).values(row).onConflictDoNothing().returning();
  if (!inserted) throw new AppError('conflict', 'This reply is already in the golden set.');
  return view(inserted);
}

export async function listGolden(db: Db, tenantId: string): Promise<GoldenReplyView[]> {
  const rows = await db
    .select()
    .from(copilotGoldenReplies)
    .where(eq(copilotGoldenReplies.tenantId, tenantId))
    .orderBy(
      asc(copilotGoldenReplies.sopKey),
      asc(copilotGoldenReplies.stepKey),
      asc(copilotGoldenReplies.createdAt),
    );
  return rows.map(view);
}

export async function removeGolden(db: Db, tenantId: string, id: string): Promise<void> {
  const deleted = await db
    .delete(copilotGoldenReplies)
    .where(and(eq(copilotGoldenReplies.id, id), eq(copilotGoldenReplies.tenantId, tenantId)))
    .returning({ id: copilotGoldenReplies.id });
  if (deleted.length === 0) throw notFound('golden reply');
}
