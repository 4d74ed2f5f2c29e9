/**
 * @module Bilingual (zh/en) tokenisation. Words come from `Intl.Segmenter` (ICU's dictionary
 * segmentation for Chinese, UAX #29 for English), keeping only word-like segments. Chinese runs are
 * turned into character uni/bi-grams, which match across segmentation mistakes and unseen
 * compounds; English words are lower-cased, stemmed with a tiny suffix stripper and filtered by
 * stopwords. Pure and runtime-agnostic (Intl.Segmenter exists in Node, Deno, Workers and browsers).
 */
import { type NormalizeOptions, normalizeText } from './normalize.ts';
import { EN_STOPWORDS, ZH_STOPWORDS } from './stopwords.ts';

export interface TokenizeOptions {
  /** Normalisation before segmentation; `false` when the text is already normalised. Default `{}`. */
  normalize?: NormalizeOptions | false;
  /**
   * Chinese character unigrams: all of them, only for one-character runs ('isolated', the
   * CJK-bigram analyser choice that keeps posting lists short for search), or none. Default true.
   */
  cjkUnigrams?: boolean | 'isolated';
  /** Chinese character bigrams within a run of Han characters. Default true. */
  cjkBigrams?: boolean;
  /** Also emit the segmenter's multi-character Chinese words longer than two characters. Default false. */
  cjkWords?: boolean;
  /** Drop stopwords of both languages. Default true. */
  stopwords?: boolean;
  /** Light English stemming. Default true. */
  stem?: boolean;
  /**
   * Find words with `Intl.Segmenter` (ICU). Default: only when `cjkWords` is on, the one case its
   * Chinese dictionary changes the tokens; otherwise an equivalent, much faster regular expression.
   */
  intlSegmenter?: boolean;
}

/** One word-like segment of the text. */
export interface Word {
  text: string;
  /** Offset in the (normalised) text that was segmented. */
  index: number;
  han: boolean;
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const HAN = /\p{Script=Han}/u;
const HAN_ONLY = /^\p{Script=Han}+$/u;
const HAN_SPLIT = /(\p{Script=Han}+)/u;
/** Letters/digits joined by in-word punctuation, as UAX #29 word boundaries treat them. */
const FAST_WORD =
  /[\p{L}\p{N}\p{M}_]+(?:(?:['\u2019.\u00B7]|(?<=\p{L}):(?=\p{L})|(?<=\p{N})[,;](?=\p{N}))[\p{L}\p{N}\p{M}_]+)*/gu;
const VOWEL = /[aeiouy]/;
const DOUBLE_END = /([bdfgklmnprt])\1$/;

type Flags = Required<Omit<TokenizeOptions, 'normalize' | 'intlSegmenter'>>;

/** Word-like segments of `text` from `Intl.Segmenter` (no normalisation applied). */
export function segmentWords(text: string): Word[] {
  const out: Word[] = [];
  for (const s of segmenter.segment(text)) {
    if (s.isWordLike) out.push({ text: s.segment, index: s.index, han: HAN.test(s.segment) });
  }
  return out;
}

/**
 * A deliberately small English suffix stripper: plural, -ed, -ing and a final -e, so that
 * "charge", "charges", "charged" and "charging" meet at "charg". It only needs to be consistent
 * between queries and documents, not linguistically right.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || !/^[a-z]+$/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('ied') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length >= 6 && VOWEL.test(w.slice(0, -3))) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && w.length >= 5 && VOWEL.test(w.slice(0, -2))) w = undouble(w.slice(0, -2));
  if (w.endsWith('e') && w.length >= 5) w = w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  return DOUBLE_END.test(w) && w.length > 3 ? w.slice(0, -1) : w;
}

/** Expand English contractions into comparable tokens: "doesn't" → doesnt + not, "card's" → card. */
function latinTokens(word: string, out: string[], o: Flags): void {
  let w = word.replace(/\u2019/g, "'");
  let negated = false;
  if (w.endsWith("n't")) {
    negated = true;
    w = w.slice(0, -3);
    if (w === 'ca') w = 'can';
    else if (w === 'wo') w = 'will';
  } else if (w.endsWith("'s")) {
    w = w.slice(0, -2);
  }
  w = w.replace(/'/g, '');
  if (w && !(o.stopwords && EN_STOPWORDS.has(w))) out.push(o.stem ? stem(w) : w);
  if (negated) out.push('not');
}

function hanTokens(run: string[], out: string[], o: Flags): void {
  const chars = run.join('');
  const cps = Array.from(chars);
  const unigrams = o.cjkUnigrams === true || (o.cjkUnigrams === 'isolated' && cps.length === 1);
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i]!;
    if (unigrams && !(o.stopwords && ZH_STOPWORDS.has(c))) out.push(c);
    if (o.cjkBigrams && i + 1 < cps.length) {
      const d = cps[i + 1]!;
      if (!(o.stopwords && ZH_STOPWORDS.has(c) && ZH_STOPWORDS.has(d))) out.push(c + d);
    }
  }
  if (o.cjkWords) {
    for (const w of run) if (Array.from(w).length > 2) out.push(w);
  }
}

/**
 * Word-like pieces of `text` with their offsets, mixed Han/other segments split apart. With the
 * ICU segmenter, or with a regular expression following the same UAX #29 rules for letters, digits
 * and in-word punctuation ("don't", "3.5", "1,000") — about twenty times faster, and enough when
 * Chinese is cut into character n-grams anyway (the dictionary only matters for Chinese words).
 */
function* pieces(text: string, intl: boolean): Generator<{ text: string; index: number }> {
  const source = intl
    ? (function* () {
        for (const s of segmenter.segment(text)) if (s.isWordLike) yield { text: s.segment, index: s.index };
      })()
    : (function* () {
        for (const m of text.matchAll(FAST_WORD)) yield { text: m[0], index: m.index };
      })();
  for (const seg of source) {
    if (!HAN.test(seg.text) || HAN_ONLY.test(seg.text)) {
      yield seg;
      continue;
    }
    let offset = seg.index;
    for (const part of seg.text.split(HAN_SPLIT)) {
      if (part) yield { text: part, index: offset };
      offset += part.length;
    }
  }
}

/** Tokens of `text` for indexing, similarity and classification. */
export function tokenize(text: string, options: TokenizeOptions = {}): string[] {
  const o = {
    cjkUnigrams: options.cjkUnigrams ?? true,
    cjkBigrams: options.cjkBigrams ?? true,
    cjkWords: options.cjkWords ?? false,
    stopwords: options.stopwords ?? true,
    stem: options.stem ?? true,
  };
  // The ICU dictionary only changes the result for Chinese words, so plain Latin text skips it.
  const intl = options.intlSegmenter ?? (o.cjkWords && HAN.test(text));
  const input = options.normalize === false ? text : normalizeText(text, options.normalize ?? {});
  const out: string[] = [];
  // Consecutive Han words with nothing between them form one run, so bigrams cross the segmenter's
  // word boundaries ('订单' + '号' still yields '单号').
  let run: string[] = [];
  let runEnd = -1;
  for (const piece of pieces(input, intl)) {
    if (HAN_ONLY.test(piece.text)) {
      if (run.length > 0 && piece.index !== runEnd) {
        hanTokens(run, out, o);
        run = [];
      }
      run.push(piece.text);
      runEnd = piece.index + piece.text.length;
      continue;
    }
    if (run.length > 0) {
      hanTokens(run, out, o);
      run = [];
    }
    latinTokens(piece.text, out, o);
  }
  if (run.length > 0) hanTokens(run, out, o);
  return out;
}
