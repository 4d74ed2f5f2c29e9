/**
 * @module Turns the pure dispatcher's decisions into rows: the conversation's offer columns or
 * state, plus one event per decision with the reason a supervisor would ask for. `accepted` and
 * `released` need no row of their own: the accept and resolve paths write those.
 */
import { sql } from 'drizzle-orm';
import type { Decision } from '#src/core/dispatch/types.ts';
import { conversations } from '#src/db/schema/conversations.ts';
import { DISPATCH_EVENTS } from './events.ts';
import type { LogBatch } from './log-batch.ts';
import type { DispatchSettings } from './settings.ts';

export interface DecisionContext {
  tenantId: string;
  settings: DispatchSettings;
  now: number;
  /** Skill id → key, for payloads people read ('*' stays '*'). */
  skillKey(id: string): string;
}

export function recordDecision(b: LogBatch, d: Decision, ctx: DecisionContext): void {
  const { tenantId, settings, now } = ctx;
  const base = { tenantId, conversationId: d.taskId, at: now };
  switch (d.type) {
    case 'offered': {
      const expiresAt = d.at + settings.offerTimeoutSeconds * 1000;
      b.run(sql`update ${conversations} set offered_to = ${d.agentId}, offer_expires_at = ${expiresAt}
        where id = ${d.taskId} and tenant_id = ${tenantId} and state = 'queued'`);
      b.event({
        ...base,
        type: DISPATCH_EVENTS.offered,
        recipientId: d.agentId,
        ifChanged: true,
        withConversation: true,
        payload: {
          agentId: d.agentId,
          stage: d.stage,
          level: d.level,
          strategy: settings.strategy,
          expiresAt,
          reason:
            d.stage === 0
              ? `${settings.strategy} pick among agents certified at level ≥ ${d.level}`
              : d.level === null
                ? `${settings.strategy} pick among any online agent (widening stage ${d.stage})`
                : `${settings.strategy} pick at widening stage ${d.stage} (level ≥ ${d.level})`,
        },
      });
      break;
    }
    case 'offer-expired': {
      b.run(sql`update ${conversations} set offered_to = null, offer_expires_at = null
        where id = ${d.taskId} and tenant_id = ${tenantId} and offered_to = ${d.agentId}`);
      b.event({
        ...base,
        type: DISPATCH_EVENTS.offerExpired,
        recipientId: d.agentId,
        payload: {
          agentId: d.agentId,
          reason: d.reason,
          detail:
            d.reason === 'timeout'
              ? `not accepted within ${settings.offerTimeoutSeconds} s; offered to the next agent`
              : 'declined by the agent; offered to the next agent',
        },
      });
      break;
    }
    case 'widened': {
      const skills = d.skills.map(ctx.skillKey);
      b.event({
        ...base,
        type: DISPATCH_EVENTS.widened,
        payload: {
          stage: d.stage.index,
          level: d.stage.any ? null : d.stage.level,
          overflow: d.stage.overflow,
          any: d.stage.any,
          skills,
          reason: d.stage.any
            ? 'no certified agent took it in time: any online agent may now take it'
            : d.stage.overflow
              ? `no certified agent took it in time: overflow skills ${skills.slice(1).join(', ')} may take it`
              : `no agent at the required level was free for ${d.stage.index * settings.widenEverySeconds} s: level lowered to ${d.stage.level}`,
        },
      });
      break;
    }
    case 'sla-risk':
      b.event({
        ...base,
        type: DISPATCH_EVENTS.slaRisk,
        payload: {
          priority: d.priority,
          reason: `waiting longer than ${settings.slaRiskSeconds} s: priority raised to ${d.priority}`,
        },
      });
      break;
    case 'requeued':
      b.run(sql`update ${conversations} set state = 'queued', assignee_id = null, offered_to = null,
        offer_expires_at = null, updated_at = ${now}
        where id = ${d.taskId} and tenant_id = ${tenantId} and state in ('queued', 'assigned')`);
      b.event({
        ...base,
        type: DISPATCH_EVENTS.requeued,
        recipientId: d.agentId,
        withConversation: true,
        payload: {
          agentId: d.agentId,
          reason: d.reason,
          detail:
            d.reason === 'agent-offline'
              ? 'the agent went offline: back in the queue ahead of newer conversations'
              : 'transferred to another skill',
        },
      });
      break;
    case 'accepted':
    case 'released':
      break;
  }
  b.checkpoint();
}

interface ConversationAt {
  tenantId: string;
  conversationId: string;
  now: number;
}

/** Withdraws a pending offer outside the dispatcher's own timeout or decline (closed, rebuilt). */
export function withdrawOffer(
  b: LogBatch,
  c: ConversationAt & { agentId: string },
  reason: string,
  detail: string,
) {
  b.run(sql`update ${conversations} set offered_to = null, offer_expires_at = null
    where id = ${c.conversationId} and tenant_id = ${c.tenantId} and offered_to = ${c.agentId}`);
  b.event({
    tenantId: c.tenantId,
    conversationId: c.conversationId,
    type: DISPATCH_EVENTS.offerExpired,
    recipientId: c.agentId,
    at: c.now,
    payload: { agentId: c.agentId, reason, detail },
  });
  b.checkpoint();
}

/** A task that no online agent can take at any level: supervisors are told at once. */
export function recordUnstaffed(b: LogBatch, c: ConversationAt, skill: string) {
  b.event({
    tenantId: c.tenantId,
    conversationId: c.conversationId,
    type: DISPATCH_EVENTS.unstaffed,
    at: c.now,
    withConversation: true,
    payload: {
      skill,
      reason: `no online agent holds a valid ${skill} certification: the conversation waits in the queue`,
    },
  });
  b.checkpoint();
}
