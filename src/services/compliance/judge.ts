/**
 * @module The LLM second pass. Only drafts the rules call borderline are judged: a warn-level tone
 * or knowledge-base finding, or a tone "grey band" (exactly one weak tone marker — the scorer needs
 * two). The judge (prompts/compliance-judge, structured output validated by zod in the provider)
 * confirms or clears those findings and may add a warn-level one for words of the draft it quotes.
 * Block-level findings are never touched: they are the embedded engine's and the server enforces
 * them. On no LLM, timeout, error or malformed output the embedded result stands unchanged.
 */

import type { RulePack } from '#assist/compliance/rule-pack.ts';
import { CATEGORIES, type Category, type Finding, type Lang } from '#assist/compliance/types.ts';
import type { Message } from '#assist/copilot/types.ts';
import type { Assist, Provenance } from '#assist/index.ts';
import type { ComplianceVerdict } from '#assist/prompts/schemas.ts';

/** Categories the judge may overturn or add (tone and contradictions, as the issue asks). */
const JUDGED = new Set<Category>(['rude_tone', 'kb_contradiction']);
const MAX_DRAFT = 4000;
const MAX_TURN = 1000;

export type JudgeOutcome =
  /** Nothing borderline: the judge was not asked. */
  | 'not-needed'
  /** Borderline, but the embedded result stands (no LLM, timeout, error, malformed output). */
  | 'fallback'
  /** The judge answered; its verdict was merged. */
  | 'judged';

export interface JudgeReport {
  outcome: JudgeOutcome;
  /** Why the embedded result stands, when it does. */
  reason?: Provenance['fallbackReason'];
  provider: Provenance['provider'] | null;
  model: string | null;
  latencyMs: number;
  /** Rule ids of borderline findings the judge confirmed / cleared, and findings it added. */
  confirmed: string[];
  cleared: string[];
  added: number;
  /** The judge's estimate that the draft, sent as is, ends in a complaint. */
  complaintRisk: number | null;
}

