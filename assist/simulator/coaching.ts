/**
 * @module Per-reply coaching: for one trainee message, which SOP steps it covered (and what is
 * next), compliance findings (card rules the trainee must not offer, secrets asked, off-platform
 * contact, rude or abusive tone, promises, numbers that contradict the knowledge base), empathy and
 * clarity, and factual accuracy. Pure and synchronous — milliseconds, well inside the one-second
 * budget — so the /train page can show it beside the chat as soon as the message is sent.
 *
 * The same analysis drives the persona engine and the end-of-session rubric, so what the coach
 * shows, what the customer reacts to and what is scored never disagree. Cumulative progress
 * (`Progress`) is plain JSON and lives in the session state.
 */
import type { Dimension, ScenarioCard } from './card.ts';
import { type FactDetector, type FactHit, type JudgedQuantity, lexiconFacts, type Span } from './detect.ts';
import { type AllowedQuantities, allowedFrom, type Knowledge, mergeAllowed } from './knowledge.ts';
import { STEP_CUES } from './lexicon.ts';
import { affirmedHits, type FoldedText, fold, foldMessage, phraseList } from './phrases.ts';
import { embeddedSignals, type Signal, type SignalKind, type SignalSource } from './signals.ts';
import type { Lang, SimSop, SimStep } from './sop.ts';

/** Everything outside the card the simulator needs; all of it pluggable. */
export interface SimContext {
  sop: SimSop;
  allowed: AllowedQuantities;
  /** Fact-level allowed quantities (knowledge.ts `factAllowed`), or null. */
  factAllowed: (factKey: string) => AllowedQuantities | null;
  signals: SignalSource;
  facts: FactDetector;
}

/** Build the context of a card from a SOP catalogue and knowledge (defaults: embedded sources). */
export function contextFor(
  card: ScenarioCard,
  sop: SimSop,
  knowledge: Knowledge,
  sources: { signals?: SignalSource; facts?: FactDetector } = {},
): SimContext {
  return {
    sop,
    allowed: mergeAllowed(knowledge.allowed(sop.key), allowedFrom(card.kbFacts)),
    factAllowed: (factKey) => knowledge.factAllowed?.(sop.key, factKey) ?? null,
    signals: sources.signals ?? embeddedSignals,
    facts: sources.facts ?? lexiconFacts,
  };
}

export type Severity = 'info' | 'warn' | 'block';
export type FindingKind = Exclude<SignalKind, 'empathy' | 'polite'> | 'must_not_accept' | 'kb_contradiction';

export interface Finding extends Span {
  kind: FindingKind;
  severity: Severity;
  message: string;
  /** The card rule, for must_not_accept. */
  rule?: number;
}

const SEVERITY: Record<Exclude<FindingKind, 'must_not_accept' | 'kb_contradiction'>, Severity> = {
  abusive: 'block',
  privacy: 'block',
  offplatform: 'block',
  rude: 'warn',
  dismissive: 'warn',
  promise: 'warn',
  superlative: 'warn',
};

const MESSAGES: Record<
  Exclude<FindingKind, 'must_not_accept' | 'kb_contradiction'>,
  { zh: string; en: string }
> = {
  abusive: { zh: '辱骂客户：会话终止。', en: 'Abusive language: the session ends.' },
  privacy: { zh: '不得索要密码或验证码。', en: 'Never ask for a password or verification code.' },
  offplatform: { zh: '不得引导客户到平台外联系。', en: 'Do not move the customer off the platform.' },
  rude: { zh: '语气生硬或指责客户。', en: 'Rude or blaming tone.' },
  dismissive: { zh: '敷衍回复，请给出具体处理方案。', en: 'Dismissive reply: give a concrete next step.' },
  promise: { zh: '超出政策的承诺。', en: 'A promise beyond policy.' },
  superlative: { zh: '绝对化用语。', en: 'Absolute or superlative claim.' },
};

