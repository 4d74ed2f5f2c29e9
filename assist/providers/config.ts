/**
 * @module Resolves, per capability, which endpoint, key and model an LLM call uses, from the
 * validated environment. A capability override (`TIDEDESK_LLM_MODEL_COPILOT`, …) wins over the
 * shared `TIDEDESK_LLM_*`; a capability with no base URL or no model is not configured and the
 * embedded engine answers it. Speech uses `TIDEDESK_STT_*` and is off unless a model is named.
 */
import type { Capability } from '#assist/capabilities.ts';
import type { Env } from '#src/config/env.ts';

export type StructuredOutputMethod = 'jsonSchema' | 'jsonMode' | 'functionCalling';

export interface EndpointConfig {
  baseURL: string;
  /** Local servers (Ollama, vLLM) often need none; the SDK still wants a string. */
  apiKey: string;
  model: string;
}

export interface AssistConfig {
  /** Endpoint per capability; a missing entry means "embedded only". */
  endpoints: Partial<Record<Capability, EndpointConfig>>;
  /** Budget for one call, retries included, in ms. */
  timeoutMs: number;
  /** Retries after the first attempt, for 429, 5xx and network errors. */
  maxRetries: number;
  structuredOutput: StructuredOutputMethod;
  /** Store real responses as cassettes (TIDEDESK_LLM_RECORD=1). */
  record: boolean;
  breaker: { failureThreshold: number; cooldownMs: number };
}

type OverridableCapability = 'copilot' | 'compliance' | 'simulator' | 'interview' | 'intent';

const OVERRIDES: Record<OverridableCapability, { baseURL: keyof Env; apiKey: keyof Env; model: keyof Env }> =
  {
    copilot: {
      baseURL: 'TIDEDESK_LLM_BASE_URL_COPILOT',
      apiKey: 'TIDEDESK_LLM_API_KEY_COPILOT',
      model: 'TIDEDESK_LLM_MODEL_COPILOT',
    },
    compliance: {
      baseURL: 'TIDEDESK_LLM_BASE_URL_COMPLIANCE',
      apiKey: 'TIDEDESK_LLM_API_KEY_COMPLIANCE',
      model: 'TIDEDESK_LLM_MODEL_COMPLIANCE',
    },
    simulator: {
      baseURL: 'TIDEDESK_LLM_BASE_URL_SIMULATOR',
      apiKey: 'TIDEDESK_LLM_API_KEY_SIMULATOR',
      model: 'TIDEDESK_LLM_MODEL_SIMULATOR',
    },
    interview: {
      baseURL: 'TIDEDESK_LLM_BASE_URL_INTERVIEW',
      apiKey: 'TIDEDESK_LLM_API_KEY_INTERVIEW',
      model: 'TIDEDESK_LLM_MODEL_INTERVIEW',
    },
    intent: {
      baseURL: 'TIDEDESK_LLM_BASE_URL_INTENT',
      apiKey: 'TIDEDESK_LLM_API_KEY_INTENT',
      model: 'TIDEDESK_LLM_MODEL_INTENT',
    },
  };

// No-key local servers still get a non-empty string: the OpenAI SDK refuses to start without one.
const NO_KEY = 'not-needed';

function str(env: Env, key: keyof Env): string | undefined {
  const v = env[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function endpoint(baseURL?: string, apiKey?: string, model?: string): EndpointConfig | undefined {
  return baseURL && model ? { baseURL, apiKey: apiKey ?? NO_KEY, model } : undefined;
}

/** Build the assist configuration from a parsed environment. Pure: no I/O, no globals. */
export function resolveAssistConfig(env: Env): AssistConfig {
  const endpoints: AssistConfig['endpoints'] = {};
  const shared = {
    baseURL: env.TIDEDESK_LLM_BASE_URL,
    apiKey: env.TIDEDESK_LLM_API_KEY,
    model: env.TIDEDESK_LLM_MODEL,
  };
  for (const [capability, keys] of Object.entries(OVERRIDES) as [
    OverridableCapability,
    (typeof OVERRIDES)['copilot'],
  ][]) {
    const overriddenUrl = str(env, keys.baseURL);
    const resolved = endpoint(
      overriddenUrl ?? shared.baseURL,
      // A different endpoint never inherits the shared key: it would leak to a third party.
      str(env, keys.apiKey) ?? (overriddenUrl ? undefined : shared.apiKey),
      str(env, keys.model) ?? shared.model,
    );
    if (resolved) endpoints[capability] = resolved;
  }
  const sttUrl = env.TIDEDESK_STT_BASE_URL;
  const stt = endpoint(
    sttUrl ?? shared.baseURL,
    env.TIDEDESK_STT_API_KEY ?? (sttUrl ? undefined : shared.apiKey),
    env.TIDEDESK_STT_MODEL,
  );
  if (stt) endpoints.transcription = stt;
  return {
    endpoints,
    timeoutMs: env.TIDEDESK_LLM_TIMEOUT_MS,
    maxRetries: 2,
    structuredOutput: env.TIDEDESK_LLM_STRUCTURED_OUTPUT,
    record: env.TIDEDESK_LLM_RECORD,
    breaker: { failureThreshold: 5, cooldownMs: 30_000 },
  };
}

/** True when at least one capability can reach an LLM. */
export function hasAnyEndpoint(config: AssistConfig): boolean {
  return Object.keys(config.endpoints).length > 0;
}
