/**
 * @module A suite's trend as a tiny static SVG: one headline metric over its recent runs, the
 * last point marked. No library and no script, so it renders the same on every runtime and can
 * be served as an image the page swaps when a new run finishes.
 */

export interface SparklineOptions {
  width?: number;
  height?: number;
  /** Accessible name, e.g. "macroF1 over 5 runs: 0.81 → 0.84". */
  label: string;
}

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );

/** Metrics live in [0, 1] (correlations in [-1, 1]); the axis widens only when a value leaves it. */
function domain(values: number[]): [number, number] {
  const lo = Math.min(0, ...values);
  const hi = Math.max(1, ...values);
  return [lo, hi];
}

/** SVG markup for `values` (oldest first; null or NaN = a run without that metric, skipped). */
export function sparklineSvg(values: readonly (number | null)[], opts: SparklineOptions): string {
  const width = opts.width ?? 120;
  const height = opts.height ?? 28;
  const pad = 3;
  const finite = values.map((v) => (v !== null && Number.isFinite(v) ? v : null));
  const present = finite.filter((v): v is number => v !== null);
  const head = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(opts.label)}"><title>${esc(opts.label)}</title>`;
  const base = `<line x1="${pad}" y1="${height - pad}" x2="${width - pad}" y2="${height - pad}" stroke="#dce2ea" stroke-width="1"/>`;
  if (present.length === 0) return `${head}${base}</svg>`;
  const [lo, hi] = domain(present);
  const n = finite.length;
  const x = (i: number) => (n === 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (n - 1));
  const y = (v: number) => height - pad - ((v - lo) / (hi - lo || 1)) * (height - 2 * pad);
  const points = finite
    .map((v, i) => (v === null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`))
    .filter((p): p is string => p !== null);
  const lastIndex = finite.findLastIndex((v) => v !== null);
  const last = finite[lastIndex]!;
  const line =
    points.length > 1
      ? `<polyline points="${points.join(' ')}" fill="none" stroke="#0a6c7a" stroke-width="1.5" stroke-linejoin="round" stroke-linecap="round"/>`
      : '';
  const dot = `<circle cx="${x(lastIndex).toFixed(1)}" cy="${y(last).toFixed(1)}" r="2.5" fill="#0a6c7a"/>`;
  return `${head}${base}${line}${dot}</svg>`;
}

/** The accessible description of a trend, e.g. "macroF1 · 5 runs · 0.8100 → 0.8400". */
export function trendLabel(metric: string, values: readonly (number | null)[]): string {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length === 0) return `${metric} · no runs yet`;
  const f = (v: number) => v.toFixed(4);
  return present.length === 1
    ? `${metric} · 1 run · ${f(present[0]!)}`
    : `${metric} · ${present.length} runs · ${f(present[0]!)} → ${f(present.at(-1)!)}`;
}
