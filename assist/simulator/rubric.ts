/**
 * @module End-of-session rubric: a 0–100 score per dimension with evidence quotes (spans of the
 * trainee's own messages), pass/fail against the card's criteria, the weak dimensions, and an
 * annotated replay. Computed from the session state alone, so a stored session can be re-scored.
 *
 * Scores (every one clamped to 0–100; a dimension is weak below `WEAK_BELOW` = 60):
 * - sop_adherence: 100 × required steps covered ÷ required steps; −20 when the outcome was given
 *   before a required verification step was done (acting without verifying).
 * - compliance: 100 − 50 per `mustNotAccept` rule broken − 40 per reply asking for a secret,
 *   moving off-platform or abusing − 25 per rude reply (服务忌语) − 15 per reply with an unauthorised
 *   promise or superlative − 45 per required disclosure never attempted.
 * - empathy: 60, +25 with any apology/acknowledgement, +15 when at least half the replies are
 *   polite; for an angry or anxious customer (or any reply to a customer in mood ≥ 50) −20 when
 *   no reply shows empathy, and −15 × the share of those tense moments answered without it;
 *   −35 per rude reply, −20 per dismissive one; 0 when abusive.
 * - accuracy: quantities judged against the knowledge base (knowledge.ts): 100 × correct ÷ judged
 *   − 10 per wrong one; 85 when nothing checkable was stated.
 * - resolution: 100 when the outcome is delivered and every criterion met; 60 + 30 × share of
 *   criteria met when only the outcome is delivered; otherwise 45 × that share. At most 30 when the
 *   customer walked out or the trainee was abusive.
 * - efficiency: 100 − 15 per reply that moved nothing (no step, fact, answer, outcome, empathy)
 *   − 10 per fact asked again after the customer gave it − 10 per reply over 500 characters.
 *
 * Pass: every criterion met (steps, disclosures, reveals, outcome), no `mustNotAccept` rule broken,
 * no secret asked / off-platform move / abuse, the customer did not walk out, and the mean of the
 * six scores ≥ the card's `success.minScore` (default 60).
 */
import { DIMENSIONS, type Dimension, type ScenarioCard } from './card.ts';
import { criteriaMet, factCovered, requiredSteps, type SimContext, type TurnReport } from './coaching.ts';
import type { EndReason, SessionState } from './persona-engine.ts';
import { type MoodBand, moodBand } from './persona-lines.ts';

export const WEAK_BELOW = 60;

export interface Evidence {
  /** Trainee reply number (1-based), or null for something that never happened. */
  turn: number | null;
  start: number;
  end: number;
  quote: string;
  note: string;
  polarity: 'positive' | 'negative';
}

export interface CriterionResult {
  kind: 'step' | 'disclosure' | 'reveal' | 'outcome';
  key: string;
  label: string;
  met: boolean;
  turn: number | null;
}

export interface ReplayEntry {
  role: 'customer' | 'trainee';
  text: string;
  turn: number;
  mood: number;
  moodBand: MoodBand;
  annotations: { kind: string; note: string; quote?: string; severity?: string }[];
}

export interface RubricResult {
  cardId: string;
  passed: boolean;
  overall: number;
  passMark: number;
  scores: Record<Dimension, number>;
  weak: Dimension[];
  evidence: Record<Dimension, Evidence[]>;
  criteria: CriterionResult[];
  /** Why the session failed (empty when passed). */
  failures: string[];
  endReason: EndReason | null;
  replay: ReplayEntry[];
}

const clamp = (n: number) => Math.max(0, Math.min(100, Math.round(n)));

interface Turn {
  n: number;
  text: string;
  mood: number;
  report: TurnReport;
  /** Facts the customer told right after this reply. */
  told: string[];
}

function turnsOf(state: SessionState): Turn[] {
  const out: Turn[] = [];
  state.transcript.forEach((e, i) => {
    if (e.role !== 'trainee' || !e.report) return;
    const next = state.transcript[i + 1];
    out.push({ n: e.report.turn, text: e.text, mood: e.mood, report: e.report, told: next?.revealed ?? [] });
  });
  return out;
}

function whole(t: Turn, note: string, polarity: Evidence['polarity']): Evidence {
  const quote = t.text.length > 120 ? `${t.text.slice(0, 119)}…` : t.text;
  return { turn: t.n, start: 0, end: Math.min(t.text.length, 120), quote, note, polarity };
}

