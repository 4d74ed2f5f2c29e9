/** @module Knowledge articles the agents and the assist layer draw on. */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { sops } from './sops.ts';
import { tenants } from './tenants.ts';

export const knowledgeArticles = sqliteTable(
  'knowledge_articles',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    lang: text('lang', { enum: ['zh', 'en'] }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    tags: text('tags', { mode: 'json' }).$type<string[]>().notNull(),
    sopId: text('sop_id').references(() => sops.id),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('knowledge_tenant_idx').on(t.tenantId, t.lang)],
);

export type KnowledgeArticle = typeof knowledgeArticles.$inferSelect;
