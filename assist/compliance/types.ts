/**
 * @module Shapes shared by the compliance checker: categories, severities, findings, the draft's
 * context and the tenant knowledge the scorers compare against.
 */

/** What a finding is about (the six categories). */
export const CATEGORIES = [
  'pii_leak',
  'forbidden_phrase',
  'unauthorized_promise',
  'rude_tone',
  'missing_disclosure',
  'kb_contradiction',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** `block` stops the send (enforced again on the server), `warn` shows a hint, `info` only logs. */
export const SEVERITIES = ['info', 'warn', 'block'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type Lang = 'zh' | 'en';

/** One problem in a draft. Offsets are UTF-16 indices into the ORIGINAL draft, end exclusive. */
export interface Finding {
  /** Id of the rule that fired. */
  rule: string;
  category: Category;
  severity: Severity;
  start: number;
  end: number;
  message: string;
  /** A suggested replacement for the span (or text to add, for a missing disclosure). */
  rewrite: string;
}

/** Where the draft is being written. Every field is optional; scorers that need one skip without it. */
export interface CheckContext {
  /** The customer's last message(s), used to recognise quoting. */
  customer?: string;
  /** SOP key (demo-sops.ts `key`) and the current step key. */
  sop?: string;
  step?: string;
  /** Language of messages and rewrites; by default the draft's dominant script decides. */
  locale?: Lang;
}

/** A step of the SOP catalogue, as far as compliance needs it. */
export interface SopStepInfo {
  key: string;
  mustDisclose: readonly string[];
  /** PII types this step legitimately reads back (e.g. the new address at an address change). */
  piiTypes: readonly string[];
  scriptZh?: string;
  scriptEn?: string;
}

export interface SopInfo {
  key: string;
  steps: readonly SopStepInfo[];
}

/** Units a stated fact can be compared in (durations are converted to minutes). */
export const FACT_UNITS = [
  'minutes',
  'business_days',
  'months',
  'yuan',
  'times',
  'points',
  'percent',
] as const;
export type FactUnit = (typeof FACT_UNITS)[number];

/** One numeric fact of the knowledge base: for `topic`, values in `unit` that are correct. */
export interface KbFact {
  topic: string;
  unit: FactUnit;
  /** Allowed values as closed ranges; a single value is [v, v]. */
  ranges: readonly (readonly [number, number])[];
  /** Where it came from (policy field or article title), for the message. */
  source: string;
}

/** A yes/no policy and the ways agents tend to state it as "yes". */
export interface KbPolicyClaim {
  id: string;
  /** True when the policy allows it; a "yes" statement of a false policy is a contradiction. */
  allowed: boolean;
  /** Phrases (phrase syntax, see matchers/phrases.ts) that state it as allowed. */
  zh: readonly string[];
  en: readonly string[];
  /** Words before a phrase that negate it (不 / not …). */
  negations?: readonly string[];
  /** What the knowledge base says, shown in the message. */
  truth: { zh: string; en: string };
}

/** A knowledge article as the seed and the knowledge table store it. */
export interface KbArticle {
  lang: Lang;
  title: string;
  body: string;
}

/** Everything tenant-specific the scorers compare against. */
export interface ComplianceKnowledge {
  /** Structured facts (e.g. mapped from DEMO_POLICY). */
  facts?: readonly KbFact[];
  /** Articles whose stated numbers are parsed into more facts. */
  articles?: readonly KbArticle[];
  policies?: readonly KbPolicyClaim[];
  sops?: readonly SopInfo[];
  /** Largest goodwill coupon a frontline agent may offer on their own, in yuan. */
  goodwillMaxYuan?: number;
}
