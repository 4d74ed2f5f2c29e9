/** @module Conversations, their messages and the append-only event log that drives realtime delivery. */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { MessagePii } from './pii.ts';
import { skills } from './skills.ts';
import { sops } from './sops.ts';
import { tenants } from './tenants.ts';
import { customers, users } from './users.ts';

export const CONVERSATION_STATES = ['queued', 'assigned', 'resolved', 'abandoned'] as const;
export type ConversationState = (typeof CONVERSATION_STATES)[number];

export const conversations = sqliteTable(
  'conversations',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    /** The opening message's client id: a retried create returns the same conversation. */
    openClientMessageId: text('open_client_message_id').notNull(),
    state: text('state', { enum: CONVERSATION_STATES }).notNull(),
    sopId: text('sop_id').references(() => sops.id),
    skillId: text('skill_id').references(() => skills.id),
    assigneeId: text('assignee_id').references(() => users.id),
    /** Minimum proficiency the task needs (the SOP's, or the one given on transfer). */
    requiredLevel: integer('required_level'),
    /** No SOP matched confidently: waits in the triage queue for a supervisor. */
    triage: integer('triage', { mode: 'boolean' }).notNull().default(false),
    /** The agent the dispatcher offered this queued conversation to, until accepted or expired. */
    offeredTo: text('offered_to').references(() => users.id),
    offerExpiresAt: integer('offer_expires_at'),
    priority: integer('priority').notNull().default(0),
    locale: text('locale', { enum: ['zh', 'en'] }),
    subject: text('subject').notNull(),
    lastMessageSeq: integer('last_message_seq').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    assignedAt: integer('assigned_at'),
    resolvedAt: integer('resolved_at'),
  },
  (t) => [
    uniqueIndex('conversations_open_uq').on(t.customerId, t.openClientMessageId),
    index('conversations_tenant_state_idx').on(t.tenantId, t.state),
    index('conversations_assignee_idx').on(t.assigneeId, t.state),
    index('conversations_offered_idx').on(t.offeredTo),
    index('conversations_tenant_created_idx').on(t.tenantId, t.createdAt),
  ],
);

export const AUTHOR_ROLES = ['customer', 'agent', 'system'] as const;
export type AuthorRole = (typeof AUTHOR_ROLES)[number];

export const messages = sqliteTable(
  'messages',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id),
    /** 1, 2, 3 … per conversation, gap-free: the order everyone sees. */
    seq: integer('seq').notNull(),
    authorRole: text('author_role', { enum: AUTHOR_ROLES }).notNull(),
    authorId: text('author_id').notNull(),
    text: text('text').notNull(),
    /** Entities masked in `text` and the vault rows behind them; null when nothing was masked. */
    pii: text('pii', { mode: 'json' }).$type<MessagePii>(),
    clientMessageId: text('client_message_id').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('messages_conv_seq_uq').on(t.conversationId, t.seq),
    uniqueIndex('messages_conv_client_uq').on(t.conversationId, t.clientMessageId),
  ],
);

/**
 * Append-only log of everything that happens. `id` is global and monotonic (the agent inbox
 * stream resumes on it); `seq` is per conversation (the conversation stream resumes on it).
 */
export const events = sqliteTable(
  'events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    conversationId: text('conversation_id').references(() => conversations.id),
    seq: integer('seq'),
    type: text('type').notNull(),
    /** The message this event announces; unique so a retried send never logs twice. */
    messageId: text('message_id'),
    actorId: text('actor_id'),
    /** A staff member this event is addressed to (an offer, a shift) besides the assignee. */
    recipientId: text('recipient_id'),
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('events_conv_seq_uq').on(t.conversationId, t.seq),
    uniqueIndex('events_message_uq').on(t.messageId),
    index('events_tenant_idx').on(t.tenantId, t.id),
  ],
);

export type Conversation = typeof conversations.$inferSelect;
export type Message = typeof messages.$inferSelect;
export type EventRow = typeof events.$inferSelect;
