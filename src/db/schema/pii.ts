/**
 * @module Personal data at rest: the encrypted vault behind masked messages, the master-key
 * versions it is sealed under, each tenant's custom patterns and reveal policy, and the
 * append-only audit log (reveals today; sign-ins, exports and overrides as later features add them).
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { conversations, messages } from './conversations.ts';
import { tenants } from './tenants.ts';
import { users } from './users.ts';

/** One masked value inside a stored message: offsets are in the stored (masked) text. */
export interface MessagePiiEntity {
  /** The vault row holding the raw value; what the reveal endpoint takes. */
  id: string;
  type: string;
  start: number;
  end: number;
}

/** What the `messages.pii` column holds when the text had personal data. */
export interface MessagePii {
  entities: MessagePiiEntity[];
  /** Keyed MAC of the raw text, so a retried send can be told apart from a different one. */
  mac: string;
  /** Vault key version the MAC was made under. */
  kv: number;
}

export const VAULT_KEY_STATES = ['active', 'pending', 'retired'] as const;
export type VaultKeyState = (typeof VAULT_KEY_STATES)[number];

/**
 * Master-key generations. The key itself is never stored: `verifier` is an HMAC of a fixed label
 * under the key's vault root, so a start with a missing or different key is refused instead of
 * silently sealing new rows under a key nobody can pair with the old ones.
 */
export const vaultKeys = sqliteTable('vault_keys', {
  version: integer('version').primaryKey(),
  verifier: text('verifier').notNull(),
  /** `pending` while `tidedesk keys rotate` re-encrypts the vault into this version. */
  state: text('state', { enum: VAULT_KEY_STATES }).notNull(),
  createdAt: integer('created_at').notNull(),
  activatedAt: integer('activated_at'),
  retiredAt: integer('retired_at'),
});

/** Raw values behind masked message spans, AES-GCM sealed under a per-tenant key. */
export const piiVault = sqliteTable(
  'pii_vault',
  {
    /** The entity id messages carry (`<message id>-<n>`). */
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id),
    messageId: text('message_id')
      .notNull()
      .references(() => messages.id),
    type: text('type').notNull(),
    keyVersion: integer('key_version').notNull(),
    /** Base64 nonce and ciphertext (with the GCM tag); the row's ids are the associated data. */
    iv: text('iv').notNull(),
    ciphertext: text('ciphertext').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('pii_vault_conversation_idx').on(t.conversationId),
    index('pii_vault_key_idx').on(t.keyVersion, t.id),
  ],
);

/** A tenant's own patterns (membership numbers …), validated by the PII core before saving. */
export const piiPatterns = sqliteTable('pii_patterns', {
  tenantId: text('tenant_id')
    .primaryKey()
    .references(() => tenants.id),
  patterns: text('patterns', { mode: 'json' }).$type<Record<string, unknown>[]>().notNull(),
  updatedAt: integer('updated_at').notNull(),
  updatedBy: text('updated_by').references(() => users.id),
});

/** Who besides the assigned agent may reveal, and how long a revealed value stays on screen. */
export const piiPolicies = sqliteTable('pii_policies', {
  tenantId: text('tenant_id')
    .primaryKey()
    .references(() => tenants.id),
  revealRoles: text('reveal_roles', { mode: 'json' }).$type<string[]>().notNull(),
  revealSeconds: integer('reveal_seconds').notNull(),
  updatedAt: integer('updated_at').notNull(),
  updatedBy: text('updated_by').references(() => users.id),
});

/**
 * Append-only record of security-relevant actions. `action` is a dotted name (`pii.reveal`,
 * `pii.reveal.denied`, later `auth.login`, `export`, `copy.blocked`, `compliance.override` …);
 * `reason` and `detail` are masked before they are written. An UPDATE trigger in the migration
 * refuses edits; nothing in the application deletes.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    /** A user or customer id; null for the system. */
    actorId: text('actor_id'),
    /** A staff role, `customer` or `system`. */
    actorRole: text('actor_role').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    /** Not a foreign key: a refusal may name a conversation of another tenant, or none at all. */
    conversationId: text('conversation_id'),
    reason: text('reason'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('audit_log_tenant_idx').on(t.tenantId, t.id),
    index('audit_log_action_idx').on(t.tenantId, t.action, t.id),
    index('audit_log_actor_idx').on(t.tenantId, t.actorId, t.id),
    index('audit_log_created_idx').on(t.tenantId, t.createdAt),
  ],
);

export type VaultKey = typeof vaultKeys.$inferSelect;
export type VaultRow = typeof piiVault.$inferSelect;
export type AuditRow = typeof auditLog.$inferSelect;
export type NewAuditRow = typeof auditLog.$inferInsert;
export type PiiPolicyRow = typeof piiPolicies.$inferSelect;
