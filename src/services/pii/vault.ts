/**
 * @module Reading one sealed value back. A row that does not open (wrong key version, corrupted
 * or moved ciphertext) is reported as {@link VaultUnreadableError} — the caller answers with a
 * problem and the conversation carries on — never as a crash and never with the ciphertext.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { piiVault, type VaultRow } from '#src/db/schema/pii.ts';
import { open, vaultAad } from './crypto.ts';
import type { VaultKeyring } from './keyring.ts';

export class VaultUnreadableError extends Error {
  constructor(
    readonly entityId: string,
    readonly keyVersion: number,
    readonly why: 'unknown_key_version' | 'decrypt_failed',
  ) {
    super(`vault entry ${entityId} (key version ${keyVersion}) could not be opened: ${why}`);
    this.name = 'VaultUnreadableError';
  }
}

export async function findVaultRow(
  db: Db,
  where: { tenantId: string; conversationId: string; entityId: string },
): Promise<VaultRow | null> {
  const [row] = await db
    .select()
    .from(piiVault)
    .where(
      and(
        eq(piiVault.id, where.entityId),
        eq(piiVault.tenantId, where.tenantId),
        eq(piiVault.conversationId, where.conversationId),
      ),
    );
  return row ?? null;
}

/** The raw value of a vault row; throws {@link VaultUnreadableError} when it does not open. */
export async function openVaultRow(keyring: VaultKeyring, row: VaultRow): Promise<string> {
  if (!keyring.has(row.keyVersion))
    throw new VaultUnreadableError(row.id, row.keyVersion, 'unknown_key_version');
  const key = await keyring.sealKey(row.tenantId, row.keyVersion);
  try {
    return await open(key, row, vaultAad(row));
  } catch {
    throw new VaultUnreadableError(row.id, row.keyVersion, 'decrypt_failed');
  }
}
