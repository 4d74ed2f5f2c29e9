/**
 * @module The reproducible 6× tidal day of DOMAIN.md §3.4: 48 half-hour intervals, two humps
 * (11:00 and 20:30), peak/trough exactly 6, 13,277 contacts, four skills whose shares are
 * phase-shifted sinusoids.
 */
export interface TidalDay {
  intervalSeconds: number;
  /** Expected contacts per interval, per skill: volumes[interval][skill]. */
  volumes: number[][];
  skills: string[];
  totalContacts: number;
}

export const TIDAL_SKILLS = [
  'ecommerce.refund',
  'ecommerce.logistics',
  'ecommerce.billing',
  'ecommerce.account',
];

export function tidalDay(
  opts: { totalContacts?: number; peakToTrough?: number; skills?: string[] } = {},
): TidalDay {
  const total = opts.totalContacts ?? 13_277;
  const ratio = opts.peakToTrough ?? 6;
  const skills = opts.skills ?? TIDAL_SKILLS;
  const hours = Array.from({ length: 48 }, (_, i) => i / 2 + 0.25);
  const bump = (t: number, mu: number, sigma: number) => Math.exp(-((t - mu) ** 2) / (2 * sigma ** 2));
  const raw = hours.map((t) => bump(t, 11, 2) + 1.15 * bump(t, 20.5, 1.6));
  const min = Math.min(...raw);
  const max = Math.max(...raw);
  // Shift so that (max + c) / (min + c) is exactly the requested ratio.
  const c = (max - ratio * min) / (ratio - 1);
  const shaped = raw.map((v) => v + c);
  const scale = total / shaped.reduce((a, b) => a + b, 0);
  const volumes = shaped.map((v, i) => {
    const t = hours[i]!;
    const shares = skills.map((_, k) => 1 + 0.5 * Math.sin((2 * Math.PI * t) / 24 + (k * Math.PI) / 2));
    const sum = shares.reduce((a, b) => a + b, 0);
    return shares.map((s) => (v * scale * s) / sum);
  });
  return { intervalSeconds: 1800, volumes, skills, totalContacts: total };
}

/** Index of the first interval of the 3-hour window (6 intervals) with the most contacts. */
export function peakWindowStart(day: TidalDay, width = 6): number {
  const totals = day.volumes.map((row) => row.reduce((a, b) => a + b, 0));
  let best = 0;
  let bestSum = -1;
  for (let i = 0; i + width <= totals.length; i++) {
    const sum = totals.slice(i, i + width).reduce((a, b) => a + b, 0);
    if (sum > bestSum) {
      bestSum = sum;
      best = i;
    }
  }
  return best;
}
