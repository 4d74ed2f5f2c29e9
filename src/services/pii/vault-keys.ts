/**
 * @module Which master key a database's vault is sealed under. The first start registers the
 * key (version 1, by its key-check value); every later start must present the same key, or the
 * app refuses to start: a silently generated or mistyped key would seal new values under a key
 * that can never open the old ones. An unfinished rotation also stops the start, with the command
 * that finishes it.
 */
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { type VaultKey, vaultKeys } from '#src/db/schema/pii.ts';
import { importMaster, keyCheckValue } from './crypto.ts';
import { createKeyring, type VaultKeyring } from './keyring.ts';

export type VaultKeyProblem = 'wrong_key' | 'missing_key' | 'rotation_pending' | 'no_active_key';

/** Why the vault cannot be opened with the key at hand; the message says what to do. */
export class VaultKeyError extends Error {
  constructor(
    readonly problem: VaultKeyProblem,
    message: string,
  ) {
    super(message);
    this.name = 'VaultKeyError';
  }
}

/** Where the key came from, for messages that tell the operator which one to fix. */
export interface KeyOrigin {
  source: 'env' | 'file' | 'generated';
  path?: string;
}

export function describeOrigin(origin: KeyOrigin): string {
  if (origin.source === 'env') return 'TIDEDESK_MASTER_KEY';
  return origin.path ?? 'data/master.key';
}

export async function verifierOf(master: string): Promise<string> {
  return keyCheckValue(await importMaster(master));
}

export async function listVaultKeys(db: Db): Promise<VaultKey[]> {
  return db.select().from(vaultKeys).orderBy(asc(vaultKeys.version));
}

/** Constant-time comparison of two hex strings of equal length. */
export function sameHex(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * Checks `master` against the database and returns the active version, registering version 1 on
 * a database that has none. Throws {@link VaultKeyError} when the key is not the active one.
 */
export async function checkMasterKey(
  db: Db,
  master: string,
  origin: KeyOrigin,
  now: number,
): Promise<number> {
  const verifier = await verifierOf(master);
  let keys = await listVaultKeys(db);
  if (keys.length === 0) {
    // Two isolates may register at once; the second insert does nothing and both read version 1.
    await db.run(sql`insert into ${vaultKeys} (version, verifier, state, created_at, activated_at)
      values (1, ${verifier}, 'active', ${now}, ${now}) on conflict do nothing`);
    keys = await listVaultKeys(db);
  }
  const pending = keys.find((k) => k.state === 'pending');
  if (pending) {
    throw new VaultKeyError(
      'rotation_pending',
      `A master key rotation to vault key version ${pending.version} is unfinished. Run \`npx tidedesk keys rotate\` again to finish it (with the same --new-key-env, or with data/master.key.next still in place), then start the server.`,
    );
  }
  const active = keys.find((k) => k.state === 'active');
  if (!active) {
    throw new VaultKeyError(
      'no_active_key',
      'The PII vault has no active key version (the vault_keys table was edited by hand?). Restore it from a backup.',
    );
  }
  if (!sameHex(active.verifier, verifier)) {
    const retired = keys.find((k) => k.state === 'retired' && sameHex(k.verifier, verifier));
    const which = describeOrigin(origin);
    throw new VaultKeyError(
      'wrong_key',
      retired
        ? `The master key from ${which} is the retired vault key version ${retired.version}; this database was rotated to version ${active.version}. Set TIDEDESK_MASTER_KEY (or data/master.key) to the new key that \`tidedesk keys rotate\` installed. Refusing to start.`
        : `The master key from ${which} does not match the key this database's PII vault was sealed with (vault key version ${active.version}). Set TIDEDESK_MASTER_KEY or restore data/master.key to the original key. Refusing to start: a different key would make every stored value unreadable.`,
    );
  }
  return active.version;
}

/** The app's keyring after a successful check: the active version only. */
export async function openVaultKeyring(
  db: Db,
  master: string,
  origin: KeyOrigin,
  now: number,
): Promise<VaultKeyring> {
  const version = await checkMasterKey(db, master, origin, now);
  return createKeyring(new Map([[version, master]]), version);
}

/** Whether the database already seals values (any key version registered). */
export async function vaultInUse(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(vaultKeys);
  return (row?.n ?? 0) > 0;
}

export async function activeVersionOf(db: Db): Promise<VaultKey | undefined> {
  const [row] = await db.select().from(vaultKeys).where(eq(vaultKeys.state, 'active'));
  return row;
}
