/** @module The copilot suite's case shape: a conversation so far, the SOP step it is at, and what a good agent says next. */
import { z } from 'zod';

export const HistoryMessageSchema = z.object({
  role: z.enum(['customer', 'agent']),
  text: z.string().min(1),
});

export const CopilotCaseSchema = z
  .object({
    id: z.string().min(1),
    /** The customer's language, which the replies must be in. */
    lang: z.enum(['zh', 'en']),
    /** SOP key (or its skill key); null = a conversation without an SOP. */
    sop: z.string().min(1).nullable(),
    history: z.array(HistoryMessageSchema).min(1),
    /** The current step's key; `none` when `sop` is null. */
    expected_step: z.string().min(1),
    /** What a good agent would say next. */
    reference: z.string().min(1).optional(),
    /** Key facts the reply must carry ('1-3', '工作日'), matched case- and width-insensitively. */
    must_include: z.array(z.string().min(1)).optional(),
    /** Knowledge or reply ids that count as the right source (public sets: the governing policy section). */
    gold_sources: z.array(z.string().min(1)).optional(),
    /**
     * Whose SOPs and knowledge answer the case: the demo tenant (default) or a tenant built from a
     * public set (`tau2-retail`, `tau2-airline`, `tau2-telecom`, `tau2-banking`, `bitext`).
     */
    kb: z.string().min(1).optional(),
    /** Free labels for slicing the report: hard, injection, topic-switch, angry, mixed-language, fresh … */
    tags: z.array(z.string().min(1)).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.sop === null && c.expected_step !== 'none') {
      ctx.addIssue({ code: 'custom', path: ['expected_step'], message: 'must be "none" when sop is null' });
    }
  });
export type CopilotCase = z.infer<typeof CopilotCaseSchema>;

/** What the suite records per case: the step the engine chose and its top suggestions. */
export interface CopilotPrediction {
  step: string;
  lang: 'zh' | 'en';
  suggestions: { text: string; lang: 'zh' | 'en'; source: string; sourceId: string }[];
  injection: boolean;
}
