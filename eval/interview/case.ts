/**
 * @module The `interview` case schema: one scored answer to one question. Scores are integers on
 * the case's own scale (scale_min, default 0, to scale_max) — QWK needs integer categories, so
 * public sets with half or tenth points are rescaled by their loaders (see loaders.ts).
 */
import { z } from 'zod';

export const RubricLevelSchema = z.object({
  level: z.number().int(),
  descriptor: z.string().optional(),
  examples: z.array(z.string()).optional(),
});

export const InterviewCaseSchema = z
  .object({
    id: z.string().min(1),
    lang: z.enum(['zh', 'en']),
    question: z.string().min(1),
    /** Groups answers to the same question when the question text is not unique (optional). */
    question_id: z.string().optional(),
    /** One reference answer, or several equally good ones. */
    reference: z.union([z.string(), z.array(z.string())]).optional(),
    /** Anchored rating scale: levels with a descriptor and example answers. */
    rubric: z.array(RubricLevelSchema).optional(),
    answer: z.string(),
    human_score: z.number().int(),
    scale_min: z.number().int().default(0),
    scale_max: z.number().int(),
  })
  .refine((c) => c.scale_max > c.scale_min, {
    message: 'scale_max must be above scale_min',
    path: ['scale_max'],
  })
  .refine((c) => c.human_score >= c.scale_min && c.human_score <= c.scale_max, {
    message: 'human_score must lie within scale_min..scale_max',
    path: ['human_score'],
  });

export type InterviewCase = z.infer<typeof InterviewCaseSchema>;
