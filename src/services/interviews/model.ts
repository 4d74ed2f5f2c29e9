/**
 * @module The interview domain's validated shapes: thresholds (tenant defaults and per
 * campaign), anchored rating scales, questions, the campaign editor's input, and the keystroke
 * events the typing test sends. The routes build their request schemas from these; the tables
 * store what these accept.
 */
import { z } from '@hono/zod-openapi';
import { DEFAULT_TYPING_THRESHOLDS, PSC_BANDS } from '#assist/interview/index.ts';
import type { CampaignThresholds } from '#src/db/schema/interviews.ts';
import { INTERVIEW_LANGS, MEDIA_MODES } from '#src/db/schema/interviews.ts';

const PSC_BAND_NAMES = PSC_BANDS.map((b) => b.band) as [string, ...string[]];

export const ThresholdsSchema = z
  .object({
    typing: z.object({
      /** Net speed: 字/分 for a Chinese passage, WPM for an English one. */
      minNet: z.number().min(0).max(400),
      minAccuracy: z.number().min(0).max(1),
    }),
    speech: z
      .object({
        rateLow: z.number().min(0).max(600),
        rateHigh: z.number().min(0).max(600),
        maxPauseRatio: z.number().min(0).max(1),
        minFluencyBand: z.enum(PSC_BAND_NAMES).nullable(),
      })
      .refine((s) => s.rateLow <= s.rateHigh, {
        message: 'rateLow must not exceed rateHigh',
        path: ['rateLow'],
      }),
    total: z
      .object({
        /** Overall score (0–1) at or above which the advice is "advance". */
        advanceAt: z.number().min(0).max(1),
        /** Overall score (0–1) below which the advice is "not advance". */
        notAdvanceBelow: z.number().min(0).max(1),
      })
      .refine((t) => t.notAdvanceBelow <= t.advanceAt, {
        message: 'notAdvanceBelow must not exceed advanceAt',
        path: ['notAdvanceBelow'],
      }),
  })
  .openapi('InterviewThresholds');

/**
 * Product defaults: DOMAIN.md §4's ≥ 50 字/分 net at ≥ 95 % accuracy, §5's 二级乙等 for voice
 * roles and the customer-service speaking-rate band the speech module uses.
 */
export function defaultThresholds(typingLang: 'zh' | 'en' = 'zh'): CampaignThresholds {
  return {
    typing: { ...DEFAULT_TYPING_THRESHOLDS[typingLang] },
    speech: {
      rateLow: typingLang === 'zh' ? 150 : 110,
      rateHigh: typingLang === 'zh' ? 260 : 180,
      maxPauseRatio: 0.45,
      minFluencyBand: typingLang === 'zh' ? '二级乙等' : null,
    },
    total: { advanceAt: 0.7, notAdvanceBelow: 0.4 },
  };
}

export const RubricAnchorSchema = z.object({
  level: z.number().int().min(1).max(5),
  descriptor: z.string().trim().min(1).max(500),
  examples: z.array(z.string().trim().min(1).max(2000)).max(10).default([]),
});

/** An anchored 1–5 scale: exactly one anchor per level. */
export const RubricSchema = z
  .array(RubricAnchorSchema)
  .length(5, 'an anchored scale has one anchor for each level 1–5')
  .refine((r) => new Set(r.map((a) => a.level)).size === 5, { message: 'each level 1–5 exactly once' })
  .transform((r) => [...r].sort((a, b) => a.level - b.level));

export const QuestionInputSchema = z
  .object({
    /** Present when editing an existing question. */
    id: z.string().min(1).max(100).optional(),
    prompt: z.string().trim().min(1).max(2000),
    timeLimitSeconds: z.number().int().min(15).max(900),
    reference: z.string().trim().max(4000).nullable().default(null),
    rubric: RubricSchema,
    weight: z.number().positive().max(10).default(1),
  })
  .openapi('InterviewQuestionInput');

export const GroupFieldSchema = z
  .object({
    label: z.string().trim().min(1).max(100),
    options: z.array(z.string().trim().min(1).max(100)).min(2).max(20),
  })
  .openapi('InterviewGroupField');

export const CampaignInputSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    role: z.string().trim().min(1).max(200),
    language: z.enum(INTERVIEW_LANGS),
    typingLang: z.enum(INTERVIEW_LANGS),
    typingPassage: z.string().trim().min(20).max(4000),
    typingSeconds: z.number().int().min(30).max(900).default(120),
    /** Omitted: the tenant's defaults (or the product's). */
    thresholds: ThresholdsSchema.optional(),
    mediaMode: z.enum(MEDIA_MODES),
    groupField: GroupFieldSchema.nullable().default(null),
    status: z.enum(['draft', 'open', 'closed']).default('open'),
    questions: z.array(QuestionInputSchema).min(1).max(20),
  })
  .openapi('InterviewCampaignInput');
export type CampaignInput = z.infer<typeof CampaignInputSchema>;
export type QuestionInput = z.infer<typeof QuestionInputSchema>;

/** One captured browser event of the typing test (assist/interview/typing.ts KeystrokeEvent). */
export const KeystrokeEventSchema = z.object({
  t: z.number().finite(),
  type: z.enum(['keydown', 'input', 'compositionstart', 'compositionend', 'paste', 'drop', 'focus', 'blur']),
  data: z.string().max(2000).nullable().optional(),
  inputType: z.string().max(60).optional(),
});
