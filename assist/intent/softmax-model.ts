/**
 * @module Multinomial logistic regression over sparse features, trained by plain SGD with L2
 * regularisation. Deterministic: examples are visited in an order drawn from a seeded PRNG.
 * Weights are stored feature-major (all class weights of one feature side by side), so scoring a
 * sparse input walks contiguous memory; L2 decay uses the scaled-weights trick (w = scale · v),
 * so a step costs O(non-zeros × classes) instead of touching every weight.
 */
import { createRng } from '#assist/embedded/random.ts';
import type { SparseVector } from '#assist/embedded/similarity.ts';

export interface SoftmaxTrainOptions {
  /** Passes over the data. Default 12. */
  epochs?: number;
  /** Initial step size. Default 0.5. */
  learningRate?: number;
  /** L2 penalty λ. Default 1e-5. */
  l2?: number;
  /** PRNG seed for the visiting order. Default 1. */
  seed?: number;
  /** Per-example weights (default 1): a weight scales that example's gradient. */
  weights?: readonly number[];
}

/** Gradient magnitude below which a class is left out of an update. */
const SKIP_BELOW = 1e-3;

/** A trained model: `classes[k]` is the label of output k. */
export class SoftmaxModel {
  private constructor(
    readonly classes: readonly string[],
    readonly dims: number,
    /** Feature-major weights: weights[feature * classes + class]. */
    private readonly weights: Float32Array,
    private readonly bias: Float64Array,
  ) {}

  /** Fit on `xs` (feature vectors of width `dims`) with labels `ys` (indices into `classes`). */
  static train(
    xs: readonly SparseVector[],
    ys: readonly number[],
    classes: readonly string[],
    dims: number,
    options: SoftmaxTrainOptions = {},
  ): SoftmaxModel {
    if (xs.length !== ys.length) throw new RangeError('xs and ys differ in length');
    const epochs = options.epochs ?? 12;
    const eta0 = options.learningRate ?? 0.5;
    const lambda = options.l2 ?? 1e-5;
    const rng = createRng(options.seed ?? 1);
    const weights = options.weights;
    if (weights && weights.length !== xs.length) throw new RangeError('weights and xs differ in length');
    const C = classes.length;
    const v = new Float32Array(dims * C);
    const bias = new Float64Array(C);
    const p = new Float64Array(C);
    const active = new Int32Array(C);
    let scale = 1;
    let t = 0;
    const order = Array.from(xs, (_, i) => i);
    for (let epoch = 0; epoch < epochs; epoch++) {
      rng.shuffle(order);
      for (const n of order) {
        const x = xs[n]!;
        const y = ys[n]!;
        // Bottou's schedule for L2-regularised SGD: large steps first, ~1/t later.
        const eta = eta0 / (1 + eta0 * lambda * t);
        const w = weights ? weights[n]! : 1;
        t++;
        logits(v, bias, scale, x, C, p);
        softmaxInPlace(p);
        p[y]! -= 1;
        scale *= 1 - eta * lambda;
        const step = (eta * w) / scale;
        // Only classes with a non-negligible gradient are updated: once the model has learnt an
        // example most of the classes get probability ~0, and skipping them halves training time.
        let m = 0;
        for (let c = 0; c < C; c++) {
          if (p[c]! > SKIP_BELOW || p[c]! < -SKIP_BELOW) active[m++] = c;
        }
        for (let k = 0; k < x.indices.length; k++) {
          const base = x.indices[k]! * C;
          const xv = x.values[k]! * step;
          for (let a = 0; a < m; a++) {
            const c = active[a]!;
            v[base + c]! -= p[c]! * xv;
          }
        }
        for (let a = 0; a < m; a++) bias[active[a]!]! -= eta * w * p[active[a]!]!;
        if (scale < 1e-6) {
          for (let i = 0; i < v.length; i++) v[i]! *= scale;
          scale = 1;
        }
      }
    }
    if (scale !== 1) for (let i = 0; i < v.length; i++) v[i]! *= scale;
    return new SoftmaxModel(classes, dims, v, bias);
  }

  /** Raw class scores (logits) for one input. */
  logits(x: SparseVector): Float64Array {
    const z = new Float64Array(this.classes.length);
    logits(this.weights, this.bias, 1, x, this.classes.length, z);
    return z;
  }

  /** Class probabilities for one input. */
  probabilities(x: SparseVector): Float64Array {
    const p = new Float64Array(this.classes.length);
    logits(this.weights, this.bias, 1, x, this.classes.length, p);
    return softmaxInPlace(p);
  }
}

function logits(
  v: Float32Array,
  bias: Float64Array,
  scale: number,
  x: SparseVector,
  C: number,
  out: Float64Array,
): void {
  out.fill(0);
  for (let k = 0; k < x.indices.length; k++) {
    const base = x.indices[k]! * C;
    const xv = x.values[k]! * scale;
    for (let c = 0; c < C; c++) out[c]! += v[base + c]! * xv;
  }
  for (let c = 0; c < C; c++) out[c]! += bias[c]!;
}

function softmaxInPlace(z: Float64Array): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  for (let c = 0; c < z.length; c++) {
    z[c] = Math.exp(z[c]! - max);
    sum += z[c]!;
  }
  for (let c = 0; c < z.length; c++) z[c]! /= sum;
  return z;
}
