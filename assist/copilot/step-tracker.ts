/**
 * @module SOP step tracking: from an SOP's ordered steps and the messages so far, which facts each
 * step has verified or disclosed (with the message that shows it), which step is current and what
 * it still lacks. Pure and deterministic; no model.
 *
 * Rules, in order of use:
 * 1. A fact is done when a message from the side allowed to establish it matches its detector
 *    (facts.ts): disclosures only from the agent, most verifications from the customer.
 * 2. A fact the agent reads in the order system (`lookupAfter`) is done once its prerequisite is —
 *    unless this step's script asks the customer for it.
 * 3. A customer "yes" right after the agent asked for a confirmable fact confirms it; so does a bare
 *    answer ("3390") to the agent's request for it.
 * 4. A verification repeated by a later step is a read-back: it needs an agent message restating
 *    it after it was first given.
 * 5. An agent message close to a step's script (cosine ≥ {@link SCRIPT_ECHO}) does the step's
 *    agent-side facts — this is how keys without a detector, and paraphrased scripts, count.
 * 6. A step without facts: the first is done once the agent has said anything, the last once the
 *    agent closes ("anything else?"), others by rule 5. The first is also passed when the customer
 *    already gave what the second step asks for (an order number in the first message).
 * 7. A step whose facts are not all done is `passed` when the agent went on to complete a later
 *    step; its unmet facts are reported as `skipped`. The current step is the first `pending` one.
 * 8. Steps from `menuFrom` on are alternatives: the caller's chooser picks one once the steps
 *    before are behind.
 * 9. The customer's question comes first: see {@link answerFirst}.
 */
import { AFFIRMATIVE, CLOSING, FACT_DETECTORS, type FactDetector, factLabel } from './facts.ts';
import { cosineOf, coverage, normal, questionVector, type TermVector, termVector } from './text.ts';
import type {
  CopilotSop,
  CopilotStep,
  Evidence,
  FactKind,
  FactState,
  Message,
  MissingFact,
  StepReport,
  StepState,
} from './types.ts';

/** An agent message at least this close to a step's script counts as saying it (rule 5). */
export const SCRIPT_ECHO = 0.6;

export interface TrackOptions {
  /** Picks the current step among menu alternatives (rule 8); null = the first alternative. */
  chooseMenuStep?: (alternatives: readonly CopilotStep[]) => string | null;
}

export interface TrackResult {
  steps: StepState[];
  /** Null only for an SOP without steps. */
  step: StepReport | null;
}

interface Prepared {
  messages: readonly Message[];
  normals: string[];
  vectors: (TermVector | null)[];
}

const scriptVectors = new WeakMap<CopilotStep, TermVector[]>();

function scriptVectorsOf(step: CopilotStep): TermVector[] {
  let v = scriptVectors.get(step);
  if (!v) {
    v = [step.scriptZh, step.scriptEn].filter((s) => s.trim() !== '').map(termVector);
    scriptVectors.set(step, v);
  }
  return v;
}

function agentVector(p: Prepared, i: number): TermVector {
  let v = p.vectors[i];
  if (!v) {
    v = termVector(p.messages[i]!.text);
    p.vectors[i] = v;
  }
  return v;
}

/** Index of the first agent message that echoes the step's script, or -1. */
function scriptEcho(p: Prepared, step: CopilotStep): number {
  const scripts = scriptVectorsOf(step);
  if (scripts.length === 0) return -1;
  for (let i = 0; i < p.messages.length; i++) {
    if (p.messages[i]!.role !== 'agent') continue;
    const v = agentVector(p, i);
    if (scripts.some((s) => cosineOf(v, s) >= SCRIPT_ECHO)) return i;
  }
  return -1;
}

function excerptOf(text: string, index: number, length: number): string {
  const start = Math.max(0, index);
  return text.slice(start, start + Math.min(Math.max(length, 1), 40));
}

function matchIn(det: FactDetector, patterns: readonly RegExp[], p: Prepared, i: number): string | null {
  const text = p.normals[i]!;
  if (det.test && patterns === det.patterns) {
    const hit = det.test(text, p.messages[i]!.text);
    if (hit) return hit;
  }
  for (const re of patterns) {
    const m = re.exec(text);
    if (m) return excerptOf(text, m.index, m[0].length);
  }
  return null;
}

function allowed(side: FactDetector['who'], role: Message['role']): boolean {
  return side === 'either' || side === role;
}

function scriptAsks(det: FactDetector, step: CopilotStep): boolean {
  if (!det.request) return false;
  const scripts = [step.scriptZh, step.scriptEn].map(normal);
  return det.request.some((re) => scripts.some((s) => re.test(s)));
}

interface FactContext {
  p: Prepared;
  step: CopilotStep;
  kind: FactKind;
  /** Evidence of the same fact in an earlier step (makes this one a read-back). */
  earlier: Evidence | null;
  /** Evidence of facts done so far in the conversation, for lookups. */
  known: ReadonlyMap<string, Evidence>;
}

