/**
 * @module Edit distance for suggested replies vs sent text: Levenshtein over Unicode code points
 * (character-level, so one Chinese character is one edit) and its normalised form, distance ÷
 * the longer length (DOMAIN.md §9).
 */

/** Levenshtein distance over code points (insertions, deletions, substitutions cost 1). */
export function levenshtein(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  if (s.length === 0) return t.length;
  if (t.length === 0) return s.length;
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  let cur = new Array<number>(t.length + 1);
  for (let i = 1; i <= s.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[t.length]!;
}

/** Levenshtein ÷ max(code-point lengths), in [0, 1]; 0 for two empty strings. */
export function normalizedLevenshtein(a: string, b: string): number {
  const max = Math.max(Array.from(a).length, Array.from(b).length);
  return max === 0 ? 0 : levenshtein(a, b) / max;
}
