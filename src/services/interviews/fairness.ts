/**
 * @module The campaign's fairness report: selection rates by the self-reported group for the
 * tool's advice (advised "advance" among scored candidates) and for people's decisions
 * (advance among decided advance/reject; holds and undecided are counted apart), four-fifths
 * impact ratios, LL144 scoring rates against the pooled median of the overall score, and score
 * distributions — plus the same as CSV. Candidates who reported no group are counted, never
 * guessed. Computations are in src/core/fairness.
 */
import { and, eq, sql } from 'drizzle-orm';
import {
  histogram,
  LL144_MIN_SHARE,
  type ScoringReport,
  type SelectionReport,
  type Summary,
  scoringReport,
  selectionReport,
  summarize,
} from '#src/core/fairness/index.ts';
import { interviewCandidates, interviewScorecards } from '#src/db/schema/interviews.ts';
import { getCampaign } from './campaigns.ts';
import type { InterviewDeps } from './context.ts';

export const NOT_REPORTED = '(not reported)';

export interface FairnessReport {
  campaign: { id: string; name: string; groupLabel: string | null };
  assessed: number;
  scored: number;
  minShare: number;
  tool: SelectionReport;
  human: SelectionReport & { pending: number; held: number };
  scoring: ScoringReport;
  distributions: { group: string; summary: Summary; bins: { from: number; to: number; count: number }[] }[];
}

const latestDecision = sql<
  string | null
>`(select d.outcome from interview_decisions d where d.candidate_id = ${interviewCandidates.id} order by d.decided_at desc, d.id desc limit 1)`;

export async function fairnessReport(
  deps: InterviewDeps,
  tenantId: string,
  campaignId: string,
): Promise<FairnessReport> {
  const campaign = await getCampaign(deps, tenantId, campaignId);
  const rows = await deps.db
    .select({
      group: interviewCandidates.groupValue,
      score100: interviewScorecards.score100,
      recommendation: interviewScorecards.recommendation,
      decision: latestDecision,
    })
    .from(interviewCandidates)
    .leftJoin(interviewScorecards, eq(interviewScorecards.candidateId, interviewCandidates.id))
    .where(and(eq(interviewCandidates.campaignId, campaignId), eq(interviewCandidates.status, 'submitted')));
  const options = { minShare: LL144_MIN_SHARE };
  const scored = rows.filter((r) => r.score100 !== null);
  const decided = rows.filter((r) => r.decision === 'advance' || r.decision === 'reject');
  const groups = [...new Set(rows.map((r) => r.group ?? NOT_REPORTED))].sort();
  return {
    campaign: { id: campaign.id, name: campaign.name, groupLabel: campaign.groupField?.label ?? null },
    assessed: rows.length,
    scored: scored.length,
    minShare: LL144_MIN_SHARE,
    tool: selectionReport(
      scored.map((r) => ({ group: r.group, selected: r.recommendation === 'advance' })),
      options,
    ),
    human: {
      ...selectionReport(
        decided.map((r) => ({ group: r.group, selected: r.decision === 'advance' })),
        options,
      ),
      held: rows.filter((r) => r.decision === 'hold').length,
      pending: rows.filter((r) => r.decision === null).length,
    },
    scoring: scoringReport(
      scored.map((r) => ({ group: r.group, score: r.score100! })),
      options,
    ),
    distributions: groups.map((group) => {
      const values = scored.filter((r) => (r.group ?? NOT_REPORTED) === group).map((r) => r.score100!);
      return { group, summary: summarize(values), bins: histogram(values, 0, 100, 10) };
    }),
  };
}

const cell = (v: string | number | boolean | null) => {
  if (v === null) return '';
  const s = typeof v === 'number' ? String(Number(v.toFixed(6))) : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** The report as CSV, one row per group and measure (RFC 4180). */
export function fairnessCsv(r: FairnessReport): string {
  const header = [
    'section',
    'group',
    'n',
    'count',
    'rate',
    'impact_ratio',
    'adverse_impact',
    'excluded',
    'mean',
    'min',
    'q1',
    'median',
    'q3',
    'max',
  ];
  const lines: (string | number | boolean | null)[][] = [];
  const selection = (section: string, s: SelectionReport) => {
    for (const g of s.groups) {
      lines.push([
        section,
        g.group,
        g.applicants,
        g.selected,
        g.rate,
        g.impactRatio,
        g.adverseImpact,
        g.excluded,
      ]);
    }
    if (s.unknown.applicants > 0) {
      lines.push([
        section,
        NOT_REPORTED,
        s.unknown.applicants,
        s.unknown.selected,
        s.unknown.selected / s.unknown.applicants,
        null,
        null,
        true,
      ]);
    }
  };
  selection('tool_advice_selection', r.tool);
  selection('human_decision_selection', r.human);
  for (const g of r.scoring.groups) {
    lines.push([
      'scoring_rate_above_median',
      g.group,
      g.n,
      g.aboveMedian,
      g.scoringRate,
      g.impactRatio,
      g.adverseImpact,
      g.excluded,
    ]);
  }
  if (r.scoring.unknown.n > 0) {
    const u = r.scoring.unknown;
    lines.push([
      'scoring_rate_above_median',
      NOT_REPORTED,
      u.n,
      u.aboveMedian,
      u.aboveMedian / u.n,
      null,
      null,
      true,
    ]);
  }
  for (const d of r.distributions) {
    const s = d.summary;
    lines.push([
      'score_distribution',
      d.group,
      s.n,
      null,
      null,
      null,
      null,
      null,
      s.mean,
      s.min,
      s.q1,
      s.median,
      s.q3,
      s.max,
    ]);
  }
  return `${[header, ...lines].map((l) => l.map(cell).join(',')).join('\r\n')}\r\n`;
}
