/**
 * @module The few conversation columns compliance decisions need, read tenant-scoped (another
 * tenant's conversation is simply not found).
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { type Conversation, conversations } from '#src/db/schema/conversations.ts';

/** What the send gate is handed by the conversation service (its access facts). */
export type SendFacts = Pick<Conversation, 'id' | 'tenantId' | 'customerId' | 'assigneeId' | 'state'> & {
  /** Read on demand when absent (the conversation service's hot path does not load it). */
  sopId?: string | null;
};

export async function loadConversation(
  db: Db,
  tenantId: string,
  id: string,
): Promise<(SendFacts & { sopId: string | null; lastMessageSeq: number }) | null> {
  const [row] = await db
    .select({
      id: conversations.id,
      tenantId: conversations.tenantId,
      customerId: conversations.customerId,
      assigneeId: conversations.assigneeId,
      state: conversations.state,
      sopId: conversations.sopId,
      lastMessageSeq: conversations.lastMessageSeq,
    })
    .from(conversations)
    .where(and(eq(conversations.id, id), eq(conversations.tenantId, tenantId)));
  return row ?? null;
}
