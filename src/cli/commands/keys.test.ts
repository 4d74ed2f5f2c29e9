/**
 * The master key at the command line, as an operator meets it: `tidedesk serve` refuses a wrong or
 * missing key with a message naming what to fix, and `tidedesk keys rotate` re-seals the vault
 * (generated key or --new-key-env) with a JSON report last.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '#src/config/env.ts';
import { piiVault } from '#src/db/schema/pii.ts';
import { boot } from '#src/runtime/boot.ts';
import { openMigratedDb } from '#src/runtime/libsql.ts';
import { createKeyring } from '#src/services/pii/keyring.ts';
import { openVaultRow } from '#src/services/pii/vault.ts';

const dir = mkdtempSync(join(tmpdir(), 'tidedesk-keys-'));
const DATABASE_URL = `file:${join(dir, 'keys.db')}`;
const keyFile = join(dir, 'master.key');
const NEXT_KEY = 'operator-supplied-key-0123456789abcdef01234567';
const RAW = ['13812345678', 'zhang.wei@example.com', '13912345678', '11010519491231002X'];

function tidedesk(args: string[], env: Record<string, string> = {}) {
  const base: Record<string, string | undefined> = { ...process.env };
  delete base.TIDEDESK_MASTER_KEY;
  const res = spawnSync(process.execPath, ['bin/tidedesk.js', ...args], {
    encoding: 'utf8',
    env: { ...base, DATABASE_URL, TIDEDESK_DATA_DIR: dir, PORT: '0', TIDEDESK_LOG_LEVEL: 'warn', ...env },
    timeout: 90_000,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}
const lastJson = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;

async function rawValues(master: string, version: number): Promise<string[]> {
  const { db, client } = await openMigratedDb(DATABASE_URL);
  try {
    const ring = createKeyring(new Map([[version, master]]), version);
    const rows = await db.select().from(piiVault);
    return (await Promise.all(rows.map((r) => openVaultRow(ring, r)))).sort();
  } finally {
    client.close();
  }
}

beforeAll(async () => {
  // First start as `tidedesk serve` does it: no key configured, so one is generated into the data dir.
  const booted = await boot(parseEnv({ DATABASE_URL, TIDEDESK_DATA_DIR: dir, TIDEDESK_LOG_LEVEL: 'silent' }));
  try {
    expect(booted.masterKey.source).toBe('generated');
    for (const [i, text] of [`手机 ${RAW[0]}，邮箱 ${RAW[1]}`, `电话 ${RAW[2]} 身份证 ${RAW[3]}`].entries()) {
      const session = await booted.app.request('/api/v1/widget/sessions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ tenant: 'demo' }),
      });
      const { token } = (await session.json()) as { token: string };
      const res = await booted.app.request('/api/v1/conversations', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ text, clientMessageId: `c-${i}` }),
      });
      expect(res.status).toBe(201);
    }
  } finally {
    (booted.deps as { dispatch?: { stop(): void } }).dispatch?.stop();
    booted.database.client.close();
  }
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('master key at start and rotation', () => {
  it('serve refuses a wrong TIDEDESK_MASTER_KEY with a clear message (exit 78, no stack trace)', () => {
    const res = tidedesk(['serve'], { TIDEDESK_MASTER_KEY: 'x'.repeat(40) });
    expect(res.code).toBe(78);
    expect(res.stderr).toContain('The master key from TIDEDESK_MASTER_KEY does not match');
    expect(res.stderr).toContain('Refusing to start');
    expect(res.stderr).not.toMatch(/\n\s+at /);
  }, 90_000);

  it('serve refuses to start without a key once the vault is in use, and leaves no new key behind', () => {
    const kept = `${keyFile}.kept`;
    renameSync(keyFile, kept);
    try {
      const res = tidedesk(['serve']);
      expect(res.code).toBe(78);
      expect(res.stderr).toContain('No master key found');
      expect(res.stderr).toContain('TIDEDESK_MASTER_KEY');
      expect(existsSync(keyFile)).toBe(false);
    } finally {
      renameSync(kept, keyFile);
    }
  }, 90_000);

  it('keys rotate re-seals every value under a generated key and installs it; keys check agrees', async () => {
    const oldKey = readFileSync(keyFile, 'utf8').trim();
    expect(await rawValues(oldKey, 1)).toEqual([...RAW].sort());
    const res = tidedesk(['keys', 'rotate', '--batch', '1', '--json']);
    expect(res.code, res.stderr).toBe(0);
    expect(lastJson(res.stdout)).toMatchObject({
      ok: true,
      fromVersion: 1,
      toVersion: 2,
      reencrypted: 4,
      unreadable: 0,
      batches: 4,
      keyFile,
    });
    const newKey = readFileSync(keyFile, 'utf8').trim();
    expect(newKey).not.toBe(oldKey);
    expect(existsSync(`${keyFile}.next`)).toBe(false);
    expect(await rawValues(newKey, 2)).toEqual([...RAW].sort());
    const check = tidedesk(['keys', 'check', '--json']);
    expect(lastJson(check.stdout)).toMatchObject({
      ok: true,
      activeVersion: 2,
      versions: [
        { version: 1, state: 'retired', values: 0 },
        { version: 2, state: 'active', values: 4 },
      ],
    });
    // The retired key is refused at start, and the message says so.
    const stale = tidedesk(['serve'], { TIDEDESK_MASTER_KEY: oldKey });
    expect(stale.code).toBe(78);
    expect(stale.stderr).toContain('retired vault key version 1');
  }, 180_000);

  it('keys rotate --new-key-env takes the new key from a variable and says where to put it', async () => {
    const res = tidedesk(['keys', 'rotate', '--new-key-env', 'TD_NEXT_KEY', '--json'], {
      TD_NEXT_KEY: NEXT_KEY,
    });
    expect(res.code, res.stderr).toBe(0);
    expect(lastJson(res.stdout)).toMatchObject({
      ok: true,
      fromVersion: 2,
      toVersion: 3,
      reencrypted: 4,
      keyFile: null,
    });
    expect(res.stderr).toContain('Set TIDEDESK_MASTER_KEY to the value of TD_NEXT_KEY');
    expect(await rawValues(NEXT_KEY, 3)).toEqual([...RAW].sort());
    const check = tidedesk(['keys', 'check', '--json'], { TIDEDESK_MASTER_KEY: NEXT_KEY });
    expect(lastJson(check.stdout)).toMatchObject({ ok: true, activeVersion: 3 });
    const missing = tidedesk(['keys', 'rotate', '--new-key-env', 'TD_NOT_SET', '--json'], {
      TIDEDESK_MASTER_KEY: NEXT_KEY,
    });
    expect(missing.code).toBe(1);
    expect(lastJson(missing.stdout)).toMatchObject({ ok: false, error: 'missing_key' });
  }, 180_000);
});
