/**
 * @module What one trainee message does, fact by fact: which facts it verifies (asks for or
 * checks), which it discloses correctly, which it attempts with a wrong number, which card cue
 * groups it matches, and how each stated quantity compares with the knowledge base.
 *
 * `FactDetector` is the seam to the co-pilot step tracker (assist/copilot/): `copilotFacts`
 * (copilot-facts.ts, the engine's default) widens `lexiconFacts` with the co-pilot's detectors. A disclosure that needs a number (refund time, return window) counts only in a sentence
 * that states a correct quantity of that unit, or an exact phrase ("instantly", 即时到账); with
 * only a wrong number it is "attempted" — the coach calls that inaccurate, not missing.
 */
import type { ScenarioCard } from './card.ts';
import {
  type AllowedQuantities,
  canonical,
  describeAllowed,
  judgeQuantity,
  parseQuantities,
  type Quantity,
  type QuantityUnit,
} from './knowledge.ts';
import { FACT_LEXICON } from './lexicon.ts';
import { type FoldedText, type PhraseHit, phraseList } from './phrases.ts';
import type { SimSop } from './sop.ts';

/** A span of the original message. */
export interface Span {
  start: number;
  end: number;
  quote: string;
}

export interface FactHit extends Span {
  key: string;
}

export interface JudgedQuantity extends Span {
  unit: QuantityUnit;
  verdict: 'correct' | 'wrong';
  /** The knowledge base's values for the unit, for the message. */
  expected: string;
}

export interface FactDetection {
  verified: FactHit[];
  disclosed: FactHit[];
  /** Disclosures stated only with a wrong quantity. */
  attempted: FactHit[];
  /** Card cue groups matched: fact key → group indices. */
  cueGroups: Record<string, number[]>;
  quantities: JudgedQuantity[];
}

export interface DetectInput {
  card: ScenarioCard;
  sop: SimSop;
  message: FoldedText;
  allowed: AllowedQuantities;
  /** Fact-level knowledge (knowledge.ts `factAllowed`), when there is one. */
  factAllowed?: (factKey: string) => AllowedQuantities | null;
  /** Folded customer messages so far: a number the customer said is an echo, not a claim. */
  customerSaid: string;
}

/** Anything that can tell which facts a message covers. */
export interface FactDetector {
  readonly name: string;
  detect(input: DetectInput): FactDetection;
}

function span(message: FoldedText, start: number, end: number): Span {
  const o = message.original(start, end);
  return { start: o.start, end: o.end, quote: message.source.slice(o.start, o.end) };
}

/** Sentence ranges of a folded text (a number belongs to the statement it is in). */
function sentenceRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (const m of text.matchAll(/[。！？!?;；\n]|\.(?=\s|$)/g)) {
    const end = m.index + m[0].length;
    if (end > start) out.push([start, end]);
    start = end;
  }
  if (start < text.length) out.push([start, text.length]);
  return out;
}

const DIFFERENCE_BEFORE =
  /(?:(?:再|还差|还需|还要|另外)\p{Script=Han}{0,3}|多|another|more|extra|additional)\s*$/u;
const DIFFERENCE_AFTER = /^\s*(?:away|short|more|to go|less|off)\b/;

/** Quantities of the message that are claims (not an echo of the customer, a difference or a date). */
function claims(input: DetectInput): Quantity[] {
  const text = input.message.text;
  return parseQuantities(text).filter((q) => {
    const before = text.slice(Math.max(0, q.start - 6), q.start);
    const after = text.slice(q.end, q.end + 8);
    const digits = q.text.replace(/[^\d.]/g, '');
    // A whole number the customer said (their spend, their order date), not a digit run inside an order number.
    const echo =
      digits.length >= 2 &&
      new RegExp(`(?<![\\d.,])${digits.replace('.', '\\.')}(?![\\d])`).test(input.customerSaid);
    return !(echo || DIFFERENCE_BEFORE.test(before) || DIFFERENCE_AFTER.test(after));
  });
}

interface Topic {
  key: string;
  hit: PhraseHit;
  /** Sentence index of the cue; its numbers may follow in the next sentence. */
  sentence: number;
  units: Set<QuantityUnit>;
  exact: boolean;
}

