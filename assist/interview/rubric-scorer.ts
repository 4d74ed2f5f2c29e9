/**
 * @module The embedded interview answer scorer. Given the question, an optional reference answer,
 * an optional anchored rubric (levels with example answers) and optional human-scored example
 * answers, it scores an answer on the item's scale and explains the score:
 *   - coverage of the reference: idf-weighted recall of the reference's key terms (words and Han
 *     bigrams the question does not already contain), per key phrase with the answer clause that
 *     covers it;
 *   - matched rubric anchors, each with quoted evidence (offsets into the answer + the text);
 *   - the nearest scored exemplars, the signals, and a heuristic confidence.
 *
 * Signals (all 0–1): reference similarity (word TF-IDF cosine + character n-gram Dice), reference
 * key-term recall, a similarity-weighted nearest-exemplar estimate (with a virtual bottom-of-scale
 * exemplar so an answer unlike anything known is not scored as the average) and its support (top
 * similarity), the nearest exemplar's score, a kernel-ridge estimate over the question's
 * human-scored answers when there are ≥ 10 of them (else the nearest-exemplar estimate), answer
 * length against the reference, and the share of the answer written in the question's language.
 * They are combined linearly and cut into the scale's integer scores. Uncalibrated, fixed weights
 * and evenly spaced cuts are used; with `fitAnswerScorer` both are fitted to human scores (see
 * calibration.ts). Bag-of-words signals cannot read negation or judge a wrong policy ("ask for the
 * card number to verify" looks like a good verification answer): recruiters review every score.
 * Pure: no I/O.
 */

import {
  applyCuts,
  fitCuts,
  fitNonNegativeRidge,
  type LinearModel,
  predictLinear,
  qwk,
} from './calibration.ts';
import {
  type AnchorMatch,
  anchorMatches,
  answerClauses,
  type KeyPhraseCoverage,
  phraseCoverage,
} from './evidence.ts';
import { kernelPredict } from './kernel-ridge.ts';
import {
  type AnswerLang,
  buildQuestionProfile,
  type QuestionProfile,
  type RubricLevel,
  type ScoredExemplar,
  type TextRep,
} from './question-profile.ts';
import { contentUnits, scriptShare } from './text-units.ts';

export type { AnchorMatch, Evidence, KeyPhraseCoverage } from './evidence.ts';
export type { AnswerLang, RubricLevel, ScoredExemplar } from './question-profile.ts';

export interface AnswerItem {
  /** Stable id; an exemplar with the same id is never used to score this answer. */
  id?: string;
  lang: AnswerLang;
  question: string;
  /** Identifies the question's content for the profile cache (question text is used otherwise). */
  questionId?: string;
  reference?: string | readonly string[];
  rubric?: readonly RubricLevel[];
  exemplars?: readonly ScoredExemplar[];
  answer: string;
  scale: { min: number; max: number };
}

export interface TrainingAnswer extends AnswerItem {
  humanScore: number;
}

export const SIGNALS = [
  'referenceSimilarity',
  'referenceRecall',
  'exemplarEstimate',
  'exemplarSupport',
  'nearestExemplar',
  'kernelEstimate',
  'length',
  'language',
] as const;
export type SignalName = (typeof SIGNALS)[number];

export interface AnswerScore {
  /** Integer score on the item's scale. */
  score: number;
  scale: { min: number; max: number };
  /** The continuous model output before it is cut into the scale. */
  raw: number;
  coverage: { recall: number; phrases: KeyPhraseCoverage[] } | null;
  anchors: AnchorMatch[];
  neighbours: { id?: string; source: 'reference' | 'rubric' | 'scored'; score: number; similarity: number }[];
  signals: Record<SignalName, number>;
  /** 0–1 heuristic (agreement of nearest exemplars, their closeness, distance from a cut point); not a probability. */
  confidence: number;
  calibrated: boolean;
}

export interface ScorerCalibration {
  model: LinearModel;
  cuts: number[];
  scale: { min: number; max: number };
  trainedOn: number;
  /** QWK on the training answers themselves (optimistic; measure on held-out answers). */
  trainQwk: number;
}

/** Profiles are built once per question; share a cache across calls. */
export type ProfileCache = Map<string, QuestionProfile>;

export function createProfileCache(): ProfileCache {
  return new Map();
}

/** Similarity of the virtual bottom-of-scale exemplar; chosen by 5-fold CV inside the SAS train splits. */
const NULL_EXEMPLAR_SIMILARITY = 0.2;