export interface Borderline {
  /** Warn-level tone/kb findings the judge may clear. */
  findings: Finding[];
  /** Weak tone markers with no tone finding over them (the grey band). */
  grey: Finding[];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/** What in `findings` (and the grey probe's hits) is borderline. */
export function borderlineOf(findings: readonly Finding[], greyHits: readonly Finding[]): Borderline {
  const judged = findings.filter((f) => f.severity === 'warn' && JUDGED.has(f.category));
  const tone = findings.filter((f) => f.category === 'rude_tone');
  const grey = greyHits.filter((g) => !tone.some((t) => overlaps(t, g)));
  return { findings: judged, grey };
}

export const isBorderline = (b: Borderline) => b.findings.length > 0 || b.grey.length > 0;

/** Where the judge's quote is in the draft (exact, then case- and space-insensitive), or null. */
export function locateQuote(draft: string, quote: string): { start: number; end: number } | null {
  const q = quote.trim();
  if (q.length < 2) return null;
  const at = draft.indexOf(q);
  if (at >= 0) return { start: at, end: at + q.length };
  const lower = draft.toLowerCase();
  const qi = lower.indexOf(q.toLowerCase());
  return qi >= 0 ? { start: qi, end: qi + q.length } : null;
}

function rulesForJudge(pack: RulePack, b: Borderline, lang: Lang) {
  const ids = new Set([...b.findings, ...b.grey].map((f) => f.rule.replace(/\.grey$/, '')));
  const chosen = pack.rules.filter((r) => r.enabled && (ids.has(r.id) || JUDGED.has(r.category)));
  return chosen.slice(0, 50).map((r) => ({ id: r.id, description: `[${r.category}] ${r.message[lang]}` }));
}

/** Merge a verdict into the embedded findings (see the module note). */
export function mergeVerdict(
  draft: string,
  findings: readonly Finding[],
  b: Borderline,
  verdict: ComplianceVerdict,
  pack: RulePack,
): { findings: Finding[]; confirmed: string[]; cleared: string[]; added: number } {
  const located = verdict.findings
    .map((v) => ({ v, span: locateQuote(draft, v.quote) }))
    .filter(
      (x): x is { v: ComplianceVerdict['findings'][number]; span: { start: number; end: number } } =>
        x.span !== null,
    );
  const confirmed: string[] = [];
  const cleared: string[] = [];
  const out: Finding[] = [];
  const used = new Set<number>();
  for (const f of findings) {
    if (!b.findings.includes(f)) {
      out.push(f);
      continue;
    }
    const hit = located.findIndex((x) => overlaps(x.span, f));
    if (hit < 0) {
      cleared.push(f.rule);
      continue;
    }
    used.add(hit);
    confirmed.push(f.rule);
    const rewrite = located[hit]!.v.rewrite;
    out.push(rewrite ? { ...f, rewrite } : f);
  }
  let added = 0;
  located.forEach(({ v, span }, i) => {
    if (used.has(i) || out.some((f) => overlaps(f, span))) return;
    const rule = pack.rules.find((r) => r.id === v.ruleId);
    const category: Category =
      rule && (CATEGORIES as readonly string[]).includes(rule.category) ? rule.category : 'rude_tone';
    // The judge advises; only the embedded engine blocks (and the server enforces only that).
    out.push({
      rule: `llm.${rule?.id ?? 'judge'}`,
      category,
      severity: v.severity === 'info' ? 'info' : 'warn',
      start: span.start,
      end: span.end,
      message: v.explanation,
      rewrite: v.rewrite ?? '',
    });
    added++;
  });
  out.sort((a, b2) => a.start - b2.start);
  return { findings: out, confirmed, cleared, added };
}

export interface JudgeRequest {
  draft: string;
  lang: Lang;
  findings: Finding[];
  grey: Finding[];
  pack: RulePack;
  transcript: Message[];
  timeoutMs: number;
}

/** Runs the second pass when the draft is borderline; never throws for LLM trouble. */
export async function judgeDraft(
  assist: Assist,
  req: JudgeRequest,
): Promise<{ findings: Finding[]; report: JudgeReport }> {
  const b = borderlineOf(req.findings, req.grey);
  const base = { confirmed: [], cleared: [], added: 0, complaintRisk: null };
  if (!isBorderline(b)) {
    return {
      findings: req.findings,
      report: { outcome: 'not-needed', provider: null, model: null, latencyMs: 0, ...base },
    };
  }
  let result: Awaited<ReturnType<typeof assist.complete<ComplianceVerdict | null>>>;
  try {
    result = await assist.complete<ComplianceVerdict | null>('compliance', {
      prompt: 'compliance-judge',
      inputs: {
        lang: req.lang,
        draft: req.draft.slice(0, MAX_DRAFT),
        transcript: req.transcript.slice(-30).map((m) => ({ role: m.role, text: m.text.slice(0, MAX_TURN) })),
        rules: rulesForJudge(req.pack, b, req.lang),
        knowledge: [],
      },
      // Quotes come back as the model saw them; placeholders stay placeholders (and so never match).
      access: { role: 'system', allowedTypes: [] },
      embedded: () => null,
      timeoutMs: req.timeoutMs,
    });
  } catch {
    // Rendering the prompt failed (a draft the prompt's input schema refuses): rules stand.
    return {
      findings: req.findings,
      report: { outcome: 'fallback', reason: 'error', provider: null, model: null, latencyMs: 0, ...base },
    };
  }
  const { provenance } = result;
  const common = { provider: provenance.provider, model: provenance.model, latencyMs: provenance.latencyMs };
  if (result.value === null) {
    return {
      findings: req.findings,
      report: { outcome: 'fallback', reason: provenance.fallbackReason ?? 'error', ...common, ...base },
    };
  }
  const merged = mergeVerdict(req.draft, req.findings, b, result.value, req.pack);
  return {
    findings: merged.findings,
    report: {
      outcome: 'judged',
      ...common,
      confirmed: merged.confirmed,
      cleared: merged.cleared,
      added: merged.added,
      complaintRisk: result.value.complaintRisk,
    },
  };
}
