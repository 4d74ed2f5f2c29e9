/**
 * @module Vault cryptography on WebCrypto only (Node, Deno and Workers alike): per-tenant AES-GCM
 * and HMAC keys derived with HKDF-SHA-256 from the master key, sealing with the row's identity as
 * associated data (a ciphertext copied to another row or tenant does not open), and the key-check
 * value that tells whether a master key is the one a database was sealed under.
 */

const enc = new TextEncoder();
const dec = new TextDecoder();

/** HKDF salt: fixed per purpose, so vault keys never coincide with other derived keys. */
const VAULT_SALT = enc.encode('tidedesk/pii-vault/v1');
const CHECK_LABEL = enc.encode('tidedesk/pii-vault/key-check/v1');
const IV_BYTES = 12;

export function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(bin);
}

export function fromBase64(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

const toHex = (buf: ArrayBuffer) =>
  Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');

/** The master key as HKDF input keying material; never usable for anything but derivation. */
export function importMaster(master: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', enc.encode(master), 'HKDF', false, ['deriveKey']);
}

const hkdf = (info: string) => ({
  name: 'HKDF',
  hash: 'SHA-256',
  salt: VAULT_SALT,
  info: enc.encode(info),
});

/** The AES-256-GCM key that seals one tenant's values. */
export function tenantSealKey(master: CryptoKey, tenantId: string): Promise<CryptoKey> {
  return crypto.subtle.deriveKey(hkdf(`seal:${tenantId}`), master, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
}

/** The HMAC key for one tenant's text fingerprints (retry detection without storing raw text). */
export function tenantMacKey(master: CryptoKey, tenantId: string): Promise<CryptoKey> {
  return crypto.subtle.deriveKey(hkdf(`mac:${tenantId}`), master, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
}

/** HMAC of a fixed label under a key derived for the purpose: stored, it identifies the key. */
export async function keyCheckValue(master: CryptoKey): Promise<string> {
  const key = await crypto.subtle.deriveKey(
    hkdf('key-check'),
    master,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return toHex(await crypto.subtle.sign('HMAC', key, CHECK_LABEL));
}

export async function macHex(key: CryptoKey, text: string): Promise<string> {
  return toHex(await crypto.subtle.sign('HMAC', key, enc.encode(text)));
}

export interface Sealed {
  iv: string;
  ciphertext: string;
}

/** AES-GCM with a random 96-bit nonce; `aad` binds the ciphertext to where it is stored. */
export async function seal(key: CryptoKey, plaintext: string, aad: string): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ct = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: enc.encode(aad) },
    key,
    enc.encode(plaintext),
  );
  return { iv: toBase64(iv), ciphertext: toBase64(new Uint8Array(ct)) };
}

/** Opens a sealed value; throws (an OperationError) on a wrong key, tampering or a moved row. */
export async function open(key: CryptoKey, sealed: Sealed, aad: string): Promise<string> {
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: fromBase64(sealed.iv), additionalData: enc.encode(aad) },
    key,
    fromBase64(sealed.ciphertext),
  );
  return dec.decode(plain);
}

/** Associated data of a vault row: its tenant, its entity id and its type. */
export const vaultAad = (row: { tenantId: string; id: string; type: string }) =>
  `${row.tenantId}\u0000${row.id}\u0000${row.type}`;
