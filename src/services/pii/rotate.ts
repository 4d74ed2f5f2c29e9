/**
 * @module Master key rotation: re-seal every vault row from the active key version to a new one.
 *
 * 1. `beginRotation` checks the current key against the active version and registers the new key
 *    as a `pending` version (or, resuming, checks the new key against the pending one).
 * 2. `reencryptBatch` moves up to N rows of the old version to the new one in one atomic batch,
 *    each update guarded by the old version (a row is never sealed twice). A run stopped at any
 *    point resumes from what is still under the old version.
 * 3. `finishRotation` retires the old version and activates the new one in one batch.
 *
 * A row that does not open under the old key is left as it is and counted: it was unreadable
 * before the rotation and stays so (reveals answer `vault_unreadable`); it never stops the run.
 */
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { piiVault, vaultKeys } from '#src/db/schema/pii.ts';
import { seal, vaultAad } from './crypto.ts';
import type { VaultKeyring } from './keyring.ts';
import { createKeyring } from './keyring.ts';
import { openVaultRow, VaultUnreadableError } from './vault.ts';
import { listVaultKeys, sameHex, VaultKeyError, verifierOf } from './vault-keys.ts';

export interface RotationPlan {
  from: number;
  to: number;
  /** True when a pending version from an earlier, interrupted run is being finished. */
  resumed: boolean;
  keyring: VaultKeyring;
}

export async function beginRotation(
  db: Db,
  current: string,
  next: string,
  now: number,
): Promise<RotationPlan> {
  if (current === next) {
    throw new VaultKeyError(
      'wrong_key',
      'The new master key is the same as the current one; nothing to rotate.',
    );
  }
  const keys = await listVaultKeys(db);
  const active = keys.find((k) => k.state === 'active');
  if (!active) {
    throw new VaultKeyError(
      'no_active_key',
      'This database has no active vault key yet: start the server once (it registers the key), then rotate.',
    );
  }
  if (!sameHex(active.verifier, await verifierOf(current))) {
    throw new VaultKeyError(
      'wrong_key',
      `The current master key (TIDEDESK_MASTER_KEY or data/master.key) does not match the active vault key version ${active.version}; refusing to rotate.`,
    );
  }
  const nextVerifier = await verifierOf(next);
  const pending = keys.find((k) => k.state === 'pending');
  if (pending) {
    if (!sameHex(pending.verifier, nextVerifier)) {
      throw new VaultKeyError(
        'rotation_pending',
        `A rotation to version ${pending.version} is unfinished with a different new key. Resume it with that key (the same --new-key-env, or data/master.key.next).`,
      );
    }
    return plan(active.version, pending.version, true);
  }
  const version = Math.max(...keys.map((k) => k.version)) + 1;
  await db.insert(vaultKeys).values({ version, verifier: nextVerifier, state: 'pending', createdAt: now });
  return plan(active.version, version, false);

  function plan(from: number, to: number, resumed: boolean): RotationPlan {
    return {
      from,
      to,
      resumed,
      keyring: createKeyring(
        new Map([
          [from, current],
          [to, next],
        ]),
        to,
      ),
    };
  }
}

export interface BatchResult {
  moved: number;
  /** Rows that did not open under the old key (left as they are). */
  unreadableIds: string[];
  /** Id to continue after; null when no row of the old version is left after `afterId`. */
  lastId: string | null;
}

export async function reencryptBatch(
  db: Db,
  plan: RotationPlan,
  afterId: string | null,
  size: number,
): Promise<BatchResult> {
  const rows = await db
    .select()
    .from(piiVault)
    .where(and(eq(piiVault.keyVersion, plan.from), afterId === null ? undefined : gt(piiVault.id, afterId)))
    .orderBy(asc(piiVault.id))
    .limit(size);
  if (rows.length === 0) return { moved: 0, unreadableIds: [], lastId: null };
  const updates = [];
  const unreadableIds: string[] = [];
  for (const row of rows) {
    let value: string;
    try {
      value = await openVaultRow(plan.keyring, row);
    } catch (err) {
      if (!(err instanceof VaultUnreadableError)) throw err;
      unreadableIds.push(row.id);
      continue;
    }
    const key = await plan.keyring.sealKey(row.tenantId, plan.to);
    const sealed = await seal(key, value, vaultAad(row));
    updates.push(
      db
        .update(piiVault)
        .set({ keyVersion: plan.to, iv: sealed.iv, ciphertext: sealed.ciphertext })
        .where(and(eq(piiVault.id, row.id), eq(piiVault.keyVersion, plan.from))),
    );
  }
  const [first, ...rest] = updates;
  if (first) await db.batch([first, ...rest]);
  return { moved: updates.length, unreadableIds, lastId: rows[rows.length - 1]!.id };
}

export async function finishRotation(db: Db, plan: RotationPlan, now: number): Promise<void> {
  await db.batch([
    db.run(sql`update ${vaultKeys} set state = 'retired', retired_at = ${now} where version = ${plan.from}`),
    db.run(
      sql`update ${vaultKeys} set state = 'active', activated_at = ${now} where version = ${plan.to} and state = 'pending'`,
    ),
  ]);
}

export interface RotationReport {
  fromVersion: number;
  toVersion: number;
  resumed: boolean;
  reencrypted: number;
  unreadable: number;
  batches: number;
}

/**
 * Runs a whole rotation. `onBatch` reports progress; `stopAfter` (tests) ends the run early after
 * that many batches without finishing, as an interruption would.
 */
export async function rotateVault(
  db: Db,
  keys: { current: string; next: string },
  options: { now: () => number; batchSize?: number; onBatch?: (r: BatchResult) => void; stopAfter?: number },
): Promise<RotationReport & { finished: boolean }> {
  const plan = await beginRotation(db, keys.current, keys.next, options.now());
  const size = options.batchSize ?? 200;
  const report = {
    fromVersion: plan.from,
    toVersion: plan.to,
    resumed: plan.resumed,
    reencrypted: 0,
    unreadable: 0,
    batches: 0,
  };
  const unreadable = new Set<string>();
  // Passes repeat until one finds nothing movable: rows written during a pass are caught by the next.
  for (;;) {
    let afterId: string | null = null;
    let movedThisPass = 0;
    for (;;) {
      const r = await reencryptBatch(db, plan, afterId, size);
      if (r.lastId === null) break;
      report.batches++;
      report.reencrypted += r.moved;
      for (const id of r.unreadableIds) unreadable.add(id);
      report.unreadable = unreadable.size;
      movedThisPass += r.moved;
      options.onBatch?.(r);
      if (options.stopAfter !== undefined && report.batches >= options.stopAfter) {
        return { ...report, finished: false };
      }
      afterId = r.lastId;
    }
    if (movedThisPass === 0) break;
  }
  await finishRotation(db, plan, options.now());
  return { ...report, finished: true };
}
