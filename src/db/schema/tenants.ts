/** @module Tenants: client companies. Every other row carries a tenant id. */
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const tenants = sqliteTable('tenants', {
  id: text('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  defaultLocale: text('default_locale', { enum: ['zh', 'en'] })
    .notNull()
    .default('zh'),
  createdAt: integer('created_at', { mode: 'number' }).notNull(),
});

export type Tenant = typeof tenants.$inferSelect;
