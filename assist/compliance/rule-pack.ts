/**
 * @module Tenant rule packs: the zod schema admins save against, and `validateRulePack`, which the
 * admin API calls on save. A pack is versioned and bilingual; each rule has a category, a language,
 * a matcher (phrase list with negations and exceptions, regular expression, or one of the built-in
 * scorers with its own lexicon), a severity, a message and a suggested rewrite. Patterns anywhere
 * in the pack (pattern rules, disclosure cues) are rejected when invalid or prone to catastrophic
 * backtracking, with the field path (`rules.3.matcher.pattern`).
 */
import { z } from 'zod';
import { PiiTypeSchema } from '#src/core/pii/index.ts';
import { checkRegex } from './regex-safety.ts';
import { CATEGORIES, SEVERITIES } from './types.ts';

const Localized = z.object({ zh: z.string().min(1).max(500), en: z.string().min(1).max(500) });
const Phrase = z.string().trim().min(1).max(80);
const PhraseList = z.array(Phrase).max(1000);

/** Static check in the schema; validateRulePack adds the timed probes when an admin saves. */
function refinePattern(pattern: string, flags: string, ctx: z.RefinementCtx, path: (string | number)[]) {
  const check = checkRegex(pattern, flags, { probe: false });
  if (!check.ok) ctx.addIssue({ code: 'custom', path, message: check.reason });
}

const PhrasesMatcher = z.object({
  kind: z.literal('phrases'),
  phrases: PhraseList.min(1),
  exceptions: PhraseList.default([]),
  negations: PhraseList.default([]),
});

const PatternMatcher = z
  .object({
    kind: z.literal('pattern'),
    pattern: z.string().min(1).max(600),
    flags: z.string().max(3).default(''),
    exceptions: PhraseList.default([]),
    negations: PhraseList.default([]),
  })
  .superRefine((m, ctx) => refinePattern(m.pattern, m.flags, ctx, ['pattern']));

const PiiScorer = z.object({
  kind: z.literal('scorer'),
  scorer: z.literal('pii'),
  /** Entity types that count as a leak when shown in clear. */
  types: z.array(PiiTypeSchema).min(1),
  minScore: z.number().min(0).max(1).default(0.5),
});

const ToneScorer = z.object({
  kind: z.literal('scorer'),
  scorer: z.literal('tone'),
  /** One of these is enough (insults, ultimatums, open blame). */
  strong: PhraseList.default([]),
  /** Two of these, or one plus shouting (sarcasm markers, impatience). */
  weak: PhraseList.default([]),
  exceptions: PhraseList.default([]),
  negations: PhraseList.default([]),
  /** Flag long all-caps runs and !!! / ??? as shouting. */
  shouting: z.boolean().default(true),
});

const DisclosureScorer = z
  .object({
    kind: z.literal('scorer'),
    scorer: z.literal('disclosure'),
    /** Phrases that close the topic (还有其他问题吗, anything else …). */
    closings: PhraseList.min(1),
    /** mustDisclose key → patterns; the key counts as stated when any pattern matches. */
    cues: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,63}$/), z.array(z.string().min(1).max(300)).min(1)),
  })
  .superRefine((m, ctx) => {
    for (const [key, patterns] of Object.entries(m.cues)) {
      patterns.forEach((p, i) => {
        refinePattern(p, '', ctx, ['cues', key, i]);
      });
    }
  });

const KbTopic = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/),
  /** A broader topic this one narrows (size_exchange → exchange): when both occur, this one wins. */
  parent: z.string().optional(),
  keywords: PhraseList.min(1),
});

const KbScorer = z
  .object({
    kind: z.literal('scorer'),
    scorer: z.literal('kb'),
    topics: z.array(KbTopic).min(1).max(200),
    /** Words just before a number that make it case-specific, not a policy (已经, paid, been …). */
    ignoreBefore: PhraseList.default([]),
    /** Words just after a number's unit that make it case-specific (前, ago, late …). */
    ignoreAfter: PhraseList.default([]),
  })
  .superRefine((m, ctx) => {
    const ids = new Set(m.topics.map((t) => t.id));
    m.topics.forEach((t, i) => {
      if (t.parent !== undefined && !ids.has(t.parent)) {
        ctx.addIssue({
          code: 'custom',
          path: ['topics', i, 'parent'],
          message: `unknown topic "${t.parent}"`,
        });
      }
    });
  });

