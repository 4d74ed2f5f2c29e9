/**
 * @module Input and output schemas of the shipped prompts. Each prompt id registers one zod input
 * schema (shared by all its versions; a version may use fewer inputs than the schema has) and names
 * its output schema in front matter. Input schemas may transform — e.g. a transcript array becomes
 * the text lines the template shows — so the renderer fills placeholders from the parsed output.
 *
 * Output schemas are sent to providers as JSON Schema in strict mode, so every field is required
 * (use `.nullable()` for "may be absent").
 */
import { z } from 'zod';

const Lang = z.enum(['zh', 'en']);

const Turn = z.object({
  role: z.enum(['customer', 'agent']),
  text: z.string().max(4000),
});

/** Transcript turns → "customer: …" lines, newest last; capped so prompts stay bounded. */
const Transcript = z
  .array(Turn)
  .max(200)
  .transform((turns) =>
    turns
      .slice(-30)
      .map((t) => `${t.role}: ${t.text.replace(/\s+/g, ' ')}`)
      .join('\n'),
  );

const KnowledgeItem = z.object({ id: z.string(), title: z.string(), excerpt: z.string().max(2000) });

const Knowledge = z
  .array(KnowledgeItem)
  .max(10)
  .transform((items) =>
    items.length === 0 ? '(none)' : items.map((k) => `[${k.id}] ${k.title}: ${k.excerpt}`).join('\n'),
  );

export const CopilotReplyInputSchema = z.object({
  lang: Lang,
  tenant: z.string().min(1),
  sopTitle: z.string().min(1),
  stepScript: z.string(),
  knowledge: Knowledge,
  transcript: Transcript,
  count: z.number().int().min(1).max(5),
});
export type CopilotReplyInput = z.input<typeof CopilotReplyInputSchema>;

export const CopilotSuggestionsSchema = z.object({
  suggestions: z
    .array(
      z.object({
        text: z.string().min(1),
        source: z.enum(['sop', 'knowledge', 'model']),
        /** Knowledge article id or SOP step id the suggestion rests on. */
        sourceId: z.string().nullable(),
        confidence: z.number().min(0).max(1),
      }),
    )
    .max(5),
});
export type CopilotSuggestions = z.infer<typeof CopilotSuggestionsSchema>;

const Rule = z.object({ id: z.string(), description: z.string() });

export const ComplianceJudgeInputSchema = z.object({
  lang: Lang,
  draft: z.string().min(1).max(4000),
  transcript: Transcript,
  rules: z
    .array(Rule)
    .min(1)
    .max(50)
    .transform((rules) => rules.map((r) => `- ${r.id}: ${r.description}`).join('\n')),
  knowledge: Knowledge,
});
export type ComplianceJudgeInput = z.input<typeof ComplianceJudgeInputSchema>;

export const ComplianceVerdictSchema = z.object({
  findings: z
    .array(
      z.object({
        ruleId: z.string(),
        severity: z.enum(['info', 'warn', 'block']),
        /** The exact words of the draft the finding is about. */
        quote: z.string(),
        explanation: z.string(),
        rewrite: z.string().nullable(),
      }),
    )
    .max(20),
  complaintRisk: z.number().min(0).max(1),
});
export type ComplianceVerdict = z.infer<typeof ComplianceVerdictSchema>;

const Lines = (empty: string) =>
  z
    .array(z.string().max(1000))
    .max(40)
    .transform((items) => (items.length === 0 ? empty : items.map((i) => `- ${i}`).join('\n')));

/** The bot customer of the simulation training cabin (assist/simulator; src/services/training). */
export const SimulatorPersonaInputSchema = z.object({
  lang: Lang,
  persona: z.string().min(1).max(600),
  goal: z.string().min(1).max(1000),
  knownFacts: Lines('(none)'),
  hiddenFacts: Lines('(none)'),
  revealNow: Lines('(nothing new)'),
  mustNotAccept: Lines('(none)'),
  mood: z.string().min(1).max(40),
  engineLine: z.string().max(2000),
  ending: z.string().max(200),
  transcript: Transcript,
});
export type SimulatorPersonaInput = z.input<typeof SimulatorPersonaInputSchema>;

export const SimulatorPersonaReplySchema = z.object({
  /** The customer's next message, in character. */
  reply: z.string().min(1).max(1200),
  /** Only when the conversation is ending: how the customer felt it went (advisory). */
  verdict: z.object({ satisfied: z.boolean(), summary: z.string().max(600) }).nullable(),
});
export type SimulatorPersonaReply = z.infer<typeof SimulatorPersonaReplySchema>;

/** Input schema per prompt id. */
export const PROMPT_INPUT_SCHEMAS = {
  'copilot-reply': CopilotReplyInputSchema,
  'compliance-judge': ComplianceJudgeInputSchema,
  'simulator-persona': SimulatorPersonaInputSchema,
} as const;

/** Output schemas by the name prompt front matter uses. */
export const OUTPUT_SCHEMAS = {
  CopilotSuggestions: CopilotSuggestionsSchema,
  ComplianceVerdict: ComplianceVerdictSchema,
  SimulatorPersonaReply: SimulatorPersonaReplySchema,
} as const;
