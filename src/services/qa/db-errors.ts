/** @module Recognises a unique-constraint failure from libSQL or D1, however drizzle wrapped it. */

/** True when `err` (or an error in its cause chain) is SQLite's "UNIQUE constraint failed". */
export function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; depth++) {
    const message = e instanceof Error ? e.message : String(e);
    if (message.includes('UNIQUE constraint failed') || message.includes('SQLITE_CONSTRAINT_UNIQUE')) {
      return true;
    }
    e = e instanceof Error ? e.cause : undefined;
  }
  return false;
}
