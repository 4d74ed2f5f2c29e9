/** @module Small reads the page shells need before their islands take over. */
import { eq, max } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { events } from '#src/db/schema/conversations.ts';

/**
 * The newest event id of the tenant when the page was rendered. Islands open the inbox stream
 * after it and load the current lists, so events that race the list load are replayed, not lost,
 * and a fresh page never replays the tenant's whole history.
 */
export async function latestEventId(db: Db, tenantId: string): Promise<number> {
  const [row] = await db
    .select({ id: max(events.id) })
    .from(events)
    .where(eq(events.tenantId, tenantId));
  return row?.id ?? 0;
}
