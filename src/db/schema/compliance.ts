/**
 * @module Compliance state: each tenant's versioned rule packs (the active one is what the checker
 * enforces), supervisor overrides of a blocked draft (bound to the exact text by a keyed hash,
 * short-lived, single use), and the per-conversation complaint risk with the per-message signals
 * it is computed from (keyed by client message id, so a retried send never counts twice).
 */
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { RulePack } from '#assist/compliance/rule-pack.ts';
import { conversations } from './conversations.ts';
import { tenants } from './tenants.ts';
import { users } from './users.ts';

/**
 * Every saved version of a tenant's rule pack; exactly one row per tenant is `active`. Version 1 is
 * the shipped default, written on first use with `createdBy` null.
 */
export const complianceRulePacks = sqliteTable(
  'compliance_rule_packs',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    version: integer('version').notNull(),
    /** The validated pack (defaults applied), its `version` field equal to the row's. */
    pack: text('pack', { mode: 'json' }).$type<RulePack>().notNull(),
    createdBy: text('created_by').references(() => users.id),
    createdAt: integer('created_at').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    uniqueIndex('compliance_rule_packs_version_uq').on(t.tenantId, t.version),
    index('compliance_rule_packs_active_idx').on(t.tenantId, t.active),
  ],
);

export const OVERRIDE_STATUSES = ['requested', 'approved', 'used', 'rejected'] as const;
export type OverrideStatus = (typeof OVERRIDE_STATUSES)[number];

/**
 * Permission to send one blocked draft. Only a keyed hash of the text is stored (never the text);
 * `findings` keeps rule ids and categories for the audit trail.
 */
export const complianceOverrides = sqliteTable(
  'compliance_overrides',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id),
    textHash: text('text_hash').notNull(),
    findings: text('findings', { mode: 'json' })
      .$type<{ rule: string; category: string; severity: string }[]>()
      .notNull(),
    /** Masked before it is stored. */
    reason: text('reason').notNull(),
    status: text('status', { enum: OVERRIDE_STATUSES }).notNull(),
    requestedBy: text('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: integer('requested_at').notNull(),
    approvedBy: text('approved_by').references(() => users.id),
    approvedAt: integer('approved_at'),
    expiresAt: integer('expires_at'),
    usedBy: text('used_by').references(() => users.id),
    usedAt: integer('used_at'),
    /** The send that used it. */
    usedClientMessageId: text('used_client_message_id'),
  },
  (t) => [index('compliance_overrides_conv_idx').on(t.conversationId, t.status)],
);

export const RISK_LEVELS = ['low', 'elevated', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** The complaint risk of one conversation, updated on each message. */
export const complianceRisk = sqliteTable(
  'compliance_risk',
  {
    conversationId: text('conversation_id')
      .primaryKey()
      .references(() => conversations.id),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    /** 0–1. */
    score: real('score').notNull(),
    level: text('level', { enum: RISK_LEVELS }).notNull(),
    /** Signal codes behind the score, strongest first (`complaint_threat`, `all_caps` …). */
    reasons: text('reasons', { mode: 'json' }).$type<string[]>().notNull(),
    messages: integer('messages').notNull().default(0),
    /** The highest level a supervisor alert was raised for (null: none yet). */
    alertedLevel: text('alerted_level', { enum: RISK_LEVELS }),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('compliance_risk_tenant_idx').on(t.tenantId, t.score)],
);

/** What one message contributed to the risk; unique per (conversation, client message id). */
export const complianceRiskSignals = sqliteTable(
  'compliance_risk_signals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id),
    clientMessageId: text('client_message_id').notNull(),
    role: text('role', { enum: ['customer', 'agent'] }).notNull(),
    /** 0–1: how much this message alone points to a complaint. */
    score: real('score').notNull(),
    reasons: text('reasons', { mode: 'json' }).$type<string[]>().notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('compliance_risk_signals_msg_uq').on(t.conversationId, t.clientMessageId)],
);

export type ComplianceRulePackRow = typeof complianceRulePacks.$inferSelect;
export type ComplianceOverrideRow = typeof complianceOverrides.$inferSelect;
export type ComplianceRiskRow = typeof complianceRisk.$inferSelect;
export type ComplianceRiskSignalRow = typeof complianceRiskSignals.$inferSelect;
