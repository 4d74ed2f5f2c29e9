/**
 * @module Who may read or write a conversation. Pure: callers load the conversation (already
 * scoped to the caller's tenant) and ask. A `false` becomes a 404 so existence never leaks.
 */
import { AGENT_ROLES, OVERSIGHT_ROLES, type Principal } from '#src/core/auth/principal.ts';
import type { Conversation } from '#src/db/schema/conversations.ts';

type ConversationFacts = Pick<Conversation, 'tenantId' | 'customerId' | 'assigneeId' | 'state'>;

const has = <T extends string>(list: readonly T[], value: string): value is T => list.includes(value as T);

export function canRead(p: Principal, conv: ConversationFacts): boolean {
  if (p.tenantId !== conv.tenantId) return false;
  if (p.kind === 'customer') return p.customerId === conv.customerId;
  if (has(OVERSIGHT_ROLES, p.role)) return true;
  // Agents see the open queue (to pick work) and their own conversations.
  if (has(AGENT_ROLES, p.role)) return conv.state === 'queued' || conv.assigneeId === p.userId;
  return false;
}

/** Customers write to their own open conversation; staff only to one assigned to them. */
export function canWrite(p: Principal, conv: ConversationFacts): boolean {
  if (!canRead(p, conv)) return false;
  if (p.kind === 'customer') return true;
  return conv.assigneeId === p.userId;
}

export function isOpen(conv: Pick<Conversation, 'state'>): boolean {
  return conv.state === 'queued' || conv.state === 'assigned';
}

/** A short subject line from the opening message, for queues and lists. */
export function subjectFrom(text: string, max = 80): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const chars = [...oneLine];
  return chars.length <= max ? oneLine : `${chars.slice(0, max - 1).join('')}…`;
}

/** Detects the customer's language from the script of the text (zh if it has any Han). */
export function detectLocale(text: string): 'zh' | 'en' {
  return /\p{Script=Han}/u.test(text) ? 'zh' : 'en';
}
