/**
 * @module The `openai-compatible` provider: OpenAI, Azure OpenAI, DeepSeek, Qwen's compatible
 * mode, Ollama, vLLM. Chat and streaming go through LangChain's ChatOpenAI (structured output from
 * zod schemas), speech through the `openai` SDK. Both are given a `fetch` that looks up
 * `globalThis.fetch` on every call (the SDK would otherwise capture it at construction, before a
 * test's msw server or a recorder is installed) and both have their own retries switched off: the
 * resilience layer owns retries, so they stay bounded and visible in the call log.
 *
 * Requests are read with `openMasked`, which throws for anything the PII boundary did not seal.
 * Every request carries `x-tidedesk-capability` and `x-tidedesk-prompt` headers (metadata only, no
 * content) so cassettes can be filed by capability and prompt version.
 */
import { ChatOpenAI } from '@langchain/openai';
import OpenAI, { toFile } from 'openai';
import type { Capability, PromptRef, ProviderName } from '#assist/capabilities.ts';
import { type MaskedMessages, openMasked } from '#assist/pii-boundary.ts';
import type { EndpointConfig, StructuredOutputMethod } from './config.ts';
import { LlmError, toLlmError } from './errors.ts';
import { CAPABILITY_HEADER, PROMPT_HEADER } from './headers.ts';
import type {
  ChatResult,
  ChatStream,
  LlmPort,
  StructuredChatRequest,
  TextChatRequest,
  TokenUsage,
  TranscribeOptions,
  TranscriptionResult,
} from './port.ts';

export interface OpenAiCompatibleOptions {
  endpoints: Partial<Record<Capability, EndpointConfig>>;
  structuredOutput?: StructuredOutputMethod;
  /** Transport; defaults to whatever `globalThis.fetch` is at call time (recorders wrap it). */
  fetch?: typeof fetch;
  /** `replay` when the transport serves cassettes. */
  name?: ProviderName;
}

interface UsageMetadataLike {
  input_tokens?: number;
  output_tokens?: number;
  total_tokens?: number;
}

interface MessageLike {
  content: unknown;
  usage_metadata?: UsageMetadataLike;
  response_metadata?: Record<string, unknown>;
}

function toUsage(u: UsageMetadataLike | undefined): TokenUsage | null {
  if (!u || typeof u.input_tokens !== 'number') return null;
  const outputTokens = u.output_tokens ?? 0;
  return {
    inputTokens: u.input_tokens,
    outputTokens,
    totalTokens: u.total_tokens ?? u.input_tokens + outputTokens,
  };
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part) => (typeof part === 'string' ? part : (part as { text?: unknown }).text))
    .filter((t): t is string => typeof t === 'string')
    .join('');
}

function modelOf(message: MessageLike, fallback: string): string {
  const name = message.response_metadata?.model_name ?? message.response_metadata?.model;
  return typeof name === 'string' && name ? name : fallback;
}

function headersFor(capability: Capability, prompt: PromptRef | null): Record<string, string> {
  return {
    [CAPABILITY_HEADER]: capability,
    ...(prompt && { [PROMPT_HEADER]: `${prompt.id}@${prompt.version}` }),
  };
}

function callSignal(signal?: AbortSignal, timeoutMs?: number): AbortSignal | undefined {
  const signals = [signal, timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined].filter(
    (s): s is AbortSignal => s !== undefined,
  );
  if (signals.length <= 1) return signals[0];
  return AbortSignal.any(signals);
}