function evaluateFact(fact: string, ctx: FactContext): Evidence | null {
  const det = FACT_DETECTORS[fact];
  if (!det) return null;
  const { p, kind } = ctx;
  const side = kind === 'disclose' ? 'agent' : det.who;

  if (ctx.earlier && kind === 'verify') {
    // Rule 4: a read-back restates it after it was first given.
    const patterns = det.readBack ?? det.patterns;
    for (let i = Math.max(ctx.earlier.message + 1, 0); i < p.messages.length; i++) {
      if (p.messages[i]!.role !== 'agent') continue;
      const hit = matchIn(det, patterns, p, i);
      if (hit) return { via: 'stated', message: i, role: 'agent', excerpt: hit };
    }
    return null;
  }

  for (let i = 0; i < p.messages.length; i++) {
    const role = p.messages[i]!.role;
    if (!allowed(side, role)) continue;
    const hit = matchIn(det, det.patterns, p, i);
    if (hit) return { via: 'stated', message: i, role, excerpt: hit };
  }
  if (kind === 'verify' && det.notNeeded) {
    for (let i = 0; i < p.messages.length; i++) {
      if (p.messages[i]!.role !== 'customer') continue;
      const hit = matchIn(det, det.notNeeded, p, i);
      if (hit) return { via: 'not-needed', message: i, role: 'customer', excerpt: hit };
    }
  }
  if (kind === 'verify' && det.reply && det.request) {
    for (let i = 1; i < p.messages.length; i++) {
      if (p.messages[i]!.role !== 'customer' || p.messages[i - 1]!.role !== 'agent') continue;
      if (!det.request.some((re) => re.test(p.normals[i - 1]!))) continue;
      const hit = matchIn(det, det.reply, p, i);
      if (hit) return { via: 'stated', message: i, role: 'customer', excerpt: hit };
    }
  }
  if (kind === 'verify' && det.confirmable) {
    for (let i = 1; i < p.messages.length; i++) {
      const m = p.messages[i]!;
      const prev = p.messages[i - 1]!;
      if (m.role !== 'customer' || prev.role !== 'agent') continue;
      if (!AFFIRMATIVE.test(p.normals[i]!)) continue;
      const asked =
        (det.request ?? []).some((re) => re.test(p.normals[i - 1]!)) ||
        scriptVectorsOf(ctx.step).some((s) => cosineOf(agentVector(p, i - 1), s) >= SCRIPT_ECHO);
      if (asked)
        return { via: 'confirmed', message: i, role: 'customer', excerpt: excerptOf(p.normals[i]!, 0, 12) };
    }
  }
  if (kind === 'verify' && det.lookupAfter && !scriptAsks(det, ctx.step)) {
    const prerequisite = ctx.known.get(det.lookupAfter);
    if (prerequisite) return { via: 'lookup', message: -1, role: null, excerpt: det.lookupAfter };
  }
  return null;
}

function prepare(messages: readonly Message[]): Prepared {
  return { messages, normals: messages.map((m) => normal(m.text)), vectors: messages.map(() => null) };
}

function factsOf(step: CopilotStep): { fact: string; kind: FactKind }[] {
  return [
    ...step.mustVerify.map((fact) => ({ fact, kind: 'verify' as const })),
    ...step.mustDisclose.map((fact) => ({ fact, kind: 'disclose' as const })),
  ];
}

const title = (s: CopilotStep) => ({ zh: s.titleZh || s.titleEn, en: s.titleEn || s.titleZh });

/** Rule 9 thresholds: the later step's script must cover this share of the question's terms … */
const ANSWER_COVERAGE = 0.5;
/** … and this much more than the current step's script does. */
const ANSWER_MARGIN = 0.25;

const hasDisclosure = (s: StepState) => s.facts.some((f) => f.kind === 'disclose');
const waitsOnVerification = (s: StepState) => s.facts.some((f) => f.kind === 'verify' && !f.done);

/**
 * Rule 9: when the customer has just asked about a later disclosure (a double charge, an expired
 * coupon) while the current step is itself only a disclosure, answer the question first — the
 * later step becomes current. Never past a step that still waits on a verification.
 */
function answerFirst(
  p: Prepared,
  steps: readonly CopilotStep[],
  states: readonly StepState[],
  current: number,
  menuFrom: number,
): number {
  const last = p.messages.length - 1;
  if (last < 0 || p.messages[last]!.role !== 'customer') return current;
  const cur = states[current]!;
  if (!hasDisclosure(cur) || waitsOnVerification(cur)) return current;
  // What the message asks, not what it answers: facts it supplied for the steps so far (an order
  // number, a payment method) are taken out first, so "order 2024…, credit card" is no question.
  let asked = p.normals[last]!;
  for (const st of states.slice(0, current + 1)) {
    for (const f of st.facts)
      if (f.evidence?.message === last) asked = asked.split(f.evidence.excerpt).join(' ');
  }
  const question = questionVector(asked);
  if (question.size < 3) return current;
  const relevance = (i: number) =>
    Math.max(0, ...scriptVectorsOf(steps[i]!).map((v) => coverage(question, v)));
  const floor = relevance(current) + ANSWER_MARGIN;
  let best = current;
  let bestScore = ANSWER_COVERAGE;
  for (let j = current + 1; j < menuFrom; j++) {
    const s = states[j]!;
    if (waitsOnVerification(s) || !hasDisclosure(s)) break;
    if (s.status !== 'pending') continue;
    const r = relevance(j);
    if (r >= floor && r >= bestScore) {
      best = j;
      bestScore = r;
    }
  }
  return best;
}

