/**
 * @module `tidedesk keys rotate [--new-key-env NAME] [--batch N]` and `tidedesk keys check`.
 *
 * Rotation re-seals every PII vault row under a new master key, one atomic batch at a time. The
 * new key is generated into data/master.key.next (or read from the variable NAME); the run can
 * be stopped at any point and started again, and only when every row has moved is the new version
 * activated and data/master.key replaced. Stop the server first: it holds the old key.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { type Env, loadEnv, readEnvVar } from '#src/config/env.ts';
import { piiVault } from '#src/db/schema/pii.ts';
import { openMigratedDb } from '#src/runtime/libsql.ts';
import { rotateVault } from '#src/services/pii/rotate.ts';
import {
  checkMasterKey,
  listVaultKeys,
  sameHex,
  VaultKeyError,
  verifierOf,
} from '#src/services/pii/vault-keys.ts';
import type { Output } from '../output.ts';

const MIN_KEY = 32;

export interface KeysArgs {
  sub: string | undefined;
  newKeyEnv?: string | undefined;
  batch?: number | undefined;
}

interface KeyAtHand {
  key: string;
  source: 'env' | 'file';
  path?: string;
}

/** The current key, without ever generating one (rotation must not invent a "current" key). */
function currentKey(env: Env): KeyAtHand {
  if (env.TIDEDESK_MASTER_KEY) return { key: env.TIDEDESK_MASTER_KEY, source: 'env' };
  const path = join(env.TIDEDESK_DATA_DIR, 'master.key');
  if (!existsSync(path)) {
    throw new VaultKeyError(
      'missing_key',
      `No master key: TIDEDESK_MASTER_KEY is not set and ${path} does not exist. Rotation needs the current key.`,
    );
  }
  return { key: readFileSync(path, 'utf8').trim(), source: 'file', path };
}

function newKey(env: Env, fromEnv: string | undefined): KeyAtHand & { generated: boolean } {
  if (fromEnv) {
    const key = readEnvVar(fromEnv)?.trim();
    if (!key || key.length < MIN_KEY) {
      throw new VaultKeyError(
        'missing_key',
        `--new-key-env ${fromEnv}: the variable is not set or shorter than ${MIN_KEY} characters.`,
      );
    }
    return { key, source: 'env', generated: false };
  }
  const path = join(env.TIDEDESK_DATA_DIR, 'master.key.next');
  if (existsSync(path))
    return { key: readFileSync(path, 'utf8').trim(), source: 'file', path, generated: false };
  mkdirSync(env.TIDEDESK_DATA_DIR, { recursive: true });
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const key = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  // Written before any row moves, so an interrupted run can be resumed with the same key.
  writeFileSync(path, `${key}\n`, { mode: 0o600 });
  return { key, source: 'file', path, generated: true };
}

/** Puts a generated key in place of data/master.key, or says where the operator must put it. */
function installKeyFile(
  out: Output,
  env: Env,
  current: KeyAtHand,
  next: KeyAtHand,
  args: KeysArgs,
): string | null {
  if (next.source === 'file' && next.path) {
    const keyFile = join(env.TIDEDESK_DATA_DIR, 'master.key');
    renameSync(next.path, keyFile);
    out.say(`The new key is now ${keyFile}; the old key is gone — back the new one up.`);
    if (current.source === 'env') {
      out.say(
        'TIDEDESK_MASTER_KEY still holds the retired key: set it to the new key (or unset it) before starting.',
      );
    }
    return keyFile;
  }
  out.say(`Set TIDEDESK_MASTER_KEY to the value of ${args.newKeyEnv} before starting the server.`);
  if (current.source === 'file')
    out.say(`${current.path} still holds the retired key: replace or delete it.`);
  return null;
}

async function rotate(out: Output, env: Env, args: KeysArgs): Promise<number> {
  const current = currentKey(env);
  const next = newKey(env, args.newKeyEnv);
  const { db, client } = await openMigratedDb(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  try {
    if (next.generated) out.say(`Generated a new master key into ${next.path}.`);
    const active = (await listVaultKeys(db)).find((k) => k.state === 'active');
    if (active && sameHex(active.verifier, await verifierOf(next.key))) {
      // An earlier run finished re-sealing but stopped before installing the key file.
      out.say(`The vault already uses the new key (version ${active.version}); installing the key file.`);
      const keyFile = installKeyFile(out, env, current, next, args);
      out.result({
        ok: true,
        fromVersion: null,
        toVersion: active.version,
        resumed: true,
        reencrypted: 0,
        unreadable: 0,
        batches: 0,
        keyFile,
      });
      return 0;
    }
    const report = await rotateVault(
      db,
      { current: current.key, next: next.key },
      {
        now: () => Date.now(),
        batchSize: args.batch ?? 200,
        onBatch: (r) =>
          out.say(
            `  re-sealed ${r.moved} value(s)${r.unreadableIds.length ? `, ${r.unreadableIds.length} unreadable` : ''}`,
          ),
      },
    );
    out.say(
      `Vault re-sealed from key version ${report.fromVersion} to ${report.toVersion}${report.resumed ? ' (resumed)' : ''}: ${report.reencrypted} value(s) in ${report.batches} batch(es), ${report.unreadable} unreadable left as they were.`,
    );
    const keyFile = installKeyFile(out, env, current, next, args);
    out.say('Signed-in sessions end with the old key (their signing key is derived from it).');
    out.result({
      ok: true,
      ...report,
      keyFile,
      newKeyFrom: next.source === 'env' ? `env:${args.newKeyEnv}` : 'file',
    });
    return 0;
  } finally {
    client.close();
  }
}

async function check(out: Output, env: Env): Promise<number> {
  const current = currentKey(env);
  const { db, client } = await openMigratedDb(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  try {
    const version = await checkMasterKey(db, current.key, current, Date.now());
    const counts = await db.all<{ version: number; n: number }>(
      sql`select key_version as version, count(*) as n from ${piiVault} group by key_version order by key_version`,
    );
    const versions = await listVaultKeys(db);
    out.say(`The master key matches the active vault key version ${version}.`);
    for (const v of versions) {
      const n = counts.find((c) => c.version === v.version)?.n ?? 0;
      out.say(`  version ${v.version}  ${v.state.padEnd(8)} ${n} value(s)`);
    }
    out.result({
      ok: true,
      activeVersion: version,
      versions: versions.map((v) => ({
        version: v.version,
        state: v.state,
        values: counts.find((c) => c.version === v.version)?.n ?? 0,
      })),
    });
    return 0;
  } finally {
    client.close();
  }
}

export async function keysCommand(out: Output, args: KeysArgs): Promise<number> {
  const env = loadEnv();
  if (args.batch !== undefined && !(Number.isInteger(args.batch) && args.batch > 0)) {
    console.error('--batch takes a positive whole number of rows per batch.');
    return 2;
  }
  try {
    if (args.sub === 'rotate') return await rotate(out, env, args);
    if (args.sub === 'check') return await check(out, env);
    console.error(
      'Usage: tidedesk keys rotate [--new-key-env NAME] [--batch N] [--json] | tidedesk keys check',
    );
    return 2;
  } catch (err) {
    if (!(err instanceof VaultKeyError)) throw err;
    console.error(err.message);
    out.result({ ok: false, error: err.problem, message: err.message });
    return 1;
  }
}
