/**
 * @module The embedded persona engine: a deterministic state machine that plays the customer of a
 * scenario card, with no model.
 *
 * - Opens with the card's goal.
 * - Answers the trainee's questions from the known facts (their triggers, or the fact lexicon),
 *   and reveals a hidden fact only when the trainee's message matches its `revealWhen`.
 * - Keeps a mood (0–100) that starts by temperament and moves with every reply: rudeness,
 *   dismissiveness, wrong numbers and stalling raise it (scaled by the temperament's sensitivity
 *   and the card's difficulty); empathy, politeness and progress on the SOP lower it. A customer
 *   whose mood reaches 100 leaves; one whose patience (turns) runs out gives up.
 * - Ends when the card's success criteria are met (unless the customer has just raised a new
 *   point, which the trainee must answer first), when the trainee is abusive (failed, with the
 *   reason), when the customer leaves or gives up, or when the trainee closes the chat.
 *
 * Randomness (which phrasing the customer uses, a ±3 jitter on mood) comes from a seeded
 * mulberry32 stream whose position is part of the state, so a session replays identically and a
 * session resumed from its JSON state — after the trainee left the page — continues exactly where
 * it stopped. The state holds the transcript with the coaching report of every reply, which is
 * what the rubric scores and the replay annotates.
 */
import { createRandom } from '#src/core/simulation/random.ts';
import type { ScenarioCard, Temperament } from './card.ts';
import { TAU2_SOPS } from './cards/tau2-import.ts';
import {
  analyzeReply,
  contextFor,
  criteriaMet,
  emptyProgress,
  type Progress,
  type SimContext,
  type TurnReport,
} from './coaching.ts';
import { complianceSignals } from './compliance-signals.ts';
import { copilotFacts } from './copilot-facts.ts';
import { demoKnowledge, type Knowledge } from './knowledge.ts';
import { CLOSING_CUES, FACT_LEXICON } from './lexicon.ts';
import { LINES, type MoodBand, moodBand, PREFIX, TEMPER_TAIL } from './persona-lines.ts';
import { fold, phraseList } from './phrases.ts';
import { type RubricResult, scoreSession } from './rubric.ts';
import type { SignalSource } from './signals.ts';
import { catalogue, DEMO_SIM_SOPS, type SimSop, type SopCatalogue } from './sop.ts';

export const END_REASONS = [
  'criteria-met',
  'abusive-trainee',
  'customer-left',
  'patience-exhausted',
  'trainee-closed',
  'trainee-stopped',
] as const;
export type EndReason = (typeof END_REASONS)[number];

export interface TranscriptEntry {
  role: 'customer' | 'trainee';
  text: string;
  /** Customer mood after this entry (customer entries) or before it (trainee entries). */
  mood: number;
  /** Trainee replies carry their coaching report. */
  report?: TurnReport;
  /** Facts the customer told in this entry. */
  revealed?: string[];
}

/** Everything needed to resume a session (plain JSON; store it as is). */
export interface SessionState {
  v: 1;
  cardId: string;
  cardVersion: number;
  seed: number;
  /** Random draws used so far (the stream position). */
  draws: number;
  /** Trainee replies so far. */
  turn: number;
  mood: number;
  ended: boolean;
  endReason: EndReason | null;
  progress: Progress;
  transcript: TranscriptEntry[];
  /** Known facts the trainee asked for again after being told. */
  repeats: number;
}

export interface ReplyResult {
  customerText: string;
  state: SessionState;
  /** Fact keys the customer told in this reply. */
  revealed: string[];
  mood: { value: number; band: MoodBand };
  report: TurnReport;
  ended: boolean;
  endReason: EndReason | null;
  /** The rubric, once the session has ended. */
  verdict?: RubricResult;
}

export interface Session {
  readonly card: ScenarioCard;
  readonly opening: string;
  /** A copy of the current state. */
  state(): SessionState;
  reply(traineeText: string): ReplyResult;
  /** End the session now (the trainee stopped or left for good) and score it. */
  finish(reason?: EndReason): RubricResult;
  /** The rubric of the session as it stands (final once ended). */
  verdict(): RubricResult;
}

export interface EngineOptions {
  sops?: SopCatalogue;
  knowledge?: Knowledge;
  /**
   * Override the signal source (default: the compliance checker's default pack, compliance-signals.ts;
   * a tenant passes its own pack's checker) or the fact detector (default: lexicon + co-pilot).
   */
  context?: Partial<Pick<SimContext, 'signals' | 'facts'>>;
}

