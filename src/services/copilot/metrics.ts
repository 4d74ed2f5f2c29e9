/**
 * @module How agents use the co-pilot, for the QA workspace: per SOP, source or provider, and per
 * day (UTC) in a window —
 *  - acceptanceRate = (accepted + edited) / (accepted + edited + dismissed): of the suggestions an
 *    agent acted on, the share they sent;
 *  - verbatimRate = accepted / acted on: the share sent without a change;
 *  - meanEditDistance over edits (normalised Levenshtein, 0–1);
 *  - shown: suggestions shown in the window, for scale (most are neither used nor dismissed).
 * One grouped query per table; the window is a half-open range of epoch milliseconds.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';

export const METRIC_GROUPS = ['sop', 'source', 'provider'] as const;
export type MetricGroup = (typeof METRIC_GROUPS)[number];

const DAY_MS = 86_400_000;
/** Feedback on suggestions without an SOP is grouped under this key. */
export const NO_SOP = '(none)';

export interface Counts {
  accepted: number;
  edited: number;
  dismissed: number;
  acceptanceRate: number | null;
  verbatimRate: number | null;
  meanEditDistance: number | null;
}

export interface MetricPoint extends Counts {
  /** The day, `YYYY-MM-DD` (UTC). */
  day: string;
}

export interface MetricGroupRow extends Counts {
  key: string;
  shown: number;
  series: MetricPoint[];
}

export interface CopilotMetrics {
  from: number;
  to: number;
  by: MetricGroup;
  groups: MetricGroupRow[];
  total: Counts & { shown: number };
}

const column = (by: MetricGroup) =>
  by === 'sop' ? sql.raw(`coalesce(sop_key, '${NO_SOP}')`) : sql.raw(by === 'source' ? 'source' : 'provider');

const rate = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 10_000) / 10_000);

interface Acc {
  accepted: number;
  edited: number;
  dismissed: number;
  editSum: number;
}

const empty = (): Acc => ({ accepted: 0, edited: 0, dismissed: 0, editSum: 0 });

function counts(a: Acc): Counts {
  const acted = a.accepted + a.edited + a.dismissed;
  return {
    accepted: a.accepted,
    edited: a.edited,
    dismissed: a.dismissed,
    acceptanceRate: rate(a.accepted + a.edited, acted),
    verbatimRate: rate(a.accepted, acted),
    meanEditDistance: a.edited === 0 ? null : Math.round((a.editSum / a.edited) * 10_000) / 10_000,
  };
}

function add(a: Acc, action: string, n: number, editSum: number) {
  if (action === 'accept') a.accepted += n;
  else if (action === 'edit') {
    a.edited += n;
    a.editSum += editSum;
  } else if (action === 'dismiss') a.dismissed += n;
}

const dayOf = (index: number) => new Date(index * DAY_MS).toISOString().slice(0, 10);

export async function copilotMetrics(
  db: Db,
  tenantId: string,
  q: { from: number; to: number; by: MetricGroup },
): Promise<CopilotMetrics> {
  const key = column(q.by);
  const [feedback, shown] = await Promise.all([
    db.all<{ key: string; day: number; action: string; n: number; editSum: number | null }>(sql`
      select ${key} as key, created_at / ${DAY_MS} as day, action, count(*) as n, sum(edit_distance) as editSum
      from suggestion_feedback
      where tenant_id = ${tenantId} and created_at >= ${q.from} and created_at < ${q.to}
      group by 1, 2, 3`),
    db.all<{ key: string; n: number }>(sql`
      select ${key} as key, count(*) as n
      from copilot_suggestions
      where tenant_id = ${tenantId} and created_at >= ${q.from} and created_at < ${q.to}
      group by 1`),
  ]);
  const groups = new Map<string, { acc: Acc; days: Map<number, Acc>; shown: number }>();
  const group = (k: string) => {
    let g = groups.get(k);
    if (!g) {
      g = { acc: empty(), days: new Map(), shown: 0 };
      groups.set(k, g);
    }
    return g;
  };
  const total = empty();
  let shownTotal = 0;
  for (const r of feedback) {
    const g = group(String(r.key));
    const day = Number(r.day);
    const d = g.days.get(day) ?? empty();
    g.days.set(day, d);
    for (const a of [g.acc, d, total]) add(a, r.action, Number(r.n), Number(r.editSum ?? 0));
  }
  for (const r of shown) {
    group(String(r.key)).shown = Number(r.n);
    shownTotal += Number(r.n);
  }
  return {
    from: q.from,
    to: q.to,
    by: q.by,
    groups: [...groups.entries()]
      .map(([k, g]) => ({
        key: k,
        shown: g.shown,
        ...counts(g.acc),
        series: [...g.days.entries()]
          .sort(([a], [b]) => a - b)
          .map(([day, acc]) => ({ day: dayOf(day), ...counts(acc) })),
      }))
      .sort(
        (a, b) =>
          b.accepted + b.edited + b.dismissed - (a.accepted + a.edited + a.dismissed) ||
          a.key.localeCompare(b.key),
      ),
    total: { shown: shownTotal, ...counts(total) },
  };
}
