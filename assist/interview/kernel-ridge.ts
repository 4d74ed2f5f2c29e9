/**
 * @module Kernel ridge regression over one question's human-scored answers — the scorer's
 * strongest signal when a question has enough of them (SAS-style data, or a campaign whose
 * recruiters have already scored answers). The kernel is the mean of TF-IDF cosine and character
 * n-gram set cosine, both positive semi-definite, so K + λI is positive definite. The fit keeps
 * the diagonal of (K + λI)⁻¹, which gives exact leave-one-out predictions
 * (ŷ₋ᵢ = yᵢ − αᵢ / Gᵢᵢ), so a training answer is never scored by a model that saw its own score —
 * apart from the intercept, which stays the mean of all training targets (a 1/n share of it).
 */
import { cosine } from '#assist/embedded/similarity.ts';
import type { TextRep } from './question-profile.ts';

export interface KernelModel {
  alpha: Float64Array;
  /** Diagonal of (K + λI)⁻¹. */
  gDiag: Float64Array;
  /** Mean target (the model predicts deviations from it). */
  mean: number;
  targets: number[];
}

/** Fewer training answers than this and no kernel model is fitted. */
export const KERNEL_MIN_ANSWERS = 10;
/** Ridge penalty (kernel values lie in 0–1); chosen by 5-fold cross-validation inside the SAS train splits. */
export const KERNEL_LAMBDA = 0.1;

/** The kernel: ½ TF-IDF cosine + ½ cosine of the character n-gram sets. */
export function textKernel(a: TextRep, b: TextRep): number {
  const ga = a.grams.size;
  const gb = b.grams.size;
  let grams = 0;
  if (ga > 0 && gb > 0) {
    const [small, large] = ga <= gb ? [a.grams, b.grams] : [b.grams, a.grams];
    let inter = 0;
    for (const g of small) if (large.has(g)) inter++;
    grams = inter / Math.sqrt(ga * gb);
  }
  return 0.5 * cosine(a.vec, b.vec) + 0.5 * grams;
}

/**
 * Fit on `reps` with targets `y` (0–1); null with fewer than KERNEL_MIN_ANSWERS answers. The
 * intercept is the mean target unless `intercept` is given.
 */
export function fitKernelRidge(
  reps: readonly TextRep[],
  y: readonly number[],
  options: { lambda?: number; intercept?: number } = {},
): KernelModel | null {
  const n = reps.length;
  if (n < KERNEL_MIN_ANSWERS) return null;
  const lambda = options.lambda ?? KERNEL_LAMBDA;
  const mean = options.intercept ?? y.reduce((s, v) => s + v, 0) / n;
  // G = (K + λI)⁻¹ by Gauss–Jordan elimination on [K + λI | I]; symmetric positive definite, so
  // the pivots are positive and no row exchanges are needed.
  const w = 2 * n;
  const m = new Float64Array(n * w);
  for (let r = 0; r < n; r++) {
    for (let c = r; c < n; c++) {
      const v = textKernel(reps[r]!, reps[c]!) + (r === c ? lambda : 0);
      m[r * w + c] = v;
      m[c * w + r] = v;
    }
    m[r * w + n + r] = 1;
  }
  for (let col = 0; col < n; col++) {
    const p = m[col * w + col]!;
    for (let c = 0; c < w; c++) m[col * w + c]! /= p;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r * w + col]!;
      if (f === 0) continue;
      for (let c = 0; c < w; c++) m[r * w + c]! -= f * m[col * w + c]!;
    }
  }
  const alpha = new Float64Array(n);
  const gDiag = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    let s = 0;
    for (let c = 0; c < n; c++) s += m[r * w + n + c]! * (y[c]! - mean);
    alpha[r] = s;
    gDiag[r] = m[r * w + n + r]!;
  }
  return { alpha, gDiag, mean, targets: [...y] };
}

/**
 * Predict for `x`; when `self` is the index of `x` among the training answers, return the exact
 * leave-one-out prediction instead.
 */
export function kernelPredict(model: KernelModel, reps: readonly TextRep[], x: TextRep, self = -1): number {
  if (self >= 0) return model.targets[self]! - model.alpha[self]! / model.gDiag[self]!;
  let pred = model.mean;
  for (let r = 0; r < reps.length; r++) pred += model.alpha[r]! * textKernel(x, reps[r]!);
  return pred;
}
