/**
 * @module The tenant's style guide applied to a suggestion: Chinese form of address (您/你),
 * English contractions, an opener for the first reply and banned phrases. The length cap applies
 * to knowledge excerpts only (suggest.ts): SOP scripts are never cut. Only tenant-authored text is
 * added, so the guard's provenance rule still holds.
 */
import type { Lang, StyleGuide } from './types.ts';

const CONTRACTIONS: [RegExp, string][] = [
  [/\bcan't\b/gi, 'cannot'],
  [/\bwon't\b/gi, 'will not'],
  [/\b(do|does|did|is|are|was|were|has|have|had|should|could|would|must)n't\b/gi, '$1 not'],
  [/\bI'm\b/g, 'I am'],
  [/\b(you|we|they)'re\b/gi, '$1 are'],
  [/\b(I|you|we|they)'ve\b/gi, '$1 have'],
  [/\b(I|you|we|they|he|she|it)'ll\b/gi, '$1 will'],
  [/\b(I|you|we|they|he|she)'d\b/gi, '$1 would'],
  [/\b(it|that|there|here|what)'s\b/gi, '$1 is'],
  [/\blet's\b/gi, 'let us'],
];

const GREETING =
  /^(您好|你好|亲|hello|hi\b|hey\b|good (morning|afternoon|evening)|dear\b|非常抱歉|抱歉|sorry|i'm (truly |really )?sorry)/i;

export interface StyleContext {
  lang: Lang;
  /** No agent message yet: the opener applies. */
  firstReply: boolean;
}

/** The styled suggestion, or null when it contains a banned phrase. */
export function applyStyle(text: string, style: StyleGuide, ctx: StyleContext): string | null {
  let out = text.trim();
  if (ctx.lang === 'zh') {
    out = (style.zhAddress ?? 'nin') === 'ni' ? out.replace(/您/g, '你') : out.replace(/你(?!们)/g, '您');
  } else if (style.enContractions === 'expand') {
    for (const [re, rep] of CONTRACTIONS) out = out.replace(re, rep);
  }
  const opener = style.opener?.[ctx.lang];
  if (ctx.firstReply && opener && !GREETING.test(out)) {
    out = ctx.lang === 'zh' ? `${opener}${out}` : `${opener} ${out}`;
  }
  const lower = out.toLowerCase();
  if ((style.bannedPhrases ?? []).some((p) => p.trim() !== '' && lower.includes(p.toLowerCase())))
    return null;
  return out;
}
