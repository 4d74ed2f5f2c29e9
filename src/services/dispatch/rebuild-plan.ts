/**
 * @module What to do with each open conversation when a tenant's dispatcher is rebuilt from the
 * database (after a restart or a policy change). Pure: given the open conversations and who is
 * online, it says which held ones count as load, which go back to the queue because their agent
 * is gone, which pending offers to withdraw, and the queue in created_at order.
 */
import type { Presence, TaskInput } from '#src/core/dispatch/types.ts';
import type { Conversation } from '#src/db/schema/conversations.ts';

type Open = Pick<
  Conversation,
  | 'id'
  | 'state'
  | 'assigneeId'
  | 'offeredTo'
  | 'skillId'
  | 'requiredLevel'
  | 'priority'
  | 'createdAt'
  | 'triage'
>;

export interface RebuildPlan {
  /** Held by an agent who is still here (or by a supervisor): registered as that person's load. */
  adopt: { task: TaskInput; holderId: string }[];
  /** Held by a routable agent who is offline now: back to the queue. */
  requeue: { conversationId: string; agentId: string }[];
  /** Offers made before the rebuild: withdrawn, then made again. */
  withdraw: { conversationId: string; agentId: string }[];
  /** Waiting with a skill, oldest first (requeued ones included at their place in time). */
  enqueue: TaskInput[];
  /** Waiting without a skill and not in triage: never classified; classify them now. */
  unclassified: string[];
}

/** The dispatcher's task for a conversation; requeued work keeps its created_at, so its place. */
export function taskOf(
  conv: Pick<Open, 'id' | 'skillId' | 'requiredLevel' | 'priority' | 'createdAt'>,
): TaskInput {
  return {
    id: conv.id,
    skill: conv.skillId ?? '',
    requiredLevel: conv.requiredLevel ?? 1,
    priority: conv.priority,
    enqueuedAt: conv.createdAt,
  };
}

export function planRebuild(
  open: readonly Open[],
  /** Effective presence of every routable agent (absent: not an agent, e.g. a supervisor). */
  presence: ReadonlyMap<string, Presence>,
): RebuildPlan {
  const plan: RebuildPlan = { adopt: [], requeue: [], withdraw: [], enqueue: [], unclassified: [] };
  const waiting: Open[] = [];
  for (const conv of open) {
    if (conv.state === 'assigned' && conv.assigneeId) {
      const status = presence.get(conv.assigneeId);
      if (status === 'offline') {
        plan.requeue.push({ conversationId: conv.id, agentId: conv.assigneeId });
        waiting.push(conv);
      } else if (status !== undefined || conv.skillId) {
        // Held work counts as load (a skill-less one, claimed before routing, too).
        plan.adopt.push({ task: taskOf(conv), holderId: conv.assigneeId });
      }
      continue;
    }
    if (conv.state !== 'queued') continue;
    if (conv.offeredTo) plan.withdraw.push({ conversationId: conv.id, agentId: conv.offeredTo });
    waiting.push(conv);
  }
  waiting.sort((x, y) => x.createdAt - y.createdAt || (x.id < y.id ? -1 : 1));
  for (const conv of waiting) {
    if (conv.skillId) plan.enqueue.push(taskOf(conv));
    else if (!conv.triage) plan.unclassified.push(conv.id);
  }
  return plan;
}