/** Create the provider. Capabilities without an endpoint report `isConfigured() === false`. */
export function createOpenAiCompatibleProvider(options: OpenAiCompatibleOptions): LlmPort {
  const { endpoints } = options;
  const method = options.structuredOutput ?? 'jsonSchema';
  // `Response` on the function stops the SDK probing a custom fetch with a `data:,` request
  // before its first multipart upload.
  const transport: typeof fetch = Object.assign(
    (input: Parameters<typeof fetch>[0], init?: RequestInit) =>
      (options.fetch ?? globalThis.fetch)(input, init),
    { Response },
  );

  const endpointFor = (capability: Capability): EndpointConfig => {
    const endpoint = endpoints[capability];
    if (!endpoint) throw new LlmError('not-configured');
    return endpoint;
  };

  const chatModel = (endpoint: EndpointConfig, request: TextChatRequest | StructuredChatRequest<unknown>) =>
    new ChatOpenAI({
      model: endpoint.model,
      apiKey: endpoint.apiKey,
      maxRetries: 0,
      streamUsage: true,
      ...(request.temperature !== undefined && { temperature: request.temperature }),
      ...(request.maxTokens !== undefined && { maxTokens: request.maxTokens }),
      // Per-call headers go in the client config: LangChain's streaming path drops `options.headers`.
      configuration: {
        baseURL: endpoint.baseURL,
        fetch: transport,
        maxRetries: 0,
        defaultHeaders: headersFor(request.capability, request.prompt),
      },
    });

  const toLangChain = (messages: MaskedMessages) =>
    openMasked(messages).map((m) => ({ role: m.role, content: m.content as string }));

  async function chat(request: TextChatRequest): Promise<ChatResult<null>>;
  async function chat<T>(request: StructuredChatRequest<T>): Promise<ChatResult<T>>;
  async function chat<T>(request: TextChatRequest | StructuredChatRequest<T>): Promise<ChatResult<T | null>> {
    const endpoint = endpointFor(request.capability);
    const messages = toLangChain(request.messages);
    const signal = callSignal(request.signal, request.timeoutMs);
    const callOptions = signal ? { signal } : {};
    const model = chatModel(endpoint, request);
    try {
      if (!request.output) {
        const reply = (await model.invoke(messages, callOptions)) as MessageLike;
        return {
          text: textOf(reply.content),
          parsed: null,
          usage: toUsage(reply.usage_metadata),
          model: modelOf(reply, endpoint.model),
        };
      }
      const { schema, name } = request.output;
      const structured = model.withStructuredOutput(schema as never, { name, method, includeRaw: true });
      const { raw, parsed } = (await structured.invoke(messages, callOptions)) as {
        raw: MessageLike;
        parsed: unknown;
      };
      // LangChain yields parsed: null when its parser gave up; re-validate either way so the
      // caller's type is a promise kept, whatever the structured-output method did.
      const checked = schema.safeParse(parsed);
      if (parsed === null || !checked.success)
        throw new LlmError('invalid-output', { detail: 'schema mismatch' });
      const text = textOf(raw.content);
      return {
        text: text || JSON.stringify(checked.data),
        parsed: checked.data,
        usage: toUsage(raw.usage_metadata),
        model: modelOf(raw, endpoint.model),
      };
    } catch (err) {
      throw signal?.aborted ? toLlmError(signal.reason) : toLlmError(err);
    }
  }

  function stream(request: TextChatRequest): ChatStream {
    let meta: { model: string; usage: TokenUsage | null } | null = null;
    return {
      meta: () => meta,
      async *[Symbol.asyncIterator]() {
        const endpoint = endpointFor(request.capability);
        const messages = toLangChain(request.messages);
        const signal = callSignal(request.signal, request.timeoutMs);
        let model = endpoint.model;
        let usage: TokenUsage | null = null;
        try {
          const chunks = await chatModel(endpoint, request).stream(messages, signal ? { signal } : {});
          for await (const chunk of chunks as AsyncIterable<MessageLike>) {
            usage = toUsage(chunk.usage_metadata) ?? usage;
            model = modelOf(chunk, model);
            const text = textOf(chunk.content);
            if (text) yield text;
          }
        } catch (err) {
          if (signal?.aborted) throw toLlmError(signal.reason);
          // Mid-stream, undici reports a dropped connection as TypeError("terminated").
          if (err instanceof TypeError) throw new LlmError('network', { detail: 'stream interrupted' });
          throw toLlmError(err);
        }
        meta = { model, usage };
      },
    };
  }

  async function transcribe(audio: Parameters<LlmPort['transcribe']>[0], opts: TranscribeOptions = {}) {
    const capability = opts.capability ?? 'transcription';
    const endpoint = endpointFor(capability);
    const request = openMasked(audio);
    const signal = callSignal(opts.signal, opts.timeoutMs);
    const client = new OpenAI({
      apiKey: endpoint.apiKey,
      baseURL: endpoint.baseURL,
      maxRetries: 0,
      fetch: transport,
    });
    try {
      const file = await toFile(request.audio, request.filename, { type: request.audio.type });
      const result = await client.audio.transcriptions.create(
        {
          file,
          model: endpoint.model,
          response_format: 'json',
          ...(request.language && { language: request.language }),
          ...(request.hint && { prompt: request.hint as string }),
        },
        { headers: headersFor(capability, null), ...(signal && { signal }) },
      );
      if (typeof result.text !== 'string')
        throw new LlmError('invalid-output', { detail: 'no transcript text' });
      const transcript: TranscriptionResult = { text: result.text, model: endpoint.model, durationSec: null };
      return transcript;
    } catch (err) {
      throw signal?.aborted ? toLlmError(signal.reason) : toLlmError(err);
    }
  }

  return {
    name: options.name ?? 'openai-compatible',
    isConfigured: (capability) => endpoints[capability] !== undefined,
    modelFor: (capability) => endpoints[capability]?.model ?? null,
    chat,
    stream,
    transcribe,
  };
}
