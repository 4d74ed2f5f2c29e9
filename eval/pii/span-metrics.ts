/**
 * @module Span-level precision, recall and F1 for PII detection, per entity type and micro-averaged
 * overall, in two variants: exact (same type, start and end) and overlap (same type, ranges
 * intersect; each gold span matches at most one prediction). Pure; used by the pii suite and the
 * side-by-side benchmark.
 */

export interface Span {
  type: string;
  start: number;
  end: number;
}

export interface Counts {
  tp: number;
  /** Number of predicted spans. */
  predicted: number;
  /** Number of gold spans. */
  gold: number;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export type MatchMode = 'exact' | 'overlap';

/** True positives of one case under `mode` (one-to-one; type must agree). */
export function matchSpans(gold: readonly Span[], predicted: readonly Span[], mode: MatchMode): Span[] {
  const used = new Set<number>();
  const matched: Span[] = [];
  for (const p of predicted) {
    for (let i = 0; i < gold.length; i++) {
      if (used.has(i)) continue;
      const g = gold[i]!;
      if (g.type !== p.type) continue;
      const hit =
        mode === 'exact' ? g.start === p.start && g.end === p.end : p.start < g.end && g.start < p.end;
      if (hit) {
        used.add(i);
        matched.push(p);
        break;
      }
    }
  }
  return matched;
}

/** Add one case's counts per type into `into`. */
export function countCase(
  into: Map<string, Counts>,
  gold: readonly Span[],
  predicted: readonly Span[],
  mode: MatchMode,
): void {
  const bump = (type: string, key: keyof Counts) => {
    const c = into.get(type) ?? { tp: 0, predicted: 0, gold: 0 };
    c[key]++;
    into.set(type, c);
  };
  for (const g of gold) bump(g.type, 'gold');
  for (const p of predicted) bump(p.type, 'predicted');
  for (const m of matchSpans(gold, predicted, mode)) bump(m.type, 'tp');
}

/** Precision/recall/F1 from counts; an empty denominator gives 0 (there is nothing to credit). */
export function prf(c: Counts): Prf {
  const precision = c.predicted === 0 ? 0 : c.tp / c.predicted;
  const recall = c.gold === 0 ? 0 : c.tp / c.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, support: c.gold };
}

export interface SpanReport {
  overall: Prf;
  byType: Record<string, Prf>;
}

/** Score all cases: per-type rows (types sorted) and the micro-averaged overall row. */
export function spanReport(
  cases: readonly { gold: readonly Span[]; predicted: readonly Span[] }[],
  mode: MatchMode,
): SpanReport {
  const counts = new Map<string, Counts>();
  for (const c of cases) countCase(counts, c.gold, c.predicted, mode);
  const total: Counts = { tp: 0, predicted: 0, gold: 0 };
  const byType: Record<string, Prf> = {};
  for (const type of [...counts.keys()].sort()) {
    const c = counts.get(type)!;
    total.tp += c.tp;
    total.predicted += c.predicted;
    total.gold += c.gold;
    byType[type] = prf(c);
  }
  return { overall: prf(total), byType };
}

/**
 * Flatten to the contract's metric names: `overall.precision`, `byType.PHONE.f1` … for exact
 * matching and the same under `overlap.` for overlap matching. Support is reported per type as
 * `byType.<T>.support` so a reader can tell 1/1 from 99/100.
 */
export function flattenSpanMetrics(exact: SpanReport, overlap: SpanReport): Record<string, number> {
  const out: Record<string, number> = {};
  const put = (prefix: string, r: SpanReport) => {
    for (const k of ['precision', 'recall', 'f1'] as const) out[`${prefix}overall.${k}`] = r.overall[k];
    for (const [type, row] of Object.entries(r.byType)) {
      for (const k of ['precision', 'recall', 'f1'] as const) out[`${prefix}byType.${type}.${k}`] = row[k];
      if (prefix === '') out[`byType.${type}.support`] = row.support;
    }
  };
  put('', exact);
  put('overlap.', overlap);
  return out;
}

/** One case's F1 (1 when there is nothing to find and nothing was found): sorts worst cases. */
export function caseF1(gold: readonly Span[], predicted: readonly Span[], mode: MatchMode): number {
  if (gold.length === 0 && predicted.length === 0) return 1;
  const tp = matchSpans(gold, predicted, mode).length;
  return (2 * tp) / (gold.length + predicted.length);
}
