/**
 * @module Classification metrics: per-class precision, recall, F1 and F2, macro and micro averages,
 * accuracy and confusion matrices, for single-label (intent) and multi-label (compliance
 * categories, PII entity types) problems. A ratio whose denominator is zero counts as 0, as
 * scikit-learn's `zero_division=0` does, so a class that is never predicted has precision 0.
 */

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  f2: number;
}

export interface ClassRow extends Prf, Counts {
  /** Gold occurrences of the class (tp + fn). */
  support: number;
}

export interface ConfusionMatrix {
  labels: string[];
  /** matrix[expectedIndex][predictedIndex] = count */
  matrix: number[][];
}

const ratio = (num: number, den: number): number => (den === 0 ? 0 : num / den);

/** F-beta from precision and recall; beta > 1 weighs recall more (F2 for PII, where a miss leaks). */
export function fBeta(precision: number, recall: number, beta: number): number {
  const b2 = beta * beta;
  const den = b2 * precision + recall;
  return den === 0 ? 0 : ((1 + b2) * precision * recall) / den;
}

/** Precision, recall, F1 and F2 from true positives, false positives and false negatives. */
export function prf({ tp, fp, fn }: Counts): Prf {
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return { precision, recall, f1: fBeta(precision, recall, 1), f2: fBeta(precision, recall, 2) };
}

function row(c: Counts): ClassRow {
  return { ...c, ...prf(c), support: c.tp + c.fn };
}

/** Share of positions where expected and predicted agree. */
export function accuracy(expected: readonly string[], predicted: readonly string[]): number {
  assertSameLength(expected, predicted);
  let hit = 0;
  for (let i = 0; i < expected.length; i++) if (expected[i] === predicted[i]) hit++;
  return ratio(hit, expected.length);
}

/**
 * Confusion matrix of single-label predictions. Labels default to every label seen in either
 * list, sorted, so predicted-only labels get a column (and a row of zeros).
 */
export function confusionMatrix(
  expected: readonly string[],
  predicted: readonly string[],
  labels?: readonly string[],
): ConfusionMatrix {
  assertSameLength(expected, predicted);
  const all = labels ? [...labels] : [...new Set([...expected, ...predicted])].sort();
  const index = new Map(all.map((l, i) => [l, i]));
  for (const l of [...expected, ...predicted]) {
    if (!index.has(l)) {
      index.set(l, all.length);
      all.push(l);
    }
  }
  const matrix = all.map(() => all.map(() => 0));
  for (let i = 0; i < expected.length; i++) {
    matrix[index.get(expected[i]!)!]![index.get(predicted[i]!)!]!++;
  }
  return { labels: all, matrix };
}

/** Per-class counts read off a confusion matrix (row = gold, column = predicted). */
export function countsFromConfusion({ labels, matrix }: ConfusionMatrix): Record<string, Counts> {
  const out: Record<string, Counts> = {};
  labels.forEach((label, i) => {
    const tp = matrix[i]![i]!;
    const rowSum = matrix[i]!.reduce((s, v) => s + v, 0);
    const colSum = matrix.reduce((s, r) => s + r[i]!, 0);
    out[label] = { tp, fp: colSum - tp, fn: rowSum - tp };
  });
  return out;
}

/**
 * Per-class counts for multi-label cases (each case has a set of gold labels and a set of
 * predicted labels, e.g. compliance categories of a draft).
 */
export function multiLabelCounts(
  expected: readonly (readonly string[])[],
  predicted: readonly (readonly string[])[],
): Record<string, Counts> {
  assertSameLength(expected, predicted);
  const out: Record<string, Counts> = {};
  const get = (l: string) => {
    out[l] ??= { tp: 0, fp: 0, fn: 0 };
    return out[l];
  };
  for (let i = 0; i < expected.length; i++) {
    const gold = new Set(expected[i]);
    const pred = new Set(predicted[i]);
    for (const l of gold) {
      if (pred.has(l)) get(l).tp++;
      else get(l).fn++;
    }
    for (const l of pred) if (!gold.has(l)) get(l).fp++;
  }
  return out;
}

/** Precision/recall/F1/F2 and support for every class. */
export function perClass(counts: Record<string, Counts>): Record<string, ClassRow> {
  const out: Record<string, ClassRow> = {};
  for (const label of Object.keys(counts).sort()) out[label] = row(counts[label]!);
  return out;
}

/**
 * Unweighted mean of per-class precision, recall, F1 and F2 (each averaged separately, as
 * scikit-learn's `average='macro'`). `labels` restricts the average (e.g. to classes with gold
 * support); by default every class in `rows` counts.
 */
export function macroAverage(rows: Record<string, ClassRow>, labels?: readonly string[]): Prf {
  const keys = labels ?? Object.keys(rows);
  if (keys.length === 0) return { precision: 0, recall: 0, f1: 0, f2: 0 };
  const sum = { precision: 0, recall: 0, f1: 0, f2: 0 };
  for (const k of keys) {
    const r = rows[k] ?? row({ tp: 0, fp: 0, fn: 0 });
    sum.precision += r.precision;
    sum.recall += r.recall;
    sum.f1 += r.f1;
    sum.f2 += r.f2;
  }
  const n = keys.length;
  return { precision: sum.precision / n, recall: sum.recall / n, f1: sum.f1 / n, f2: sum.f2 / n };
}

/** Precision/recall/F1/F2 of the pooled counts of every class. */
export function microAverage(counts: Record<string, Counts>): Prf {
  const total = { tp: 0, fp: 0, fn: 0 };
  for (const c of Object.values(counts)) {
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
  }
  return prf(total);
}

export interface ClassificationReport {
  accuracy: number;
  macro: Prf;
  micro: Prf;
  perClass: Record<string, ClassRow>;
  confusion: ConfusionMatrix;
}

/** Everything a single-label suite reports, from gold and predicted labels. */
export function classificationReport(
  expected: readonly string[],
  predicted: readonly string[],
  labels?: readonly string[],
): ClassificationReport {
  const confusion = confusionMatrix(expected, predicted, labels);
  const counts = countsFromConfusion(confusion);
  const rows = perClass(counts);
  return {
    accuracy: accuracy(expected, predicted),
    macro: macroAverage(rows),
    micro: microAverage(counts),
    perClass: rows,
    confusion,
  };
}

function assertSameLength(a: readonly unknown[], b: readonly unknown[]): void {
  if (a.length !== b.length)
    throw new RangeError(`length mismatch: ${a.length} expected vs ${b.length} predicted`);
}
