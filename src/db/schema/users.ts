/** @module People who sign in (staff) and customers who chat through the widget. */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { tenants } from './tenants.ts';

export const ROLES = ['admin', 'supervisor', 'agent', 'trainee', 'qa', 'recruiter'] as const;
export type Role = (typeof ROLES)[number];

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    passwordHash: text('password_hash').notNull(),
    locale: text('locale', { enum: ['zh', 'en'] })
      .notNull()
      .default('zh'),
    /** Chat concurrency: how many open conversations the person may hold at once. */
    maxConcurrent: integer('max_concurrent').notNull().default(3),
    pool: text('pool', { enum: ['staff', 'on-demand'] })
      .notNull()
      .default('staff'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('users_email_uq').on(t.email), index('users_tenant_idx').on(t.tenantId, t.role)],
);

/** A customer is identified by the widget session that created them; no account needed. */
export const customers = sqliteTable(
  'customers',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    displayName: text('display_name'),
    locale: text('locale', { enum: ['zh', 'en'] }),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('customers_tenant_idx').on(t.tenantId)],
);

export type User = typeof users.$inferSelect;
export type Customer = typeof customers.$inferSelect;