/** Cumulative progress of a session (JSON). */
export interface Progress {
  verified: string[];
  disclosed: string[];
  attempted: string[];
  cueGroups: Record<string, number[]>;
  /** Covered step → trainee turn (1-based) it was covered in. */
  steps: Record<string, number>;
  revealed: string[];
  /** Outcome cue groups matched in the previous trainee turn (outcomes may span two messages). */
  lastOutcomeGroups: number[];
  outcomeTurn: number | null;
  violations: { rule: number; turn: number; quote: string }[];
}

export function emptyProgress(): Progress {
  return {
    verified: [],
    disclosed: [],
    attempted: [],
    cueGroups: {},
    steps: {},
    revealed: [],
    lastOutcomeGroups: [],
    outcomeTurn: null,
    violations: [],
  };
}

/** Coaching for one reply. */
export interface TurnReport {
  turn: number;
  /** Steps this reply covered. */
  stepsCovered: string[];
  /** The first required step still open after this reply (what to do next), or null. */
  nextStep: { key: string; title: string } | null;
  verified: FactHit[];
  disclosed: FactHit[];
  /** Disclosures stated with a wrong number. */
  attempted: FactHit[];
  findings: Finding[];
  empathy: { score: number; cues: Span[] };
  clarity: { score: number; notes: string[] };
  accuracy: { correct: JudgedQuantity[]; wrong: JudgedQuantity[] };
  /** True when the card's outcome is delivered with this reply. */
  outcome: boolean;
  /** True when this reply moved the session forward (a step, a fact, an outcome). */
  progressed: boolean;
  signals: Signal[];
  tips: string[];
}

/** Whether a card fact is covered (card cue groups all matched, or the lexicon detector said so). */
export function factCovered(
  card: ScenarioCard,
  p: Progress,
  key: string,
  kind: 'verify' | 'disclose',
): boolean {
  const cue = card.factCues.find((c) => c.key === key && c.kind === kind);
  if (cue) return cue.cues.every((_, i) => (p.cueGroups[key] ?? []).includes(i));
  return (kind === 'verify' ? p.verified : p.disclosed).includes(key);
}

function stepCovered(card: ScenarioCard, sop: SimSop, p: Progress, key: string, folded: string): boolean {
  const step = sop.steps.find((s) => s.key === key);
  if (!step) return false;
  const cues = STEP_CUES[key];
  if (cues) return phraseList(cues).test(folded);
  return (
    step.mustDisclose.some((f) => factCovered(card, p, f, 'disclose')) ||
    step.mustVerify.some((f) => factCovered(card, p, f, 'verify'))
  );
}

const JARGON = phraseList([
  'sku',
  'api',
  'backend',
  'ticket queue',
  'rma',
  'sla',
  '后台系统',
  '工单系统',
  '接口',
  '风控规则引擎',
]);

function clarityOf(message: FoldedText, lang: Lang): { score: number; notes: string[] } {
  const notes: string[] = [];
  const src = message.source.trim();
  const zh = lang === 'zh';
  if (src.length < 4) notes.push(zh ? '回复过短，说明具体情况。' : 'Too short: say what happens next.');
  const sentences = src.split(/[。！？!?.;；\n]+/).filter((s) => s.trim().length > 0);
  const long = sentences.some((s) => (zh ? s.length > 70 : s.trim().split(/\s+/).length > 35));
  if (long) notes.push(zh ? '句子太长，拆成短句。' : 'Long sentences: split them up.');
  if (src.length > 500) notes.push(zh ? '一次信息太多，分几条发送。' : 'Too much at once: send it in parts.');
  if ((src.match(/[?？]/g) ?? []).length > 3)
    notes.push(zh ? '一次问题太多。' : 'Too many questions at once.');
  if (JARGON.test(message.text)) notes.push(zh ? '避免内部术语。' : 'Avoid internal jargon.');
  return { score: Math.max(0, 1 - 0.25 * notes.length), notes };
}

