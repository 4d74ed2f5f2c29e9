/** @module SOPs: the standard procedure behind every customer request, with ordered steps and intent phrasings. */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { skills } from './skills.ts';
import { tenants } from './tenants.ts';

export const sops = sqliteTable(
  'sops',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    key: text('key').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    skillId: text('skill_id')
      .notNull()
      .references(() => skills.id),
    minLevel: integer('min_level').notNull().default(1),
    /** What "resolved" means for this SOP, in both languages. */
    resolutionZh: text('resolution_zh').notNull(),
    resolutionEn: text('resolution_en').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('sops_tenant_key_uq').on(t.tenantId, t.key)],
);

export const sopSteps = sqliteTable(
  'sop_steps',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    sopId: text('sop_id')
      .notNull()
      .references(() => sops.id),
    position: integer('position').notNull(),
    key: text('key').notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    scriptZh: text('script_zh').notNull(),
    scriptEn: text('script_en').notNull(),
    /** Facts the agent must verify at this step, e.g. `order_number`. */
    mustVerify: text('must_verify', { mode: 'json' }).$type<string[]>().notNull(),
    /** Facts the agent must disclose at this step, e.g. `refund_time`. */
    mustDisclose: text('must_disclose', { mode: 'json' }).$type<string[]>().notNull(),
    /** PII entity types this step legitimately needs revealed (e.g. `ADDRESS`). */
    piiTypes: text('pii_types', { mode: 'json' }).$type<string[]>().notNull(),
  },
  (t) => [uniqueIndex('sop_steps_sop_pos_uq').on(t.sopId, t.position)],
);

export const sopPhrasings = sqliteTable(
  'sop_phrasings',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    sopId: text('sop_id')
      .notNull()
      .references(() => sops.id),
    lang: text('lang', { enum: ['zh', 'en'] }).notNull(),
    text: text('text').notNull(),
  },
  (t) => [index('sop_phrasings_sop_idx').on(t.sopId)],
);

export type Sop = typeof sops.$inferSelect;
export type SopStep = typeof sopSteps.$inferSelect;
export type SopPhrasing = typeof sopPhrasings.$inferSelect;
