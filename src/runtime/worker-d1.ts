/**
 * @module The app's `Db` on Cloudflare D1: drizzle's D1 driver with a `batch` that also accepts
 * raw `db.run(sql…)` items. The stock D1 batch reads a prepared statement that raw items do not
 * have and throws "Cannot read properties of undefined (reading 'bind')" (drizzle-orm#2277, open
 * in 0.45); the conversation service batches raw SQL for its atomic writes, so this matters.
 */
import type { D1Database } from '@cloudflare/workers-types';
import { drizzle } from 'drizzle-orm/d1';
import type { Db } from '#src/db/client.ts';
import * as schema from '#src/db/schema/index.ts';

/** What drizzle's own batch uses from each item (internal API, stable across 0.3x–0.45). */
interface BatchItem {
  _prepare(): {
    getQuery(): { sql: string; params: unknown[] };
    mapResult(result: unknown, isFromBatch: boolean): unknown;
  };
}

export function openD1(d1: D1Database): Db {
  const db = drizzle(d1, { schema });
  // Same steps as drizzle's SQLiteD1Session.batch, but every statement is prepared from its SQL
  // text, which works for builder queries and raw SQL alike. D1 runs a batch as one transaction.
  const batch = async (queries: readonly BatchItem[]) => {
    const prepared = queries.map((q) => q._prepare());
    const statements = prepared.map((p) => {
      const { sql, params } = p.getQuery();
      return d1.prepare(sql).bind(...params);
    });
    const results = await d1.batch(statements);
    return results.map((result, i) => prepared[i]!.mapResult(result, true));
  };
  return Object.assign(db, { batch }) as unknown as Db;
}
