/**
 * @module Realtime fan-out port. Events are published only after they are durable in the
 * database; subscribers use the bus for low latency and the event log for replay, so a lost
 * publish can delay but never lose an event.
 */
export interface StreamEvent {
  /** Global, monotonic event id (events.id). */
  id: number;
  tenantId: string;
  conversationId: string | null;
  /** Per-conversation sequence (events.seq). */
  seq: number | null;
  type: string;
  /** Conversation assignee after this event, so inbox streams can filter without a query. */
  assigneeId: string | null;
  /** A staff member the event is addressed to besides the assignee (an offer, a shift), if any. */
  recipientId?: string | null;
  payload: Record<string, unknown>;
  createdAt: number;
}

export type StreamListener = (event: StreamEvent) => void;

export interface EventBus {
  publish(event: StreamEvent): void;
  /** Listen to every event of one tenant; returns the unsubscribe function. */
  subscribe(tenantId: string, listener: StreamListener): () => void;
}
