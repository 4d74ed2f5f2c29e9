/**
 * @module libSQL on Node and Deno: open the embedded file (or Turso), apply the migrations from
 * `migrations/`. Workers use D1 instead and wrangler applies the same migration files.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Client, createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import type { Db } from '#src/db/client.ts';
import * as schema from '#src/db/schema/index.ts';

export const MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../migrations');

export interface OpenDb {
  db: Db;
  client: Client;
}

export function openLibsql(url: string, authToken?: string): OpenDb {
  if (url.startsWith('file:')) {
    const path = url.slice('file:'.length);
    if (path && path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  }
  const client = createClient({ url, ...(authToken ? { authToken } : {}) });
  const db = drizzle(client, { schema }) as unknown as Db;
  return { db, client };
}

export async function configureConnection(client: Client, url: string): Promise<void> {
  if (url.startsWith('file:') && !url.includes(':memory:')) {
    // WAL lets SSE readers run while a writer commits; NORMAL sync is durable across process
    // crashes (SIGKILL) in WAL mode, which is the failure the product promises to survive.
    await client.execute('PRAGMA journal_mode = WAL');
    await client.execute('PRAGMA synchronous = NORMAL');
    await client.execute('PRAGMA busy_timeout = 5000');
  }
  await client.execute('PRAGMA foreign_keys = ON');
}

export async function migrateDb(db: Db): Promise<void> {
  // biome-ignore lint/suspicious/noExplicitAny: the migrator wants the concrete libSQL type.
  await migrate(db as any, { migrationsFolder: MIGRATIONS_DIR });
}

/** Open, configure and migrate in one call — what `serve`, `migrate` and tests all need. */
export async function openMigratedDb(url: string, authToken?: string): Promise<OpenDb> {
  const open = openLibsql(url, authToken);
  await configureConnection(open.client, url);
  await migrateDb(open.db);
  return open;
}