const OfferScorer = z.object({
  kind: z.literal('scorer'),
  scorer: z.literal('offer'),
  /** Cash, red packets, "pay you": beyond frontline authority at any amount. */
  cash: PhraseList.min(1),
  /** Coupons: beyond authority above the tenant's goodwill limit. */
  coupon: PhraseList.min(1),
  /** Offer verbs that make a coupon amount an offer (给您 / add / give you …). */
  offerVerbs: PhraseList.min(1),
  negations: PhraseList.default([]),
});

const ScorerMatcher = z.discriminatedUnion('scorer', [
  PiiScorer,
  ToneScorer,
  DisclosureScorer,
  KbScorer,
  OfferScorer,
]);

export const MatcherSchema = z.discriminatedUnion('kind', [PhrasesMatcher, PatternMatcher, ScorerMatcher]);
export type Matcher = z.infer<typeof MatcherSchema>;
export type ScorerSpec = z.infer<typeof ScorerMatcher>;
export const SCORERS = ['pii', 'tone', 'disclosure', 'kb', 'offer'] as const;

export const RuleSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'lower-case letters, digits, dot, dash, underscore'),
  category: z.enum(CATEGORIES),
  /** Which drafts the rule applies to: Chinese text, Latin text, or any. */
  lang: z.enum(['zh', 'en', 'any']),
  matcher: MatcherSchema,
  severity: z.enum(SEVERITIES),
  message: Localized,
  rewrite: Localized,
  enabled: z.boolean().default(true),
});
export type Rule = z.infer<typeof RuleSchema>;

export const RulePackSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/),
    version: z.number().int().min(1),
    name: Localized.optional(),
    rules: z.array(RuleSchema).min(1).max(500),
  })
  .superRefine((pack, ctx) => {
    const seen = new Map<string, number>();
    pack.rules.forEach((r, i) => {
      if (seen.has(r.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'id'],
          message: `duplicate rule id "${r.id}" (also rules.${seen.get(r.id)})`,
        });
      } else seen.set(r.id, i);
    });
  });
export type RulePack = z.infer<typeof RulePackSchema>;
/** What an admin submits (defaults not yet applied). */
export type RulePackInput = z.input<typeof RulePackSchema>;

/** One validation problem, with the dotted path of the field (`rules.3.matcher.pattern`). */
export interface RulePackError {
  path: string;
  message: string;
}

export type RulePackValidation = { ok: true; pack: RulePack } | { ok: false; errors: RulePackError[] };

/** Every pattern in a pack with its field path (pattern rules and disclosure cues). */
function* patternsOf(pack: RulePack): Generator<{ path: string; pattern: string; flags: string }> {
  for (const [i, rule] of pack.rules.entries()) {
    const m = rule.matcher;
    if (m.kind === 'pattern')
      yield { path: `rules.${i}.matcher.pattern`, pattern: m.pattern, flags: m.flags };
    if (m.kind === 'scorer' && m.scorer === 'disclosure') {
      for (const [key, list] of Object.entries(m.cues)) {
        for (const [j, pattern] of list.entries()) {
          yield { path: `rules.${i}.matcher.cues.${key}.${j}`, pattern, flags: '' };
        }
      }
    }
  }
}

/**
 * Validate a pack as submitted by an admin (schema, static regex safety, then every pattern timed on
 * long adversarial probes); never throws. `now` is injectable for tests.
 */
export function validateRulePack(input: unknown, now?: () => number): RulePackValidation {
  const parsed = RulePackSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    };
  }
  const errors: RulePackError[] = [];
  for (const { path, pattern, flags } of patternsOf(parsed.data)) {
    const check = checkRegex(pattern, flags, now ? { now } : {});
    if (!check.ok) errors.push({ path, message: check.reason });
  }
  return errors.length === 0 ? { ok: true, pack: parsed.data } : { ok: false, errors };
}
