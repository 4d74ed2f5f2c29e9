/**
 * @module The embedded co-pilot: where the conversation stands in its SOP and the top three
 * replies to send next, each with its source and why it was chosen.
 *
 * Candidates come from three trusted places — the current step's script in the customer's
 * language (filled with slot values), knowledge articles found with the customer's last messages
 * plus the step's title and missing facts as the query, and accepted past replies of the same SOP
 * step — or, without an SOP, from a few clarifying questions and knowledge hits. They are scored,
 * checked by the policy guard (guard.ts), de-duplicated, styled and cut to three, at most two from
 * the same kind of source. `createCopilot` builds the tenant's indexes once; `suggest` is pure
 * and takes a few milliseconds on a 10,000-article knowledge base (bench/copilot.bench.ts).
 */
import { clarifyingQuestions } from './clarify.ts';
import { GoldenIndex } from './golden.ts';
import { detectAnger, detectInjection, untrustedTerms } from './guard.ts';
import { type KnowledgeHit, KnowledgeIndex } from './knowledge.ts';
import { extractSlots, fillTemplate, latestSlot, mentionOrder } from './slots.ts';
import { trackSteps } from './step-tracker.ts';
import { applyStyle } from './style.ts';
import { contentVector, conversationLang, cosineOf, termVector } from './text.ts';
import type {
  Conversation,
  CopilotOptions,
  CopilotResult,
  CopilotSop,
  CopilotStep,
  GoldenReply,
  KnowledgeArticle,
  Lang,
  StepReport,
  Suggestion,
  SuggestionSource,
} from './types.ts';

/** How many suggestions the agent sees (ASAPP AutoCompose shows three, DOMAIN.md §9). */
export const TOP_K = 3;
/** The current step's script, normally first. */
const SCRIPT_SCORE = 0.86;
/** … second when the customer has turned to a question another SOP's article answers. */
const SCRIPT_SCORE_OFF_TOPIC = 0.6;
/** Share of the customer's (idf-weighted) question an article must answer to count as off-topic. */
const OFF_TOPIC_ANSWER = 0.5;
/** Two candidates this close (cosine of their terms) are one suggestion. */
const DUPLICATE = 0.9;
/** Longest knowledge excerpt per language when the style guide sets none. */
const EXCERPT_MAX: Record<Lang, number> = { zh: 180, en: 400 };
const PER_SOURCE = 2;

interface Candidate {
  text: string;
  /** The trusted text it was built from, for the guard's provenance check. */
  trusted: string;
  lang: Lang;
  source: SuggestionSource;
  sourceId: string;
  why: string;
  score: number;
}

export interface Copilot {
  /** Step report and top suggestions for one conversation. Pure: no I/O, no clock. */
  suggest(conversation: Conversation): CopilotResult;
  /** Add or replace a knowledge article without rebuilding the index. */
  upsertArticle(article: KnowledgeArticle): void;
  removeArticle(id: string): boolean;
  /** Record an accepted reply so later conversations at the same step can reuse it. */
  addGoldenReply(reply: GoldenReply): void;
  removeGoldenReply(id: string): boolean;
  readonly sops: ReadonlyMap<string, CopilotSop>;
  readonly knowledgeSize: number;
}

