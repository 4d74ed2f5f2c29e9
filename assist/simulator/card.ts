/**
 * @module Scenario cards: what the bot customer wants, knows and hides, what the trainee must not
 * promise, and what counts as success. `ScenarioCardSchema` is the stored shape (per tenant,
 * versioned: a saved edit is a new `version`); `validateCard` is what the admin API calls on save —
 * the schema plus the cross-field checks that make a card impossible or contradictory, each
 * reported with its field path (`success.disclosures.1`) so the editor can point at it.
 */
import { z } from 'zod';
import { FACT_LEXICON, STEP_CUES } from './lexicon.ts';
import { affirmedHits, fold, phraseList } from './phrases.ts';
import type { SimSop, SopCatalogue } from './sop.ts';

export const TEMPERAMENTS = ['calm', 'anxious', 'angry', 'confused', 'talkative'] as const;
export type Temperament = (typeof TEMPERAMENTS)[number];

/** The rubric's dimensions, in report order. */
export const DIMENSIONS = [
  'sop_adherence',
  'compliance',
  'empathy',
  'accuracy',
  'resolution',
  'efficiency',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const MUST_NOT_ACCEPT_KINDS = [
  'promise',
  'fee',
  'policy',
  'privacy',
  'offplatform',
  'compensation',
  'escalation',
] as const;
export const OUTCOME_KINDS = ['resolve', 'decline', 'escalate'] as const;

const Phrase = z.string().trim().min(1).max(120);
const Phrases = z.array(Phrase).max(60);
const Key = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9_.-]*$/, 'lower-case letters, digits, _ . - only');
const Text = z.string().trim().min(1).max(1000);

export const KnownFactSchema = z.object({
  key: Key,
  text: Text,
  /** Phrases of a trainee question that get this answer; default: the lexicon's cues for `key`. */
  triggers: Phrases.optional(),
});

export const HiddenFactSchema = z.object({
  key: Key,
  text: Text,
  /** Only a question (or statement) matching one of these reveals the fact. */
  revealWhen: Phrases.min(1),
});

export const MustNotAcceptSchema = z.object({
  kind: z.enum(MUST_NOT_ACCEPT_KINDS),
  /** Affirmative phrases of the trainee that break the rule (negated ones do not count). */
  keywords: Phrases.min(1),
  why: Text,
});

/** A card-specific fact detector (τ² cards describe their facts this way). */
export const FactCueSchema = z.object({
  key: Key,
  kind: z.enum(['verify', 'disclose']),
  /** AND of OR-groups: covered once every group has matched in some turn (a plain list is one group). */
  cues: z.array(Phrases.min(1)).min(1).max(12),
  /** What the customer says when the trainee covers it (e.g. "Done, it works now"). */
  reply: Text.optional(),
  /** What the customer asks while it is missing. */
  customerAsk: Text.optional(),
});

export const OutcomeSchema = z.object({
  kind: z.enum(OUTCOME_KINDS),
  description: Text,
  /** AND of OR-groups of phrases: the trainee has delivered the outcome when every group matched. */
  cues: z.array(Phrases.min(1)).min(1).max(6),
});

export const SuccessSchema = z.object({
  stepsCovered: z.array(Key).max(20),
  disclosures: z.array(Key).max(20),
  /** Hidden facts the trainee must uncover. */
  reveal: z.array(Key).max(20).default([]),
  outcome: OutcomeSchema,
  /** Overall rubric score (0–100) needed on top of the criteria. */
  minScore: z.number().min(0).max(100).default(60),
});

export const PersonaSchema = z.object({
  temperament: z.enum(TEMPERAMENTS),
  name: z.string().trim().min(1).max(80).optional(),
  style: z.string().trim().min(1).max(300).optional(),
  /** Trainee turns the customer waits before giving up; default by temperament. */
  patience: z.number().int().min(2).max(40).optional(),
});

export const ScenarioCardSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(120)
    .regex(/^[a-z0-9][a-z0-9:._-]*$/, 'lower-case letters, digits, : _ . - only'),
  version: z.number().int().min(1),
  title: Text,
  sop: Key,
  skill: Key,
  lang: z.enum(['zh', 'en']),
  persona: PersonaSchema,
  /** What the customer opens with, in their own words. */
  goal: Text,
  knownFacts: z.array(KnownFactSchema).max(30),
  hiddenFacts: z.array(HiddenFactSchema).max(30),
  mustNotAccept: z.array(MustNotAcceptSchema).max(20),
  factCues: z.array(FactCueSchema).max(30).default([]),
  /** Reference sentences whose quantities count as correct for this card (besides the SOP's). */
  kbFacts: z.array(Text).max(30).default([]),
  success: SuccessSchema,
  difficulty: z.number().int().min(1).max(5),
  tags: z.array(Key).max(20).default([]),
});

export type ScenarioCard = z.infer<typeof ScenarioCardSchema>;
/** The shape a card is written in (defaults not yet applied). */
export type ScenarioCardInput = z.input<typeof ScenarioCardSchema>;

export interface CardIssue {
  /** Dotted field path, e.g. `success.disclosures.1`. */
  path: string;
  message: string;
}

export type CardValidation = { ok: true; card: ScenarioCard } | { ok: false; errors: CardIssue[] };

