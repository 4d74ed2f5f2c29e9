/**
 * @module The LLM port: what the assist layer asks of a model provider. Requests carry only
 * {@link MaskedMessages} / {@link MaskedAudio}, values that exist only as output of the PII boundary, so
 * a provider cannot be handed unmasked text — the types refuse it and the provider re-checks the
 * seal at run time. The embedded engine is not an implementation of this port: it answers each
 * capability with its own rules and retrieval, and `withFallback` chooses between the two.
 */
import type { z } from 'zod';
import type { Capability, PromptRef, ProviderName } from '#assist/capabilities.ts';
import type { MaskedAudio, MaskedMessages } from '#assist/pii-boundary.ts';

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
}

interface BaseChatRequest {
  /** Selects the per-capability model and endpoint and labels logs and cassettes. */
  capability: Capability;
  /** The rendered prompt's id and version; recorded with cassettes and in provenance. */
  prompt: PromptRef | null;
  messages: MaskedMessages;
  /** Cancels the call (the resilience layer passes its deadline here). */
  signal?: AbortSignal;
  /** Extra per-call limit in ms, on top of `signal`. */
  timeoutMs?: number;
  temperature?: number;
  maxTokens?: number;
}

export type TextChatRequest = BaseChatRequest & { output?: undefined };

export interface StructuredChatRequest<T> extends BaseChatRequest {
  /** The model must answer with JSON matching this schema; anything else is `invalid-output`. */
  output: { schema: z.ZodType<T>; name: string };
}

export interface ChatResult<T> {
  /** The model's text (JSON text for structured calls); may contain placeholders like `<PHONE_1>`. */
  text: string;
  /** The validated object for structured calls, `null` for text calls. */
  parsed: T;
  usage: TokenUsage | null;
  /** The model that answered, as reported by the endpoint. */
  model: string;
}

/** Async iterable of text deltas; `meta()` is available once iteration has finished. */
export interface ChatStream extends AsyncIterable<string> {
  meta(): { model: string; usage: TokenUsage | null } | null;
}

export interface TranscribeOptions {
  capability?: Capability;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface TranscriptionResult {
  /** Raw transcript: it holds whatever the speaker said, so mask it (boundary.mask) before any reuse. */
  text: string;
  model: string;
  durationSec: number | null;
}

/** A model provider behind one interface (OpenAI-compatible endpoints, or cassettes replayed). */
export interface LlmPort {
  readonly name: ProviderName;
  /** Whether chat (or, for `transcription`, speech) is configured for this capability. */
  isConfigured(capability: Capability): boolean;
  /** The model name a capability will use, or null when it is not configured. */
  modelFor(capability: Capability): string | null;
  chat(request: TextChatRequest): Promise<ChatResult<null>>;
  chat<T>(request: StructuredChatRequest<T>): Promise<ChatResult<T>>;
  stream(request: TextChatRequest): ChatStream;
  transcribe(audio: MaskedAudio, options?: TranscribeOptions): Promise<TranscriptionResult>;
}
