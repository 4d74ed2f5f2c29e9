/**
 * @module The database type the app works with. libSQL (file, Turso) and D1 are both async
 * SQLite dialects in drizzle with atomic `batch`, so services are written once against this type.
 */
import type { LibSQLDatabase } from 'drizzle-orm/libsql';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type * as schema from './schema/index.ts';

export type Schema = typeof schema;
// biome-ignore lint/suspicious/noExplicitAny: the run-result type differs between libSQL and D1.
export type Db = BaseSQLiteDatabase<'async', any, Schema> & { batch: LibSQLDatabase<Schema>['batch'] };
