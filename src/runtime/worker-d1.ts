/**
 * @module The app's `Db` on Cloudflare D1: drizzle's D1 driver with two corrections.
 * - `batch` also accepts raw `db.run(sql…)` items. The stock D1 batch reads a prepared statement
 *   that raw items do not have and throws "Cannot read properties of undefined (reading 'bind')"
 *   (drizzle-orm#2277, open in 0.45); the conversation service batches raw SQL for its atomic
 *   writes, so this matters.
 * - Statements binding more than 100 parameters are refused, as deployed D1 does ("too many SQL
 *   variables"); the local D1 of `wrangler dev` accepts them, which would hide the bug until
 *   production.
 */
import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types';
import { drizzle } from 'drizzle-orm/d1';
import type { Db } from '#src/db/client.ts';
import * as schema from '#src/db/schema/index.ts';

/** D1's limit on bound parameters per statement. */
export const D1_MAX_BOUND_PARAMS = 100;

function checkParams(sql: string, values: unknown[]): void {
  if (values.length > D1_MAX_BOUND_PARAMS) {
    throw new Error(
      `too many SQL variables: ${values.length} bound parameters (D1 allows ${D1_MAX_BOUND_PARAMS}) in: ${sql.slice(0, 80)}…`,
    );
  }
}

/** Prepares a statement whose `bind` refuses more parameters than D1 allows. */
function prepareLimited(d1: D1Database, sql: string): D1PreparedStatement {
  const stmt = d1.prepare(sql);
  const bind = stmt.bind.bind(stmt);
  return Object.assign(stmt, {
    bind: (...values: unknown[]) => {
      checkParams(sql, values);
      return bind(...values);
    },
  });
}

/** What drizzle's own batch uses from each item (internal API, stable across 0.3x–0.45). */
interface BatchItem {
  _prepare(): {
    getQuery(): { sql: string; params: unknown[] };
    mapResult(result: unknown, isFromBatch: boolean): unknown;
  };
}

export function openD1(d1: D1Database): Db {
  // drizzle's D1 driver only calls prepare() and batch() on the binding.
  const client = { prepare: (sql: string) => prepareLimited(d1, sql), batch: d1.batch.bind(d1) };
  const db = drizzle(client as unknown as D1Database, { schema });
  // Same steps as drizzle's SQLiteD1Session.batch, but every statement is prepared from its SQL
  // text, which works for builder queries and raw SQL alike. D1 runs a batch as one transaction.
  const batch = async (queries: readonly BatchItem[]) => {
    const prepared = queries.map((q) => q._prepare());
    const statements = prepared.map((p) => {
      const { sql, params } = p.getQuery();
      return prepareLimited(d1, sql).bind(...params);
    });
    const results = await d1.batch(statements);
    return results.map((result, i) => prepared[i]!.mapResult(result, true));
  };
  return Object.assign(db, { batch }) as unknown as Db;
}
