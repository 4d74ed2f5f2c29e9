/**
 * @module Applies inbox stream events to the set of open conversations. Every step is idempotent
 * and resolution is final, so replaying events that the first list load already reflected ends
 * in the same state.
 */
import type { ConversationDto, MessageDto } from '#routes/conversations/conversations.routes.ts';

export interface InboxEvent {
  id: number;
  type: string;
  conversationId: string | null;
  createdAt: number;
  /** conversation.created */
  conversation?: Pick<ConversationDto, 'id' | 'state' | 'subject' | 'locale' | 'customerId' | 'createdAt'>;
  /** message.created */
  message?: MessageDto;
  /** conversation.assigned / resolved */
  state?: ConversationDto['state'];
  assigneeId?: string | null;
}

export interface Board {
  conversations: Map<string, ConversationDto>;
  /** Ids known to be resolved, so a replayed `created` cannot bring them back. */
  resolved: Set<string>;
}

export interface Change {
  /** A conversation we have not seen (e.g. assigned before its creation reached us): load it. */
  needsFetch?: string;
}

export function applyInboxEvent(board: Board, ev: InboxEvent): Change {
  const id = ev.conversation?.id ?? ev.conversationId;
  if (!id || board.resolved.has(id)) return {};
  const known = board.conversations.get(id);
  switch (ev.type) {
    case 'conversation.created': {
      if (known || !ev.conversation) return {};
      const c = ev.conversation;
      board.conversations.set(id, {
        ...c,
        tenantId: '',
        openClientMessageId: '',
        sopId: null,
        skillId: null,
        requiredLevel: null,
        triage: false,
        offeredTo: null,
        offerExpiresAt: null,
        assigneeId: null,
        priority: 0,
        lastMessageSeq: 1,
        updatedAt: c.createdAt,
        assignedAt: null,
        resolvedAt: null,
      });
      return {};
    }
    case 'conversation.assigned': {
      if (!known) return { needsFetch: id };
      board.conversations.set(id, {
        ...known,
        state: 'assigned',
        assigneeId: ev.assigneeId ?? known.assigneeId,
        assignedAt: known.assignedAt ?? ev.createdAt,
        updatedAt: Math.max(known.updatedAt, ev.createdAt),
      });
      return {};
    }
    case 'conversation.transferred':
    case 'dispatch.requeued': {
      // Back in the queue (another skill, or its agent went offline): same conversation.
      if (!known) return { needsFetch: id };
      board.conversations.set(id, {
        ...known,
        state: 'queued',
        assigneeId: null,
        offeredTo: null,
        updatedAt: Math.max(known.updatedAt, ev.createdAt),
      });
      return { needsFetch: id };
    }
    case 'conversation.resolved': {
      board.conversations.delete(id);
      board.resolved.add(id);
      return {};
    }
    case 'message.created': {
      if (!known) return {};
      board.conversations.set(id, {
        ...known,
        updatedAt: Math.max(known.updatedAt, ev.createdAt),
        lastMessageSeq: Math.max(known.lastMessageSeq, ev.message?.seq ?? 0),
      });
      return {};
    }
    default:
      return {};
  }
}
