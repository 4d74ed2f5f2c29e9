/**
 * @module Text normalisation shared by every embedded capability: NFKC (which also folds full-width
 * ASCII to half width and half-width katakana to full width), Latin lower-casing, invisible
 * character removal, whitespace collapsing and, optionally, undoing spacing tricks between Chinese
 * characters ('不 知 道' → '不知道'). `normalize` keeps a map from every normalised UTF-16 unit back to
 * the original text so detectors (compliance, PII) can report spans in the customer's own text.
 */

export interface NormalizeOptions {
  /** Lower-case cased letters (Latin, Greek, Cyrillic); CJK is unaffected. Default true. */
  lowercase?: boolean;
  /** Collapse whitespace runs to one space and trim both ends. Default true. */
  collapseWhitespace?: boolean;
  /** Drop whitespace between two Han characters ('不 知 道' → '不知道'). Default false. */
  joinCjkSpacing?: boolean;
  /**
   * Also drop filler punctuation between two Han characters ('不*知*道', '退·款'), a common trick
   * to dodge keyword rules. Implies nothing about whitespace; combine with `joinCjkSpacing`. Default false.
   */
  stripCjkFillers?: boolean;
}

/** A normalised text with a map back to the original. */
export interface Normalized {
  /** The original input. */
  source: string;
  /** The normalised text. */
  text: string;
  /** starts[i] = original offset where the source of normalised unit i begins. */
  starts: Uint32Array;
  /** ends[i] = original offset (exclusive) where the source of normalised unit i ends. */
  ends: Uint32Array;
}

/** Zero-width and formatting characters that only serve to split words invisibly. */
const INVISIBLE = /^[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]+$/u;
const INVISIBLE_ALL = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/gu;
/**
 * A cluster is a base character plus the characters NFKC may compose into it: combining marks,
 * half-width (semi-)voiced sound marks and variation selectors. Normalising cluster by cluster
 * gives the same text as normalising the whole string for everything but conjoining Hangul jamo.
 */
const CLUSTER = /[^\p{M}\uFF9E\uFF9F]?[\p{M}\uFF9E\uFF9F]*/gsu;
const WHITESPACE = /^\s+$/u;
const HAN = /\p{Script=Han}/u;
/**
 * Punctuation used as filler between characters (regex class body, written once). Sentence
 * punctuation (，。！？、：；) is not a filler: dropping it would join separate clauses.
 */
const FILLER_CLASS = '.·•・*_\\-~|/\\\\^+=#';
const FILLER = new RegExp(`^[${FILLER_CLASS}]+$`, 'u');

interface Piece {
  text: string;
  start: number;
  end: number;
  kind: 'space' | 'filler' | 'other';
}

function resolve(opts: NormalizeOptions) {
  return {
    lowercase: opts.lowercase ?? true,
    collapseWhitespace: opts.collapseWhitespace ?? true,
    joinCjkSpacing: opts.joinCjkSpacing ?? false,
    stripCjkFillers: opts.stripCjkFillers ?? false,
  };
}

function lastChar(s: string): string {
  const cp = s.codePointAt(s.length - 1);
  // A trailing low surrogate: step back to the full code point.
  if (cp !== undefined && cp >= 0xdc00 && cp <= 0xdfff && s.length >= 2) return s.slice(-2);
  return s.slice(-1);
}

/**
 * Normalise `input` and keep the offset map. Slower than {@link normalizeText}; use it when spans
 * found in the normalised text must be reported against the original.
 */
