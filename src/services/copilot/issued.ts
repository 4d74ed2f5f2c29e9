/**
 * @module Suggestions as shown: every suggestion an agent sees is stored once (feedback names it
 * by id, and must learn from the server — not the client — what was suggested, by which engine
 * and prompt). Ids are a hash of what was shown, so the same suggestions computed twice for the
 * same message and agent are one row. Three rows of 17 columns stay under D1's 100 bound
 * parameters per statement.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { type CopilotSuggestionRow, copilotSuggestions } from '#src/db/schema/copilot.ts';

export type IssuedSuggestion = CopilotSuggestionRow;

/** Rows per insert statement: 17 columns each, D1 allows 100 bound parameters. */
const ROWS_PER_STATEMENT = 5;

const hex = (bytes: ArrayBuffer) =>
  [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** A stable id for a suggestion shown to one agent for one message. */
export async function suggestionId(
  s: Pick<
    IssuedSuggestion,
    'tenantId' | 'conversationId' | 'agentId' | 'messageSeq' | 'provider' | 'source' | 'sourceId' | 'text'
  >,
): Promise<string> {
  const key = [
    s.tenantId,
    s.conversationId,
    s.agentId,
    s.messageSeq,
    s.provider,
    s.source,
    s.sourceId ?? '',
    s.text,
  ]
    .map(String)
    .join('\u0000');
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key));
  return `sg_${hex(digest).slice(0, 32)}`;
}

/** Stores suggestions as shown; ones already stored are left as they are. */
export async function recordIssued(db: Db, rows: readonly IssuedSuggestion[]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    await db
      .insert(copilotSuggestions)
      .values(rows.slice(i, i + ROWS_PER_STATEMENT))
      .onConflictDoNothing();
  }
}

export async function findIssued(db: Db, tenantId: string, id: string): Promise<IssuedSuggestion | null> {
  const [row] = await db
    .select()
    .from(copilotSuggestions)
    .where(and(eq(copilotSuggestions.id, id), eq(copilotSuggestions.tenantId, tenantId)));
  return row ?? null;
}
