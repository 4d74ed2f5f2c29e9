/**
 * @module The embedded compliance checker. `createComplianceChecker(pack, {detector, knowledge})`
 * compiles a rule pack once (phrase alternations, patterns, scorers with the tenant's knowledge);
 * `check(draft, context)` folds the draft once, runs every rule for the draft's languages and
 * returns findings with offsets in the ORIGINAL draft, most severe first within a span. Every
 * matcher is linear in the draft (bounded regexes, capped hit counts), so a 50,000-character paste
 * is checked in bounded time; drafts longer than MAX_CHECKED_CHARS are checked on their prefix.
 */
import type { PiiDetector } from '#src/core/pii/index.ts';
import { compileDisclosureScorer } from './matchers/disclosure.ts';
import { compileKbScorer } from './matchers/kb.ts';
import { type CompiledMatcher, hitsToMatches, type Match, type MatchEnv } from './matchers/match.ts';
import { compileOfferScorer } from './matchers/offer.ts';
import { compilePattern } from './matchers/pattern.ts';
import { compilePhrases } from './matchers/phrases.ts';
import { compilePiiScorer } from './matchers/pii.ts';
import { compileToneScorer } from './matchers/tone.ts';
import { quotesCustomer } from './quoting.ts';
import { type Rule, type RulePack, type RulePackInput, RulePackSchema } from './rule-pack.ts';
import { buildView, dominantLang, foldPhrase } from './text-view.ts';
import {
  type Category,
  type CheckContext,
  type ComplianceKnowledge,
  type Finding,
  type Lang,
  SEVERITIES,
  type Severity,
  type SopStepInfo,
} from './types.ts';

/** Longer drafts are checked on this prefix (a chat message never gets near it). */
export const MAX_CHECKED_CHARS = 100_000;
const DEFAULT_GOODWILL_MAX_YUAN = 20;
/** Categories where repeating the customer's words as reported speech is not the agent's wording. */
const QUOTABLE = new Set<Category>(['forbidden_phrase', 'rude_tone', 'unauthorized_promise']);

export interface ComplianceCheckerDeps {
  detector: PiiDetector;
  knowledge?: ComplianceKnowledge;
}

export interface ComplianceChecker {
  /** The pack id and version the checker was compiled from (for audit records). */
  pack: { id: string; version: number };
  check(draft: string, context?: CheckContext): Finding[];
}

interface CompiledRule {
  rule: Rule;
  matcher: CompiledMatcher;
}

const rank = (s: Severity) => SEVERITIES.indexOf(s);

function compileRule(rule: Rule, deps: ComplianceCheckerDeps): CompiledMatcher {
  const m = rule.matcher;
  switch (m.kind) {
    case 'phrases': {
      const phrases = compilePhrases(m);
      return { find: (view) => hitsToMatches(view, phrases.find(view)) };
    }
    case 'pattern': {
      const pattern = compilePattern(m);
      return { find: (view) => hitsToMatches(view, pattern.find(view)) };
    }
    case 'scorer':
      switch (m.scorer) {
        case 'pii':
          return compilePiiScorer(m, deps.detector);
        case 'tone':
          return compileToneScorer(m);
        case 'disclosure':
          return compileDisclosureScorer(m);
        case 'kb':
          return compileKbScorer(m, deps.knowledge ?? {});
        case 'offer':
          return compileOfferScorer(m, deps.knowledge?.goodwillMaxYuan ?? DEFAULT_GOODWILL_MAX_YUAN);
      }
  }
}

function fill(template: string, detail: string | undefined, lang: Lang): string {
  if (template.includes('{detail}')) return template.replaceAll('{detail}', detail ?? '');
  if (!detail) return template;
  return lang === 'zh' ? `${template}（${detail}）` : `${template} (${detail})`;
}

function toFinding(rule: Rule, m: Match, lang: Lang): Finding {
  const detail = m.detail?.[lang];
  const severity = m.severity && rank(m.severity) < rank(rule.severity) ? m.severity : rule.severity;
  return {
    rule: rule.id,
    category: rule.category,
    severity,
    start: m.start,
    end: m.end,
    message: fill(rule.message[lang], detail, lang),
    rewrite: m.rewrite?.[lang] ?? fill(rule.rewrite[lang], detail, lang).replace(/（）|\(\)/g, ''),
  };
}

/**
 * Keep one finding per category and overlapping span: the most severe, then the earliest rule. An
 * amount already reported as an unauthorized offer is not reported again as a KB contradiction:
 * the offer is the problem to fix.
 */
function dedupe(all: Finding[]): Finding[] {
  const offers = all.filter((f) => f.category === 'unauthorized_promise');
  const findings = all.filter(
    (f) => f.category !== 'kb_contradiction' || !offers.some((o) => o.start <= f.start && f.end <= o.end),
  );
  const sorted = [...findings].sort(
    (a, b) => rank(b.severity) - rank(a.severity) || a.start - b.start || b.end - a.end,
  );
  const kept: Finding[] = [];
  for (const f of sorted) {
    const clash = kept.some((k) => k.category === f.category && k.start < f.end && f.start < k.end);
    if (!clash) kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start || rank(b.severity) - rank(a.severity));
}

function stepIndex(knowledge: ComplianceKnowledge | undefined): Map<string, SopStepInfo> {
  const out = new Map<string, SopStepInfo>();
  for (const sop of knowledge?.sops ?? []) {
    for (const step of sop.steps) out.set(`${sop.key}\u0000${step.key}`, step);
  }
  return out;
}

/**
 * Compile `pack` for one tenant. The pack is validated again here (defaults applied); an invalid
 * pack throws, because packs are validated when an admin saves them (validateRulePack).
 */
export function createComplianceChecker(
  pack: RulePack | RulePackInput,
  deps: ComplianceCheckerDeps,
): ComplianceChecker {
  const parsed = RulePackSchema.parse(pack);
  const rules: CompiledRule[] = parsed.rules
    .filter((r) => r.enabled)
    .map((rule) => ({ rule, matcher: compileRule(rule, deps) }));
  const steps = stepIndex(deps.knowledge);
  return {
    pack: { id: parsed.id, version: parsed.version },
    check(draft, context = {}) {
      const text = draft.length > MAX_CHECKED_CHARS ? draft.slice(0, MAX_CHECKED_CHARS) : draft;
      if (text.trim() === '') return [];
      const view = buildView(text);
      if (view.text === '') return [];
      const lang = context.locale ?? dominantLang(view);
      const env: MatchEnv = {
        context,
        lang,
        step: context.sop && context.step ? steps.get(`${context.sop}\u0000${context.step}`) : undefined,
      };
      const customer = context.customer ? foldPhrase(context.customer) : '';
      const findings: Finding[] = [];
      for (const { rule, matcher } of rules) {
        if (rule.lang === 'zh' && !view.hasHan) continue;
        if (rule.lang === 'en' && !view.hasLatin) continue;
        for (const m of matcher.find(view, env)) {
          if (QUOTABLE.has(rule.category) && quotesCustomer(text, m.start, m.end, customer)) continue;
          findings.push(toFinding(rule, m, lang));
        }
      }
      return dedupe(findings);
    },
  };
}

/** True when any finding must stop the send. */
export function isBlocked(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'block');
}
