/**
 * @module Intent classification: the `IntentClassifier` port (an LLM-backed classifier can sit
 * behind it later) and the embedded classifier — TF-IDF word + character features and multinomial
 * logistic regression, trained in-process from labelled examples in a few seconds. Below a
 * confidence threshold a message gets the label 'none' and goes to triage. The threshold is
 * calibrated on held-out training examples so that a chosen share of in-scope messages (default
 * 5%) would be rejected: a fixed number would mean something else for 12 SOPs than for 150 intents.
 */
import type { ProviderName } from '#assist/capabilities.ts';
import { createRng } from '#assist/embedded/random.ts';
import type { SparseVector } from '#assist/embedded/similarity.ts';
import { type FeatureOptions, FeatureSpace } from './features.ts';
import { SoftmaxModel, type SoftmaxTrainOptions } from './softmax-model.ts';

/** The label for "no SOP matches": the conversation goes to the triage queue. */
export const NONE_LABEL = 'none';

/** A labelled training text; `weight` < 1 marks weak evidence (e.g. an SOP's step script). */
export interface IntentExample {
  text: string;
  label: string;
  weight?: number;
}

export interface RankedLabel {
  label: string;
  score: number;
}

export interface IntentPrediction {
  /** The SOP key (or intent), or 'none' when nothing is confident enough. */
  label: string;
  /** Probability of the best in-scope label (ranked[0]); compared with the threshold. */
  confidence: number;
  /** Best in-scope labels first, never including 'none'. */
  ranked: RankedLabel[];
}

/** Anything that maps a customer message to an intent. */
export interface IntentClassifier {
  readonly provider: ProviderName;
  classify(text: string): IntentPrediction | Promise<IntentPrediction>;
}

export interface CalibrationOptions {
  /** Share of held-out in-scope examples the threshold may reject. Default 0.05. */
  rejectRate?: number;
  /** Folds for small training sets (≤ 2,000 examples); larger sets use one 10% holdout. Default 5. */
  folds?: number;
}

export interface EmbeddedIntentOptions {
  features?: FeatureOptions;
  /** SGD settings; by default the epochs scale with the data (see {@link autoEpochs}). */
  training?: SoftmaxTrainOptions;
  /** A fixed probability threshold, or how to calibrate one. Default `{ rejectRate: 0.05 }`. */
  threshold?: number | CalibrationOptions;
  /** Length of `ranked` in predictions. Default 5. */
  topK?: number;
  /** Seed for training order and calibration folds. Default 1. */
  seed?: number;
}

/** Enough passes for ~40k SGD steps, between 4 (large sets) and 40 (a tenant's few phrasings). */
export function autoEpochs(examples: number): number {
  return Math.min(40, Math.max(4, Math.ceil(40_000 / Math.max(1, examples))));
}

const LARGE = 2000;

interface Fitted {
  model: SoftmaxModel;
  noneIndex: number;
}

function fitModel(
  xs: readonly SparseVector[],
  examples: readonly IntentExample[],
  labels: readonly string[],
  dims: number,
  training: SoftmaxTrainOptions,
): Fitted {
  const index = new Map(labels.map((l, i) => [l, i]));
  const model = SoftmaxModel.train(
    xs,
    examples.map((e) => index.get(e.label)!),
    labels,
    dims,
    { ...training, weights: examples.map((e) => e.weight ?? 1) },
  );
  return { model, noneIndex: index.get(NONE_LABEL) ?? -1 };
}

/** Highest in-scope probability. */
function bestInScope(p: Float64Array, noneIndex: number): number {
  let best = 0;
  for (let c = 0; c < p.length; c++) if (c !== noneIndex && p[c]! > best) best = p[c]!;
  return best;
}

/**
 * Calibrate the threshold on best-in-scope probabilities of held-out, full-weight in-scope
 * examples. Small sets use k-fold cross-validation and then refit on everything. Large sets hold
 * out 10% once and keep that model as the final one: refitting would double the training time
 * for a tenth more data, which moves accuracy by a fraction of a point. The feature space is
 * shared (fitted on all texts): held-out texts only add vocabulary that no model trains on.
 */
