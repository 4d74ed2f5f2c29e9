/**
 * @module Personalised path: which scenario a trainee should play next, from their weakest rubric
 * dimensions and the skills they have not passed yet. Deterministic (ties break on card id).
 *
 * - Weakness per dimension: 1 − (recency-weighted mean score ÷ 100) over the last ten sessions
 *   (weights 1, 0.8, 0.64 …); a dimension never scored counts as 0.3 weak.
 * - What a card trains (its emphasis, normalised to sum 1): SOP adherence grows with required and
 *   verification steps, compliance with `mustNotAccept` rules and required disclosures, empathy
 *   with the temperament (angry > anxious > confused > talkative > calm), accuracy with the
 *   numbers in the required steps' scripts, resolution with declines, escalations and facts to uncover,
 *   efficiency with talkative/confused customers and short patience.
 * - Score = 0.5 × (emphasis · weakness ÷ max weakness) + 0.3 × (skill not passed yet)
 *   + 0.2 × difficulty fit (level = hardest passed difficulty + 1) − 0.4 if already passed.
 *   Cards played in the last `avoidRecent` sessions are skipped while others remain.
 */
import { DIMENSIONS, type Dimension, type ScenarioCard, type Temperament } from './card.ts';
import { parseQuantities } from './knowledge.ts';
import { defaultCatalogue } from './persona-engine.ts';
import { fold } from './phrases.ts';
import type { Lang, SopCatalogue } from './sop.ts';

export interface TrainingRecord {
  cardId: string;
  skill: string;
  passed: boolean;
  scores: Record<Dimension, number>;
}

export interface PathOptions {
  lang?: Lang;
  /** Only cards of these skills (e.g. the skills the trainee is being certified for). */
  skills?: readonly string[];
  /** Skip the cards of the last N sessions when anything else is left (default 3). */
  avoidRecent?: number;
  /** SOPs of the cards (default: the demo and τ² SOPs). */
  sops?: SopCatalogue;
}

export interface NextScenario {
  card: ScenarioCard;
  score: number;
  /** Dimensions this card targets among the trainee's weakest. */
  targets: Dimension[];
  reasons: string[];
}

const EMPATHY_WEIGHT: Record<Temperament, number> = {
  angry: 1,
  anxious: 0.8,
  confused: 0.5,
  talkative: 0.3,
  calm: 0.2,
};

/** What a card exercises, per dimension (sums to 1). */
export function cardEmphasis(
  card: ScenarioCard,
  sops: SopCatalogue = defaultCatalogue(),
): Record<Dimension, number> {
  const required = sops.get(card.sop)?.steps.filter((s) => card.success.stepsCovered.includes(s.key)) ?? [];
  const verifySteps = required.filter((s) => s.mustVerify.length > 0).length;
  // How many numbers the trainee has to get right: those in the required steps' scripts.
  const numbers = required.reduce((n, s) => n + parseQuantities(fold(s.script?.[card.lang] ?? '')).length, 0);
  const raw: Record<Dimension, number> = {
    sop_adherence: card.success.stepsCovered.length / 6 + verifySteps * 0.25,
    compliance: card.mustNotAccept.length * 0.5 + card.success.disclosures.length * 0.25,
    empathy: EMPATHY_WEIGHT[card.persona.temperament] * 1.5,
    accuracy: Math.min(2, numbers * 0.25) + card.kbFacts.length * 0.25,
    resolution: (card.success.outcome.kind === 'resolve' ? 0.5 : 1) + card.success.reveal.length * 0.3,
    efficiency:
      (card.persona.temperament === 'talkative' || card.persona.temperament === 'confused' ? 0.6 : 0.2) +
      (card.persona.patience !== undefined && card.persona.patience <= 6 ? 0.4 : 0),
  };
  const total = DIMENSIONS.reduce((s, d) => s + raw[d], 0) || 1;
  return Object.fromEntries(DIMENSIONS.map((d) => [d, raw[d] / total])) as Record<Dimension, number>;
}

/** Recency-weighted weakness per dimension (0 strong … 1 weak). */
export function weaknesses(history: readonly TrainingRecord[]): Record<Dimension, number> {
  const recent = history.slice(-10).reverse();
  return Object.fromEntries(
    DIMENSIONS.map((d) => {
      let sum = 0;
      let weight = 0;
      recent.forEach((r, i) => {
        const w = 0.8 ** i;
        sum += w * (r.scores[d] ?? 0);
        weight += w;
      });
      return [d, weight === 0 ? 0.3 : 1 - sum / weight / 100];
    }),
  ) as Record<Dimension, number>;
}

/** The next scenario for a trainee, or null when no card matches the options. */
export function nextScenario(
  cards: readonly ScenarioCard[],
  history: readonly TrainingRecord[],
  opts: PathOptions = {},
): NextScenario | null {
  let pool = cards.filter(
    (c) => (!opts.lang || c.lang === opts.lang) && (!opts.skills || opts.skills.includes(c.skill)),
  );
  if (pool.length === 0) return null;
  const avoid = new Set(history.slice(-(opts.avoidRecent ?? 3)).map((r) => r.cardId));
  if (pool.some((c) => !avoid.has(c.id))) pool = pool.filter((c) => !avoid.has(c.id));

  const weak = weaknesses(history);
  const maxWeak = Math.max(...DIMENSIONS.map((d) => weak[d]), 1e-9);
  const passedSkills = new Set(history.filter((r) => r.passed).map((r) => r.skill));
  const passedCards = new Set(history.filter((r) => r.passed).map((r) => r.cardId));
  const byId = new Map(cards.map((c) => [c.id, c]));
  const hardest = Math.max(
    0,
    ...history.filter((r) => r.passed).map((r) => byId.get(r.cardId)?.difficulty ?? 1),
  );
  const level = Math.min(5, hardest + 1);
  const worst = [...DIMENSIONS].sort((a, b) => weak[b] - weak[a] || a.localeCompare(b)).slice(0, 2);

  const ranked = pool
    .map((card) => {
      const emphasis = cardEmphasis(card, opts.sops);
      const match = DIMENSIONS.reduce((s, d) => s + emphasis[d] * weak[d], 0) / maxWeak;
      const newSkill = passedSkills.has(card.skill) ? 0 : 1;
      const fit = 1 - Math.abs(card.difficulty - level) / 4;
      const score = 0.5 * match + 0.3 * newSkill + 0.2 * fit - (passedCards.has(card.id) ? 0.4 : 0);
      const targets = worst.filter((d) => emphasis[d] >= 1 / DIMENSIONS.length);
      return { card, score, targets, newSkill, fit };
    })
    .sort((a, b) => b.score - a.score || a.card.id.localeCompare(b.card.id));
  const best = ranked[0]!;
  const reasons = [
    ...best.targets.map((d) => `targets weak ${d} (${Math.round((1 - weak[d]) * 100)})`),
    ...(best.newSkill ? [`skill ${best.card.skill} not passed yet`] : []),
    `difficulty ${best.card.difficulty} for level ${level}`,
  ];
  return { card: best.card, score: Math.round(best.score * 1000) / 1000, targets: best.targets, reasons };
}