/** The lexicon-and-card-cue detector (see the module comment). */
export const lexiconFacts: FactDetector = {
  name: 'lexicon',
  detect(input) {
    const { card, sop, message } = input;
    const text = message.text;
    const out: FactDetection = { verified: [], disclosed: [], attempted: [], cueGroups: {}, quantities: [] };
    const cardCues = new Map(card.factCues.map((c) => [`${c.kind}:${c.key}`, c]));
    for (const c of card.factCues) {
      const groups = c.cues.flatMap((g, i) => (phraseList(g).test(text) ? [i] : []));
      if (groups.length > 0) out.cueGroups[c.key] = groups;
    }

    const verifyKeys = new Set(sop.steps.flatMap((s) => s.mustVerify));
    for (const key of verifyKeys) {
      if (cardCues.has(`verify:${key}`)) continue;
      const ask = FACT_LEXICON[key]?.ask;
      const hit = ask ? phraseList(ask).first(text) : null;
      if (hit) out.verified.push({ key, ...span(message, hit.start, hit.end) });
    }

    // Disclosure cues, sentence by sentence.
    const sentences = sentenceRanges(text);
    const sentenceOf = (pos: number) =>
      Math.max(
        0,
        sentences.findIndex(([a, b]) => pos >= a && pos < b),
      );
    const topics: Topic[] = [];
    const plain: { key: string; hit: PhraseHit }[] = [];
    for (const key of new Set(sop.steps.flatMap((s) => s.mustDisclose))) {
      if (cardCues.has(`disclose:${key}`)) continue;
      const lex = FACT_LEXICON[key];
      if (!lex?.say) continue;
      const say = phraseList(lex.say);
      const exact = lex.sayExact ? phraseList(lex.sayExact) : null;
      sentences.forEach(([a, b], i) => {
        const sentence = text.slice(a, b);
        const h = say.first(sentence);
        if (!h) return;
        const hit = { start: h.start + a, end: h.end + a, phrase: h.phrase };
        if (!lex.quantity) plain.push({ key, hit });
        else {
          const units = new Set(lex.quantity.map((u) => canonical({ lo: 0, hi: 0, unit: u }).unit));
          topics.push({ key, hit, sentence: i, units, exact: exact?.test(sentence) ?? false });
        }
      });
    }

    // Judge each claimed quantity: against the facts whose cue sits in its sentence or the one
    // before (a refund time against refund times), else against the whole SOP.
    const verdicts = new Map<Quantity, 'correct' | 'wrong' | 'unjudged'>();
    for (const q of claims(input)) {
      const qs = sentenceOf(q.start);
      const unit = canonical(q).unit;
      const topical = topics.filter((t) => (qs === t.sentence || qs === t.sentence + 1) && t.units.has(unit));
      const factSets = topical
        .map((t) => input.factAllowed?.(t.key))
        .filter((a): a is AllowedQuantities => !!a?.get(unit)?.length);
      const verdict =
        factSets.length > 0
          ? factSets.some((a) => judgeQuantity(q, a) === 'correct')
            ? 'correct'
            : 'wrong'
          : judgeQuantity(q, input.allowed);
      verdicts.set(q, verdict);
      if (verdict === 'unjudged') continue;
      const expected =
        factSets.length > 0 ? describeAllowed(q.unit, factSets[0]!) : describeAllowed(q.unit, input.allowed);
      out.quantities.push({ ...span(message, q.start, q.end), unit: q.unit, verdict, expected });
    }

    for (const { key, hit } of plain) {
      if (!out.disclosed.some((d) => d.key === key))
        out.disclosed.push({ key, ...span(message, hit.start, hit.end) });
    }
    for (const key of new Set(topics.map((t) => t.key))) {
      let attempted: Topic | null = null;
      let done: Topic | null = null;
      for (const t of topics.filter((x) => x.key === key)) {
        const near = [...verdicts].filter(([q]) => {
          const qs = sentenceOf(q.start);
          return (qs === t.sentence || qs === t.sentence + 1) && t.units.has(canonical(q).unit);
        });
        if (t.exact || near.some(([, v]) => v !== 'wrong')) {
          done = t;
          break;
        }
        if (near.length > 0) attempted ??= t;
      }
      const use = done ?? attempted;
      if (use)
        (done ? out.disclosed : out.attempted).push({ key, ...span(message, use.hit.start, use.hit.end) });
    }
    return out;
  },
};
