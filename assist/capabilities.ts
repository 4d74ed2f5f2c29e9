/** @module The assist capabilities; every call, log line and eval run names one. */
export const CAPABILITIES = [
  'copilot',
  'compliance',
  'simulator',
  'interview',
  'intent',
  'pii',
  'transcription',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** Which engine produced a result; shown to users as a label and recorded in every result. */
export type ProviderName = 'embedded' | 'openai-compatible' | 'replay';

export interface PromptRef {
  id: string;
  version: number;
}

/** Provenance attached to every assist result so runs and versions can be compared. */
export interface Provenance {
  capability: Capability;
  provider: ProviderName;
  model: string | null;
  prompt: PromptRef | null;
  latencyMs: number;
  /** Why the embedded engine answered instead of the configured LLM, if it did. */
  fallbackReason?: 'not-configured' | 'timeout' | 'error' | 'circuit-open' | 'invalid-output';
}
