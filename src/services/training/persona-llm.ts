/**
 * @module The LLM persona: when an endpoint is configured for the `simulator` capability, the
 * customer's line decided by the embedded engine (which facts to tell, the mood, whether the
 * conversation ends) is voiced by the model through prompts/simulator-persona. The engine stays
 * the source of truth for state, coaching and score, so a resumed session or a re-score never
 * depends on the model. A model line that breaks character or tells a hidden fact the trainee has
 * not asked for is discarded (logged) and the engine's line is used; so is a timeout or an error.
 */
import type { Assist } from '#assist/index.ts';
import type { SimulatorPersonaReply } from '#assist/prompts/schemas.ts';
import type { ScenarioCard } from '#assist/simulator/card.ts';
import type { ReplyResult, SessionState } from '#assist/simulator/persona-engine.ts';
import type { CustomerVoice, PersonaVerdict } from '#src/db/schema/training.ts';
import type { Logger } from '#src/ports/logger.ts';
import { personaProblem } from './persona-guard.ts';

export interface VoicedLine {
  text: string;
  voice: CustomerVoice;
  /** Why the engine's line was used although a model is configured. */
  fallback?: string;
  verdict?: PersonaVerdict;
}

export interface VoiceInput {
  sessionId: string;
  card: ScenarioCard;
  /** Engine state after the reply (its last transcript entry is the engine's customer line). */
  state: SessionState;
  result: ReplyResult;
  timeoutMs: number;
}

const PLACEHOLDER = /<[A-Z][A-Z0-9_]*_\d+>/;

const MOOD_WORDS = {
  calm: { zh: '平静', en: 'calm' },
  tense: { zh: '有点着急', en: 'a little tense' },
  upset: { zh: '不耐烦、不满', en: 'upset and impatient' },
  furious: { zh: '非常生气', en: 'furious' },
} as const;

/** Whether a model would voice this tenant's customers at all. */
export function personaModelConfigured(assist: Assist): boolean {
  return assist.llm?.isConfigured('simulator') ?? false;
}

function promptInputs(card: ScenarioCard, state: SessionState, result: ReplyResult) {
  const lang = card.lang;
  const persona = [card.persona.name, `temperament: ${card.persona.temperament}`, card.persona.style]
    .filter(Boolean)
    .join('; ');
  const told = new Set(result.revealed);
  const transcript = state.transcript
    .slice(0, -1)
    .map((e) => ({ role: e.role === 'trainee' ? ('agent' as const) : ('customer' as const), text: e.text }));
  return {
    lang,
    persona,
    goal: card.goal,
    knownFacts: card.knownFacts.map((f) => f.text),
    hiddenFacts: card.hiddenFacts.filter((f) => !state.progress.revealed.includes(f.key)).map((f) => f.text),
    revealNow: [...card.knownFacts, ...card.hiddenFacts].filter((f) => told.has(f.key)).map((f) => f.text),
    mustNotAccept: card.mustNotAccept.map((r) => `${r.keywords.slice(0, 3).join(' / ')} — ${r.why}`),
    mood: `${MOOD_WORDS[result.mood.band][lang]} (${result.mood.value}/100)`,
    engineLine: result.customerText,
    ending: result.ended
      ? `ending now (${result.endReason ?? 'closed'}): say goodbye in character and give the verdict`
      : 'the conversation goes on',
    transcript,
  };
}

/** The customer's line for this reply: the model's when it is configured and behaves, else the engine's. */
export async function voiceCustomer(assist: Assist, logger: Logger, input: VoiceInput): Promise<VoicedLine> {
  const { card, state, result } = input;
  const engine: VoicedLine = { text: result.customerText, voice: 'embedded' };
  // Abuse ends the session with the engine's fixed line; nothing for a model to add.
  if (!personaModelConfigured(assist) || result.endReason === 'abusive-trainee') return engine;
  let answer: Awaited<ReturnType<typeof assist.complete<SimulatorPersonaReply | null>>>;
  try {
    answer = await assist.complete<SimulatorPersonaReply | null>('simulator', {
      prompt: 'simulator-persona',
      inputs: promptInputs(card, state, result),
      access: { role: 'trainee', allowedTypes: [] },
      embedded: () => null,
      timeoutMs: input.timeoutMs,
    });
  } catch (err) {
    logger.warn('simulator.persona.fallback', {
      sessionId: input.sessionId,
      reason: 'error',
      error: String(err),
    });
    return { ...engine, fallback: 'error' };
  }
  if (answer.value === null || answer.provenance.provider === 'embedded') {
    return { ...engine, fallback: answer.provenance.fallbackReason ?? 'error' };
  }
  const line = answer.value.reply.trim();
  // Card values the PII boundary masked on the way out come back as placeholders the trainee
  // cannot read (a trainee may not see restored values); the engine's line has the real words.
  if (PLACEHOLDER.test(line)) return { ...engine, fallback: 'masked-value' };
  const problem = personaProblem(card, state.progress.revealed, line);
  if (problem) {
    const reason =
      problem.kind === 'broke-character' ? 'broke-character' : `leaked-hidden-fact:${problem.key}`;
    logger.warn('simulator.persona.discarded', {
      sessionId: input.sessionId,
      cardId: card.id,
      reason,
      model: answer.provenance.model,
    });
    return { ...engine, fallback: reason };
  }
  const verdict = result.ended && answer.value.verdict ? answer.value.verdict : undefined;
  return { text: line, voice: 'llm', ...(verdict ? { verdict } : {}) };
}
