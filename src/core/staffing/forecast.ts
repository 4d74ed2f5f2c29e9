/**
 * @module Interval forecasting for staffing: seasonal naive, additive Holt–Winters, and the
 * accuracy measures WAPE, MAPE and MASE (gate on MASE < 1, i.e. better than seasonal naive).
 */

/** ŷ_{t+h} = y_{t+h−m(k+1)}: repeat the last full season. */
export function seasonalNaive(history: number[], season: number, horizon: number): number[] {
  if (history.length < season) throw new RangeError('need at least one full season of history');
  const last = history.slice(history.length - season);
  return Array.from({ length: horizon }, (_, h) => last[h % season]!);
}

export interface HoltWintersParams {
  alpha: number;
  beta: number;
  gamma: number;
  season: number;
}

export interface HoltWintersState {
  level: number;
  trend: number;
  seasonal: number[];
}

/** Initial state from the first two seasons (level = mean of season 1, trend from season 2). */
export function initialState(history: number[], season: number): HoltWintersState {
  if (history.length < 2 * season) throw new RangeError('need two full seasons of history');
  const s1 = history.slice(0, season);
  const s2 = history.slice(season, 2 * season);
  const mean1 = s1.reduce((a, b) => a + b, 0) / season;
  const mean2 = s2.reduce((a, b) => a + b, 0) / season;
  return { level: mean1, trend: (mean2 - mean1) / season, seasonal: s1.map((v) => v - mean1) };
}

/** Additive Holt–Winters (Hyndman & Athanasopoulos); forecasts are clamped at 0 (volumes). */
export function holtWinters(
  history: number[],
  p: HoltWintersParams,
  horizon: number,
  init = initialState(history, p.season),
) {
  let { level, trend } = init;
  const seasonal = [...init.seasonal];
  const m = p.season;
  for (let t = 0; t < history.length; t++) {
    const y = history[t]!;
    const s = seasonal[t % m]!;
    const prevLevel = level;
    level = p.alpha * (y - s) + (1 - p.alpha) * (level + trend);
    trend = p.beta * (level - prevLevel) + (1 - p.beta) * trend;
    seasonal[t % m] = p.gamma * (y - prevLevel - trend) + (1 - p.gamma) * s;
  }
  const n = history.length;
  return Array.from({ length: horizon }, (_, i) =>
    Math.max(0, level + (i + 1) * trend + seasonal[(n + i) % m]!),
  );
}

export function wape(actual: number[], forecast: number[]): number {
  let err = 0;
  let sum = 0;
  actual.forEach((a, i) => {
    err += Math.abs(a - forecast[i]!);
    sum += Math.abs(a);
  });
  return sum === 0 ? 0 : err / sum;
}

/** Undefined (null) when any actual is zero — avoid it at interval level. */
export function mape(actual: number[], forecast: number[]): number | null {
  if (actual.some((a) => a === 0)) return null;
  return actual.reduce((acc, a, i) => acc + Math.abs(a - forecast[i]!) / Math.abs(a), 0) / actual.length;
}

/** MAE of the forecast ÷ in-sample MAE of the seasonal-naive forecast (Hyndman & Koehler). */
export function mase(actual: number[], forecast: number[], history: number[], season: number): number {
  const mae = actual.reduce((acc, a, i) => acc + Math.abs(a - forecast[i]!), 0) / actual.length;
  let naive = 0;
  for (let t = season; t < history.length; t++) naive += Math.abs(history[t]! - history[t - season]!);
  const scale = naive / (history.length - season);
  return scale === 0 ? (mae === 0 ? 0 : Number.POSITIVE_INFINITY) : mae / scale;
}
