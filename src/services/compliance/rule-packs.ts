/**
 * @module Tenant rule packs in the database: the active pack (the shipped default is written as
 * version 1 on first use), saving a new version (validated with field paths; the new row becomes
 * the only active one in one batch) and the version history. Versions are the store's: whatever
 * `version` an admin submits, the saved pack carries the row's number.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { defaultPack } from '#assist/compliance/default-pack.ts';
import { type RulePack, RulePackSchema, validateRulePack } from '#assist/compliance/rule-pack.ts';
import type { Db } from '#src/db/client.ts';
import { complianceRulePacks } from '#src/db/schema/compliance.ts';
import { users } from '#src/db/schema/users.ts';
import { AppError } from '#src/http/problem.ts';
import type { Clock } from '#src/ports/clock.ts';
import type { Ids } from '#src/ports/ids.ts';

export interface StoredPack {
  version: number;
  pack: RulePack;
  createdBy: string | null;
  createdAt: number;
}

export interface PackVersion {
  version: number;
  active: boolean;
  rules: number;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: number;
}

export interface RulePackStore {
  /** The active pack; the shipped default (as version 1) when the tenant has none yet. */
  active(tenantId: string): Promise<StoredPack>;
  /** Just the active version number (the checker cache revalidates with it). */
  activeVersion(tenantId: string): Promise<number | null>;
  /** Validates and stores `input` as the next version, made active. 422 with field paths if invalid. */
  save(tenantId: string, input: unknown, by: string, expectedVersion?: number): Promise<StoredPack>;
  /** Newest first. */
  versions(tenantId: string, limit: number): Promise<PackVersion[]>;
  /** One stored version (to compare or restore). */
  version(tenantId: string, version: number): Promise<StoredPack | null>;
}

/** Rule pack validation errors as API field errors (`body.rules.3.matcher.pattern`). */
export function packErrors(input: unknown): { path: string; message: string }[] | null {
  const result = validateRulePack(input);
  if (result.ok) return null;
  return result.errors.map((e) => ({ path: e.path ? `body.${e.path}` : 'body', message: e.message }));
}

export function createRulePackStore(deps: { db: Db; clock: Clock; ids: Ids }): RulePackStore {
  const { db, clock, ids } = deps;

  const toStored = (row: typeof complianceRulePacks.$inferSelect): StoredPack => ({
    version: row.version,
    // Stored packs were validated on save; parsing again applies defaults added since.
    pack: RulePackSchema.parse({ ...row.pack, version: row.version }),
    createdBy: row.createdBy,
    createdAt: row.createdAt,
  });

  async function loadActive(tenantId: string) {
    const [row] = await db
      .select()
      .from(complianceRulePacks)
      .where(and(eq(complianceRulePacks.tenantId, tenantId), eq(complianceRulePacks.active, true)))
      .orderBy(desc(complianceRulePacks.version))
      .limit(1);
    return row;
  }

  /** First use: the shipped pack becomes version 1 (a concurrent first use inserts nothing). */
  async function seedDefault(tenantId: string) {
    const pack = defaultPack();
    await db
      .insert(complianceRulePacks)
      .values({
        id: ids.next('rpk'),
        tenantId,
        version: 1,
        pack: { ...pack, version: 1 },
        createdBy: null,
        createdAt: clock.now(),
        active: true,
      })
      .onConflictDoNothing();
  }

  async function active(tenantId: string): Promise<StoredPack> {
    let row = await loadActive(tenantId);
    if (!row) {
      await seedDefault(tenantId);
      row = await loadActive(tenantId);
    }
    if (!row) throw new Error(`rule pack for ${tenantId} vanished after insert`);
    return toStored(row);
  }

  return {
    active,

    async activeVersion(tenantId) {
      const [row] = await db
        .select({ version: complianceRulePacks.version })
        .from(complianceRulePacks)
        .where(and(eq(complianceRulePacks.tenantId, tenantId), eq(complianceRulePacks.active, true)))
        .limit(1);
      return row?.version ?? null;
    },

    async save(tenantId, input, by, expectedVersion) {
      const errors = packErrors(input);
      if (errors) {
        throw new AppError('validation_failed', 'The rule pack is not valid; see errors[].', errors);
      }
      const current = await active(tenantId);
      if (expectedVersion !== undefined && expectedVersion !== current.version) {
        throw new AppError(
          'conflict',
          `The rule pack was changed meanwhile: version ${current.version} is active, not ${expectedVersion}. Reload and apply your edits again.`,
        );
      }
      const parsed = RulePackSchema.parse(input);
      const [last] = await db
        .select({ version: sql<number>`max(${complianceRulePacks.version})` })
        .from(complianceRulePacks)
        .where(eq(complianceRulePacks.tenantId, tenantId));
      const version = (last?.version ?? 0) + 1;
      const now = clock.now();
      const pack = { ...parsed, version };
      // One batch: the new version is inserted and becomes the only active one atomically. Two
      // concurrent saves compute the same number; the unique index lets exactly one of them win.
      try {
        await db.batch([
          db
            .update(complianceRulePacks)
            .set({ active: false })
            .where(and(eq(complianceRulePacks.tenantId, tenantId), eq(complianceRulePacks.active, true))),
          db.insert(complianceRulePacks).values({
            id: ids.next('rpk'),
            tenantId,
            version,
            pack,
            createdBy: by,
            createdAt: now,
            active: true,
          }),
        ]);
      } catch (err) {
        if (String(err).includes('UNIQUE')) {
          throw new AppError(
            'conflict',
            'Another version of the rule pack was saved at the same moment; try again.',
          );
        }
        throw err;
      }
      return { version, pack, createdBy: by, createdAt: now };
    },

    async versions(tenantId, limit) {
      await active(tenantId);
      const rows = await db
        .select({
          version: complianceRulePacks.version,
          active: complianceRulePacks.active,
          pack: complianceRulePacks.pack,
          createdBy: complianceRulePacks.createdBy,
          createdByName: users.displayName,
          createdAt: complianceRulePacks.createdAt,
        })
        .from(complianceRulePacks)
        .leftJoin(users, eq(users.id, complianceRulePacks.createdBy))
        .where(eq(complianceRulePacks.tenantId, tenantId))
        .orderBy(desc(complianceRulePacks.version))
        .limit(limit);
      return rows.map(({ pack, ...r }) => ({
        ...r,
        createdByName: r.createdByName ?? null,
        rules: Array.isArray(pack.rules) ? pack.rules.length : 0,
      }));
    },

    async version(tenantId, version) {
      const [row] = await db
        .select()
        .from(complianceRulePacks)
        .where(and(eq(complianceRulePacks.tenantId, tenantId), eq(complianceRulePacks.version, version)));
      return row ? toStored(row) : null;
    },
  };
}
