/**
 * @module The events live dispatch writes to the append-only log. Routing events carry the
 * conversation id but no per-conversation seq: they belong to the inbox stream (the offered
 * agent, supervisors), not to the customer's conversation timeline.
 */
export const DISPATCH_EVENTS = {
  classified: 'conversation.classified',
  triaged: 'dispatch.triaged',
  unstaffed: 'dispatch.unstaffed',
  offered: 'dispatch.offered',
  offerExpired: 'dispatch.offer_expired',
  widened: 'dispatch.widened',
  slaRisk: 'dispatch.sla_risk',
  requeued: 'dispatch.requeued',
  /** Part of the conversation's history (it has a seq): the same conversation, another skill. */
  transferred: 'conversation.transferred',
  presence: 'agent.presence',
  callIn: 'staffing.call_in',
  shiftOffered: 'staffing.shift_offered',
  shiftAccepted: 'staffing.shift_accepted',
  shiftDeclined: 'staffing.shift_declined',
  shiftExpired: 'staffing.shift_expired',
  shiftReleased: 'staffing.shift_released',
} as const;

export type DispatchEventType = (typeof DISPATCH_EVENTS)[keyof typeof DISPATCH_EVENTS];