function profileKey(item: AnswerItem): string {
  const refs =
    item.reference === undefined
      ? []
      : typeof item.reference === 'string'
        ? [item.reference]
        : item.reference;
  const head = item.questionId ?? [item.question, ...refs, JSON.stringify(item.rubric ?? [])].join('\u0000');
  const ex = item.exemplars ?? [];
  return `${item.lang}\u0000${item.scale.min}-${item.scale.max}\u0000${ex.length}\u0000${ex.at(-1)?.text ?? ''}\u0000${head}`;
}

function profileFor(item: AnswerItem, cache: ProfileCache | undefined): QuestionProfile {
  const key = profileKey(item);
  const hit = cache?.get(key);
  if (hit) return hit;
  const profile = buildQuestionProfile(item);
  cache?.set(key, profile);
  return profile;
}

interface Analysis {
  profile: QuestionProfile;
  rep: TextRep;
  vector: number[];
  signals: Record<SignalName, number>;
  recall: { value: number; reference: number };
  ranked: { index: number; similarity: number }[];
  spread: number;
}

function analyse(item: AnswerItem, cache: ProfileCache | undefined): Analysis {
  const profile = profileFor(item, cache);
  const rep = profile.represent(item.answer);

  let refSim = 0;
  let recall = 0;
  let bestRef = -1;
  profile.references.forEach((r, i) => {
    refSim = Math.max(refSim, profile.similarity(rep, r.rep));
    let hit = 0;
    let total = 0;
    for (const [t, w] of r.keyTerms) {
      total += w;
      if (rep.terms.has(t)) hit += w;
    }
    const rc = total > 0 ? hit / total : 0;
    if (bestRef < 0 || rc > recall) {
      recall = rc;
      bestRef = i;
    }
  });

  const ranked = profile.exemplars
    .map((e, index) => ({
      index,
      similarity: e.id !== undefined && e.id === item.id ? -1 : profile.similarity(rep, e.rep),
    }))
    .filter((r) => r.similarity >= 0)
    .sort((a, b) => b.similarity - a.similarity || a.index - b.index);
  const k = Math.min(7, Math.max(3, Math.round(Math.sqrt(ranked.length))));
  const top = ranked.slice(0, k);
  let estimate = recall;
  let spread = 0.5;
  if (top.length > 0) {
    // A virtual "says nothing relevant" exemplar at the bottom of the scale, always this similar:
    // an answer unlike every known answer is pulled down instead of averaging them all.
    const pool = [
      ...top.map((r) => ({ w: Math.max(r.similarity, 1e-3) ** 3, norm: profile.exemplars[r.index]!.norm })),
      { w: NULL_EXEMPLAR_SIMILARITY ** 3, norm: 0 },
    ];
    let sw = 0;
    let s = 0;
    for (const r of pool) {
      sw += r.w;
      s += r.w * r.norm;
    }
    estimate = s / sw;
    let v = 0;
    for (const r of pool) v += (r.w / sw) * (r.norm - estimate) ** 2;
    spread = Math.sqrt(v);
  }
  // Kernel ridge over the question's scored answers (leave-one-out when this answer is one).
  let kernelEstimate = estimate;
  const kr = profile.kernel;
  if (kr) {
    const self = kr.members.findIndex((i) => {
      const id = profile.exemplars[i]!.id;
      return id !== undefined && id === item.id;
    });
    kernelEstimate = Math.min(1, Math.max(0, kernelPredict(kr.model, kr.reps, rep, self)));
  }
  const units = contentUnits(item.answer);
  const refUnits = profile.referenceUnits > 0 ? profile.referenceUnits : 60;
  const signals: Record<SignalName, number> = {
    referenceSimilarity: refSim,
    referenceRecall: recall,
    exemplarEstimate: estimate,
    exemplarSupport: top[0]?.similarity ?? refSim,
    nearestExemplar: top[0] ? profile.exemplars[top[0].index]!.norm : recall,
    kernelEstimate,
    length: Math.min(1, Math.log1p(units) / Math.log1p(refUnits)),
    language: scriptShare(item.answer, item.lang),
  };
  return {
    profile,
    rep,
    vector: SIGNALS.map((s) => signals[s]),
    signals,
    recall: { value: recall, reference: bestRef },
    ranked,
    spread,
  };
}

