/** @module The event types written to the log and streamed to clients. */
export const EVENT_TYPES = {
  conversationCreated: 'conversation.created',
  conversationAssigned: 'conversation.assigned',
  conversationResolved: 'conversation.resolved',
  messageCreated: 'message.created',
} as const;

export type EventType = (typeof EVENT_TYPES)[keyof typeof EVENT_TYPES];

/** Lifecycle events every agent and supervisor of the tenant receives (the shared queue view). */
export const LIFECYCLE_EVENTS: readonly string[] = [
  EVENT_TYPES.conversationCreated,
  EVENT_TYPES.conversationAssigned,
  EVENT_TYPES.conversationResolved,
];
