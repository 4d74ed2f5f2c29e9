/**
 * @module Shapes the co-pilot takes and returns. The inputs are structural: a seeded or stored SOP
 * (`SeedSop`, a `sops` + `sop_steps` row join) and a knowledge article row fit them as they are, so
 * the routes slice can hand over what it loaded without mapping.
 */

export type Lang = 'zh' | 'en';
export type Role = 'customer' | 'agent';

/** One message of the conversation, oldest first. Text is what the agent sees (already masked). */
export interface Message {
  role: Role;
  text: string;
}

/** One ordered SOP step: its script in both languages and the facts it must verify or disclose. */
export interface CopilotStep {
  key: string;
  titleZh: string;
  titleEn: string;
  /** Recommended wording; an empty string when the SOP has none in that language. */
  scriptZh: string;
  scriptEn: string;
  mustVerify: readonly string[];
  mustDisclose: readonly string[];
}

export interface CopilotSop {
  key: string;
  /** Looked up as an alias of `key` when the caller names the SOP by its skill. */
  skillKey?: string;
  nameZh?: string;
  nameEn?: string;
  steps: readonly CopilotStep[];
  /**
   * Steps from this index on are alternatives (a menu of sub-procedures), not a sequence: once the
   * steps before it are done, the current step is the alternative whose past replies best match
   * the customer's messages. Absent = every step is sequential (the usual SOP).
   */
  menuFrom?: number;
}

export interface KnowledgeArticle {
  id: string;
  /** Absent = shown for both languages. */
  lang?: Lang;
  title: string;
  body: string;
  tags?: readonly string[];
  sopKey?: string | null;
}

/** An accepted past reply: what an agent really sent at this SOP step and the agent accepted as good. */
export interface GoldenReply {
  id: string;
  sop: string;
  step: string;
  lang: Lang;
  /** The reply; may hold slot markers such as `{{order_number}}` or `{{Order Number}}`. */
  text: string;
  /** The customer message it answered, used to match it to a new conversation. */
  context?: string;
}

/** The tenant's house style for suggested replies. */
export interface StyleGuide {
  /** Reply language when the conversation gives no clue. Default 'zh'. */
  defaultLang?: Lang;
  /** Chinese form of address: polite 您 (default) or familiar 你. */
  zhAddress?: 'nin' | 'ni';
  /** English contractions as written ('keep', default) or spelled out ('expand', more formal). */
  enContractions?: 'keep' | 'expand';
  /** Put in front of the first reply of a conversation when the suggestion does not greet already. */
  opener?: Partial<Record<Lang, string>>;
  /** Phrases the tenant never wants in a reply; a suggestion containing one is dropped. */
  bannedPhrases?: readonly string[];
  /** Longest suggestion, in characters; longer knowledge excerpts are cut at a sentence end. */
  maxChars?: number;
}

export interface CopilotOptions {
  sops: readonly CopilotSop[];
  knowledge: readonly KnowledgeArticle[];
  goldenReplies?: readonly GoldenReply[];
  styleGuide?: StyleGuide;
}

export interface Conversation {
  /** SOP key (or its skill key); absent or unknown = no SOP, clarifying questions are suggested. */
  sop?: string | null;
  /** Reply language; detected from the customer's messages when absent. */
  lang?: Lang;
  messages: readonly Message[];
}

export type FactKind = 'verify' | 'disclose';

/** How a fact came to count as done. */
export type FactVia =
  /** A message states it (an order number, a refund time). */
  | 'stated'
  /** The agent can see it in the order system once its prerequisite (the order number) is known. */
  | 'lookup'
  /** The customer said yes when the agent asked to confirm it. */
  | 'confirmed'
  /** The agent sent (nearly) the step's script. */
  | 'script'
  /** It does not apply (a personal invoice needs no tax id). */
  | 'not-needed';

export interface Evidence {
  via: FactVia;
  /** Index into `messages`, or -1 for a lookup. */
  message: number;
  role: Role | null;
  /** The matched words (a slot-free excerpt of at most 40 characters). */
  excerpt: string;
}

export interface FactState {
  fact: string;
  kind: FactKind;
  done: boolean;
  evidence: Evidence | null;
  label: Record<Lang, string>;
}

export type StepStatus = 'done' | 'passed' | 'pending';

export interface StepState {
  key: string;
  title: Record<Lang, string>;
  /** done = all its facts seen; passed = the agent went on to a later step without them; pending. */
  status: StepStatus;
  facts: FactState[];
}

export interface MissingFact {
  fact: string;
  kind: FactKind;
  label: Record<Lang, string>;
}

/** Where the conversation stands in its SOP. */
export interface StepReport {
  key: string;
  index: number;
  title: Record<Lang, string>;
  /** Unmet facts of the current step, in SOP order (verify first, then disclose). */
  missing: MissingFact[];
  /** Facts of earlier steps the conversation went past without (for a reminder). */
  skipped: MissingFact[];
  /** Every step is done: the current step is the last one, kept for its closing script. */
  complete: boolean;
}

export type SuggestionSource = 'sop-script' | 'knowledge' | 'golden-reply' | 'clarifying-question';

export interface Suggestion {
  text: string;
  lang: Lang;
  source: SuggestionSource;
  /** `sop/step` for scripts, the article id, the golden reply id, or `clarify:<key>`. */
  sourceId: string;
  why: string;
  /** 0–1, higher first. */
  score: number;
}

export type SlotName = 'order_number' | 'product' | 'date' | 'amount' | 'masked';

export interface SlotValue {
  name: SlotName;
  value: string;
  role: Role;
  /** Index into `messages`. */
  message: number;
}

export interface CopilotSignals {
  /** A customer message tried to give the assistant instructions ("ignore your rules …"). */
  injection: boolean;
  /** The customer sounds angry; scripts with an apology rank higher. */
  angry: boolean;
}

export interface CopilotResult {
  lang: Lang;
  sop: string | null;
  step: StepReport | null;
  steps: StepState[];
  slots: SlotValue[];
  signals: CopilotSignals;
  suggestions: Suggestion[];
}
