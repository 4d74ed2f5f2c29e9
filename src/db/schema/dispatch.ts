/**
 * @module Live dispatch state that must survive a restart: agent presence (with server-time
 * heartbeats), each tenant's routing policy, and the shifts offered to on-demand agents.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { skills } from './skills.ts';
import { tenants } from './tenants.ts';
import { users } from './users.ts';

export const PRESENCE_STATUSES = ['online', 'away', 'offline'] as const;
export type PresenceStatus = (typeof PRESENCE_STATUSES)[number];

/**
 * One row per agent who ever set a presence. `status` is what dispatch uses; `chosen` is what
 * the agent last asked for, so a heartbeat after a missed-heartbeat timeout restores it.
 * Every time here is the server's clock, never the client's.
 */
export const agentPresence = sqliteTable(
  'agent_presence',
  {
    userId: text('user_id')
      .primaryKey()
      .references(() => users.id),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    status: text('status', { enum: PRESENCE_STATUSES }).notNull(),
    chosen: text('chosen', { enum: PRESENCE_STATUSES }).notNull(),
    lastHeartbeatAt: integer('last_heartbeat_at').notNull(),
    /** When `status` last changed. */
    since: integer('since').notNull(),
    /** Why `status` last changed: `agent`, `heartbeat-timeout`, `shift-accepted`, `shift-released` … */
    reason: text('reason').notNull().default('agent'),
  },
  (t) => [index('agent_presence_tenant_idx').on(t.tenantId, t.status)],
);

/** A tenant's routing policy and staffing settings (validated by the dispatch service's schema). */
export const dispatchPolicies = sqliteTable('dispatch_policies', {
  tenantId: text('tenant_id')
    .primaryKey()
    .references(() => tenants.id),
  policy: text('policy', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  updatedAt: integer('updated_at').notNull(),
  updatedBy: text('updated_by').references(() => users.id),
});

export const SHIFT_OFFER_STATUSES = ['offered', 'accepted', 'declined', 'expired', 'released'] as const;
export type ShiftOfferStatus = (typeof SHIFT_OFFER_STATUSES)[number];

/** A shift offered to an on-demand agent when the queue or the forecast exceeds capacity. */
export const agentShiftOffers = sqliteTable(
  'agent_shift_offers',
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
    status: text('status', { enum: SHIFT_OFFER_STATUSES }).notNull(),
    /** Why the shift was offered, in words a supervisor can check against the numbers. */
    reason: text('reason').notNull(),
    intervalStart: integer('interval_start').notNull(),
    intervalEnd: integer('interval_end').notNull(),
    createdAt: integer('created_at').notNull(),
    respondedAt: integer('responded_at'),
    releasedAt: integer('released_at'),
    releaseReason: text('release_reason'),
  },
  (t) => [
    index('shift_offers_tenant_status_idx').on(t.tenantId, t.status),
    index('shift_offers_user_idx').on(t.userId, t.status),
  ],
);

export type AgentPresence = typeof agentPresence.$inferSelect;
export type DispatchPolicyRow = typeof dispatchPolicies.$inferSelect;
export type AgentShiftOffer = typeof agentShiftOffers.$inferSelect;
