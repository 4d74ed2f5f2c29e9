/**
 * @module Small text helpers of the co-pilot: term-count vectors and their cosine (Chinese
 * character uni+bigrams, stemmed English words, stopwords dropped — the embedded tokeniser's
 * defaults), reply-language detection and sentence splitting.
 */
import { normalizeText } from '#assist/embedded/normalize.ts';
import { tokenize } from '#assist/embedded/tokenize.ts';
import type { Lang } from './types.ts';

export type TermVector = ReadonlyMap<string, number>;

/** Term counts of a text. */
export function termVector(text: string): TermVector {
  const counts = new Map<string, number>();
  for (const t of tokenize(text)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

function norm(v: TermVector): number {
  let s = 0;
  for (const x of v.values()) s += x * x;
  return Math.sqrt(s);
}

/** Cosine of two term vectors; 0 when either is empty. */
export function cosineOf(a: TermVector, b: TermVector): number {
  const d = norm(a) * norm(b);
  if (d === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, x] of small) {
    const y = large.get(t);
    if (y !== undefined) dot += x * y;
  }
  return dot / d;
}

/**
 * Request words that say nothing about the topic ("I want …", "怎么 …", "帮我 …"); left out of
 * the terms a knowledge article must cover, so "I want a refund" is about refunds, not wanting.
 */
const CHATTER = new Set(
  'want need help get know tell like wonder ask question anyon someon 怎么 么办 怎样 请问 问一 一下 帮我 我想 想要 想问 能不 不能 可以 以吗 如何 什么'.split(
    ' ',
  ),
);

/** Term counts of a customer's words without the request chatter. */
export function contentVector(text: string): TermVector {
  const v = new Map(termVector(text));
  for (const t of CHATTER) v.delete(t);
  return v;
}

/**
 * The terms of a question for matching it to SOP steps: Chinese as bigrams only (single
 * characters match almost any script) and English words, request chatter left out.
 */
export function questionVector(text: string): TermVector {
  const counts = new Map<string, number>();
  for (const t of tokenize(text, { cjkUnigrams: false }))
    if (!CHATTER.has(t)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

/** Share of `query`'s distinct terms that occur in `doc` (how much of the question a text covers). */
export function coverage(query: TermVector, doc: TermVector): number {
  if (query.size === 0) return 0;
  let hit = 0;
  for (const t of query.keys()) if (doc.has(t)) hit++;
  return hit / query.size;
}

const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /[a-z]{2,}/gi;
/** Placeholders and template markers say nothing about the language. */
const NEUTRAL = /<[A-Z][A-Z0-9_]*_\d+>|\{\{[^}]*\}\}/g;

/**
 * The language of a text: Chinese when its Han characters outnumber its Latin words ("我的 order
 * 还没到" is Chinese), English when it has Latin words and fewer Han characters, null when it has
 * neither (digits, emoji).
 */
export function detectLang(text: string): Lang | null {
  const clean = text.replace(NEUTRAL, ' ');
  const han = clean.match(HAN)?.length ?? 0;
  const latin = clean.match(LATIN_WORD)?.length ?? 0;
  if (han === 0 && latin === 0) return null;
  return han >= latin ? 'zh' : 'en';
}

/** The reply language: the most recent customer message with a clear language, else the fallback. */
export function conversationLang(messages: readonly { role: string; text: string }[], fallback: Lang): Lang {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (m.role !== 'customer') continue;
    const lang = detectLang(m.text);
    if (lang) return lang;
  }
  return fallback;
}

/** Sentences of an article body, each with its closing punctuation ("1.5" and "¥3,000" stay whole). */
export function sentences(text: string): string[] {
  const out = text
    .split(/(?<=[。！？])|(?<=[.!?])\s+/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  return out.length > 0 ? out : [text.trim()];
}

/** Normalised text for pattern matching (see assist/embedded/normalize.ts). */
export function normal(text: string): string {
  return normalizeText(text);
}
