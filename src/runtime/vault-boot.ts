/**
 * @module Opening the PII vault at start on Node and Deno. A key that was generated just now
 * (no TIDEDESK_MASTER_KEY, no data/master.key) for a database that already seals values means
 * the key went missing: the fresh key file is removed again and the start refused, so a restart
 * cannot quietly carry on under a key that opens nothing.
 */
import { rmSync } from 'node:fs';
import type { Db } from '#src/db/client.ts';
import type { VaultKeyring } from '#src/services/pii/keyring.ts';
import { openVaultKeyring, VaultKeyError, vaultInUse } from '#src/services/pii/vault-keys.ts';
import type { MasterKey } from './secrets.ts';

export async function openVaultForBoot(db: Db, masterKey: MasterKey, now: number): Promise<VaultKeyring> {
  if (masterKey.source === 'generated' && (await vaultInUse(db))) {
    if (masterKey.path) rmSync(masterKey.path, { force: true });
    throw new VaultKeyError(
      'missing_key',
      `No master key found: TIDEDESK_MASTER_KEY is not set and ${masterKey.path ?? 'data/master.key'} did not exist, but this database's PII vault is sealed with a key. Set TIDEDESK_MASTER_KEY or restore data/master.key from your backup. Refusing to start with a new key.`,
    );
  }
  return openVaultKeyring(db, masterKey.key, masterKey, now);
}
