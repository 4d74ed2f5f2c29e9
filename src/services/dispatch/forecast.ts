/**
 * @module Volume forecast per skill per interval from the tenant's own history (conversations'
 * created_at counts), and the chat slots each interval needs (Erlang C at the tenant's handle
 * time and service-level target). Two methods run side by side — seasonal naive (daily season)
 * and additive Holt–Winters — and both are scored on the last day of history by MASE against
 * in-sample seasonal naive; the forecast uses whichever scored better.
 */
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import { requiredAgents, withShrinkage } from '#src/core/staffing/erlang-c.ts';
import { holtWinters, mase, seasonalNaive } from '#src/core/staffing/forecast.ts';
import type { Db } from '#src/db/client.ts';
import { conversations } from '#src/db/schema/conversations.ts';
import { skills } from '#src/db/schema/skills.ts';
import type { DispatchSettings } from './settings.ts';

const DAY = 86_400_000;
/** Fixed smoothing: light level and season updates, an almost rigid trend (intraday volumes). */
export const HW_PARAMS = { alpha: 0.3, beta: 0.01, gamma: 0.2 };

export type ForecastMethod = 'holt-winters' | 'seasonal-naive' | 'recent-mean';

export interface IntervalForecast {
  start: number;
  end: number;
  /** The chosen method's volume. */
  volume: number;
  seasonalNaive: number | null;
  holtWinters: number | null;
  /** Erlang C servers (chat slots) for the target; compare with online slots. */
  requiredSlots: number;
  /** Required ÷ (1 − shrinkage), for rostering. */
  scheduledSlots: number;
}

export interface SkillForecast {
  skill: string;
  skillId: string;
  method: ForecastMethod;
  historyIntervals: number;
  historyVolume: number;
  /** MASE on the last day of history (null: too little history or no variation to scale by). */
  mase: { holtWinters: number | null; seasonalNaive: number | null };
  intervals: IntervalForecast[];
}

export interface ForecastReport {
  generatedAt: number;
  intervalMinutes: number;
  season: number;
  historyDays: number;
  ahtSeconds: number;
  serviceLevelTarget: number;
  serviceLevelSeconds: number;
  shrinkage: number;
  skills: SkillForecast[];
}

/** Start of the interval containing `t`, aligned to the tenant's local midnight. */
export function intervalStart(
  t: number,
  settings: Pick<DispatchSettings, 'intervalMinutes' | 'utcOffsetMinutes'>,
) {
  const size = settings.intervalMinutes * 60_000;
  const offset = settings.utcOffsetMinutes * 60_000;
  return Math.floor((t + offset) / size) * size - offset;
}

const finite = (x: number) => (Number.isFinite(x) ? x : null);

/** Forecasts of one series; exported for tests that feed it synthetic history. */
export function forecastSeries(history: number[], season: number, horizon: number) {
  const n = history.length;
  let maseHw: number | null = null;
  let maseSn: number | null = null;
  if (n >= 2 * season) {
    const train = history.slice(0, n - season);
    const test = history.slice(n - season);
    maseSn = finite(mase(test, seasonalNaive(train, season, season), train, season));
    if (train.length >= 2 * season) {
      maseHw = finite(mase(test, holtWinters(train, { ...HW_PARAMS, season }, season), train, season));
    }
  }
  const sn = n >= season ? seasonalNaive(history, season, horizon) : null;
  const hw = n >= 2 * season ? holtWinters(history, { ...HW_PARAMS, season }, horizon) : null;
  let method: ForecastMethod = 'recent-mean';
  if (hw && (maseSn === null || (maseHw !== null && maseHw <= maseSn))) method = 'holt-winters';
  else if (sn) method = 'seasonal-naive';
  const recent = history.slice(-season);
  const mean = recent.length ? recent.reduce((a, b) => a + b, 0) / recent.length : 0;
  const chosen =
    method === 'holt-winters' ? hw! : method === 'seasonal-naive' ? sn! : Array(horizon).fill(mean);
  return { method, sn, hw, chosen: chosen as number[], mase: { holtWinters: maseHw, seasonalNaive: maseSn } };
}

export async function forecastTenant(
  db: Db,
  tenantId: string,
  settings: DispatchSettings,
  now: number,
  horizon: number,
): Promise<ForecastReport> {
  const size = settings.intervalMinutes * 60_000;
  const season = 1440 / settings.intervalMinutes;
  const start = intervalStart(now, settings);
  const from = start - settings.forecastHistoryDays * DAY;
  const buckets = settings.forecastHistoryDays * season;
  const [skillRows, counts] = await Promise.all([
    db.select({ id: skills.id, key: skills.key }).from(skills).where(eq(skills.tenantId, tenantId)),
    db
      .select({
        skillId: conversations.skillId,
        bucket: sql<number>`(${conversations.createdAt} - ${from}) / ${size}`,
        n: sql<number>`count(*)`,
      })
      .from(conversations)
      .where(
        and(
          eq(conversations.tenantId, tenantId),
          gte(conversations.createdAt, from),
          lt(conversations.createdAt, start),
        ),
      )
      .groupBy(conversations.skillId, sql`2`),
  ]);
  const series = new Map<string, number[]>();
  for (const s of skillRows) series.set(s.id, Array(buckets).fill(0));
  for (const c of counts) {
    const row = c.skillId ? series.get(c.skillId) : undefined;
    const b = Math.floor(Number(c.bucket));
    if (row && b >= 0 && b < buckets) row[b] = Number(c.n);
  }
  const target = {
    serviceLevel: settings.serviceLevelTarget,
    threshold: settings.serviceLevelSeconds,
    maxOccupancy: settings.maxOccupancy,
  };
  const out: SkillForecast[] = skillRows
    .sort((a, b) => a.key.localeCompare(b.key))
    .map((s) => {
      const history = series.get(s.id)!;
      const f = forecastSeries(history, season, horizon);
      return {
        skill: s.key,
        skillId: s.id,
        method: f.method,
        historyIntervals: history.length,
        historyVolume: history.reduce((a, b) => a + b, 0),
        mase: f.mase,
        intervals: f.chosen.map((volume, k) => {
          const required = requiredAgents(
            { arrivalRate: volume / (size / 1000), aht: settings.ahtSeconds },
            target,
          );
          return {
            start: start + k * size,
            end: start + (k + 1) * size,
            volume,
            seasonalNaive: f.sn?.[k] ?? null,
            holtWinters: f.hw?.[k] ?? null,
            requiredSlots: required,
            scheduledSlots: withShrinkage(required, settings.shrinkage),
          };
        }),
      };
    });
  return {
    generatedAt: now,
    intervalMinutes: settings.intervalMinutes,
    season,
    historyDays: settings.forecastHistoryDays,
    ahtSeconds: settings.ahtSeconds,
    serviceLevelTarget: settings.serviceLevelTarget,
    serviceLevelSeconds: settings.serviceLevelSeconds,
    shrinkage: settings.shrinkage,
    skills: out,
  };
}
