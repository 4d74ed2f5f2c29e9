/**
 * @module The only reader of environment variables. Validated with zod at start-up; a bad value
 * stops the process with a message that names the variable.
 */
import { z } from 'zod';

const optionalUrl = z
  .string()
  .url()
  .optional()
  .or(z.literal('').transform(() => undefined));

export const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(
      /^(file:|libsql:\/\/|https?:\/\/|wss?:\/\/|:memory:)/,
      'must be file:…, libsql://…, http(s)://… or :memory:',
    )
    .default('file:./data/tidedesk.db'),
  DATABASE_AUTH_TOKEN: z.string().optional(),
  /** 32+ characters; derives the token-signing key and (later) per-tenant vault keys. */
  TIDEDESK_MASTER_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  TIDEDESK_DEMO_PASSWORD: z.string().min(8).default('tidedesk-demo'),
  TIDEDESK_DATA_DIR: z.string().min(1).default('./data'),
  TIDEDESK_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  TIDEDESK_BODY_LIMIT: z.coerce
    .number()
    .int()
    .positive()
    .default(64 * 1024),
  /** Session lifetime in seconds for API tokens and page cookies. */
  TIDEDESK_TOKEN_TTL: z.coerce
    .number()
    .int()
    .positive()
    .default(12 * 3600),
  TIDEDESK_LLM_BASE_URL: optionalUrl,
  TIDEDESK_LLM_API_KEY: z.string().optional(),
  TIDEDESK_LLM_MODEL: z.string().optional(),
  /** Budget for one assist call (all retries included) before the embedded engine answers. */
  TIDEDESK_LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(8000),
  /** `1` records real LLM responses as cassettes under eval/cassettes/ (see assist/cassettes). */
  TIDEDESK_LLM_RECORD: z
    .enum(['0', '1', 'true', 'false'])
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
  /** How structured output is requested: json_schema (OpenAI, vLLM, Ollama) or json_object (DeepSeek). */
  TIDEDESK_LLM_STRUCTURED_OUTPUT: z.enum(['jsonSchema', 'jsonMode', 'functionCalling']).default('jsonSchema'),
  /** Per-capability overrides of the LLM endpoint; unset falls back to TIDEDESK_LLM_*. */
  TIDEDESK_LLM_BASE_URL_COPILOT: optionalUrl,
  TIDEDESK_LLM_API_KEY_COPILOT: z.string().optional(),
  TIDEDESK_LLM_MODEL_COPILOT: z.string().optional(),
  TIDEDESK_LLM_BASE_URL_COMPLIANCE: optionalUrl,
  TIDEDESK_LLM_API_KEY_COMPLIANCE: z.string().optional(),
  TIDEDESK_LLM_MODEL_COMPLIANCE: z.string().optional(),
  TIDEDESK_LLM_BASE_URL_SIMULATOR: optionalUrl,
  TIDEDESK_LLM_API_KEY_SIMULATOR: z.string().optional(),
  TIDEDESK_LLM_MODEL_SIMULATOR: z.string().optional(),
  TIDEDESK_LLM_BASE_URL_INTERVIEW: optionalUrl,
  TIDEDESK_LLM_API_KEY_INTERVIEW: z.string().optional(),
  TIDEDESK_LLM_MODEL_INTERVIEW: z.string().optional(),
  TIDEDESK_LLM_BASE_URL_INTENT: optionalUrl,
  TIDEDESK_LLM_API_KEY_INTENT: z.string().optional(),
  TIDEDESK_LLM_MODEL_INTENT: z.string().optional(),
  /** Speech-to-text model (e.g. whisper-1); transcription is off unless set. */
  TIDEDESK_STT_MODEL: z.string().optional(),
  TIDEDESK_STT_BASE_URL: optionalUrl,
  TIDEDESK_STT_API_KEY: z.string().optional(),
  /** Folder of local embedding/ONNX models for the embedded engine (never downloaded at run time). */
  TIDEDESK_EMBEDDINGS_DIR: z.string().optional(),
  TIDEDESK_DATASETS: z.string().default('../shared/data'),
  TIDEDESK_E2E: z.enum(['required', 'skip', 'auto']).optional(),
  CHROMIUM_PATH: z.string().optional(),
});

export type Env = z.infer<typeof EnvSchema>;

/** Thrown (not exited) so callers decide how to stop; the message names every bad variable. */
export class EnvError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid environment:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

/** Parse an environment record (process.env, Deno.env.toObject(), a Workers env binding). */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return result.data;
}

/** One variable the operator names at run time (`tidedesk keys rotate --new-key-env NAME`), as is. */
export function readEnvVar(name: string): string | undefined {
  const host = globalThis as { process?: { env: Record<string, string | undefined> } };
  return host.process?.env[name];
}

/** Read the host's environment (Node and Deno both expose `process.env`). */
export function loadEnv(): Env {
  const host = globalThis as { process?: { env: Record<string, string | undefined> } };
  return parseEnv(host.process?.env ?? {});
}
