/**
 * @module The dispatch service port. On Node and Deno the in-process adapter hosts one live
 * dispatcher per tenant (in-process.ts). On Workers the queue-only adapter keeps the same API
 * with no dispatcher: conversations wait in the queue and agents claim them by hand. A Durable
 * Object per tenant hosting the in-process tenant runtime is the planned Workers adapter.
 */
import type { StaffPrincipal } from '#src/core/auth/principal.ts';
import type { Presence } from '#src/core/dispatch/types.ts';
import type { Conversation } from '#src/db/schema/conversations.ts';
import type { AgentShiftOffer } from '#src/db/schema/dispatch.ts';
import type { PresenceView } from './presence-store.ts';

export type { PresenceView } from './presence-store.ts';

export interface TransferInput {
  /** Skill key, e.g. `ecommerce.billing`. */
  skill: string;
  /** Minimum proficiency for the new skill; defaults to 1. */
  level?: number;
  reason?: string;
}

export interface DispatchPort {
  readonly mode: 'live' | 'queue-only';
  /** A conversation was opened: classify it to an SOP (or triage) and queue it. */
  conversationCreated(conv: Conversation, firstText: string): Promise<void>;
  /** The conversation was resolved: free the agent's slot. */
  conversationClosed(tenantId: string, conversationId: string): Promise<void>;
  /** The offered agent takes the conversation. */
  accept(p: StaffPrincipal, conversationId: string): Promise<Conversation>;
  /** The offered agent passes; the conversation is offered to someone else. */
  decline(p: StaffPrincipal, conversationId: string): Promise<void>;
  /** Back to the queue for another skill (assignee or supervisor); history is kept. */
  transfer(p: StaffPrincipal, conversationId: string, input: TransferInput): Promise<Conversation>;
  /** Supervisor override: assign a queued conversation to the caller, withdrawing any offer. */
  claim(p: StaffPrincipal, conversationId: string): Promise<Conversation>;
  presence(p: StaffPrincipal): Promise<PresenceView>;
  setPresence(p: StaffPrincipal, status: Presence): Promise<PresenceView>;
  /** Keeps the agent online; `sentAt` (client clock) is reported back as skew, never trusted. */
  heartbeat(p: StaffPrincipal, sentAt?: number): Promise<PresenceView>;
  /** Accept or decline a shift offered to an on-demand agent. */
  respondToShift(p: StaffPrincipal, offerId: string, accept: boolean): Promise<AgentShiftOffer>;
  /** The tenant's policy changed: rebuild its dispatcher with it. */
  settingsChanged(tenantId: string): Promise<void>;
  /** A person's certifications or limits changed. */
  agentChanged(tenantId: string, userId: string): Promise<void>;
  /** SOPs or phrasings changed: retrain the tenant's intent classifier. */
  sopsChanged(tenantId: string): void;
  /** Rebuild every tenant from the database and start the timers. */
  start(): Promise<void>;
  stop(): void;
}
