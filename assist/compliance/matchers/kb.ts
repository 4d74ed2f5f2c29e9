/**
 * @module kb_contradiction scorer. A stated fact is a quantity (matchers/quantities.ts) about a
 * topic (refund, return window, shipping fee …, keywords from the pack): the topics named in its
 * clause, plus narrower topics named elsewhere in its sentence (or the sentence's topics when the
 * clause names none), a narrower topic (size_exchange) replacing its parent (exchange). The
 * knowledge base gives, per topic and unit, the values that are right: structured facts (e.g.
 * DEMO_POLICY) plus the same extraction run over the tenant's articles. A quantity contradicts
 * the KB when one of its topics has facts in that unit and none of its topics allows the value, so
 * a clause naming two topics is judged leniently. Numbers that describe this case rather than the
 * policy (已经 10 天, paid ¥349, 2 days ago, prices) are skipped. Yes/no policies (cash on
 * delivery, stacking coupons) are checked as phrase claims.
 */
import { buildView, type TextView } from '../text-view.ts';
import type { ComplianceKnowledge, FactUnit, KbFact, KbPolicyClaim } from '../types.ts';
import type { CompiledMatcher, Match } from './match.ts';
import { compilePhraseList, compilePhrases, type PhraseMatcher, phraseSource, regexHits } from './phrases.ts';
import { type Quantity, quantitiesOf } from './quantities.ts';

export interface KbTopicSpec {
  id: string;
  parent?: string | undefined;
  keywords: readonly string[];
}

export interface KbScorerSpec {
  topics: readonly KbTopicSpec[];
  ignoreBefore: readonly string[];
  ignoreAfter: readonly string[];
}

type Range = readonly [number, number];

interface TopicHit {
  start: number;
  end: number;
  topics: readonly string[];
}

/** Finds topic keywords: one alternation, then keyword → topics. */
class TopicFinder {
  private readonly re: RegExp | null;
  private readonly keys: [RegExp, string][] = [];
  private readonly byKeyword = new Map<string, string[]>();
  readonly parentOf = new Map<string, string>();

  constructor(topics: readonly KbTopicSpec[]) {
    for (const t of topics) {
      if (t.parent) this.parentOf.set(t.id, t.parent);
      for (const k of t.keywords) {
        // Keep the compiled keyword so a match can be mapped back to its topics.
        this.keys.push([new RegExp(`^(?:${phraseSource(k)})$`, 'u'), t.id]);
      }
    }
    this.re = compilePhraseList(topics.flatMap((t) => t.keywords));
  }

  find(text: string): TopicHit[] {
    if (!this.re) return [];
    const out: TopicHit[] = [];
    for (const hit of regexHits(this.re, text)) {
      let topics = this.byKeyword.get(hit.text);
      if (!topics) {
        topics = [...new Set(this.keys.filter(([re]) => re.test(hit.text)).map(([, id]) => id))];
        this.byKeyword.set(hit.text, topics);
      }
      out.push({ start: hit.start, end: hit.end, topics });
    }
    return out;
  }

  /** True when `topic` is narrower than one of `others` (a child, grandchild …). */
  narrows(topic: string, others: ReadonlySet<string>): boolean {
    for (let p = this.parentOf.get(topic); p !== undefined; p = this.parentOf.get(p))
      if (others.has(p)) return true;
    return false;
  }

  /** Drop a topic when one of its narrower topics is also present. */
  narrow(topics: Set<string>): string[] {
    const drop = new Set<string>();
    for (const t of topics) {
      for (let p = this.parentOf.get(t); p !== undefined; p = this.parentOf.get(p)) drop.add(p);
    }
    return [...topics].filter((t) => !drop.has(t));
  }
}

/** Allowed values per topic and unit, parents including their narrower topics' values. */
export class FactIndex {
  private readonly own = new Map<string, Map<FactUnit, { ranges: Range[]; sources: Set<string> }>>();

  constructor(private readonly parentOf: ReadonlyMap<string, string>) {}

  add(topic: string, unit: FactUnit, ranges: readonly Range[], source: string): void {
    let byUnit = this.own.get(topic);
    if (!byUnit) {
      byUnit = new Map();
      this.own.set(topic, byUnit);
    }
    let entry = byUnit.get(unit);
    if (!entry) {
      entry = { ranges: [], sources: new Set() };
      byUnit.set(unit, entry);
    }
    for (const r of ranges) {
      if (!entry.ranges.some(([a, b]) => a === r[0] && b === r[1])) entry.ranges.push([r[0], r[1]]);
    }
    entry.sources.add(source);
  }