export function normalize(input: string, options: NormalizeOptions = {}): Normalized {
  const o = resolve(options);
  const pieces: Piece[] = [];
  CLUSTER.lastIndex = 0;
  for (const m of input.matchAll(CLUSTER)) {
    const raw = m[0];
    if (raw === '') continue;
    if (INVISIBLE.test(raw)) continue;
    let text = raw.normalize('NFKC');
    if (o.lowercase) text = text.toLowerCase();
    const start = m.index;
    const kind = WHITESPACE.test(text) ? 'space' : FILLER.test(text) ? 'filler' : 'other';
    pieces.push({ text, start, end: start + raw.length, kind });
  }

  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const emit = (text: string, start: number, end: number) => {
    out.push(text);
    for (let k = 0; k < text.length; k++) {
      starts.push(start);
      ends.push(end);
    }
  };

  let i = 0;
  while (i < pieces.length) {
    const p = pieces[i]!;
    if (p.kind === 'other') {
      emit(p.text, p.start, p.end);
      i++;
      continue;
    }
    // A gap: a run of whitespace and/or filler pieces. Decide whether it sits between two Han
    // characters (and may be dropped) before deciding how to render it.
    let j = i;
    while (j < pieces.length && pieces[j]!.kind !== 'other') j++;
    const gap = pieces.slice(i, j);
    const prev = out.length > 0 ? lastChar(out[out.length - 1]!) : '';
    const nextCp = j < pieces.length ? pieces[j]!.text.codePointAt(0) : undefined;
    const next = nextCp === undefined ? '' : String.fromCodePoint(nextCp);
    const betweenHan = HAN.test(prev) && HAN.test(next);
    const hasFiller = gap.some((g) => g.kind === 'filler');
    const hasSpace = gap.some((g) => g.kind === 'space');
    const droppable =
      betweenHan && (hasFiller ? o.stripCjkFillers && (!hasSpace || o.joinCjkSpacing) : o.joinCjkSpacing);
    if (!droppable) {
      // The whitespace run waiting to be emitted as one space, as original offsets (-1: none).
      let spaceStart = -1;
      let spaceEnd = -1;
      for (const g of gap) {
        if (g.kind === 'filler') {
          if (spaceStart >= 0 && out.length > 0) emit(' ', spaceStart, spaceEnd);
          spaceStart = -1;
          emit(g.text, g.start, g.end);
        } else if (!o.collapseWhitespace) {
          emit(g.text, g.start, g.end);
        } else {
          if (spaceStart < 0) spaceStart = g.start;
          spaceEnd = g.end;
        }
      }
      if (spaceStart >= 0 && out.length > 0 && j < pieces.length) emit(' ', spaceStart, spaceEnd);
    }
    i = j;
  }
  return {
    source: input,
    text: out.join(''),
    starts: Uint32Array.from(starts),
    ends: Uint32Array.from(ends),
  };
}

const SPACE_RUN = /\s+/gu;
const HAN_SPACE_HAN = /(\p{Script=Han})\s+(?=\p{Script=Han})/gu;
const HAN_FILLER_HAN = new RegExp(String.raw`(\p{Script=Han})[${FILLER_CLASS}]+(?=\p{Script=Han})`, 'gu');
const HAN_MIXED_HAN = new RegExp(String.raw`(\p{Script=Han})[\s${FILLER_CLASS}]+(?=\p{Script=Han})`, 'gu');

/**
 * The normalised text only — the same result as `normalize(input, options).text` for ordinary
 * text, without building the offset map. Use it for indexing and classification.
 */
export function normalizeText(input: string, options: NormalizeOptions = {}): string {
  const o = resolve(options);
  let text = input.replace(INVISIBLE_ALL, '').normalize('NFKC');
  if (o.lowercase) text = text.toLowerCase();
  if (o.stripCjkFillers && o.joinCjkSpacing) text = text.replace(HAN_MIXED_HAN, '$1');
  else if (o.stripCjkFillers) text = text.replace(HAN_FILLER_HAN, '$1');
  else if (o.joinCjkSpacing) text = text.replace(HAN_SPACE_HAN, '$1');
  if (o.collapseWhitespace) text = text.replace(SPACE_RUN, ' ').trim();
  return text;
}

/**
 * Map a span [start, end) of the normalised text back to the original text. An empty span maps to
 * an empty span at the corresponding original position.
 */
export function toOriginalSpan(n: Normalized, start: number, end: number): { start: number; end: number } {
  if (start < 0 || end > n.text.length || start > end) {
    throw new RangeError(`span [${start}, ${end}) is outside the normalised text (length ${n.text.length})`);
  }
  if (start === end) {
    const at =
      start < n.text.length ? n.starts[start]! : n.text.length === 0 ? 0 : n.ends[n.text.length - 1]!;
    return { start: at, end: at };
  }
  return { start: n.starts[start]!, end: n.ends[end - 1]! };
}