function empathyOf(signals: Signal[], message: FoldedText): { score: number; cues: Span[] } {
  const quote = (s: Signal): Span => ({
    start: s.start,
    end: s.end,
    quote: message.source.slice(s.start, s.end),
  });
  const bad = signals.some((s) => s.kind === 'rude' || s.kind === 'abusive' || s.kind === 'dismissive');
  const empathy = signals.filter((s) => s.kind === 'empathy');
  const polite = signals.filter((s) => s.kind === 'polite');
  const score = bad ? 0 : empathy.length > 0 ? 1 : polite.length > 0 ? 0.6 : 0.3;
  return { score, cues: (empathy.length > 0 ? empathy : polite).map(quote) };
}

/** Required steps in SOP order. */
export function requiredSteps(card: ScenarioCard, sop: SimSop): SimStep[] {
  return sop.steps.filter((s) => card.success.stepsCovered.includes(s.key));
}

export interface AnalyzeInput {
  card: ScenarioCard;
  ctx: SimContext;
  progress: Progress;
  /** 1-based number of this trainee reply. */
  turn: number;
  text: string;
  /** Folded customer messages so far (echoed numbers are not claims). */
  customerSaid: string;
  /** Customer mood (0–100) before this reply, for the empathy tip. */
  mood: number;
}

