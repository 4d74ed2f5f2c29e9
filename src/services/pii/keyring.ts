/**
 * @module The vault keyring: master keys by version and the per-tenant keys derived from them
 * (cached, derivation is not free). The app holds one version, the active one; the rotation
 * command holds two, the retiring one and its successor.
 */
import { importMaster, tenantMacKey, tenantSealKey } from './crypto.ts';

export interface VaultKeyring {
  /** The version new values are sealed under and text fingerprints are made with. */
  readonly activeVersion: number;
  /** Whether this keyring can open values sealed under `version`. */
  has(version: number): boolean;
  /** AES-GCM key of one tenant under one key version. */
  sealKey(tenantId: string, version: number): Promise<CryptoKey>;
  /** HMAC key of one tenant under the active version. */
  macKey(tenantId: string): Promise<CryptoKey>;
}

/** Raised when a value was sealed under a version this keyring does not hold. */
export class UnknownKeyVersionError extends Error {
  constructor(readonly version: number) {
    super(`vault key version ${version} is not loaded`);
    this.name = 'UnknownKeyVersionError';
  }
}

export function createKeyring(masters: ReadonlyMap<number, string>, activeVersion: number): VaultKeyring {
  if (!masters.has(activeVersion)) throw new UnknownKeyVersionError(activeVersion);
  const imported = new Map<number, Promise<CryptoKey>>();
  const derived = new Map<string, Promise<CryptoKey>>();
  const master = (version: number) => {
    const raw = masters.get(version);
    if (raw === undefined) throw new UnknownKeyVersionError(version);
    let key = imported.get(version);
    if (!key) {
      key = importMaster(raw);
      imported.set(version, key);
    }
    return key;
  };
  const cached = (id: string, make: () => Promise<CryptoKey>) => {
    let key = derived.get(id);
    if (!key) {
      key = make();
      derived.set(id, key);
      // A failed derivation is not cached, so a transient failure does not stick.
      key.catch(() => derived.delete(id));
    }
    return key;
  };
  return {
    activeVersion,
    has: (version) => masters.has(version),
    sealKey: (tenantId, version) =>
      cached(`s${version}:${tenantId}`, async () => tenantSealKey(await master(version), tenantId)),
    macKey: (tenantId) =>
      cached(`m${activeVersion}:${tenantId}`, async () =>
        tenantMacKey(await master(activeVersion), tenantId),
      ),
  };
}