/** Score a session (ended or not) against its card. */
export function scoreSession(card: ScenarioCard, ctx: SimContext, state: SessionState): RubricResult {
  const zh = card.lang === 'zh';
  const turns = turnsOf(state);
  const p = state.progress;
  const ev: Record<Dimension, Evidence[]> = Object.fromEntries(
    DIMENSIONS.map((d) => [d, []]),
  ) as unknown as Record<Dimension, Evidence[]>;
  const count = (kind: string) => turns.filter((t) => t.report.findings.some((f) => f.kind === kind)).length;
  const byKind = (kind: string) =>
    turns.flatMap((t) => t.report.findings.filter((f) => f.kind === kind).map((f) => ({ t, f })));

  // Criteria.
  const steps = requiredSteps(card, ctx.sop);
  const criteria: CriterionResult[] = [
    ...steps.map((s) => ({
      kind: 'step' as const,
      key: s.key,
      label: s.title[card.lang],
      met: p.steps[s.key] !== undefined,
      turn: p.steps[s.key] ?? null,
    })),
    ...card.success.disclosures.map((k) => ({
      kind: 'disclosure' as const,
      key: k,
      label: k,
      met: factCovered(card, p, k, 'disclose'),
      turn: turns.find((t) => t.report.disclosed.some((d) => d.key === k))?.n ?? null,
    })),
    ...card.success.reveal.map((k) => ({
      kind: 'reveal' as const,
      key: k,
      label: k,
      met: p.revealed.includes(k),
      turn: turns.find((t) => t.told.includes(k))?.n ?? null,
    })),
    {
      kind: 'outcome' as const,
      key: card.success.outcome.kind,
      label: card.success.outcome.description,
      met: p.outcomeTurn !== null,
      turn: p.outcomeTurn,
    },
  ];
  const items = criteria.filter((c) => c.kind !== 'outcome');
  const share = items.length === 0 ? 1 : items.filter((c) => c.met).length / items.length;
  const allMet = criteriaMet(card, ctx.sop, p);

  // sop_adherence
  let sop =
    steps.length === 0
      ? 100
      : (100 * steps.filter((s) => p.steps[s.key] !== undefined).length) / steps.length;
  const verifySteps = ctx.sop.steps.filter(
    (s) =>
      card.success.stepsCovered.includes(s.key) && s.mustVerify.length > 0 && s.mustDisclose.length === 0,
  );
  const late = verifySteps.find(
    (s) => p.outcomeTurn !== null && (p.steps[s.key] === undefined || p.steps[s.key]! > p.outcomeTurn),
  );
  if (late) sop -= 20;
  for (const s of steps) {
    const turn = p.steps[s.key];
    const t = turns.find((x) => x.n === turn);
    if (t) {
      const hit = [...t.report.verified, ...t.report.disclosed].find(
        (h) => s.mustVerify.includes(h.key) || s.mustDisclose.includes(h.key),
      );
      ev.sop_adherence.push(
        hit
          ? {
              turn: t.n,
              start: hit.start,
              end: hit.end,
              quote: hit.quote,
              note: s.title[card.lang],
              polarity: 'positive',
            }
          : whole(t, s.title[card.lang], 'positive'),
      );
    } else {
      ev.sop_adherence.push({
        turn: null,
        start: 0,
        end: 0,
        quote: '',
        note: `${zh ? '未完成' : 'Missed'}: ${s.title[card.lang]}`,
        polarity: 'negative',
      });
    }
  }
  if (late) {
    ev.sop_adherence.push({
      turn: p.outcomeTurn,
      start: 0,
      end: 0,
      quote: '',
      note: zh ? '未核实就给出处理结果' : 'Outcome given before verifying',
      polarity: 'negative',
    });
  }

  // compliance
  const brokenRules = new Set(p.violations.map((v) => v.rule));
  const blockTurns = turns.filter((t) =>
    t.report.findings.some((f) => ['privacy', 'offplatform', 'abusive'].includes(f.kind)),
  ).length;
  const rudeTurns = count('rude');
  const promiseTurns = turns.filter((t) =>
    t.report.findings.some((f) => f.kind === 'promise' || f.kind === 'superlative'),
  ).length;
  const neverAttempted = card.success.disclosures.filter(
    (k) => !factCovered(card, p, k, 'disclose') && !p.attempted.includes(k),
  );
  let compliance =
    100 -
    50 * brokenRules.size -
    40 * blockTurns -
    25 * rudeTurns -
    15 * promiseTurns -
    45 * neverAttempted.length;
  if (count('abusive') > 0) compliance = 0;
  for (const kind of [
    'must_not_accept',
    'privacy',
    'offplatform',
    'abusive',
    'rude',
    'promise',
    'superlative',
  ]) {
    for (const { t, f } of byKind(kind)) {
      ev.compliance.push({
        turn: t.n,
        start: f.start,
        end: f.end,
        quote: f.quote,
        note: f.message,
        polarity: 'negative',
      });
    }
  }
  for (const k of neverAttempted) {
    ev.compliance.push({
      turn: null,
      start: 0,
      end: 0,
      quote: '',
      note: `${zh ? '未告知' : 'Never disclosed'}: ${k}`,
      polarity: 'negative',
    });
  }
  for (const t of turns) {
    for (const d of t.report.disclosed) {
      if (card.success.disclosures.includes(d.key)) {
        ev.compliance.push({
          turn: t.n,
          start: d.start,
          end: d.end,
          quote: d.quote,
          note: d.key,
          polarity: 'positive',
        });
      }
    }
  }

  // empathy
  const emp = turns.filter((t) => t.report.empathy.score >= 1);
  const polite = turns.filter((t) => t.report.empathy.score >= 0.6);
  const tense = turns.filter((t) => t.mood >= 50);
  const needs =
    card.persona.temperament === 'angry' || card.persona.temperament === 'anxious' || tense.length > 0;
  let empathy =
    60 + (emp.length > 0 ? 25 : 0) + (turns.length > 0 && polite.length * 2 >= turns.length ? 15 : 0);
  if (needs && emp.length === 0) empathy -= 20;
  if (tense.length > 0)
    empathy -= (15 * tense.filter((t) => t.report.empathy.score < 1).length) / tense.length;
  empathy -= 35 * rudeTurns + 20 * count('dismissive');
  if (count('abusive') > 0) empathy = 0;
  for (const t of emp) {
    const c = t.report.empathy.cues[0];
    if (c)
      ev.empathy.push({
        turn: t.n,
        start: c.start,
        end: c.end,
        quote: c.quote,
        note: zh ? '致歉/共情' : 'Apology / acknowledgement',
        polarity: 'positive',
      });
  }
  for (const kind of ['abusive', 'rude', 'dismissive']) {
    for (const { t, f } of byKind(kind))
      ev.empathy.push({
        turn: t.n,
        start: f.start,
        end: f.end,
        quote: f.quote,
        note: f.message,
        polarity: 'negative',
      });
  }
  for (const t of tense) {
    if (
      t.report.empathy.score < 1 &&
      !t.report.findings.some((f) => ['rude', 'dismissive', 'abusive'].includes(f.kind))
    ) {
      ev.empathy.push(whole(t, zh ? '客户情绪激动时未安抚' : 'Upset customer not acknowledged', 'negative'));
    }
  }

  // accuracy
  const correct = turns.flatMap((t) => t.report.accuracy.correct.map((q) => ({ t, q })));
  const wrong = turns.flatMap((t) => t.report.accuracy.wrong.map((q) => ({ t, q })));
  const judged = correct.length + wrong.length;
  const accuracy = judged === 0 ? 85 : (100 * correct.length) / judged - 10 * wrong.length;
  for (const { t, q } of correct)
    ev.accuracy.push({
      turn: t.n,
      start: q.start,
      end: q.end,
      quote: q.quote,
      note: zh ? '与知识库一致' : 'Matches the knowledge base',
      polarity: 'positive',
    });
  for (const { t, q } of wrong) {
    ev.accuracy.push({
      turn: t.n,
      start: q.start,
      end: q.end,
      quote: q.quote,
      note: `${zh ? '知识库为' : 'Knowledge base says'} ${q.expected}`,
      polarity: 'negative',
    });
  }

  // resolution
  const outcomeMet = p.outcomeTurn !== null;
  let resolution = outcomeMet ? (allMet ? 100 : 60 + 30 * share) : 45 * share;
  const walkedOut = state.endReason === 'customer-left' || state.endReason === 'abusive-trainee';
  if (walkedOut) resolution = Math.min(resolution, 30);
  const ot = turns.find((t) => t.n === p.outcomeTurn);
  if (ot) ev.resolution.push(whole(ot, card.success.outcome.description, 'positive'));
  for (const c of criteria) {
    if (!c.met)
      ev.resolution.push({
        turn: null,
        start: 0,
        end: 0,
        quote: '',
        note: `${zh ? '未达成' : 'Not met'}: ${c.label}`,
        polarity: 'negative',
      });
  }

  // efficiency
  const wasted = turns.filter(
    (t) => !t.report.progressed && t.report.empathy.score < 1 && t.told.length === 0,
  );
  const overlong = turns.filter((t) => t.text.length > 500);
  const efficiency = 100 - 15 * wasted.length - 10 * state.repeats - 10 * overlong.length;
  for (const t of wasted)
    ev.efficiency.push(whole(t, zh ? '这条回复没有推进' : 'This reply moved nothing forward', 'negative'));
  for (const t of overlong) ev.efficiency.push(whole(t, zh ? '回复过长' : 'Overlong reply', 'negative'));

  const scores: Record<Dimension, number> = {
    sop_adherence: clamp(sop),
    compliance: clamp(compliance),
    empathy: clamp(empathy),
    accuracy: clamp(accuracy),
    resolution: clamp(resolution),
    efficiency: clamp(efficiency),
  };
  const overall = Math.round(DIMENSIONS.reduce((s, d) => s + scores[d], 0) / DIMENSIONS.length);
  const weak = DIMENSIONS.filter((d) => scores[d] < WEAK_BELOW);

  const failures: string[] = [];
  for (const c of criteria)
    if (!c.met) failures.push(`${zh ? '未达成' : 'Criterion not met'}: ${c.kind} ${c.key}`);
  for (const v of p.violations)
    failures.push(`${zh ? '违反' : 'Broke'}: ${card.mustNotAccept[v.rule]?.why ?? v.rule} ("${v.quote}")`);
  if (blockTurns > 0)
    failures.push(
      zh
        ? '严重违规（索要密码/验证码、引导站外或辱骂）'
        : 'Blocking violation (secret asked, off-platform or abuse)',
    );
  if (state.endReason === 'customer-left') failures.push(zh ? '客户愤而离开' : 'The customer walked out');
  if (state.endReason === 'abusive-trainee')
    failures.push(zh ? '学员辱骂客户，会话终止' : 'Abusive trainee input ended the session');
  if (overall < card.success.minScore)
    failures.push(`${zh ? '总分低于' : 'Overall score below'} ${card.success.minScore}`);

  return {
    cardId: card.id,
    passed: failures.length === 0 && allMet,
    overall,
    passMark: card.success.minScore,
    scores,
    weak,
    evidence: ev,
    criteria,
    failures,
    endReason: state.endReason,
    replay: replayOf(card, state),
  };
}

function replayOf(card: ScenarioCard, state: SessionState): ReplayEntry[] {
  const zh = card.lang === 'zh';
  let turn = 0;
  return state.transcript.map((e) => {
    const annotations: ReplayEntry['annotations'] = [];
    if (e.role === 'trainee' && e.report) {
      turn = e.report.turn;
      for (const s of e.report.stepsCovered) annotations.push({ kind: 'step', note: s });
      for (const f of e.report.findings)
        annotations.push({ kind: f.kind, note: f.message, quote: f.quote, severity: f.severity });
      for (const d of e.report.disclosed)
        annotations.push({ kind: 'disclosed', note: d.key, quote: d.quote });
      if (e.report.outcome) annotations.push({ kind: 'outcome', note: card.success.outcome.description });
      if (e.report.empathy.score >= 1)
        annotations.push({
          kind: 'empathy',
          note: zh ? '共情' : 'empathy',
          quote: e.report.empathy.cues[0]?.quote ?? '',
        });
    } else {
      for (const k of e.revealed ?? []) annotations.push({ kind: 'revealed', note: k });
    }
    return { role: e.role, text: e.text, turn, mood: e.mood, moodBand: moodBand(e.mood), annotations };
  });
}
