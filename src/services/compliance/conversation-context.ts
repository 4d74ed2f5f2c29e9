/**
 * @module The context a draft is checked in, read from its conversation: the SOP and its current
 * step (the co-pilot's step tracker over the messages so far — a missing disclosure is judged
 * against the step the conversation is at), the customer's latest words (so an agent repeating
 * them back is not flagged for them) and a short transcript for the LLM judge. Messages are
 * stored masked, so nothing here holds raw personal data.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { CheckContext } from '#assist/compliance/types.ts';
import { trackSteps } from '#assist/copilot/step-tracker.ts';
import type { CopilotSop, Message } from '#assist/copilot/types.ts';
import type { Db } from '#src/db/client.ts';
import { conversations, messages } from '#src/db/schema/conversations.ts';
import { sopSteps, sops } from '#src/db/schema/sops.ts';
import type { Clock } from '#src/ports/clock.ts';

/** Messages read for step tracking; SOPs run over a few dozen turns at most. */
const HISTORY = 60;
const SOP_TTL_MS = 60_000;

export interface DraftContext {
  context: CheckContext;
  /** Oldest first, masked. */
  transcript: Message[];
}

export interface ConversationRef {
  id: string;
  tenantId: string;
  /** Looked up when not given. */
  sopId?: string | null;
}

export function createContextLoader(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  const sopCache = new Map<string, { sop: Promise<CopilotSop | null>; at: number }>();

  async function loadSop(tenantId: string, sopId: string): Promise<CopilotSop | null> {
    const [sop] = await db
      .select({ key: sops.key, nameZh: sops.nameZh, nameEn: sops.nameEn })
      .from(sops)
      .where(and(eq(sops.id, sopId), eq(sops.tenantId, tenantId)));
    if (!sop) return null;
    const steps = await db
      .select({
        key: sopSteps.key,
        titleZh: sopSteps.titleZh,
        titleEn: sopSteps.titleEn,
        scriptZh: sopSteps.scriptZh,
        scriptEn: sopSteps.scriptEn,
        mustVerify: sopSteps.mustVerify,
        mustDisclose: sopSteps.mustDisclose,
      })
      .from(sopSteps)
      .where(eq(sopSteps.sopId, sopId))
      .orderBy(sopSteps.position);
    return { ...sop, steps };
  }

  function sopOf(tenantId: string, sopId: string): Promise<CopilotSop | null> {
    const key = `${tenantId}\u0000${sopId}`;
    const now = clock.now();
    const hit = sopCache.get(key);
    if (hit && now - hit.at < SOP_TTL_MS) return hit.sop;
    const sop = loadSop(tenantId, sopId);
    sopCache.set(key, { sop, at: now });
    sop.catch(() => sopCache.delete(key));
    return sop;
  }

  return {
    async load(conv: ConversationRef): Promise<DraftContext> {
      const sopId =
        conv.sopId !== undefined
          ? conv.sopId
          : ((
              await db
                .select({ sopId: conversations.sopId })
                .from(conversations)
                .where(eq(conversations.id, conv.id))
            )[0]?.sopId ?? null);
      const [rows, sop] = await Promise.all([
        db
          .select({ role: messages.authorRole, text: messages.text })
          .from(messages)
          .where(eq(messages.conversationId, conv.id))
          .orderBy(desc(messages.seq))
          .limit(HISTORY),
        sopId ? sopOf(conv.tenantId, sopId) : Promise.resolve(null),
      ]);
      const transcript: Message[] = rows
        .reverse()
        .filter((m): m is { role: 'customer' | 'agent'; text: string } => m.role !== 'system');
      const context: CheckContext = {};
      const lastCustomer = transcript.findLast((m) => m.role === 'customer');
      if (lastCustomer) context.customer = lastCustomer.text;
      if (sop) {
        const tracked = trackSteps(sop, transcript);
        context.sop = sop.key;
        if (tracked.step) context.step = tracked.step.key;
      }
      return { context, transcript };
    },
  };
}

export type ContextLoader = ReturnType<typeof createContextLoader>;
