/** @module The intent suite's case shape: a customer message and its gold SOP key ('none' = out of scope). */
import { z } from 'zod';

export const IntentCaseSchema = z.object({
  id: z.string().min(1),
  lang: z.enum(['zh', 'en']),
  text: z.string().min(1),
  /** An SOP key (authored set), an intent name (public sets) or 'none' for out of scope. */
  label: z.string().min(1),
});

export type IntentCase = z.infer<typeof IntentCaseSchema>;
