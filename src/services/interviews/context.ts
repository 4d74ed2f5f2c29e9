/** @module What every interview service module is handed, and small shared helpers. */
import { getTableColumns, type Table } from 'drizzle-orm';
import type { Assist } from '#assist/index.ts';
import type { Db } from '#src/db/client.ts';
import type { Clock } from '#src/ports/clock.ts';
import type { Ids } from '#src/ports/ids.ts';
import type { Logger } from '#src/ports/logger.ts';
import type { RecordingStore } from './recording-port.ts';

export interface InterviewDeps {
  db: Db;
  clock: Clock;
  ids: Ids;
  logger: Logger;
  assist: Assist;
  recordings: RecordingStore;
}

/** D1 binds at most 100 parameters per statement; IN lists and multi-row inserts stay under it. */
export const MAX_PARAMS = 100;

/** Split `xs` into slices of at most `size`. */
export function chunked<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/**
 * Rows per multi-row insert into `table`: drizzle binds every column of every row (defaults
 * included), so the table's whole column count is what each row costs.
 */
export const rowsPerInsert = (table: Table) =>
  Math.max(1, Math.floor(MAX_PARAMS / Object.keys(getTableColumns(table)).length));

/** Recording bytes are stored per tenant. */
export const recordingKey = (tenantId: string, recordingId: string) => `${tenantId}/${recordingId}`;
