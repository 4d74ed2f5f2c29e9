/**
 * @module The assist runtime: one object the co-pilot, compliance, simulator and interview
 * capabilities build on. It owns the PII boundary, the prompt registry, the LLM provider (or none:
 * embedded only) and the resilience layer, and offers `complete` / `completeStream` /
 * `transcribe`, which run the whole path — render a versioned prompt, mask, call the model under
 * a deadline with retries and a circuit breaker, fall back to the embedded answer, restore
 * placeholders for the reader — and return the value with its provenance.
 *
 * ```ts
 * const assist = createAssist(resolveAssistConfig(env), { logger, clock, detector: createPiiDetector(), prompts });
 * const { value, provenance } = await assist.complete<CopilotSuggestions>('copilot', {
 *   prompt: 'copilot-reply', inputs, state: conversationPiiState,
 *   access: { role: 'agent', allowedTypes: step.piiTypes },
 *   embedded: () => embeddedSuggestions(conversation),
 * });
 * ```
 */

import type { PiiDetector } from '#src/core/pii/types.ts';
import type { Clock } from '#src/ports/clock.ts';
import type { Logger } from '#src/ports/logger.ts';
import type { Capability, ProviderName } from './capabilities.ts';
import { createRecorder, type Recorder } from './cassettes/recorder.ts';
import { createReplayer, type Replayer } from './cassettes/replay.ts';
import type { CassetteStore } from './cassettes/store.ts';
import {
  type AudioInput,
  createPiiBoundary,
  type PiiBoundary,
  type PiiState,
  type RestoreMap,
  type RevealAccess,
  type RevealPolicy,
} from './pii-boundary.ts';
import { createPromptRegistry, type PromptRegistry } from './prompts/registry.ts';
import { createBreakerRegistry } from './providers/circuit-breaker.ts';
import type { AssistConfig, EndpointConfig } from './providers/config.ts';
import { createOpenAiCompatibleProvider } from './providers/openai-compatible.ts';
import type { LlmPort } from './providers/port.ts';
import {
  type AssistResult,
  createWithFallback,
  type ResilienceOptions,
  type WithFallback,
} from './providers/resilience.ts';
import {
  createStreamWithFallback,
  type StreamEvent,
  type StreamWithFallback,
} from './providers/stream-fallback.ts';
import { createStreamRestorer } from './restore-stream.ts';

export type { Capability, PromptRef, Provenance, ProviderName } from './capabilities.ts';
export type { AudioInput, PiiBoundary, PiiState, RestoreMap, RevealAccess } from './pii-boundary.ts';
export { createPiiState } from './pii-boundary.ts';
export type { PromptRegistry, RenderedPrompt } from './prompts/registry.ts';
export { type AssistConfig, resolveAssistConfig } from './providers/config.ts';
export type { LlmPort } from './providers/port.ts';
export type { AssistResult, LlmAnswer, WithFallback } from './providers/resilience.ts';
export type { StreamEvent, StreamWithFallback } from './providers/stream-fallback.ts';

export interface AssistDeps {
  logger: Logger;
  clock: Clock;
  /** The PII detector (src/core/pii `createPiiDetector()`, with tenant patterns if any). */
  detector: PiiDetector;
  /** A registry, or prompt files' text keyed by path (src/runtime/prompt-files.ts reads them). */
  prompts: PromptRegistry | Record<string, string>;
  /** Where cassettes are written when `config.record` is on (src/runtime/cassette-files.ts). */
  cassettes?: CassetteStore;
  /** Answer every provider call from these cassettes, offline; the provider is named `replay`. */
  replay?: CassetteStore;
  /** Who may see restored values; defaults to agent/supervisor/admin and the SOP step's types. */
  revealPolicy?: RevealPolicy;
  /** Retry waits and jitter, injectable for tests. */
  sleep?: ResilienceOptions['sleep'];
  random?: ResilienceOptions['random'];
}