/** Whether a fact can be detected for this card: a card cue, or the lexicon's `ask`/`say`. */
export function hasDetector(
  card: Pick<ScenarioCard, 'factCues'>,
  key: string,
  kind: 'verify' | 'disclose',
): boolean {
  if (card.factCues.some((c) => c.key === key && c.kind === kind)) return true;
  const lex = FACT_LEXICON[key];
  return kind === 'verify' ? (lex?.ask?.length ?? 0) > 0 : (lex?.say?.length ?? 0) > 0;
}

/** Whether a step can ever be detected as covered. */
function stepDetectable(card: ScenarioCard, sop: SimSop, stepKey: string): boolean {
  const step = sop.steps.find((s) => s.key === stepKey);
  if (!step) return false;
  if (STEP_CUES[step.key]) return true;
  // Same rule as coverage (coaching.ts): one of the step's facts, verified or disclosed.
  return (
    step.mustDisclose.some((f) => hasDetector(card, f, 'disclose')) ||
    step.mustVerify.some((f) => hasDetector(card, f, 'verify'))
  );
}

function crossChecks(card: ScenarioCard, sops: SopCatalogue): CardIssue[] {
  const issues: CardIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  const sop = sops.get(card.sop);
  if (!sop) {
    add('sop', `unknown SOP "${card.sop}"`);
    return issues;
  }
  if (sop.skill !== card.skill)
    add('skill', `SOP "${sop.key}" belongs to skill "${sop.skill}", not "${card.skill}"`);

  const stepKeys = new Set(sop.steps.map((s) => s.key));
  const seenSteps = new Set<string>();
  card.success.stepsCovered.forEach((k, i) => {
    const path = `success.stepsCovered.${i}`;
    if (seenSteps.has(k)) add(path, `step "${k}" is listed twice`);
    seenSteps.add(k);
    if (!stepKeys.has(k)) add(path, `SOP "${sop.key}" has no step "${k}"`);
    else if (!stepDetectable(card, sop, k))
      add(path, `step "${k}" has no cue or detectable fact, so it can never be covered`);
  });

  const disclosable = new Set(sop.steps.flatMap((s) => s.mustDisclose));
  card.success.disclosures.forEach((k, i) => {
    const path = `success.disclosures.${i}`;
    if (!disclosable.has(k)) add(path, `no step of SOP "${sop.key}" discloses "${k}"`);
    else if (!hasDetector(card, k, 'disclose'))
      add(path, `no detector for disclosure "${k}" (add a factCue)`);
  });

  const known = new Map(card.knownFacts.map((f, i) => [f.key, i]));
  const seenKnown = new Set<string>();
  card.knownFacts.forEach((f, i) => {
    if (seenKnown.has(f.key)) add(`knownFacts.${i}.key`, `fact "${f.key}" is listed twice`);
    seenKnown.add(f.key);
    const lexAsk = FACT_LEXICON[f.key]?.ask ?? [];
    if ((f.triggers ?? []).length === 0 && lexAsk.length === 0) {
      add(`knownFacts.${i}.triggers`, `no trainee question can reach fact "${f.key}": give it triggers`);
    }
  });
  const hidden = new Set<string>();
  card.hiddenFacts.forEach((f, i) => {
    if (known.has(f.key))
      add(
        `hiddenFacts.${i}.key`,
        `fact "${f.key}" is both known (knownFacts.${known.get(f.key)}) and hidden`,
      );
    if (hidden.has(f.key)) add(`hiddenFacts.${i}.key`, `fact "${f.key}" is listed twice`);
    hidden.add(f.key);
  });
  card.success.reveal.forEach((k, i) => {
    if (!hidden.has(k)) add(`success.reveal.${i}`, `"${k}" is not a hidden fact of this card`);
  });

  const outcomePhrases = card.success.outcome.cues.flat().map(fold);
  const requiredScripts = sop.steps
    .filter((s) => card.success.stepsCovered.includes(s.key))
    .map((s) => ({ key: s.key, text: fold(s.script?.[card.lang] ?? '') }))
    .filter((s) => s.text.length > 0);
  card.mustNotAccept.forEach((rule, i) => {
    if (rule.kind === 'escalation' && card.success.outcome.kind === 'escalate') {
      add(`mustNotAccept.${i}.kind`, 'forbids escalation, but the outcome is an escalation');
    }
    rule.keywords.forEach((kw, j) => {
      const list = phraseList([kw]);
      const clash = outcomePhrases.find((p) => affirmedHits(list, p).length > 0);
      if (clash !== undefined) {
        add(
          `mustNotAccept.${i}.keywords.${j}`,
          `forbids "${kw}", which the success outcome requires ("${clash}")`,
        );
        return;
      }
      const script = requiredScripts.find((s) => affirmedHits(list, s.text).length > 0);
      if (script) {
        add(
          `mustNotAccept.${i}.keywords.${j}`,
          `forbids "${kw}", which required SOP step "${script.key}" says`,
        );
      }
    });
  });
  return issues;
}

/** Parse and check a card; what the admin API calls on save. */
export function validateCard(input: unknown, sops: SopCatalogue): CardValidation {
  const parsed = ScenarioCardSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    };
  }
  const errors = crossChecks(parsed.data, sops);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, card: parsed.data };
}

/** Parse a card that must be valid (seed and import code); throws with every issue listed. */
export function defineCard(input: ScenarioCardInput, sops: SopCatalogue): ScenarioCard {
  const v = validateCard(input, sops);
  if (!v.ok) {
    throw new TypeError(
      `Invalid scenario card ${input.id}: ${v.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
    );
  }
  return v.card;
}