function calibrateAndFit(
  xs: readonly SparseVector[],
  examples: readonly IntentExample[],
  labels: readonly string[],
  dims: number,
  training: SoftmaxTrainOptions,
  opts: Required<CalibrationOptions>,
  seed: number,
): { threshold: number; fitted: Fitted } {
  const rng = createRng(seed ^ 0x5bd1e995);
  const byLabel = new Map<string, number[]>();
  examples.forEach((e, i) => {
    if (!byLabel.has(e.label)) byLabel.set(e.label, []);
    byLabel.get(e.label)!.push(i);
  });
  const large = examples.length > LARGE;
  const folds = large ? 10 : opts.folds;
  const fold = new Int32Array(examples.length);
  for (const ids of byLabel.values()) {
    rng.shuffle(ids).forEach((i, k) => {
      fold[i] = k % folds;
    });
  }
  const scores: number[] = [];
  let holdoutModel: Fitted | null = null;
  for (let f = 0; f < (large ? 1 : folds); f++) {
    const train: number[] = [];
    const held: number[] = [];
    fold.forEach((k, i) => {
      (k === f ? held : train).push(i);
    });
    if (held.length === 0 || new Set(train.map((i) => examples[i]!.label)).size < 2) continue;
    const fitted = fitModel(
      train.map((i) => xs[i]!),
      train.map((i) => examples[i]!),
      labels,
      dims,
      training,
    );
    if (large) holdoutModel = fitted;
    for (const i of held) {
      const e = examples[i]!;
      if (e.label === NONE_LABEL || (e.weight ?? 1) < 1) continue;
      scores.push(bestInScope(fitted.model.probabilities(xs[i]!), fitted.noneIndex));
    }
  }
  scores.sort((a, b) => a - b);
  const threshold =
    scores.length === 0
      ? 0
      : scores[Math.min(scores.length - 1, Math.floor(opts.rejectRate * scores.length))]!;
  return { threshold, fitted: holdoutModel ?? fitModel(xs, examples, labels, dims, training) };
}

/** The embedded classifier; build it with {@link EmbeddedIntentClassifier.train}. */
export class EmbeddedIntentClassifier implements IntentClassifier {
  readonly provider = 'embedded' as const;

  private constructor(
    private readonly features: FeatureSpace,
    private readonly model: SoftmaxModel,
    private readonly noneIndex: number,
    /** Probability below which the label is 'none'. */
    readonly threshold: number,
    private readonly topK: number,
  ) {}

  /** In-scope labels the classifier can return (besides 'none'), sorted. */
  get labels(): string[] {
    return this.model.classes.filter((l) => l !== NONE_LABEL);
  }

  /**
   * Train on labelled examples. Examples labelled 'none' form a background class (messages that
   * belong to no SOP); a 'none' prediction is never reported as an SOP.
   */
  static train(
    examples: readonly IntentExample[],
    options: EmbeddedIntentOptions = {},
  ): EmbeddedIntentClassifier {
    const kept = examples.filter((e) => e.text.trim() !== '' && e.label !== '');
    const labels = [...new Set(kept.map((e) => e.label))].sort();
    if (labels.filter((l) => l !== NONE_LABEL).length === 0) {
      throw new RangeError('an intent classifier needs at least one labelled in-scope example');
    }
    const seed = options.seed ?? 1;
    const training: SoftmaxTrainOptions = {
      epochs: autoEpochs(kept.length),
      seed,
      ...options.training,
    };
    const { space: features, vectors: xs } = FeatureSpace.fitTransform(
      kept.map((e) => e.text),
      options.features,
    );
    const t = options.threshold ?? {};
    const { threshold, fitted } =
      typeof t === 'number'
        ? { threshold: t, fitted: fitModel(xs, kept, labels, features.size, training) }
        : calibrateAndFit(
            xs,
            kept,
            labels,
            features.size,
            training,
            { rejectRate: t.rejectRate ?? 0.05, folds: t.folds ?? 5 },
            seed,
          );
    const { model, noneIndex } = fitted;
    return new EmbeddedIntentClassifier(features, model, noneIndex, threshold, options.topK ?? 5);
  }

  classify(text: string): IntentPrediction {
    const p = this.model.probabilities(this.features.transform(text));
    const order: number[] = [];
    for (let c = 0; c < p.length; c++) if (c !== this.noneIndex) order.push(c);
    order.sort((a, b) => p[b]! - p[a]!);
    const classes = this.model.classes;
    const ranked = order.slice(0, this.topK).map((c) => ({ label: classes[c]!, score: p[c]! }));
    const best = ranked[0]!;
    const backgroundWins = this.noneIndex >= 0 && p[this.noneIndex]! > best.score;
    const label = backgroundWins || best.score < this.threshold ? NONE_LABEL : best.label;
    return { label, confidence: best.score, ranked };
  }
}
