/**
 * @module The tenant's style guide for suggested replies: one JSON row per tenant, validated by the
 * same schema on the way in (admin PUT) and out (a row written by an older version still loads).
 * The embedded engine applies it to every suggestion, and the LLM draft is passed through it too.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { StyleGuide } from '#assist/copilot/index.ts';
import type { Db } from '#src/db/client.ts';
import { copilotStyleGuides } from '#src/db/schema/copilot.ts';

const Phrase = z.string().trim().min(1).max(100);

/** assist/copilot `StyleGuide` as stored and as the admin API accepts it. */
export const StyleGuideSchema = z
  .object({
    defaultLang: z.enum(['zh', 'en']).optional(),
    zhAddress: z.enum(['nin', 'ni']).optional(),
    enContractions: z.enum(['keep', 'expand']).optional(),
    opener: z
      .object({
        zh: z.string().trim().min(1).max(60).optional(),
        en: z.string().trim().min(1).max(120).optional(),
      })
      .strict()
      .optional(),
    bannedPhrases: z.array(Phrase).max(200).optional(),
    maxChars: z.number().int().min(40).max(2000).optional(),
  })
  .strict();

export type StyleGuideInput = z.infer<typeof StyleGuideSchema>;

// A compile-time check that the stored shape is the engine's: adding a field there fails here.
const _fits: StyleGuide = {} as StyleGuideInput;
void _fits;

export interface StoredStyleGuide {
  guide: StyleGuideInput;
  updatedAt: number | null;
  updatedBy: string | null;
}

/** The tenant's guide; an empty guide (engine defaults) when none was saved. */
export async function readStyleGuide(db: Db, tenantId: string): Promise<StoredStyleGuide> {
  const [row] = await db.select().from(copilotStyleGuides).where(eq(copilotStyleGuides.tenantId, tenantId));
  if (!row) return { guide: {}, updatedAt: null, updatedBy: null };
  const parsed = StyleGuideSchema.safeParse(row.guide);
  return {
    guide: parsed.success ? parsed.data : {},
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}

export async function writeStyleGuide(
  db: Db,
  tenantId: string,
  guide: StyleGuideInput,
  by: string,
  now: number,
): Promise<StoredStyleGuide> {
  await db
    .insert(copilotStyleGuides)
    .values({ tenantId, guide: { ...guide }, updatedBy: by, updatedAt: now })
    .onConflictDoUpdate({
      target: copilotStyleGuides.tenantId,
      set: { guide: { ...guide }, updatedBy: by, updatedAt: now },
    });
  return { guide, updatedAt: now, updatedBy: by };
}