/** Track `messages` against `sop` (see the module note for the rules). */
export function trackSteps(
  sop: CopilotSop,
  messages: readonly Message[],
  options: TrackOptions = {},
): TrackResult {
  const steps = sop.steps;
  if (steps.length === 0) return { steps: [], step: null };
  const p = prepare(messages);
  const known = new Map<string, Evidence>();
  // Order numbers come first: every lookup hangs on them, whichever step asks for them.
  const order = evaluateFact('order_number', {
    p,
    step: steps[0]!,
    kind: 'verify',
    earlier: null,
    known,
  });
  if (order) known.set('order_number', order);

  const firstEvidence = new Map<string, Evidence>();
  const states: StepState[] = [];
  const agentTouched: boolean[] = [];
  const hasAgent = messages.some((m) => m.role === 'agent');

  steps.forEach((step, index) => {
    const echo = scriptEcho(p, step);
    const facts: FactState[] = factsOf(step).map(({ fact, kind }) => {
      const earlier = kind === 'verify' ? (firstEvidence.get(fact) ?? null) : null;
      let evidence = evaluateFact(fact, { p, step, kind, earlier, known });
      const det = FACT_DETECTORS[fact];
      const agentSide = kind === 'disclose' || !det || det.who !== 'customer';
      if (!evidence && echo >= 0 && agentSide) {
        evidence = {
          via: 'script',
          message: echo,
          role: 'agent',
          excerpt: excerptOf(p.normals[echo]!, 0, 24),
        };
      }
      if (evidence) {
        if (!known.has(fact)) known.set(fact, evidence);
        if (kind === 'verify' && !firstEvidence.has(fact)) firstEvidence.set(fact, evidence);
      }
      return { fact, kind, done: evidence !== null, evidence, label: factLabel(fact) };
    });
    let done: boolean;
    if (facts.length > 0) done = facts.every((f) => f.done);
    else if (index === 0) done = hasAgent || echo >= 0;
    else if (index === steps.length - 1)
      done = echo >= 0 || p.messages.some((m, i) => m.role === 'agent' && CLOSING.test(p.normals[i]!));
    else done = echo >= 0;
    agentTouched.push(
      echo >= 0 ||
        facts.some((f) => f.evidence?.role === 'agent') ||
        (facts.length === 0 && done && (index !== 0 || hasAgent)),
    );
    states.push({ key: step.key, title: title(step), status: done ? 'done' : 'pending', facts });
  });

  // Rule 6, second half: the customer's first message already answered what step 2 asks for.
  const first = states[0];
  const second = states[1];
  if (first && second && first.status === 'pending' && first.facts.length === 0) {
    if (second.facts.some((f) => f.evidence?.role === 'customer' && f.evidence.via === 'stated'))
      first.status = 'passed';
  }
  // Rule 7: the agent completed a later step, so earlier unfinished ones were passed over.
  let laterDone = false;
  for (let i = states.length - 1; i >= 0; i--) {
    const s = states[i]!;
    if (s.status === 'pending' && laterDone) s.status = 'passed';
    if (s.status === 'done' && agentTouched[i]) laterDone = true;
  }

  const menuFrom = sop.menuFrom ?? steps.length;
  let current = states.findIndex((s, i) => s.status === 'pending' && i < menuFrom);
  const jumped = current >= 0 ? answerFirst(p, steps, states, current, menuFrom) : current;
  const jumpedOver = jumped > current ? states.slice(current, jumped) : [];
  current = jumped;
  if (current < 0 && menuFrom < steps.length) {
    const alternatives = steps.slice(menuFrom);
    const chosen = options.chooseMenuStep?.(alternatives) ?? alternatives[0]!.key;
    current = Math.max(
      menuFrom,
      steps.findIndex((s, i) => i >= menuFrom && s.key === chosen),
    );
  }
  const complete = current < 0;
  if (complete) current = steps.length - 1;
  const cur = states[current]!;
  const missingOf = (s: StepState): MissingFact[] =>
    s.facts.filter((f) => !f.done).map((f) => ({ fact: f.fact, kind: f.kind, label: f.label }));
  return {
    steps: states,
    step: {
      key: cur.key,
      index: current,
      title: cur.title,
      missing: complete ? [] : missingOf(cur),
      skipped: [...states.filter((s) => s.status === 'passed'), ...jumpedOver].flatMap(missingOf),
      complete,
    },
  };
}
