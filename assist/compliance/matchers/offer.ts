/**
 * @module unauthorized_promise scorer for money. A frontline agent may offer a goodwill coupon up
 * to the tenant's limit (Demo Mall: ¥20); cash, red packets or reimbursements need a senior
 * specialist's approval at any amount. So an amount in a sentence that offers a coupon (coupon word
 * plus an offer verb) is flagged above the limit, and an amount in a sentence about cash
 * compensation is flagged always. Thresholds (满 100 / orders over ¥99) are not offers; a negation
 * earlier in the clause (不能 / can't) cancels.
 */
import type { TextView } from '../text-view.ts';
import type { CompiledMatcher, Match } from './match.ts';
import { compilePhraseList, phraseSource } from './phrases.ts';
import { quantitiesOf } from './quantities.ts';

export interface OfferScorerSpec {
  cash: readonly string[];
  coupon: readonly string[];
  offerVerbs: readonly string[];
  negations: readonly string[];
}

/** Words that make an amount a spending threshold rather than a value handed out. */
const THRESHOLD = new RegExp(
  `(?:${['满', '超过', 'over', 'above', 'of', 'minimum', 'spend', 'spent', 'from', '门槛', '实付', 'paid', '还差'].map(phraseSource).join('|')})\\s?$`,
  'u',
);

function has(re: RegExp | null, text: string): boolean {
  if (!re) return false;
  re.lastIndex = 0;
  return re.test(text);
}

export function compileOfferScorer(spec: OfferScorerSpec, goodwillMaxYuan: number): CompiledMatcher {
  const cash = compilePhraseList(spec.cash);
  const coupon = compilePhraseList(spec.coupon);
  const verbs = compilePhraseList(spec.offerVerbs);
  const negations = compilePhraseList(spec.negations);
  const sentenceOf = (view: TextView, start: number, end: number) =>
    view.text.slice(view.sentenceStart(start), view.sentenceEnd(end - 1));
  return {
    find(view) {
      const out: Match[] = [];
      for (const q of quantitiesOf(view)) {
        if (q.unit !== 'yuan') continue;
        if (THRESHOLD.test(view.text.slice(Math.max(0, q.numberStart - 8), q.numberStart))) continue;
        if (view.quoted(q.start, q.end)) continue;
        const sentence = sentenceOf(view, q.start, q.end);
        if (has(negations, view.text.slice(view.clauseStart(q.start), q.start))) continue;
        const isCoupon = has(coupon, sentence);
        const beyond = isCoupon ? has(verbs, sentence) && q.hi > goodwillMaxYuan : has(cash, sentence);
        if (!beyond) continue;
        out.push(view.toOriginal(q.start, q.end));
      }
      return out;
    },
  };
}
