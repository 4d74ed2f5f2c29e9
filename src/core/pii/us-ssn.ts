/**
 * @module US social security numbers: AAA-GG-SSSS within the valid ranges (area 001–899 except
 * 666, group 01–99, serial 0001–9999). The dashed form is distinctive; spaced or bare nine digits
 * are mostly other numbers, so they need "SSN"/"social security" nearby.
 */
import type { Candidate, Recognizer } from './recognizer.ts';

/** True when the nine digits fall in the ranges the SSA issues. */
export function isValidSsn(value: string): boolean {
  const d = value.replace(/[\s-]/g, '');
  if (!/^\d{9}$/.test(d)) return false;
  const area = Number(d.slice(0, 3));
  const group = Number(d.slice(3, 5));
  const serial = Number(d.slice(5));
  // 078-05-1120 was printed on a wallet insert and used by thousands; it is never a real SSN.
  if (d === '078051120' || d === '219099999') return false;
  return area > 0 && area !== 666 && area < 900 && group > 0 && serial > 0;
}

export const usSsnRecognizer: Recognizer = {
  name: 'us-ssn',
  find(input) {
    const { text } = input;
    const out: Candidate[] = [];
    if (input.digitCount() < 9) return out;
    for (const run of input.digitRuns()) {
      const g = run.groups;
      for (let i = 0; i < g.length; i++) {
        const three =
          i + 2 < g.length &&
          g[i]!.chars.length === 3 &&
          g[i + 1]!.chars.length === 2 &&
          g[i + 2]!.chars.length === 4;
        if (three) {
          const a = g[i]!;
          const c = g[i + 2]!;
          const value = a.chars + g[i + 1]!.chars + c.chars;
          if (!isValidSsn(value)) continue;
          const seps = text.slice(a.end, g[i + 1]!.start) + text.slice(g[i + 1]!.end, c.start);
          const whole = i === 0 && i + 2 === g.length - 1;
          const score = (seps === '--' ? 0.7 : 0.35) - (whole ? 0 : 0.2);
          out.push({ type: 'US_SSN', start: a.start, end: c.end, score, contextWeight: 1 });
        } else if (g.length === 1 && g[i]!.chars.length === 9 && isValidSsn(g[i]!.chars)) {
          out.push({ type: 'US_SSN', start: g[i]!.start, end: g[i]!.end, score: 0.2, contextWeight: 1 });
        }
      }
    }
    return out;
  },
};
