/**
 * @module Applying a compliance finding's suggested rewrite to a draft, pure (shared by the agent
 * workspace's underline module and its tests). Three shapes of rewrite:
 * - a missing disclosure: the rewrite is text to add — inserted before the sentence that closes
 *   the topic;
 * - a whole-sentence rewrite ("我们无法保证具体结果，但我会…。" for the span "保证"): it replaces
 *   the sentence the span sits in, so the draft does not end up with half a sentence around it;
 * - anything else (a corrected figure, a masked value): it replaces just the span.
 */

export interface RewriteTarget {
  category: string;
  start: number;
  end: number;
  rewrite: string;
}

export interface Rewritten {
  text: string;
  /** Where to put the caret: after the inserted text. */
  caret: number;
}

/** Sentence terminators (a '.' only when it ends a sentence, not inside a number or a word). */
const TERMINATOR = /[。！？!?\n]|\.(?=\s|$)/g;
const SENTENCE_LIKE = /[。！？!?.]\s*$/;

/** [start, end) of the sentence around [from, to), the end including its terminator. */
export function sentenceAround(text: string, from: number, to: number): { start: number; end: number } {
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(TERMINATOR)) {
    const after = m.index + m[0].length;
    if (after <= from) start = after;
    else if (m.index >= to - 1 && m.index >= from) {
      end = after;
      break;
    }
  }
  while (start < from && /\s/.test(text[start]!)) start++;
  return { start, end };
}

/** Whether the rewrite is a sentence of its own rather than a replacement for a few words. */
export function isSentenceRewrite(f: RewriteTarget): boolean {
  return SENTENCE_LIKE.test(f.rewrite) && f.rewrite.length > (f.end - f.start) * 2 + 4;
}

export function applyRewrite(text: string, f: RewriteTarget): Rewritten {
  const start = Math.max(0, Math.min(f.start, text.length));
  const end = Math.max(start, Math.min(f.end, text.length));
  if (f.rewrite === '') return { text, caret: end };
  if (f.category === 'missing_disclosure') {
    const at = sentenceAround(text, start, end).start;
    const before = text.slice(0, at);
    const after = text.slice(at);
    const han = /^[\p{Script=Han}]/u.test(f.rewrite);
    const sep = han || before === '' || /[\s\p{Script=Han}，。！？]$/u.test(before) ? '' : ' ';
    const add = han || after === '' || /^\s/.test(after) ? f.rewrite : `${f.rewrite} `;
    const joined = `${before}${sep}${add}`;
    return { text: `${joined}${after}`, caret: joined.length };
  }
  if (isSentenceRewrite(f)) {
    const s = sentenceAround(text, start, end);
    const rest = text.slice(s.end);
    const gap = rest === '' || /^\s/.test(rest) || /^[\p{Script=Han}]/u.test(f.rewrite) ? '' : ' ';
    const head = `${text.slice(0, s.start)}${f.rewrite}${gap}`;
    return { text: `${head}${rest}`, caret: head.length };
  }
  const head = `${text.slice(0, start)}${f.rewrite}`;
  return { text: `${head}${text.slice(end)}`, caret: head.length };
}