export interface CompleteRequest<Out> {
  /** Prompt id; the latest version unless `version` pins one. */
  prompt: string;
  version?: number;
  /** Validated by the prompt's zod input schema. */
  inputs: unknown;
  /** The conversation's placeholder numbering (`createPiiState()`, one per conversation). */
  state?: PiiState;
  /** Who reads the answer; placeholders are restored only as far as the policy allows. */
  access: RevealAccess;
  /** The embedded engine's answer, used when the LLM is absent, slow, failing or wrong. */
  embedded: () => Out | Promise<Out>;
  timeoutMs?: number;
}

export interface TranscribeRequest {
  audio: AudioInput;
  state?: PiiState;
  timeoutMs?: number;
}

/** A transcript as the rest of Tidedesk may use it: masked, with its restore map kept aside. */
export interface MaskedTranscript {
  text: string;
  restore: RestoreMap;
}

export interface Assist {
  /** The configured provider, or null when no capability has an endpoint (embedded only). */
  llm: LlmPort | null;
  boundary: PiiBoundary;
  prompts: PromptRegistry;
  /** Low-level: run any LLM function with deadline, retries, breaker and embedded fallback. */
  withFallback: WithFallback;
  /** Low-level streaming counterpart of `withFallback`. */
  streamWithFallback: StreamWithFallback;
  /** Render → mask → LLM (structured if the prompt names an output schema) → restore. */
  complete<Out>(capability: Capability, request: CompleteRequest<Out>): Promise<AssistResult<Out>>;
  /** Streaming `complete` for free-text prompts; placeholders are restored across delta borders. */
  completeStream(capability: Capability, request: CompleteRequest<string>): AsyncIterable<StreamEvent>;
  /** Speech to a masked transcript; null value (embedded) when no speech endpoint is configured. */
  transcribe(request: TranscribeRequest): Promise<AssistResult<MaskedTranscript | null>>;
  /** Cassettes being recorded (TIDEDESK_LLM_RECORD=1) or replay misses; null otherwise. */
  cassettes: { recorder: Recorder | null; replayer: Replayer | null };
}

// Replay needs an endpoint per capability so requests are built; nothing is ever sent there.
const REPLAY_ENDPOINT: EndpointConfig = {
  baseURL: 'http://cassettes.invalid/v1',
  apiKey: 'replay',
  model: 'replay',
};
const REPLAYABLE: Capability[] = [
  'copilot',
  'compliance',
  'simulator',
  'interview',
  'intent',
  'transcription',
];

function buildProvider(config: AssistConfig, deps: AssistDeps, boundary: PiiBoundary) {
  if (deps.replay) {
    const replayer = createReplayer(deps.replay, deps.logger);
    const endpoints = Object.fromEntries(REPLAYABLE.map((c) => [c, config.endpoints[c] ?? REPLAY_ENDPOINT]));
    const llm = createOpenAiCompatibleProvider({
      endpoints,
      structuredOutput: config.structuredOutput,
      fetch: replayer.fetch,
      name: 'replay',
    });
    return { llm, recorder: null, replayer };
  }
  if (Object.keys(config.endpoints).length === 0) return { llm: null, recorder: null, replayer: null };
  let recorder: Recorder | null = null;
  if (config.record) {
    if (deps.cassettes) {
      recorder = createRecorder({
        store: deps.cassettes,
        clock: deps.clock,
        logger: deps.logger,
        redact: (text) => boundary.redact(text),
      });
    } else {
      deps.logger.warn('assist.cassette.no_store', {
        reason: 'TIDEDESK_LLM_RECORD is on but no cassette store was given',
      });
    }
  }
  const llm = createOpenAiCompatibleProvider({
    endpoints: config.endpoints,
    structuredOutput: config.structuredOutput,
    ...(recorder && { fetch: recorder.fetch }),
  });
  return { llm, recorder, replayer: null };
}