function scriptIn(step: CopilotStep, lang: Lang): { text: string; lang: Lang } | null {
  const own = lang === 'zh' ? step.scriptZh : step.scriptEn;
  if (own.trim() !== '') return { text: own, lang };
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  const fallback = other === 'zh' ? step.scriptZh : step.scriptEn;
  return fallback.trim() !== '' ? { text: fallback, lang: other } : null;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function whyScript(sop: CopilotSop, report: StepReport, lang: Lang): string {
  const n = sop.steps.length;
  const name = (lang === 'zh' ? sop.nameZh : sop.nameEn) ?? sop.key;
  const missing = report.missing.map((m) => m.label[lang]);
  if (lang === 'zh') {
    const todo = missing.length > 0 ? `；待完成：${missing.join('、')}` : '';
    return `SOP「${name}」第 ${report.index + 1}/${n} 步「${report.title.zh}」的标准话术${todo}`;
  }
  const todo = missing.length > 0 ? `; still to do: ${missing.join(', ')}` : '';
  return `Script of step ${report.index + 1}/${n} "${report.title.en}" of the "${name}" SOP${todo}`;
}

function whyKnowledge(hit: KnowledgeHit, lang: Lang, sameSop: boolean): string {
  const terms = hit.terms.slice(0, 4).join(lang === 'zh' ? '、' : ', ');
  if (lang === 'zh')
    return `知识库文章「${hit.article.title}」命中：${terms}${sameSop ? '（本 SOP 相关）' : ''}`;
  return `Knowledge article "${hit.article.title}" matches: ${terms}${sameSop ? ' (same SOP)' : ''}`;
}

function whyGolden(stepTitle: string, similarity: number, lang: Lang): string {
  const s = similarity.toFixed(2);
  return lang === 'zh'
    ? `「${stepTitle}」步骤中被采纳过的回复（与当前问题相似度 ${s}）`
    : `Accepted reply from the "${stepTitle}" step (similarity to this question ${s})`;
}

function whyClarify(lang: Lang): string {
  return lang === 'zh'
    ? '本会话没有匹配的 SOP：先问清客户的诉求'
    : 'No SOP for this conversation: ask what the customer needs';
}

/** Build a tenant's co-pilot: indexes its knowledge and golden replies once. */
export function createCopilot(options: CopilotOptions): Copilot {
  const style = options.styleGuide ?? {};
  const sops = new Map(options.sops.map((s) => [s.key, s]));
  const bySkill = new Map<string, CopilotSop | null>();
  for (const s of options.sops) {
    if (!s.skillKey) continue;
    // A skill shared by two SOPs names neither.
    bySkill.set(s.skillKey, bySkill.has(s.skillKey) ? null : s);
  }
  const kb = new KnowledgeIndex(options.knowledge);
  const golden = new GoldenIndex(options.goldenReplies ?? []);

  const resolveSop = (key: string | null | undefined): CopilotSop | null =>
    key ? (sops.get(key) ?? bySkill.get(key) ?? null) : null;

  function suggest(conversation: Conversation): CopilotResult {
    const messages = conversation.messages;
    const lang = conversation.lang ?? conversationLang(messages, style.defaultLang ?? 'zh');
    const slots = extractSlots(messages);
    const signals = { injection: detectInjection(messages), angry: detectAnger(messages) };
    const sop = resolveSop(conversation.sop);
    const customer = messages.filter((m) => m.role === 'customer').map((m) => m.text);
    const last = customer.at(-1) ?? '';
    const recent = customer.slice(-2).join('\n');
    const order = latestSlot(slots, 'order_number');

    const tracked = sop
      ? trackSteps(sop, messages, {
          chooseMenuStep: (alternatives) => golden.chooseStep(recent, sop.key, lang, alternatives),
        })
      : null;
    const report = tracked?.step ?? null;
    const step = sop && report ? sop.steps[report.index]! : null;

    const candidates: Candidate[] = [];
    const stepTitle = step
      ? (lang === 'zh' ? step.titleZh : step.titleEn) || step.titleEn || step.titleZh
      : '';
    const missingWords = report ? report.missing.map((m) => m.label[lang]).join(' ') : '';

    // Knowledge, asked twice: what the customer just said (a new question is answered even when
    // it leaves the SOP), and the recent words plus what the current step is about.
    const query = [recent, stepTitle, missingWords].filter((s) => s !== '').join('\n');
    const queryVector = termVector(query);
    const lastVector = contentVector(last);
    // Coverage of a two-word message is noise; it counts fully from four content terms on.
    const lastWeight = Math.min(1, lastVector.size / 4);
    const found = new Map<string, Candidate & { answers: number }>();
    const consider = (hit: KnowledgeHit, score: (answers: number) => number) => {
      const answers = kb.answerCoverage(lastVector, hit.article) * lastWeight;
      const sameSop = sop !== null && hit.article.sopKey === sop.key;
      const candidate = {
        text: kb.excerpt(hit.article, queryVector, style.maxChars ?? EXCERPT_MAX[lang]),
        trusted: hit.article.body,
        lang,
        source: 'knowledge' as const,
        sourceId: hit.article.id,
        why: whyKnowledge(hit, lang, sameSop),
        score: score(answers) + (sameSop ? 0.05 : 0),
        answers,
      };
      const seen = found.get(hit.article.id);
      if (!seen || seen.score < candidate.score) found.set(hit.article.id, candidate);
    };
    // The answer to the customer's own words: ranked by how much of them it covers.
    if (lastVector.size >= 2)
      for (const hit of kb.search(last, { lang, limit: 5 })) consider(hit, (a) => 0.4 + 0.45 * a);
    // What the step needs: ranked by the search score, nudged by how well it also answers.
    const stepHits = kb.search(query, { lang, limit: 4 });
    const top = stepHits[0]?.score ?? 0;
    for (const hit of stepHits) consider(hit, (a) => 0.35 + 0.2 * (top > 0 ? hit.score / top : 0) + 0.15 * a);
    // The customer turned to a question another SOP's (or no SOP's) article answers: it covers
    // at least half of the question's weight.
    const offTopic = [...found.values()].some(
      (c) => sop !== null && c.answers >= OFF_TOPIC_ANSWER && kb.get(c.sourceId)?.sopKey !== sop.key,
    );
    for (const c of found.values()) candidates.push(c);

    if (sop && report && step) {
      const script = scriptIn(step, lang);
      if (script) {
        candidates.push({
          text: fillTemplate(mentionOrder(script.text, order, script.lang), slots),
          trusted: script.text,
          lang: script.lang,
          source: 'sop-script',
          sourceId: `${sop.key}/${step.key}`,
          why: whyScript(sop, report, lang),
          score: offTopic ? SCRIPT_SCORE_OFF_TOPIC : SCRIPT_SCORE,
        });
      }
      for (const g of golden.find(recent || stepTitle, { sop: sop.key, step: step.key, lang }, 3)) {
        candidates.push({
          text: fillTemplate(g.reply.text, slots),
          trusted: g.reply.text,
          lang: g.reply.lang,
          source: 'golden-reply',
          sourceId: g.reply.id,
          why: whyGolden(stepTitle, g.similarity, lang),
          score: 0.5 + 0.4 * g.similarity,
        });
      }
    } else {
      const questions = clarifyingQuestions({
        hasCustomerText: last.trim() !== '',
        hasOrder: order !== null,
        hasProduct: latestSlot(slots, 'product') !== null,
      });
      // One question leads; a second only when knowledge cannot fill the other places.
      const knowledgeCount = candidates.filter((c) => c.source === 'knowledge').length;
      questions.slice(0, knowledgeCount >= 2 ? 1 : 2).forEach((q, i) => {
        candidates.push({
          text: fillTemplate(q.text[lang], slots),
          trusted: q.text[lang],
          lang,
          source: 'clarifying-question',
          sourceId: `clarify:${q.key}`,
          why: whyClarify(lang),
          score: 0.9 - 0.05 * i,
        });
      });
    }

    return {
      lang,
      sop: sop?.key ?? null,
      step: report,
      steps: tracked?.steps ?? [],
      slots,
      signals,
      suggestions: select(candidates, messages.some((m) => m.role === 'agent') === false, slots),
    };
  }

  function select(candidates: Candidate[], firstReply: boolean, slots: CopilotResult['slots']): Suggestion[] {
    const ranked: { c: Candidate; text: string }[] = [];
    for (const c of candidates) {
      if (c.text.trim() === '' || untrustedTerms(c.text, c.trusted, slots).length > 0) continue;
      const text = applyStyle(c.text, style, { lang: c.lang, firstReply });
      if (text !== null) ranked.push({ c, text });
    }
    ranked.sort((a, b) => b.c.score - a.c.score || a.c.sourceId.localeCompare(b.c.sourceId));
    const kept: { c: Candidate; text: string; v: ReturnType<typeof termVector> }[] = [];
    for (const r of ranked) {
      const v = termVector(r.text);
      if (kept.some((k) => cosineOf(k.v, v) >= DUPLICATE)) continue;
      kept.push({ ...r, v });
    }
    const chosen: typeof kept = [];
    const count = (s: SuggestionSource) => chosen.filter((k) => k.c.source === s).length;
    for (const k of kept) if (chosen.length < TOP_K && count(k.c.source) < PER_SOURCE) chosen.push(k);
    // Too few kinds of source: fill the remaining places in score order.
    for (const k of kept) if (chosen.length < TOP_K && !chosen.includes(k)) chosen.push(k);
    chosen.sort((a, b) => b.c.score - a.c.score || a.c.sourceId.localeCompare(b.c.sourceId));
    return chosen.map(({ c, text }) => ({
      text,
      lang: c.lang,
      source: c.source,
      sourceId: c.sourceId,
      why: c.why,
      score: round(c.score),
    }));
  }

  return {
    suggest,
    upsertArticle: (a) => kb.upsert(a),
    removeArticle: (id) => kb.remove(id),
    addGoldenReply: (r) => golden.add(r),
    removeGoldenReply: (id) => golden.remove(id),
    sops,
    get knowledgeSize() {
      return kb.size;
    },
  };
}
