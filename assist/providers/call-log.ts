/**
 * @module One structured log line per assist call. The entry type has no field for prompt or
 * completion text on purpose: logs leave the PII boundary's protection, so they carry only
 * metadata (capability, provider, model, prompt id@version, latency, tokens, outcome).
 */
import type { Capability, PromptRef, Provenance, ProviderName } from '#assist/capabilities.ts';
import type { Logger } from '#src/ports/logger.ts';
import type { LlmErrorKind } from './errors.ts';
import type { TokenUsage } from './port.ts';

export type CallOutcome = 'ok' | 'fallback' | 'failed';

export interface CallLogEntry {
  capability: Capability;
  provider: ProviderName;
  model: string | null;
  prompt: PromptRef | null;
  latencyMs: number;
  usage: TokenUsage | null;
  outcome: CallOutcome;
  /** LLM attempts made (0 when the embedded engine answered without trying). */
  attempts: number;
  fallbackReason?: Provenance['fallbackReason'];
  /** Kind and HTTP status of the last LLM failure, when there was one. */
  errorKind?: LlmErrorKind;
  status?: number;
  /** Streaming calls log once, when the stream ends. */
  streamed?: boolean;
}

/** Formats `copilot-reply@1`, the form prompt references take in logs and reports. */
export function promptLabel(prompt: PromptRef | null): string | null {
  return prompt ? `${prompt.id}@${prompt.version}` : null;
}

/** Write one `assist.call` line; `warn` when the embedded engine had to stand in or the call failed. */
export function logAssistCall(logger: Logger, entry: CallLogEntry): void {
  const fields = {
    capability: entry.capability,
    provider: entry.provider,
    model: entry.model,
    prompt: promptLabel(entry.prompt),
    latencyMs: Math.round(entry.latencyMs),
    inputTokens: entry.usage?.inputTokens ?? null,
    outputTokens: entry.usage?.outputTokens ?? null,
    totalTokens: entry.usage?.totalTokens ?? null,
    outcome: entry.outcome,
    attempts: entry.attempts,
    ...(entry.fallbackReason && { fallbackReason: entry.fallbackReason }),
    ...(entry.errorKind && { errorKind: entry.errorKind }),
    ...(entry.status !== undefined && { status: entry.status }),
    ...(entry.streamed && { streamed: true }),
  };
  const quiet = entry.outcome === 'ok' || entry.fallbackReason === 'not-configured';
  if (quiet) logger.info('assist.call', fields);
  else logger.warn('assist.call', fields);
}
