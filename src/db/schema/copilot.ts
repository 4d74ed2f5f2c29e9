/**
 * @module The suggested-reply co-pilot's data: the tenant's style guide, every suggestion shown to
 * an agent (so feedback can name exactly what was suggested, by which engine and prompt), the
 * agent's feedback on it, and the accepted replies QA promoted to the golden set the embedded
 * engine reuses.
 */
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { conversations } from './conversations.ts';
import { tenants } from './tenants.ts';
import { users } from './users.ts';

/** The tenant's house style for suggested replies (assist/copilot StyleGuide, as JSON). */
export const copilotStyleGuides = sqliteTable('copilot_style_guides', {
  tenantId: text('tenant_id')
    .primaryKey()
    .references(() => tenants.id),
  guide: text('guide', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  updatedBy: text('updated_by').references(() => users.id),
  updatedAt: integer('updated_at').notNull(),
});

/** Where a shown suggestion came from: the embedded engine's sources, or an LLM draft. */
export const SUGGESTION_SOURCES = [
  'sop-script',
  'knowledge',
  'golden-reply',
  'clarifying-question',
  'llm-draft',
] as const;
export type StoredSuggestionSource = (typeof SUGGESTION_SOURCES)[number];

/**
 * One suggestion as an agent saw it. The id is derived from what was shown (conversation, the
 * message it answered, engine, source and text), so computing the same suggestions twice — the
 * JSON endpoint and the stream — stores one row.
 */
export const copilotSuggestions = sqliteTable(
  'copilot_suggestions',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id),
    /** The agent it was shown to; only they may give feedback on it. */
    agentId: text('agent_id')
      .notNull()
      .references(() => users.id),
    /** The last message seq the suggestion accounts for. */
    messageSeq: integer('message_seq').notNull(),
    /** 1–3 for the embedded top three, 0 for an LLM draft. */
    rank: integer('rank').notNull(),
    text: text('text').notNull(),
    lang: text('lang', { enum: ['zh', 'en'] }).notNull(),
    source: text('source', { enum: SUGGESTION_SOURCES }).notNull(),
    /** `sop/step`, the article id, the golden reply id, `clarify:<key>`, or what a draft cited. */
    sourceId: text('source_id'),
    provider: text('provider').notNull(),
    model: text('model'),
    /** `copilot-reply@1`; null for the embedded engine. */
    prompt: text('prompt'),
    sopKey: text('sop_key'),
    stepKey: text('step_key'),
    score: real('score'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('copilot_suggestions_tenant_created_idx').on(t.tenantId, t.createdAt),
    index('copilot_suggestions_conversation_idx').on(t.conversationId, t.messageSeq),
  ],
);

export const FEEDBACK_ACTIONS = ['accept', 'edit', 'dismiss'] as const;
export type FeedbackAction = (typeof FEEDBACK_ACTIONS)[number];

/**
 * What the agent did with a suggestion: sent it as it was (accept), sent it changed (edit, with
 * the normalised Levenshtein distance between suggested and sent text) or dismissed it (with a
 * reason). One row per suggestion. Source, provider and prompt are copied from the suggestion so
 * the acceptance metrics read one table.
 */
export const suggestionFeedback = sqliteTable(
  'suggestion_feedback',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id),
    agentId: text('agent_id')
      .notNull()
      .references(() => users.id),
    suggestionId: text('suggestion_id')
      .notNull()
      .references(() => copilotSuggestions.id),
    source: text('source', { enum: SUGGESTION_SOURCES }).notNull(),
    sourceId: text('source_id'),
    provider: text('provider').notNull(),
    prompt: text('prompt'),
    sopKey: text('sop_key'),
    action: text('action', { enum: FEEDBACK_ACTIONS }).notNull(),
    /** 0 for accept, (0, 1] for edit, null for dismiss. */
    editDistance: real('edit_distance'),
    dismissReason: text('dismiss_reason'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('suggestion_feedback_suggestion_uq').on(t.suggestionId),
    index('suggestion_feedback_tenant_created_idx').on(t.tenantId, t.createdAt),
  ],
);

/**
 * An agent's accepted, unedited reply that QA promoted: the embedded engine offers it again at
 * the same SOP step (assist/copilot GoldenReply). Order numbers are stored as `{{order_number}}`.
 */
export const copilotGoldenReplies = sqliteTable(
  'copilot_golden_replies',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    feedbackId: text('feedback_id')
      .notNull()
      .references(() => suggestionFeedback.id),
    sopKey: text('sop_key').notNull(),
    stepKey: text('step_key').notNull(),
    lang: text('lang', { enum: ['zh', 'en'] }).notNull(),
    text: text('text').notNull(),
    /** The customer message it answered (masked), used to match it to new conversations. */
    context: text('context'),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('copilot_golden_replies_feedback_uq').on(t.feedbackId),
    index('copilot_golden_replies_tenant_idx').on(t.tenantId, t.createdAt),
  ],
);

export type CopilotStyleGuideRow = typeof copilotStyleGuides.$inferSelect;
export type CopilotSuggestionRow = typeof copilotSuggestions.$inferSelect;
export type SuggestionFeedbackRow = typeof suggestionFeedback.$inferSelect;
export type CopilotGoldenReplyRow = typeof copilotGoldenReplies.$inferSelect;
