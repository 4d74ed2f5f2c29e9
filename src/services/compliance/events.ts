/**
 * @module The events compliance writes to the append-only log. They carry the conversation id but
 * no per-conversation seq: they belong to the inbox stream (supervisors see every tenant event;
 * the assignee sees those of their conversation), not to the customer's timeline.
 */
export const COMPLIANCE_EVENTS = {
  /** A conversation's complaint risk reached the alert level. */
  risk: 'compliance.risk',
  /** An agent asked a supervisor to let a blocked draft through. */
  overrideRequested: 'compliance.override_requested',
  /** A supervisor approved an override (for the requesting agent). */
  overrideApproved: 'compliance.override_approved',
} as const;

export type ComplianceEventType = (typeof COMPLIANCE_EVENTS)[keyof typeof COMPLIANCE_EVENTS];
