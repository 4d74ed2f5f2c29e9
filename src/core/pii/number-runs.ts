/**
 * @module Finds runs of digit groups ("6222 0202 1234 5678 901", "138-1234-5678",
 * "13812345678 13987654321") in one linear pass and enumerates the contiguous group slices a
 * numeric recogniser may test. Slices never split an unseparated digit string, so a 20-digit
 * order number never yields a "phone" from its middle.
 */

export interface DigitGroup {
  start: number;
  end: number;
  /** The group's characters: digits, plus a trailing X on the last group (resident IDs). */
  chars: string;
}

export interface DigitRun {
  start: number;
  end: number;
  groups: DigitGroup[];
}

export interface DigitSlice {
  start: number;
  end: number;
  /** Compact value: the groups' characters joined, upper-cased. */
  value: string;
  /** Index of the first and last group in the run. */
  first: number;
  last: number;
  /** True when the slice covers the whole run (no stray digits beside it). */
  whole: boolean;
  /** The run the slice was cut from (its groups tell how the number was written). */
  run: DigitRun;
}

/** Longest slice in groups: "+86 138 1234 5678" is 4, a spaced ID 5, a 19-digit card 5. */
const MAX_GROUPS = 6;

// One or two separator characters between groups; separators and digits are disjoint classes, so
// the pattern matches in linear time. The optional X closes a resident ID.
const RUN = /\d+(?:[ \-\u00a0\u3000]{1,2}\d+)*[Xx]?/g;
const GROUP = /\d+[Xx]?/g;

/** All digit runs that are not glued to ASCII letters (or a preceding dot, as in versions). */
export function findDigitRuns(text: string): DigitRun[] {
  const runs: DigitRun[] = [];
  RUN.lastIndex = 0;
  for (let m = RUN.exec(text); m !== null; m = RUN.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const before = start > 0 ? text.charCodeAt(start - 1) : 0;
    const after = end < text.length ? text.charCodeAt(end) : 0;
    // "v10.2.3", "ABC4111…", "…1234XYZ", "1.5": part of a larger token.
    if (isAsciiAlnum(before) || isAsciiAlnum(after) || before === 46 || before === 95 || after === 95)
      continue;
    if (after === 46 && end + 1 < text.length && isDigit(text.charCodeAt(end + 1))) continue;
    if (before === 64 || after === 64) continue; // part of an email address
    const groups: DigitGroup[] = [];
    GROUP.lastIndex = 0;
    const body = m[0];
    for (let g = GROUP.exec(body); g !== null; g = GROUP.exec(body)) {
      groups.push({ start: start + g.index, end: start + g.index + g[0].length, chars: g[0].toUpperCase() });
    }
    runs.push({ start, end, groups });
  }
  return runs;
}

function isAsciiAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Every contiguous slice of at most six groups whose compact length is within [minLen, maxLen].
 * Only the first group of a multi-group slice may be a single character ("1 415 555 0132"), which
 * keeps "1 1 1 1 …" from producing slices at all. Cost: O(groups · MAX_GROUPS).
 */
export function digitSlices(
  run: DigitRun,
  minLen: number,
  maxLen: number,
  out: DigitSlice[] = [],
): DigitSlice[] {
  const { groups } = run;
  // A run with fewer characters than minLen has no slice at all: skip the loops.
  if (run.end - run.start < minLen) return out;
  for (let i = 0; i < groups.length; i++) {
    let value = '';
    for (let j = i; j < groups.length && j - i < MAX_GROUPS; j++) {
      const g = groups[j]!;
      if (j > i && g.chars.length < 2) break;
      value += g.chars;
      if (value.length > maxLen) break;
      if (value.length >= minLen) {
        out.push({
          start: groups[i]!.start,
          end: g.end,
          value,
          first: i,
          last: j,
          whole: i === 0 && j === groups.length - 1,
          run,
        });
      }
    }
  }
  return out;
}