  has(topic: string, unit: FactUnit): boolean {
    return this.ranges(topic, unit).length > 0;
  }

  /** Own ranges plus those of every narrower topic. */
  ranges(topic: string, unit: FactUnit): Range[] {
    const out = [...(this.own.get(topic)?.get(unit)?.ranges ?? [])];
    for (const [child, parent] of this.parentOf) {
      if (parent === topic) out.push(...this.ranges(child, unit));
    }
    return out;
  }

  /** How many (topic, unit) pairs hold facts — for tests and diagnostics. */
  get size(): number {
    let n = 0;
    for (const byUnit of this.own.values()) n += byUnit.size;
    return n;
  }
}

function within(ranges: readonly Range[], v: number): boolean {
  return ranges.some(([a, b]) => v >= a - 1e-9 && v <= b + 1e-9);
}

function allows(ranges: readonly Range[], q: Quantity): boolean {
  if (ranges.some(([a, b]) => a === q.lo && b === q.hi)) return true;
  return within(ranges, q.lo) && within(ranges, q.hi);
}

/** How to say a value of `unit` around `v`: divisor, Chinese suffix, English word. */
function scaleFor(v: number, unit: FactUnit): [number, string, string] {
  switch (unit) {
    case 'minutes':
      // Policies say "72 小时" and "7 天": hours up to three days, days beyond.
      if (v % 1440 === 0 && v > 72 * 60) return [1440, ' 天', 'day'];
      if (v % 60 === 0 && v >= 60) return [60, ' 小时', 'hour'];
      return [1, ' 分钟', 'minute'];
    case 'business_days':
      return [1, ' 个工作日', 'business day'];
    case 'months':
      return v % 12 === 0 ? [12, ' 年', 'year'] : [1, ' 个月', 'month'];
    case 'yuan':
      return [1, ' 元', ''];
    case 'times':
      return [1, ' 次', 'time'];
    case 'points':
      return [1, ' 积分', 'point'];
    case 'percent':
      return [1, '%', ''];
  }
}

/** A range of values as people say it: '2-5 天', '1-3 business days', '¥99'. */
function formatRange(a: number, b: number, unit: FactUnit, lang: 'zh' | 'en'): string {
  const [div, zh, en] = scaleFor(b, unit);
  const n = a === b ? `${b / div}` : `${a / div}-${b / div}`;
  if (lang === 'zh') return `${n}${zh}`;
  if (unit === 'yuan') return `¥${n}`;
  if (unit === 'percent') return `${n}%`;
  return `${n} ${en}${b / div === 1 ? '' : 's'}`;
}

export function formatRanges(ranges: readonly Range[], unit: FactUnit, lang: 'zh' | 'en'): string {
  return ranges.map(([a, b]) => formatRange(a, b, unit, lang)).join(' / ');
}

interface Located {
  q: Quantity;
  topics: string[];
  nearest?: string | undefined;
}

function anchored(phrases: readonly string[], where: 'end' | 'start'): RegExp | null {
  const sources = phrases.map(phraseSource);
  if (sources.length === 0) return null;
  const alt = sources.join('|');
  return new RegExp(where === 'end' ? `(?:${alt})\\s?$` : `^\\s?(?:${alt})`, 'u');
}

/** Shared by drafts and articles: quantities with the topics they are about. */
class FactLocator {
  private readonly before: RegExp | null;
  private readonly after: RegExp | null;

  constructor(
    readonly finder: TopicFinder,
    spec: KbScorerSpec,
  ) {
    this.before = anchored(spec.ignoreBefore, 'end');
    this.after = anchored(spec.ignoreAfter, 'start');
  }

  /**
   * Topics of a quantity: those named in its clause plus the narrower topics named elsewhere in the
   * sentence ('尺码不合适的话，签收后 15 天内可以换货' is about size exchanges), or the sentence's
   * topics when the clause names none; then each topic gives way to a narrower one present.
   */
  private topicsOf(
    view: TextView,
    hits: readonly TopicHit[],
    q: Quantity,
  ): { topics: string[]; nearest?: string } {
    const sFrom = view.sentenceStart(q.start);
    const sTo = view.sentenceEnd(q.end - 1);
    const cFrom = view.clauseStart(q.start);
    const cTo = view.clauseEnd(q.end - 1);
    const inSentence = hits.filter((h) => h.start >= sFrom && h.end <= sTo);
    const inClause = inSentence.filter((h) => h.start >= cFrom && h.end <= cTo);
    const clauseTopics = new Set(inClause.flatMap((h) => h.topics));
    const base = new Set<string>(clauseTopics);
    for (const h of inSentence) {
      for (const t of h.topics) {
        if (clauseTopics.size === 0 || this.finder.narrows(t, clauseTopics)) base.add(t);
      }
    }
    const topics = this.finder.narrow(base);
    let nearest: string | undefined;
    let best = Number.POSITIVE_INFINITY;
    for (const h of inClause.length > 0 ? inClause : inSentence) {
      const d = h.end <= q.start ? q.start - h.end : h.start >= q.end ? h.start - q.end : 0;
      const t = h.topics.find((x) => topics.includes(x)) ?? h.topics[0];
      if (t !== undefined && d < best) [best, nearest] = [d, t];
    }
    return nearest === undefined ? { topics } : { topics, nearest };
  }

