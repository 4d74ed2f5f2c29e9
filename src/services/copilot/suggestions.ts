/**
 * @module One round of embedded suggestions for a conversation: the masked transcript in the
 * engine's shape, the tenant co-pilot's answer, the suggestions stored as shown (with their ids),
 * and the response the API and the stream send. Pure apart from the one insert.
 */
import type { CopilotResult, Message as EngineMessage } from '#assist/copilot/index.ts';
import type { Db } from '#src/db/client.ts';
import type { Conversation, Message } from '#src/db/schema/conversations.ts';
import { type IssuedSuggestion, recordIssued, suggestionId } from './issued.ts';
import type { TenantCopilot } from './tenant-copilot.ts';

/** A message as the co-pilot reads it, with its place in the conversation. */
export interface TranscriptMessage extends EngineMessage {
  seq: number;
  authorId: string;
}

/** Customer and agent messages (system notes are not part of the dialogue), oldest first. */
export function toTranscript(rows: readonly Pick<Message, 'seq' | 'authorRole' | 'authorId' | 'text'>[]) {
  const out: TranscriptMessage[] = [];
  for (const m of rows) {
    if (m.authorRole === 'system') continue;
    out.push({ seq: m.seq, role: m.authorRole, text: m.text, authorId: m.authorId });
  }
  return out;
}

export interface SuggestionView {
  id: string;
  rank: number;
  text: string;
  lang: 'zh' | 'en';
  source: IssuedSuggestion['source'];
  sourceId: string | null;
  why: string;
  score: number | null;
}

export interface SuggestionsView {
  conversationId: string;
  /** The last message seq these suggestions account for (0 before any message). */
  seq: number;
  lang: 'zh' | 'en';
  sop: { key: string; name: { zh: string; en: string } } | null;
  step: CopilotResult['step'];
  steps: { key: string; title: { zh: string; en: string }; status: 'done' | 'passed' | 'pending' }[];
  slots: { name: string; value: string }[];
  signals: CopilotResult['signals'];
  suggestions: SuggestionView[];
  provenance: { provider: 'embedded'; model: null; prompt: null; latencyMs: number };
}

export interface RoundInput {
  db: Db;
  tenant: TenantCopilot;
  conversation: Pick<Conversation, 'id' | 'tenantId' | 'sopId'>;
  agentId: string;
  transcript: readonly TranscriptMessage[];
  now: number;
  /** Milliseconds, for the provenance (performance.now based). */
  elapsed: () => number;
}

export interface Round {
  tenant: TenantCopilot;
  result: CopilotResult;
  view: SuggestionsView;
  issued: IssuedSuggestion[];
}

/** Runs the embedded engine over the transcript and builds what is shown (not stored yet). */
export async function computeRound(input: RoundInput): Promise<Round> {
  const { tenant, conversation, transcript } = input;
  const sopKey = conversation.sopId ? (tenant.sopKeyById.get(conversation.sopId) ?? null) : null;
  const result = tenant.copilot.suggest({
    sop: sopKey,
    messages: transcript.map((m) => ({ role: m.role, text: m.text })),
  });
  const seq = transcript.at(-1)?.seq ?? 0;
  const sop = result.sop ? tenant.sops.get(result.sop) : undefined;
  const issued: IssuedSuggestion[] = [];
  for (const [i, s] of result.suggestions.entries()) {
    const row = {
      tenantId: conversation.tenantId,
      conversationId: conversation.id,
      agentId: input.agentId,
      messageSeq: seq,
      rank: i + 1,
      text: s.text,
      lang: s.lang,
      source: s.source,
      sourceId: s.sourceId,
      provider: 'embedded',
      model: null,
      prompt: null,
      sopKey: result.sop,
      stepKey: result.step?.key ?? null,
      score: s.score,
      createdAt: input.now,
    };
    issued.push({ id: await suggestionId(row), ...row });
  }
  const view: SuggestionsView = {
    conversationId: conversation.id,
    seq,
    lang: result.lang,
    sop: sop ? { key: sop.key, name: { zh: sop.nameZh ?? sop.key, en: sop.nameEn ?? sop.key } } : null,
    step: result.step,
    steps: result.steps.map((s) => ({ key: s.key, title: s.title, status: s.status })),
    slots: result.slots.map((s) => ({ name: s.name, value: s.value })),
    signals: result.signals,
    suggestions: issued.map((row, i) => ({
      id: row.id,
      rank: row.rank,
      text: row.text,
      lang: row.lang,
      source: row.source,
      sourceId: row.sourceId,
      why: result.suggestions[i]!.why,
      score: row.score,
    })),
    provenance: { provider: 'embedded', model: null, prompt: null, latencyMs: round2(input.elapsed()) },
  };
  return { tenant, result, view, issued };
}

export const storeRound = (db: Db, round: Round) => recordIssued(db, round.issued);

const round2 = (x: number) => Math.round(x * 100) / 100;
