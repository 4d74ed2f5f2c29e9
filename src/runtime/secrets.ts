/**
 * @module Master key handling for Node and Deno. With TIDEDESK_MASTER_KEY set, it is used as is.
 * Without it, the embedded default generates one into the data folder on first start and says
 * so; a later start reads the same file. Sub-keys are derived with HMAC so the master key itself
 * is never used directly.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface MasterKey {
  key: string;
  source: 'env' | 'file' | 'generated';
  path?: string;
}

export function loadOrCreateMasterKey(envKey: string | undefined, dataDir: string): MasterKey {
  if (envKey) return { key: envKey, source: 'env' };
  const path = join(dataDir, 'master.key');
  if (existsSync(path)) {
    const key = readFileSync(path, 'utf8').trim();
    if (key.length < 32)
      throw new Error(
        `${path} is not a valid master key (expected 32+ characters); refusing to re-key silently.`,
      );
    return { key, source: 'file', path };
  }
  mkdirSync(dataDir, { recursive: true });
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const key = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  writeFileSync(path, `${key}\n`, { mode: 0o600 });
  return { key, source: 'generated', path };
}
