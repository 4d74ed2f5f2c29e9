/** @module The pii suite's case shape: a text and its gold entity spans. */
import { z } from 'zod';
import { PiiTypeSchema } from '#src/core/pii/types.ts';

export const PiiSpanSchema = z.object({
  type: PiiTypeSchema,
  /** JavaScript string indices (UTF-16 code units), end exclusive. */
  start: z.number().int().min(0),
  end: z.number().int().min(1),
});

export const PiiCaseSchema = z
  .object({
    id: z.string().min(1),
    lang: z.enum(['zh', 'en']),
    text: z.string().min(1),
    entities: z.array(PiiSpanSchema),
    /**
     * Optional: the only entity types this case is annotated for. Predictions of other types are
     * ignored (public sets that label a subset of types). Absent = every type counts.
     */
    scoredTypes: z.array(PiiTypeSchema).optional(),
  })
  .superRefine((c, ctx) => {
    c.entities.forEach((e, i) => {
      if (e.end <= e.start || e.end > c.text.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['entities', i],
          message: 'span must satisfy start < end ≤ text.length',
        });
      }
      const prev = c.entities[i - 1];
      if (prev && e.start < prev.end) {
        ctx.addIssue({
          code: 'custom',
          path: ['entities', i],
          message: 'spans must be sorted and not overlap',
        });
      }
    });
  });
export type PiiCase = z.infer<typeof PiiCaseSchema>;
