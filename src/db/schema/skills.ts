/** @module Skills and the individual certifications that make an agent routable for them. */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { tenants } from './tenants.ts';
import { users } from './users.ts';

export const skills = sqliteTable(
  'skills',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    /** Dotted key such as `ecommerce.refund`; unique per tenant. */
    key: text('key').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('skills_tenant_key_uq').on(t.tenantId, t.key)],
);

export const CERTIFICATION_SOURCES = ['manual', 'simulator', 'simulator+live', 'seed'] as const;

export const certifications = sqliteTable(
  'certifications',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    skillId: text('skill_id')
      .notNull()
      .references(() => skills.id),
    level: integer('level').notNull(),
    source: text('source', { enum: CERTIFICATION_SOURCES }).notNull(),
    certifiedAt: integer('certified_at').notNull(),
    expiresAt: integer('expires_at'),
  },
  (t) => [
    uniqueIndex('certifications_user_skill_uq').on(t.userId, t.skillId),
    index('certifications_tenant_skill_idx').on(t.tenantId, t.skillId),
  ],
);

export type Skill = typeof skills.$inferSelect;
export type Certification = typeof certifications.$inferSelect;
