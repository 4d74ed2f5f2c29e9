/**
 * @module The live suggestion session behind `…/suggestions/stream`: embedded suggestions at once,
 * then (with an LLM configured and the customer waiting for a reply) a streamed draft; and again
 * on every new message of the conversation, straight from the event bus — a customer message
 * cancels the draft in flight and starts a new one, so the first token depends only on the model.
 *
 * Order of work mirrors src/http/sse.ts: subscribe first, then load the transcript, so a message
 * stored in between is applied once (by seq) and never missed; a message that is not the next
 * one expected makes the session re-read the transcript from the database. The session ends
 * (`closed`) when the conversation is resolved or leaves the agent.
 */
import { asc, eq } from 'drizzle-orm';
import { EVENT_TYPES } from '#src/core/conversations/events.ts';
import { type Conversation, conversations, messages } from '#src/db/schema/conversations.ts';
import type { StreamEvent } from '#src/realtime/bus.ts';
import { DRAFT_PROMPT, type DraftEvent, streamDraft } from './draft.ts';
import { recordIssued, suggestionId } from './issued.ts';
import type { CopilotServiceDeps } from './service-deps.ts';
import { computeRound, type Round, storeRound, type TranscriptMessage, toTranscript } from './suggestions.ts';

/** Writes one SSE event; resolves when it is handed to the connection. */
export type Emit = (event: string, data: unknown) => Promise<void>;

/** What the agent sees instead of a draft, in both UI languages. */
export const FALLBACK_LABEL = {
  zh: '嵌入式建议（大模型不可用）',
  en: 'embedded suggestions (LLM unavailable)',
} as const;

const CLOSING = new Set<string>([
  EVENT_TYPES.conversationResolved,
  'conversation.transferred',
  'dispatch.requeued',
]);
const RELOAD = new Set<string>(['conversation.classified', 'conversation.transferred']);

export interface SessionInput {
  conversation: Conversation;
  agent: { userId: string };
  /** Overrides the assist runtime's deadline for the draft (tests, benchmarks). */
  timeoutMs?: number;
}

export interface SuggestionSession {
  /** Runs until `close()` or the conversation leaves the agent. */
  run(emit: Emit, keepAlive: () => Promise<void>, keepAliveMs: number): Promise<void>;
  close(): void;
}

