/** @module Key derivation: HMAC-SHA256(master, purpose), so each purpose gets an independent key. */
export async function deriveKey(master: string, purpose: string): Promise<string> {
  const enc = new TextEncoder();
  const k = await crypto.subtle.importKey(
    'raw',
    enc.encode(master),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', k, enc.encode(purpose)));
  return Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('');
}