/** Analyse one reply and return the report and the updated progress (the input is not mutated). */
export function analyzeReply(input: AnalyzeInput): { report: TurnReport; progress: Progress } {
  const { card, ctx, turn } = input;
  const lang = card.lang;
  const message = foldMessage(input.text);
  const p: Progress = structuredClone(input.progress);
  const det = ctx.facts.detect({
    card,
    sop: ctx.sop,
    message,
    allowed: ctx.allowed,
    factAllowed: ctx.factAllowed,
    customerSaid: input.customerSaid,
  });
  const signals = ctx.signals.signals(message);
  const quote = (start: number, end: number): Span => ({
    start,
    end,
    quote: message.source.slice(start, end),
  });

  const findings: Finding[] = [];
  for (const s of signals) {
    if (s.kind === 'empathy' || s.kind === 'polite') continue;
    findings.push({
      kind: s.kind,
      severity: SEVERITY[s.kind],
      message: MESSAGES[s.kind][lang],
      ...quote(s.start, s.end),
    });
  }
  card.mustNotAccept.forEach((rule, i) => {
    const hit = affirmedHits(phraseList(rule.keywords), message.text)[0];
    if (!hit) return;
    const o = message.original(hit.start, hit.end);
    findings.push({
      kind: 'must_not_accept',
      severity: 'block',
      message: rule.why,
      rule: i,
      ...quote(o.start, o.end),
    });
    p.violations.push({ rule: i, turn, quote: message.source.slice(o.start, o.end) });
  });
  const wrong = det.quantities.filter((q) => q.verdict === 'wrong');
  for (const q of wrong) {
    findings.push({
      kind: 'kb_contradiction',
      severity: 'warn',
      message:
        lang === 'zh'
          ? `“${q.quote}”与知识库不符（应为 ${q.expected}）。`
          : `"${q.quote}" contradicts the knowledge base (${q.expected}).`,
      start: q.start,
      end: q.end,
      quote: q.quote,
    });
  }

  const before = { ...p.steps };
  const beforeFacts = new Set([
    ...p.verified,
    ...p.disclosed,
    ...Object.entries(p.cueGroups).flatMap(([k, g]) => g.map((i) => `${k}#${i}`)),
  ]);
  for (const f of det.verified) if (!p.verified.includes(f.key)) p.verified.push(f.key);
  for (const f of det.disclosed) if (!p.disclosed.includes(f.key)) p.disclosed.push(f.key);
  for (const f of det.attempted) if (!p.attempted.includes(f.key)) p.attempted.push(f.key);
  for (const [key, groups] of Object.entries(det.cueGroups)) {
    p.cueGroups[key] = [...new Set([...(p.cueGroups[key] ?? []), ...groups])].sort((a, b) => a - b);
  }
  for (const s of ctx.sop.steps) {
    if (p.steps[s.key] === undefined && stepCovered(card, ctx.sop, p, s.key, message.text))
      p.steps[s.key] = turn;
  }
  const stepsCovered = Object.keys(p.steps).filter((k) => before[k] === undefined);

  // The outcome may be said across two consecutive messages ("I can't change it." / "You could
  // refuse the delivery…"), so groups matched in the previous reply still count.
  const groups = card.success.outcome.cues.flatMap((g, i) => (phraseList(g).test(message.text) ? [i] : []));
  const union = new Set([...groups, ...p.lastOutcomeGroups]);
  const outcomeNow = card.success.outcome.cues.every((_, i) => union.has(i)) && groups.length > 0;
  if (outcomeNow && p.outcomeTurn === null) p.outcomeTurn = turn;
  p.lastOutcomeGroups = groups;

  const afterFacts = new Set([
    ...p.verified,
    ...p.disclosed,
    ...Object.entries(p.cueGroups).flatMap(([k, g]) => g.map((i) => `${k}#${i}`)),
  ]);
  const progressed = stepsCovered.length > 0 || afterFacts.size > beforeFacts.size || outcomeNow;

  const next = requiredSteps(card, ctx.sop).find((s) => p.steps[s.key] === undefined);
  const empathy = empathyOf(signals, message);
  const clarity = clarityOf(message, lang);
  const tips: string[] = [];
  for (const f of findings) if (f.severity !== 'info') tips.push(f.message);
  if (input.mood >= 50 && empathy.score < 1 && !findings.some((f) => f.kind === 'abusive')) {
    tips.push(
      lang === 'zh'
        ? '客户情绪激动，先致歉和安抚。'
        : 'The customer is upset: acknowledge and apologise first.',
    );
  }
  for (const f of det.attempted) {
    tips.push(
      lang === 'zh'
        ? `“${f.quote}”的时效或数字不对，请核对知识库。`
        : `Check the number you gave for "${f.quote}" against the knowledge base.`,
    );
  }
  tips.push(...clarity.notes);
  if (next) tips.push(lang === 'zh' ? `下一步：${next.title.zh}` : `Next: ${next.title.en}`);

  return {
    report: {
      turn,
      stepsCovered,
      nextStep: next ? { key: next.key, title: next.title[lang] } : null,
      verified: det.verified,
      disclosed: det.disclosed,
      attempted: det.attempted,
      findings,
      empathy,
      clarity,
      accuracy: { correct: det.quantities.filter((q) => q.verdict === 'correct'), wrong },
      outcome: outcomeNow,
      progressed,
      signals,
      tips: [...new Set(tips)],
    },
    progress: p,
  };
}

/** Whether the card's success criteria are all met by this progress. */
export function criteriaMet(card: ScenarioCard, sop: SimSop, p: Progress): boolean {
  return (
    card.success.stepsCovered.every((k) => p.steps[k] !== undefined) &&
    card.success.disclosures.every((k) => factCovered(card, p, k, 'disclose')) &&
    card.success.reveal.every((k) => p.revealed.includes(k)) &&
    p.outcomeTurn !== null &&
    sop.key === card.sop
  );
}

/** Dimension a finding kind counts against (for the rubric's evidence). */
export const FINDING_DIMENSION: Record<FindingKind, Dimension> = {
  abusive: 'empathy',
  rude: 'empathy',
  dismissive: 'empathy',
  privacy: 'compliance',
  offplatform: 'compliance',
  promise: 'compliance',
  superlative: 'compliance',
  must_not_accept: 'compliance',
  kb_contradiction: 'accuracy',
};

/** Fold helper re-exported for callers that keep customer text. */
export { fold };
