/**
 * @module A fast path for the fold the compliance checker needs on every keystroke pause. For
 * drafts made only of characters whose NFKC form is known (ASCII, common CJK, Chinese punctuation,
 * full-width ASCII, a few typographic marks) it gives exactly what
 * `normalize(text, { lowercase, collapseWhitespace, joinCjkSpacing })` from
 * assist/embedded/normalize.ts gives — same text, same offset map — in one pass without regexes
 * or per-character `String.prototype.normalize`. Anything else returns null and the caller uses
 * the general normaliser. fast-fold.test.ts checks the equivalence.
 */
import type { Normalized } from '#assist/embedded/normalize.ts';

enum Kind {
  /** Not handled here: the caller falls back to normalize(). */
  Other = 0,
  Space = 1,
  Han = 2,
  Plain = 3,
}

/** Whitespace, Han, or a character NFKC keeps; anything not listed is `Other`. */
function kindOf(c: number): Kind {
  // Up to 9FEF: every code point there is assigned and of script Han.
  if (c >= 0x4e00 && c <= 0x9fef) return Kind.Han;
  if (c >= 0x20 && c <= 0x7e) return c === 0x20 ? Kind.Space : Kind.Plain;
  if ((c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x3000) return Kind.Space;
  if ((c >= 0x3400 && c <= 0x4dbf) || c === 0x3005 || c === 0x3007) return Kind.Han;
  if (c >= 0xff01 && c <= 0xff5e) return Kind.Plain;
  if (
    c === 0xa5 ||
    c === 0xb7 ||
    c === 0x2013 ||
    c === 0x2014 ||
    c === 0x2018 ||
    c === 0x2019 ||
    c === 0x201c ||
    c === 0x201d ||
    c === 0x2026 ||
    c === 0xffe5 ||
    (c >= 0x3001 && c <= 0x3003) ||
    (c >= 0x3008 && c <= 0x3011) ||
    (c >= 0x3014 && c <= 0x301f)
  ) {
    return Kind.Plain;
  }
  return Kind.Other;
}

/** NFKC + lower case of one Plain or Han code unit. */
function foldUnit(c: number): string {
  if (c >= 0x41 && c <= 0x5a) return String.fromCharCode(c + 32);
  if (c >= 0xff01 && c <= 0xff5e) {
    const a = c - 0xfee0;
    return String.fromCharCode(a >= 0x41 && a <= 0x5a ? a + 32 : a);
  }
  if (c === 0xffe5) return '\u00a5';
  if (c === 0x2026) return '...';
  return String.fromCharCode(c);
}

/** The fold of `source`, or null when it holds a character only the general normaliser handles. */
export function fastFold(source: string): Normalized | null {
  const n = source.length;
  const kinds = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const k = kindOf(source.charCodeAt(i));
    if (k === Kind.Other) return null;
    kinds[i] = k;
  }
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < n) {
    if (kinds[i] !== Kind.Space) {
      const s = foldUnit(source.charCodeAt(i));
      out.push(s);
      for (let k = 0; k < s.length; k++) {
        starts.push(i);
        ends.push(i + 1);
      }
      i++;
      continue;
    }
    let j = i;
    while (j < n && kinds[j] === Kind.Space) j++;
    // Leading and trailing runs go; a run between two Han characters goes; any other becomes ' '.
    const between = out.length > 0 && j < n;
    if (between && !(kinds[i - 1] === Kind.Han && kinds[j] === Kind.Han)) {
      out.push(' ');
      starts.push(i);
      ends.push(j);
    }
    i = j;
  }
  return { source, text: out.join(''), starts: Uint32Array.from(starts), ends: Uint32Array.from(ends) };
}
