/**
 * @module The realtime check's per-conversation inputs — the draft context (SOP step, customer's
 * last words, transcript) and the stored complaint risk — memoised on the conversation's last
 * message seq. An agent typing in one conversation triggers a check every pause; none of this
 * changes until a message arrives, so those checks cost one indexed read instead of three.
 */
import type { ContextLoader, DraftContext } from './conversation-context.ts';
import type { RiskTracker, RiskView } from './risk.ts';

export interface CheckContextInputs {
  draft: DraftContext;
  risk: RiskView | null;
}

interface Entry {
  seq: number;
  value: Promise<CheckContextInputs>;
}

export function createCheckContextCache(deps: { contexts: ContextLoader; risk: RiskTracker; max?: number }) {
  const max = deps.max ?? 1000;
  const entries = new Map<string, Entry>();

  return {
    get(conv: { id: string; tenantId: string; sopId: string | null; lastMessageSeq: number }) {
      const hit = entries.get(conv.id);
      if (hit && hit.seq === conv.lastMessageSeq) {
        // Refresh recency: Map order is insertion order, the oldest entry is evicted first.
        entries.delete(conv.id);
        entries.set(conv.id, hit);
        return hit.value;
      }
      const value = Promise.all([deps.contexts.load(conv), deps.risk.get(conv.tenantId, conv.id)]).then(
        ([draft, risk]) => ({ draft, risk }),
      );
      const entry = { seq: conv.lastMessageSeq, value };
      entries.delete(conv.id);
      entries.set(conv.id, entry);
      value.catch(() => {
        if (entries.get(conv.id) === entry) entries.delete(conv.id);
      });
      if (entries.size > max) entries.delete(entries.keys().next().value as string);
      return value;
    },
  };
}
