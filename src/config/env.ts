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

/** Read the host's environment (Node and Deno both expose `process.env`). */
export function loadEnv(): Env {
  const host = globalThis as { process?: { env: Record<string, string | undefined> } };
  return parseEnv(host.process?.env ?? {});
}