interface Temper {
  start: number;
  sensitivity: number;
  soothing: number;
  patience: number;
}

/** Temperament parameters (documented in the module comment; difficulty scales them). */
export const TEMPERS: Readonly<Record<Temperament, Temper>> = {
  calm: { start: 15, sensitivity: 0.6, soothing: 1, patience: 12 },
  talkative: { start: 20, sensitivity: 0.8, soothing: 1, patience: 14 },
  confused: { start: 30, sensitivity: 0.8, soothing: 0.8, patience: 12 },
  anxious: { start: 45, sensitivity: 1.1, soothing: 0.9, patience: 10 },
  angry: { start: 65, sensitivity: 1.3, soothing: 0.6, patience: 8 },
};

function temperOf(card: ScenarioCard): Temper {
  const t = TEMPERS[card.persona.temperament];
  const d = card.difficulty - 3;
  return {
    start: t.start,
    sensitivity: t.sensitivity * (1 + 0.1 * d),
    soothing: t.soothing,
    patience: card.persona.patience ?? Math.max(3, t.patience - d),
  };
}

let defaultSops: SopCatalogue | null = null;
let defaultKnowledge: Knowledge | null = null;
let defaultSignals: SignalSource | null = null;

/** The SOPs cards refer to by default: the demo tenant's and the τ² domains'. */
export function defaultCatalogue(): SopCatalogue {
  defaultSops ??= catalogue([...DEMO_SIM_SOPS, ...TAU2_SOPS]);
  return defaultSops;
}

function resolveContext(card: ScenarioCard, opts: EngineOptions): SimContext {
  const sops = opts.sops ?? defaultCatalogue();
  const sop: SimSop | undefined = sops.get(card.sop);
  if (!sop) throw new TypeError(`card ${card.id}: unknown SOP ${card.sop}`);
  defaultKnowledge ??= demoKnowledge();
  // By default the customer reacts to the compliance checker's judgement of tone and conduct, and
  // steps are credited by the simulator's lexicon widened with the co-pilot's fact detectors.
  defaultSignals ??= complianceSignals();
  return contextFor(card, sop, opts.knowledge ?? defaultKnowledge, {
    signals: opts.context?.signals ?? defaultSignals,
    facts: opts.context?.facts ?? copilotFacts,
  });
}

