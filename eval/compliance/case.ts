/**
 * @module The compliance suite's case and prediction shapes. A case is an agent draft with its
 * optional SOP context and the categories a reviewer expects (`[]` = clean). `scope` limits the
 * categories a case is scored on: the public tone sets label tone only, so their cases carry
 * `scope: ['rude_tone']` and a PII finding in a Weibo comment neither helps nor hurts.
 */
import { z } from 'zod';
import { CATEGORIES, type Category } from '#assist/compliance/types.ts';

export const ComplianceCaseSchema = z.object({
  id: z.string().min(1),
  lang: z.enum(['zh', 'en']),
  draft: z.string(),
  context: z
    .object({
      customer: z.string().optional(),
      sop: z.string().optional(),
      step: z.string().optional(),
    })
    .optional(),
  expected: z.array(z.enum(CATEGORIES)),
  /** Why a hard negative is clean, or what a case tests. */
  note: z.string().optional(),
  /** Categories this case is scored on; absent = all six. */
  scope: z.array(z.enum(CATEGORIES)).min(1).optional(),
});
export type ComplianceCase = z.infer<typeof ComplianceCaseSchema>;

/** What predict() returns for one draft. */
export interface CompliancePrediction {
  /** Categories with at least one finding of severity warn or block. */
  categories: Category[];
  /** Categories with at least one block finding. */
  blocked: Category[];
  /** The findings, without messages, for the per-case records. */
  findings: { rule: string; category: Category; severity: string; start: number; end: number }[];
}