export function createSuggestionSession(deps: CopilotServiceDeps, input: SessionInput): SuggestionSession {
  const { db, events: bus, clock, assist } = deps;
  let conv = input.conversation;
  const agentId = input.agent.userId;
  let closed = false;
  let wake: (() => void) | null = null;
  let pending: StreamEvent[] = [];
  let transcript: TranscriptMessage[] = [];
  let draft: { id: string; stop: () => void; done: Promise<void> } | null = null;
  /** Serialises writes: the draft and the event loop share one connection. */
  let writing: Promise<void> = Promise.resolve();
  let emit: Emit = async () => {};
  const write = (event: string, data: unknown) => {
    writing = writing
      .then(() => (closed ? undefined : emit(event, data)))
      .catch(() => {
        closed = true;
      });
    return writing;
  };
  const llmConfigured = assist.llm?.isConfigured('copilot') ?? false;
  const llm = {
    configured: llmConfigured,
    model: llmConfigured ? (assist.llm?.modelFor('copilot') ?? null) : null,
  };

  async function loadTranscript() {
    const rows = await db
      .select({
        seq: messages.seq,
        authorRole: messages.authorRole,
        authorId: messages.authorId,
        text: messages.text,
      })
      .from(messages)
      .where(eq(messages.conversationId, conv.id))
      .orderBy(asc(messages.seq));
    transcript = toTranscript(rows);
    return rows.at(-1)?.seq ?? 0;
  }

  async function round(): Promise<Round> {
    const started = performance.now();
    const tenant = await deps.copilots.get(conv.tenantId);
    return computeRound({
      db,
      tenant,
      conversation: conv,
      agentId,
      transcript,
      now: clock.now(),
      elapsed: () => performance.now() - started,
    });
  }

  function stopDraft() {
    draft?.stop();
    draft = null;
  }

  function startDraft(r: Round) {
    stopDraft();
    const seq = r.view.seq;
    const draftId = `d${seq}`;
    let stopped = false;
    const iterator = streamDraft(assist, {
      tenant: r.tenant,
      result: r.result,
      transcript,
      role: 'agent',
      ...(input.timeoutMs !== undefined ? { timeoutMs: input.timeoutMs } : {}),
    });
    const started = clock.now();
    // Ask the model now; announcing the draft must not delay the request.
    const first = iterator.next();
    const done = (async () => {
      await write('draft.start', {
        draftId,
        seq,
        provider: assist.llm?.name ?? 'openai-compatible',
        model: assist.llm?.modelFor('copilot') ?? null,
        prompt: `${DRAFT_PROMPT.id}@${DRAFT_PROMPT.version}`,
      });
      try {
        for (let next = await first; !next.done; next = await iterator.next()) {
          if (stopped || closed) {
            await iterator.return(undefined);
            break;
          }
          await onDraftEvent(draftId, seq, r, next.value, started);
        }
      } catch (err) {
        deps.logger.warn('copilot.draft.failed', { conversationId: conv.id, error: String(err) });
        if (!stopped && !closed)
          await write('draft.fallback', { draftId, reason: 'error', detail: null, label: FALLBACK_LABEL });
      }
    })();
    draft = {
      id: draftId,
      stop: () => {
        stopped = true;
        void iterator.return(undefined);
      },
      done,
    };
  }

  async function onDraftEvent(draftId: string, seq: number, r: Round, ev: DraftEvent, started: number) {
    if (ev.type === 'delta') {
      await write('draft.delta', { draftId, text: ev.text });
      return;
    }
    if (ev.type === 'fallback') {
      deps.logger.info('copilot.draft.fallback', {
        conversationId: conv.id,
        reason: ev.reason,
        detail: ev.detail,
      });
      await write('draft.fallback', {
        draftId,
        reason: ev.reason,
        detail: ev.detail,
        label: FALLBACK_LABEL,
        provenance: ev.provenance,
      });
      return;
    }
    const prompt = `${DRAFT_PROMPT.id}@${DRAFT_PROMPT.version}`;
    const row = {
      tenantId: conv.tenantId,
      conversationId: conv.id,
      agentId,
      messageSeq: seq,
      rank: 0,
      text: ev.text,
      lang: ev.lang,
      source: 'llm-draft' as const,
      sourceId: ev.citation?.id ?? null,
      provider: ev.provenance.provider,
      model: ev.provenance.model,
      prompt,
      sopKey: r.result.sop,
      stepKey: r.result.step?.key ?? null,
      score: null,
      createdAt: started,
    };
    const id = await suggestionId(row);
    await recordIssued(db, [{ id, ...row }]);
    await write('draft.done', {
      draftId,
      suggestion: {
        id,
        rank: 0,
        text: ev.text,
        lang: ev.lang,
        source: 'llm-draft',
        sourceId: row.sourceId,
        why: ev.citation
          ? `${ev.lang === 'zh' ? '大模型根据' : 'LLM draft grounded in'} ${ev.citation.title}`
          : ev.lang === 'zh'
            ? '大模型草稿（未引用来源）'
            : 'LLM draft (no source cited)',
        score: null,
      },
      citation: ev.citation,
      provenance: { ...ev.provenance, prompt },
    });
  }

  /** Recomputes and sends suggestions; drafts when the customer is the one waiting. */
  async function refresh(draftToo: boolean) {
    const r = await round();
    void write('suggestions', { ...r.view, llm });
    const customerWaiting = transcript.at(-1)?.role === 'customer';
    if (draftToo && llmConfigured && customerWaiting && conv.state === 'assigned') startDraft(r);
    else if (!customerWaiting) stopDraft();
    await storeRound(db, r);
  }

  async function reloadConversation() {
    const [row] = await db.select().from(conversations).where(eq(conversations.id, conv.id));
    if (row) conv = row;
  }

  /** Applies a batch of bus events; returns whether the session should end. */
  async function apply(batch: StreamEvent[]): Promise<boolean> {
    let changed = false;
    let customerSpoke = false;
    let lastSeq = transcript.at(-1)?.seq ?? 0;
    for (const ev of batch) {
      if (
        CLOSING.has(ev.type) ||
        (ev.type === EVENT_TYPES.conversationAssigned && ev.assigneeId !== agentId)
      ) {
        await write('closed', { conversationId: conv.id, reason: ev.type });
        return true;
      }
      if (RELOAD.has(ev.type)) {
        await reloadConversation();
        changed = true;
      }
      if (ev.type !== EVENT_TYPES.messageCreated) continue;
      const m = (
        ev.payload as { message?: { seq: number; authorRole: string; authorId: string; text: string } }
      ).message;
      if (!m || m.seq <= lastSeq) continue;
      if (m.seq !== lastSeq + 1) lastSeq = await loadTranscript();
      else {
        transcript.push(...toTranscript([m as Parameters<typeof toTranscript>[0][number]]));
        lastSeq = m.seq;
      }
      changed = true;
      if (m.authorRole === 'customer') customerSpoke = true;
      void write('message', { seq: m.seq, authorRole: m.authorRole, authorId: m.authorId, text: m.text });
    }
    if (changed) await refresh(customerSpoke);
    return false;
  }

  return {
    close() {
      closed = true;
      stopDraft();
      wake?.();
    },
    async run(sink, keepAlive, keepAliveMs) {
      emit = sink;
      const unsubscribe = bus.subscribe(conv.tenantId, (ev) => {
        if (ev.conversationId !== conv.id) return;
        pending.push(ev);
        wake?.();
      });
      try {
        await loadTranscript();
        await refresh(true);
        if (conv.state !== 'assigned' || conv.assigneeId !== agentId) {
          await write('closed', { conversationId: conv.id, reason: conv.state });
          return;
        }
        while (!closed) {
          if (pending.length === 0) {
            const ticked = await new Promise<boolean>((resolve) => {
              const timer = setTimeout(() => resolve(true), keepAliveMs);
              wake = () => {
                clearTimeout(timer);
                resolve(false);
              };
            });
            wake = null;
            if (closed) break;
            if (ticked && pending.length === 0) {
              writing = writing.then(keepAlive).catch(() => {
                closed = true;
              });
              continue;
            }
          }
          const batch = pending.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
          pending = [];
          if (await apply(batch)) break;
        }
      } catch (err) {
        // The connection or the database went away mid-round: end this session, keep the app.
        if (!closed)
          deps.logger.error('copilot.session.failed', { conversationId: conv.id, error: String(err) });
      } finally {
        unsubscribe();
        stopDraft();
        await writing;
      }
    },
  };
}
