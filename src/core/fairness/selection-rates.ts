/**
 * @module Selection rates and the four-fifths rule (29 CFR §1607.4(D), DOMAIN.md §6): each
 * group's selection rate divided by the highest group's rate is its impact ratio; below 0.8 is
 * evidence of adverse impact and is flagged. Groups too small to say anything (LL144 lets
 * categories under 2% of the sample be left out of the ratios) are reported but not compared,
 * and candidates with no self-reported group are counted apart, never guessed.
 */

/** One assessed candidate: the group they reported (null: not reported) and whether selected. */
export interface SelectionOutcome {
  group: string | null;
  selected: boolean;
}

export interface GroupSelection {
  group: string;
  applicants: number;
  selected: number;
  rate: number;
  /** rate ÷ the highest compared group's rate; null when the group is excluded or no one was selected. */
  impactRatio: number | null;
  /** Impact ratio below the four-fifths threshold. */
  adverseImpact: boolean;
  /** Left out of the comparison because the group is under `minShare` of the sample. */
  excluded: boolean;
}

export interface SelectionReport {
  groups: GroupSelection[];
  /** Candidates who did not report a group. */
  unknown: { applicants: number; selected: number };
  /** The group with the highest rate among the compared ones (null with none). */
  reference: string | null;
  threshold: number;
  flagged: string[];
}

export const FOUR_FIFTHS = 0.8;
/** LL144 (6 RCNY §5-300): categories under 2% of the data may be excluded from impact ratios. */
export const LL144_MIN_SHARE = 0.02;

export interface RateOptions {
  threshold?: number;
  /** Groups below this share of the reported sample are excluded from the comparison. */
  minShare?: number;
}

/** Impact ratios of already-computed rates: rate ÷ max over the compared groups. */
export function impactRatios(
  rates: readonly { group: string; rate: number; excluded?: boolean }[],
  threshold = FOUR_FIFTHS,
): { reference: string | null; ratios: Map<string, number | null>; flagged: string[] } {
  const compared = rates.filter((r) => !r.excluded);
  let reference: string | null = null;
  let best = 0;
  for (const r of compared) {
    if (reference === null || r.rate > best) {
      best = r.rate;
      reference = r.group;
    }
  }
  const ratios = new Map<string, number | null>();
  const flagged: string[] = [];
  for (const r of rates) {
    const ratio = r.excluded || best <= 0 ? null : r.rate / best;
    ratios.set(r.group, ratio);
    if (ratio !== null && ratio < threshold) flagged.push(r.group);
  }
  return { reference, ratios, flagged };
}

/** Selection rates per group with four-fifths impact ratios (see the module comment). */
export function selectionReport(
  outcomes: readonly SelectionOutcome[],
  options: RateOptions = {},
): SelectionReport {
  const threshold = options.threshold ?? FOUR_FIFTHS;
  const minShare = options.minShare ?? 0;
  const counts = new Map<string, { applicants: number; selected: number }>();
  const unknown = { applicants: 0, selected: 0 };
  for (const o of outcomes) {
    const bucket = o.group === null ? unknown : (counts.get(o.group) ?? { applicants: 0, selected: 0 });
    bucket.applicants++;
    if (o.selected) bucket.selected++;
    if (o.group !== null) counts.set(o.group, bucket);
  }
  const reported = outcomes.length - unknown.applicants;
  const base = [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, c]) => ({
      group,
      ...c,
      rate: c.applicants > 0 ? c.selected / c.applicants : 0,
      excluded: reported > 0 && c.applicants / reported < minShare,
    }));
  const { reference, ratios, flagged } = impactRatios(base, threshold);
  return {
    groups: base.map((g) => {
      const impactRatio = ratios.get(g.group) ?? null;
      return { ...g, impactRatio, adverseImpact: impactRatio !== null && impactRatio < threshold };
    }),
    unknown,
    reference,
    threshold,
    flagged,
  };
}