/** Build the assist runtime from resolved configuration and injected ports. No I/O of its own. */
export function createAssist(config: AssistConfig, deps: AssistDeps): Assist {
  const boundary = createPiiBoundary({
    detector: deps.detector,
    ...(deps.revealPolicy && { policy: deps.revealPolicy }),
  });
  const prompts =
    'render' in deps.prompts ? (deps.prompts as PromptRegistry) : createPromptRegistry(deps.prompts);
  const { llm, recorder, replayer } = buildProvider(config, deps, boundary);
  const resilience: ResilienceOptions = {
    clock: deps.clock,
    logger: deps.logger,
    breakers: createBreakerRegistry({ ...config.breaker, clock: deps.clock }),
    timeoutMs: config.timeoutMs,
    maxRetries: config.maxRetries,
    ...(deps.sleep && { sleep: deps.sleep }),
    ...(deps.random && { random: deps.random }),
  };
  const withFallback = createWithFallback(resilience);
  const streamWithFallback = createStreamWithFallback(resilience);
  const providerName: ProviderName = llm?.name ?? 'openai-compatible';
  const usable = (capability: Capability) => (llm?.isConfigured(capability) ? llm : null);

  return {
    llm,
    boundary,
    prompts,
    withFallback,
    streamWithFallback,
    cassettes: { recorder, replayer },

    complete<Out>(capability: Capability, request: CompleteRequest<Out>) {
      const rendered = prompts.render<Out>(request.prompt, request.inputs, { version: request.version });
      const provider = usable(capability);
      const { messages, restore } = boundary.outbound(rendered.messages, request.state);
      const common = {
        capability,
        prompt: rendered.ref,
        messages,
        ...(rendered.hints.temperature !== undefined && { temperature: rendered.hints.temperature }),
        ...(rendered.hints.maxTokens !== undefined && { maxTokens: rendered.hints.maxTokens }),
      };
      return withFallback<Out>(capability, {
        prompt: rendered.ref,
        provider: providerName,
        embedded: request.embedded,
        ...(request.timeoutMs !== undefined && { timeoutMs: request.timeoutMs }),
        llm: provider
          ? async (signal) => {
              if (rendered.output) {
                const r = await provider.chat({ ...common, signal, output: rendered.output });
                return {
                  value: boundary.inbound(r.parsed, restore, request.access),
                  model: r.model,
                  usage: r.usage,
                };
              }
              const r = await provider.chat({ ...common, signal });
              const text = boundary.inbound(r.text, restore, request.access) as Out;
              return { value: text, model: r.model, usage: r.usage };
            }
          : null,
      });
    },

    async *completeStream(capability: Capability, request: CompleteRequest<string>) {
      const rendered = prompts.render(request.prompt, request.inputs, { version: request.version });
      const provider = usable(capability);
      const { messages, restore } = boundary.outbound(rendered.messages, request.state);
      const restorer = createStreamRestorer(boundary, restore, request.access);
      const events = streamWithFallback(capability, {
        prompt: rendered.ref,
        provider: providerName,
        embedded: request.embedded,
        ...(request.timeoutMs !== undefined && { timeoutMs: request.timeoutMs }),
        llm: provider
          ? (signal) =>
              provider.stream({
                capability,
                prompt: rendered.ref,
                messages,
                signal,
                ...(rendered.hints.temperature !== undefined && { temperature: rendered.hints.temperature }),
                ...(rendered.hints.maxTokens !== undefined && { maxTokens: rendered.hints.maxTokens }),
              })
          : null,
      });
      for await (const event of events) {
        if (event.type === 'delta') {
          const text = restorer.push(event.text);
          if (text) yield { type: 'delta', text } satisfies StreamEvent;
        } else if (event.type === 'done') {
          const rest = restorer.end();
          if (rest) yield { type: 'delta', text: rest } satisfies StreamEvent;
          yield event;
        } else {
          // reset: what was held back belongs to the discarded model text.
          restorer.end();
          yield event;
        }
      }
    },

    transcribe(request: TranscribeRequest) {
      const provider = usable('transcription');
      const { request: audio } = boundary.outboundAudio(request.audio, request.state);
      return withFallback<MaskedTranscript | null>('transcription', {
        prompt: null,
        provider: providerName,
        embedded: () => null,
        ...(request.timeoutMs !== undefined && { timeoutMs: request.timeoutMs }),
        llm: provider
          ? async (signal) => {
              const heard = await provider.transcribe(audio, { signal });
              // Raw speech never travels further: mask it here, keep the map for authorised reveals.
              const masked = boundary.mask(heard.text, request.state);
              return {
                value: { text: masked.text, restore: masked.restore },
                model: heard.model,
                usage: null,
              };
            }
          : null,
      });
    },
  };
}
