/**
 * @module The suggested-reply co-pilot as a service: suggestions for the agent's open conversation
 * (JSON, or a live session that also streams an LLM draft), feedback on them, the golden replies QA
 * promotes, acceptance metrics, the tenant style guide and a knowledge search ranked by the
 * co-pilot's own index. Suggestions are for the conversation's assigned agent only.
 */
import { asc, eq } from 'drizzle-orm';
import type { Lang } from '#assist/copilot/index.ts';
import { termVector } from '#assist/copilot/text.ts';
import type { StaffPrincipal } from '#src/core/auth/principal.ts';
import { createPiiDetector } from '#src/core/pii/index.ts';
import { type Conversation, messages } from '#src/db/schema/conversations.ts';
import { AppError } from '#src/http/problem.ts';
import { createCopilotCache } from './cache.ts';
import { type FeedbackInput, type FeedbackListQuery, listFeedback, recordFeedback } from './feedback.ts';
import { listGolden, promoteToGolden, removeGolden } from './golden.ts';
import { copilotMetrics, type MetricGroup } from './metrics.ts';
import type { CopilotServiceDeps } from './service-deps.ts';
import { createSuggestionSession } from './session.ts';
import { readStyleGuide, type StyleGuideInput, writeStyleGuide } from './style-guide.ts';
import { computeRound, storeRound, toTranscript } from './suggestions.ts';

export { FALLBACK_LABEL } from './session.ts';

export interface CopilotAppDeps extends Omit<CopilotServiceDeps, 'copilots'> {
  conversations: { getReadable(p: StaffPrincipal, id: string): Promise<Conversation> };
}

export function createCopilotService(app: CopilotAppDeps) {
  const deps: CopilotServiceDeps = {
    ...app,
    copilots: createCopilotCache({ db: app.db, detector: createPiiDetector() }),
  };
  const { db } = deps;
  const llm = () => {
    const configured = deps.assist.llm?.isConfigured('copilot') ?? false;
    return { configured, model: configured ? (deps.assist.llm?.modelFor('copilot') ?? null) : null };
  };

  /** The conversation, if the caller is its assigned agent: 404 when they may not read it, else 403. */
  async function assigned(p: StaffPrincipal, conversationId: string): Promise<Conversation> {
    const conv = await app.conversations.getReadable(p, conversationId);
    if (conv.assigneeId !== p.userId) {
      throw new AppError('forbidden', 'Suggestions are for the agent this conversation is assigned to.');
    }
    return conv;
  }

  return {
    assigned,

    /** Embedded suggestions for the conversation as it stands (stored as shown). */
    async suggestions(p: StaffPrincipal, conversationId: string) {
      const started = performance.now();
      const conv = await assigned(p, conversationId);
      const [tenant, rows] = await Promise.all([
        deps.copilots.get(conv.tenantId),
        db
          .select({
            seq: messages.seq,
            authorRole: messages.authorRole,
            authorId: messages.authorId,
            text: messages.text,
          })
          .from(messages)
          .where(eq(messages.conversationId, conv.id))
          .orderBy(asc(messages.seq)),
      ]);
      const round = await computeRound({
        db,
        tenant,
        conversation: conv,
        agentId: p.userId,
        transcript: toTranscript(rows),
        now: deps.clock.now(),
        elapsed: () => performance.now() - started,
      });
      await storeRound(db, round);
      return { ...round.view, llm: llm() };
    },

    /** A live session for `…/suggestions/stream` (the caller checked the assignment). */
    session(p: StaffPrincipal, conversation: Conversation, opts: { timeoutMs?: number } = {}) {
      return createSuggestionSession(deps, { conversation, agent: { userId: p.userId }, ...opts });
    },

    feedback(p: StaffPrincipal, conversationId: string, suggestionId: string, input: FeedbackInput) {
      return recordFeedback(deps, p, conversationId, suggestionId, input);
    },

    listFeedback: (p: StaffPrincipal, q: FeedbackListQuery) => listFeedback(db, p.tenantId, q),
    promote: (p: StaffPrincipal, feedbackId: string) => promoteToGolden(deps, p, feedbackId),
    listGolden: (p: StaffPrincipal) => listGolden(db, p.tenantId),
    removeGolden: (p: StaffPrincipal, id: string) => removeGolden(db, p.tenantId, id),
    metrics: (p: StaffPrincipal, q: { from: number; to: number; by: MetricGroup }) =>
      copilotMetrics(db, p.tenantId, q),

    styleGuide: (p: StaffPrincipal) => readStyleGuide(db, p.tenantId),
    saveStyleGuide: (p: StaffPrincipal, guide: StyleGuideInput) =>
      writeStyleGuide(db, p.tenantId, guide, p.userId, deps.clock.now()),

    /**
     * Knowledge ranked by the co-pilot's index (BM25 over title, tags and body, bilingual
     * tokenisation) with the best-matching excerpt; both languages unless one is asked for.
     */
    async searchKnowledge(p: StaffPrincipal, q: { q: string; lang?: Lang | undefined; limit: number }) {
      const tenant = await deps.copilots.get(p.tenantId);
      const index = tenant.knowledge();
      const vector = termVector(q.q);
      const langs: Lang[] = q.lang ? [q.lang] : ['zh', 'en'];
      const hits = langs.flatMap((lang) => index.search(q.q, { lang, limit: q.limit }));
      const seen = new Set<string>();
      return hits
        .sort((a, b) => b.score - a.score)
        .filter((h) => !seen.has(h.article.id) && seen.add(h.article.id))
        .slice(0, q.limit)
        .map((h) => ({
          id: h.article.id,
          lang: h.article.lang ?? null,
          title: h.article.title,
          excerpt: index.excerpt(h.article, vector, 240),
          tags: [...(h.article.tags ?? [])],
          sopKey: h.article.sopKey ?? null,
          score: Math.round(h.score * 1000) / 1000,
          terms: h.terms,
        }));
    },
  };
}

export type CopilotService = ReturnType<typeof createCopilotService>;