class Stream {
  private readonly rng: ReturnType<typeof createRandom>;
  constructor(
    seed: number,
    public draws: number,
  ) {
    this.rng = createRandom(seed);
    for (let i = 0; i < draws; i++) this.rng.next();
  }
  next(): number {
    this.draws++;
    return this.rng.next();
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
}

function join(lang: 'zh' | 'en', parts: string[]): string {
  return parts
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .join(lang === 'zh' ? '' : ' ');
}

/** Start a session: the customer's opening line is `session.opening`. */
export function createSession(card: ScenarioCard, seed: number, opts: EngineOptions = {}): Session {
  const temper = temperOf(card);
  const rng = new Stream(seed, 0);
  const tail = rng.pick(TEMPER_TAIL[card.persona.temperament][card.lang]);
  const opening = join(card.lang, [card.goal, tail]);
  const state: SessionState = {
    v: 1,
    cardId: card.id,
    cardVersion: card.version,
    seed,
    draws: rng.draws,
    turn: 0,
    mood: temper.start,
    ended: false,
    endReason: null,
    progress: emptyProgress(),
    transcript: [{ role: 'customer', text: opening, mood: temper.start }],
    repeats: 0,
  };
  return bind(card, state, opts);
}

export type ResumeError = { ok: false; reason: string };

/** Continue a stored session (the trainee came back). The card must be the version it started with. */
export function resumeSession(
  card: ScenarioCard,
  state: SessionState,
  opts: EngineOptions = {},
): { ok: true; session: Session } | ResumeError {
  if (state.v !== 1) return { ok: false, reason: `unknown state version ${String(state.v)}` };
  if (state.cardId !== card.id || state.cardVersion !== card.version) {
    return {
      ok: false,
      reason: `state belongs to ${state.cardId} v${state.cardVersion}, not ${card.id} v${card.version}`,
    };
  }
  return { ok: true, session: bind(card, structuredClone(state), opts) };
}

function bind(card: ScenarioCard, state: SessionState, opts: EngineOptions): Session {
  const ctx = resolveContext(card, opts);
  const temper = temperOf(card);
  const lang = card.lang;
  const closing = phraseList(CLOSING_CUES);
  let cached: RubricResult | null = null;

  const verdict = (): RubricResult => {
    if (cached && state.ended) return cached;
    cached = scoreSession(card, ctx, state);
    return cached;
  };

  const end = (reason: EndReason) => {
    state.ended = true;
    state.endReason = reason;
  };

  const reply = (traineeText: string): ReplyResult => {
    if (state.ended) {
      const last = state.transcript[state.transcript.length - 1]!;
      return {
        customerText: '',
        state: structuredClone(state),
        revealed: [],
        mood: { value: state.mood, band: moodBand(state.mood) },
        report: last.report ?? state.transcript.findLast((e) => e.report)?.report ?? emptyReport(),
        ended: true,
        endReason: state.endReason,
        verdict: verdict(),
      };
    }
    const rng = new Stream(state.seed, state.draws);
    state.turn += 1;
    const moodBefore = state.mood;
    const customerSaid = fold(
      state.transcript
        .filter((e) => e.role === 'customer')
        .map((e) => e.text)
        .join('\n'),
    );
    const { report, progress } = analyzeReply({
      card,
      ctx,
      progress: state.progress,
      turn: state.turn,
      text: traineeText,
      customerSaid,
      mood: moodBefore,
    });
    const prevProgress = state.progress;
    state.progress = progress;
    state.transcript.push({ role: 'trainee', text: traineeText, mood: moodBefore, report });
    const folded = fold(traineeText);

    // What the customer can answer: known facts asked for, hidden facts unlocked.
    const told: string[] = [];
    const answers: string[] = [];
    let repeated = false;
    for (const f of card.knownFacts) {
      const triggers = f.triggers ?? FACT_LEXICON[f.key]?.ask ?? [];
      if (triggers.length === 0 || !phraseList(triggers).test(folded)) continue;
      if (prevProgress.revealed.includes(f.key)) repeated = true;
      answers.push(f.text);
      told.push(f.key);
    }
    const newlyHidden: string[] = [];
    for (const f of card.hiddenFacts) {
      if (prevProgress.revealed.includes(f.key) || !phraseList(f.revealWhen).test(folded)) continue;
      answers.push(f.text);
      told.push(f.key);
      newlyHidden.push(f.key);
    }
    for (const k of told) if (!state.progress.revealed.includes(k)) state.progress.revealed.push(k);
    if (repeated) state.repeats += 1;
    // Card cue replies ("Yes, please go ahead", "Done — it works now") once the fact is complete.
    for (const c of card.factCues) {
      if (!c.reply) continue;
      const was = c.cues.every((_, i) => (prevProgress.cueGroups[c.key] ?? []).includes(i));
      const now = c.cues.every((_, i) => (state.progress.cueGroups[c.key] ?? []).includes(i));
      if (now && !was) answers.push(c.reply);
    }

    // Mood.
    const kinds = new Set(report.findings.map((f) => f.kind));
    let delta = 0;
    if (kinds.has('rude')) delta += 30 * temper.sensitivity;
    if (kinds.has('dismissive')) delta += 15 * temper.sensitivity;
    if (kinds.has('kb_contradiction') || report.attempted.length > 0) delta += 12 * temper.sensitivity;
    if (!report.progressed && report.empathy.score < 1 && told.length === 0) delta += 8 * temper.sensitivity;
    if (repeated) delta += 6 * temper.sensitivity;
    if (report.empathy.score >= 1) delta -= 12 * temper.soothing;
    else if (report.empathy.score >= 0.6) delta -= 4 * temper.soothing;
    if (report.progressed)
      delta -= 8 * temper.soothing * Math.min(2, Math.max(1, report.stepsCovered.length));
    if (kinds.has('must_not_accept')) delta -= 5;
    delta += Math.floor(rng.next() * 7) - 3;
    state.mood = Math.max(0, Math.min(100, Math.round(state.mood + delta)));

    // Endings, most serious first.
    let customerText: string;
    if (kinds.has('abusive')) {
      end('abusive-trainee');
      customerText = rng.pick(LINES.abused[lang]);
    } else if (state.mood >= 100) {
      end('customer-left');
      customerText = rng.pick(LINES.left[lang]);
    } else if (criteriaMet(card, ctx.sop, state.progress) && newlyHidden.length === 0) {
      end('criteria-met');
      const thanks =
        card.persona.temperament === 'angry' && state.mood >= 50 ? LINES.closingAngry : LINES.closingThanks;
      customerText = join(lang, [...answers, rng.pick(thanks[lang])]);
    } else if (closing.test(folded)) {
      end('trainee-closed');
      customerText = rng.pick(LINES.traineeClosed[lang]);
    } else if (state.turn >= temper.patience) {
      end('patience-exhausted');
      customerText = join(lang, [
        rng.pick(PREFIX[moodBand(state.mood)][lang]),
        rng.pick(LINES.patience[lang]),
      ]);
    } else {
      customerText = compose({ card, ctx, state, report, answers, repeated, rng, kinds, traineeText });
    }
    state.transcript.push({ role: 'customer', text: customerText, mood: state.mood, revealed: told });
    state.draws = rng.draws;
    cached = null;
    return {
      customerText,
      state: structuredClone(state),
      revealed: told,
      mood: { value: state.mood, band: moodBand(state.mood) },
      report,
      ended: state.ended,
      endReason: state.endReason,
      ...(state.ended ? { verdict: verdict() } : {}),
    };
  };

  return {
    card,
    opening: state.transcript[0]!.text,
    state: () => structuredClone(state),
    reply,
    finish(reason = 'trainee-stopped') {
      if (!state.ended) {
        end(criteriaMet(card, ctx.sop, state.progress) ? 'criteria-met' : reason);
        cached = null;
      }
      return verdict();
    },
    verdict,
  };
}

function compose(a: {
  card: ScenarioCard;
  ctx: SimContext;
  state: SessionState;
  report: TurnReport;
  answers: string[];
  repeated: boolean;
  rng: Stream;
  kinds: Set<string>;
  traineeText: string;
}): string {
  const { card, state, rng } = a;
  const lang = card.lang;
  const band = moodBand(state.mood);
  const parts: string[] = [rng.pick(PREFIX[band][lang])];
  if (a.repeated) parts.push(rng.pick(LINES.repeated[lang]));
  parts.push(...a.answers);
  if (a.kinds.has('must_not_accept')) parts.push(rng.pick(LINES.accepted[lang]));
  if (card.persona.temperament === 'confused' && a.report.clarity.score < 0.75)
    parts.push(rng.pick(LINES.unclear[lang]));
  if (a.answers.length === 0 && !a.kinds.has('must_not_accept')) {
    // Nothing to answer: say what is still missing — a disclosure, then the outcome itself; once
    // the outcome is given the customer just acknowledges (the closing steps are the trainee's).
    const missing = card.success.disclosures.find((k) => !factDone(card, state.progress, k));
    const cue = missing ? card.factCues.find((c) => c.key === missing)?.customerAsk : undefined;
    const ask = missing ? (cue ?? FACT_LEXICON[missing]?.customerAsk?.[lang]) : undefined;
    if (ask) parts.push(ask);
    else if (/[?？]/.test(a.traineeText)) parts.push(rng.pick(LINES.unsure[lang]));
    else if (state.progress.outcomeTurn !== null) parts.push(rng.pick(LINES.ok[lang]));
    else parts.push(rng.pick(LINES.whatNow[lang]));
  }
  if (card.persona.temperament === 'talkative' && band === 'calm' && rng.next() < 0.4) {
    parts.push(rng.pick(TEMPER_TAIL.talkative[lang]));
  }
  if (card.persona.temperament === 'anxious' && band !== 'calm' && rng.next() < 0.5) {
    parts.push(rng.pick(TEMPER_TAIL.anxious[lang]));
  }
  return join(lang, parts);
}

function factDone(card: ScenarioCard, p: Progress, key: string): boolean {
  const cue = card.factCues.find((c) => c.key === key && c.kind === 'disclose');
  return cue ? cue.cues.every((_, i) => (p.cueGroups[key] ?? []).includes(i)) : p.disclosed.includes(key);
}

function emptyReport(): TurnReport {
  return {
    turn: 0,
    stepsCovered: [],
    nextStep: null,
    verified: [],
    disclosed: [],
    attempted: [],
    findings: [],
    empathy: { score: 0, cues: [] },
    clarity: { score: 1, notes: [] },
    accuracy: { correct: [], wrong: [] },
    outcome: false,
    progressed: false,
    signals: [],
    tips: [],
  };
}

/** Play a scripted transcript: every trainee turn in order (stopping when the session ends), then finish. */
export function playScript(
  card: ScenarioCard,
  turns: readonly string[],
  seed: number,
  opts: EngineOptions = {},
) {
  const session = createSession(card, seed, opts);
  const replies: ReplyResult[] = [];
  for (const t of turns) {
    const r = session.reply(t);
    replies.push(r);
    if (r.ended) break;
  }
  const verdict = session.finish();
  return { session, replies, verdict };
}
