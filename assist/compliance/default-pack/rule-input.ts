/** @module The authoring type of default-pack rules: what an admin would submit (defaults optional). */
import type { z } from 'zod';
import type { RuleSchema } from '../rule-pack.ts';

export type RuleInput = z.input<typeof RuleSchema>;
