/**
 * @module The Workers environment: bindings declared in wrangler.toml plus the string variables,
 * validated with the same zod rules as the Node/Deno environment. On Workers the master key is
 * required — there is no data folder to generate one into.
 */
import type { D1Database } from '@cloudflare/workers-types';
import { z } from 'zod';
import { EnvError, EnvSchema } from '#src/config/env.ts';
import type { HubNamespace } from '#src/realtime/durable-object.ts';

export interface WorkerBindings {
  /** D1 database with the migrations from `migrations/` applied. */
  DB: D1Database;
  /** One TenantHub Durable Object per tenant for realtime fan-out. */
  TENANT_HUB: HubNamespace;
  /** Static assets (dist/public). */
  ASSETS: { fetch(request: Request): Promise<Response> };
  [name: string]: unknown;
}

/** Hono's description of the Workers ExecutionContext (waitUntil, passThroughOnException). */
export type { ExecutionContext } from 'hono';

const WorkerVarsSchema = EnvSchema.pick({
  TIDEDESK_DEMO_PASSWORD: true,
  TIDEDESK_LOG_LEVEL: true,
  TIDEDESK_BODY_LIMIT: true,
  TIDEDESK_TOKEN_TTL: true,
}).extend({
  TIDEDESK_MASTER_KEY: z
    .string({ error: 'is required on Workers' })
    .min(32, 'must be at least 32 characters'),
  /** Mark session cookies `Secure`: on for deployments (https), off for `wrangler dev` (http). */
  TIDEDESK_SECURE_COOKIES: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Seed the demo tenants into an empty D1 database on the first request. */
  TIDEDESK_SEED_DEMO: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export type WorkerVars = z.infer<typeof WorkerVarsSchema>;

/** Validates the string variables of a Workers env; throws EnvError naming every bad one. */
export function parseWorkerVars(env: WorkerBindings): WorkerVars {
  const strings: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (typeof value === 'string') strings[key] = value;
  const result = WorkerVarsSchema.safeParse(strings);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return result.data;
}