  locate(view: TextView): Located[] {
    const text = view.text;
    const quantities = quantitiesOf(view);
    if (quantities.length === 0) return [];
    const hits = this.finder.find(text);
    const out: Located[] = [];
    for (const q of quantities) {
      if (this.before?.test(text.slice(Math.max(0, q.numberStart - 16), q.numberStart))) continue;
      if (this.after?.test(text.slice(q.end, q.end + 8))) continue;
      const { topics, nearest } = this.topicsOf(view, hits, q);
      if (topics.length === 0) continue;
      out.push({ q, topics, nearest });
    }
    return out;
  }
}

/**
 * Build the fact index. Articles define facts when no structured facts are given; with structured
 * facts they only widen the (topic, unit) pairs the structured facts already hold, because a parser
 * attaching an incidental number to the wrong topic must not create a rule agents are judged by.
 */
export function buildFactIndex(spec: KbScorerSpec, knowledge: ComplianceKnowledge): FactIndex {
  const finder = new TopicFinder(spec.topics);
  const index = new FactIndex(finder.parentOf);
  const structured: readonly KbFact[] = knowledge.facts ?? [];
  for (const f of structured) index.add(f.topic, f.unit, f.ranges, f.source);
  const widenOnly = structured.length > 0;
  const locator = new FactLocator(finder, spec);
  for (const article of knowledge.articles ?? []) {
    for (const { q, nearest } of locator.locate(buildView(article.body))) {
      if (nearest === undefined) continue;
      if (widenOnly && !index.has(nearest, q.unit)) continue;
      index.add(nearest, q.unit, [[q.lo, q.hi]], article.title);
    }
  }
  return index;
}

const DEFAULT_POLICY_NEGATIONS = ['不', '没', '无法', '不能', '暂不', 'not', "n't", 'no', 'never', 'cannot'];

interface CompiledPolicy {
  claim: KbPolicyClaim;
  matcher: PhraseMatcher;
}

export function compileKbScorer(spec: KbScorerSpec, knowledge: ComplianceKnowledge): CompiledMatcher {
  const finder = new TopicFinder(spec.topics);
  const index = buildFactIndex(spec, knowledge);
  const locator = new FactLocator(finder, spec);
  const policies: CompiledPolicy[] = (knowledge.policies ?? [])
    .filter((p) => !p.allowed)
    .map((claim) => ({
      claim,
      matcher: compilePhrases({
        phrases: [...claim.zh, ...claim.en],
        negations: claim.negations ?? DEFAULT_POLICY_NEGATIONS,
      }),
    }));
  return {
    find(view) {
      const out: Match[] = [];
      for (const { q, topics, nearest } of locator.locate(view)) {
        const relevant = topics.filter((t) => index.has(t, q.unit));
        if (relevant.length === 0) continue;
        if (relevant.some((t) => allows(index.ranges(t, q.unit), q))) continue;
        const shown = nearest !== undefined && relevant.includes(nearest) ? nearest : relevant[0]!;
        const ranges = index.ranges(shown, q.unit);
        const { start, end } = view.toOriginal(q.start, q.end);
        out.push({
          start,
          end,
          detail: { zh: formatRanges(ranges, q.unit, 'zh'), en: formatRanges(ranges, q.unit, 'en') },
          rewrite: { zh: formatRanges(ranges, q.unit, 'zh'), en: formatRanges(ranges, q.unit, 'en') },
        });
      }
      for (const { claim, matcher } of policies) {
        for (const hit of matcher.find(view)) {
          const { start, end } = view.toOriginal(hit.start, hit.end);
          out.push({ start, end, detail: claim.truth, rewrite: claim.truth });
        }
      }
      return out;
    },
  };
}