/** Fixed combination used before any calibration (weights sum to 1, scaled by the language share). */
function defaultRaw(s: Record<SignalName, number>): number {
  const mix =
    0.45 * s.exemplarEstimate +
    0.25 * s.referenceRecall +
    0.15 * Math.min(1, 2 * s.referenceSimilarity) +
    0.15 * s.length;
  return s.language * mix;
}

function evenCuts(k: number): number[] {
  return Array.from({ length: k - 1 }, (_, c) => (c + 1) / k);
}

/** Fit the signal weights and cut points to human scores (all answers on one scale). */
export function fitAnswerScorer(
  train: readonly TrainingAnswer[],
  options: { cache?: ProfileCache; lambda?: number } = {},
): ScorerCalibration {
  if (train.length === 0) throw new RangeError('fitAnswerScorer needs at least one training answer');
  const scale = train[0]!.scale;
  for (const t of train) {
    if (t.scale.min !== scale.min || t.scale.max !== scale.max) {
      throw new RangeError(
        `training answers mix scales ${scale.min}–${scale.max} and ${t.scale.min}–${t.scale.max}`,
      );
    }
    if (!Number.isInteger(t.humanScore) || t.humanScore < scale.min || t.humanScore > scale.max) {
      throw new RangeError(
        `human score ${t.humanScore} of ${t.id ?? 'an answer'} is not an integer on ${scale.min}–${scale.max}`,
      );
    }
  }
  const cache = options.cache ?? createProfileCache();
  const span = scale.max - scale.min;
  const xs = train.map((t) => analyse(t, cache).vector);
  const y = train.map((t) => (span > 0 ? (t.humanScore - scale.min) / span : 0));
  const model = fitNonNegativeRidge(xs, y, options.lambda ?? 1);
  const raw = xs.map((x) => predictLinear(model, x));
  const labels = train.map((t) => t.humanScore - scale.min);
  const k = span + 1;
  const cuts = fitCuts(raw, labels, k);
  const trainQwk = qwk(
    labels,
    raw.map((r) => applyCuts(r, cuts)),
    k,
  );
  return { model, cuts, scale: { ...scale }, trainedOn: train.length, trainQwk };
}

/** Score one answer (see the module comment). */
export function scoreAnswer(
  item: AnswerItem,
  options: { calibration?: ScorerCalibration; cache?: ProfileCache } = {},
): AnswerScore {
  const a = analyse(item, options.cache);
  const { profile, signals } = a;
  const { min, max } = item.scale;
  const k = max - min + 1;
  const cal = options.calibration;
  const usable = cal !== undefined && cal.scale.min === min && cal.scale.max === max;
  const raw = usable ? predictLinear(cal.model, a.vector) : defaultRaw(signals);
  const cuts = usable ? cal.cuts : evenCuts(k);
  const score = min + applyCuts(raw, cuts);

  const clauses = answerClauses(profile, item.answer);
  const coverage: AnswerScore['coverage'] =
    profile.references.length > 0
      ? {
          recall: a.recall.value,
          phrases: phraseCoverage(profile, a.recall.reference, item.answer, a.rep, clauses),
        }
      : null;
  const anchors = anchorMatches(profile, item.answer, a.rep, clauses);

  const neighbours = a.ranked.slice(0, 3).map((r) => {
    const e = profile.exemplars[r.index]!;
    return {
      ...(e.id === undefined ? {} : { id: e.id }),
      source: e.source,
      score: min + e.norm * (max - min),
      similarity: r.similarity,
    };
  });

  // Confidence: do the nearest exemplars agree, are they close, is the output far from a cut?
  const agreement = 1 - Math.min(1, 2 * a.spread);
  const support = Math.min(1, signals.exemplarSupport / 0.5);
  const gaps = cuts.slice(1).map((c, i) => c - cuts[i]!);
  const typicalGap = gaps.length ? Math.max(1e-6, gaps.reduce((s, g) => s + g, 0) / gaps.length) : 1;
  const nearestCut = cuts.length ? Math.min(...cuts.map((c) => Math.abs(raw - c))) : typicalGap;
  const margin = Math.min(1, nearestCut / (typicalGap / 2));
  const confidence = Number((0.4 * agreement + 0.3 * support + 0.3 * margin).toFixed(3));

  return {
    score,
    scale: { min, max },
    raw,
    coverage,
    anchors,
    neighbours,
    signals,
    confidence,
    calibrated: usable,
  };
}
