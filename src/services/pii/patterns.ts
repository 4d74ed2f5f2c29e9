/**
 * @module Tenant custom patterns: validated with the PII core's safety check before they are
 * stored (a failure names the field), and compiled into one detector per tenant that the ingest
 * path and the detect endpoint share. The cache is dropped on change; other instances (Workers
 * isolates, a second Node process) pick a change up within `ttlMs`.
 */
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  type ConfiguredPiiDetector,
  type CustomPattern,
  CustomPatternSchema,
  createPiiDetector,
  validateCustomPattern,
} from '#src/core/pii/index.ts';
import type { Db } from '#src/db/client.ts';
import { piiPatterns } from '#src/db/schema/pii.ts';
import { AppError, type FieldError } from '#src/http/problem.ts';
import type { Clock } from '#src/ports/clock.ts';
import type { Logger } from '#src/ports/logger.ts';

export const MAX_PATTERNS = 50;

/** What the API accepts: the core's pattern schema, at most {@link MAX_PATTERNS}. */
export const PatternListSchema = z.array(CustomPatternSchema).max(MAX_PATTERNS);
export type StoredPattern = z.output<typeof CustomPatternSchema>;

/**
 * Full validation of a list: schema per item, then each pattern's safety check (static analysis
 * and adversarial probes). Errors carry paths such as `body.items.2.pattern`.
 */
export function validatePatternList(input: unknown, path = 'body.items'): StoredPattern[] {
  const parsed = PatternListSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError(
      'validation_failed',
      'The patterns have invalid fields; see errors[].',
      parsed.error.issues.map((i) => ({
        path: [path, ...i.path.map(String)].join('.'),
        message: i.message,
        code: i.code,
      })),
    );
  }
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  parsed.data.forEach((p, i) => {
    const result = validateCustomPattern(p);
    if (!result.ok)
      errors.push({ path: `${path}.${i}.pattern`, message: result.reason, code: 'unsafe_pattern' });
    const key = `${p.type}\u0000${p.pattern}`;
    if (seen.has(key))
      errors.push({ path: `${path}.${i}`, message: 'the same pattern is listed twice', code: 'duplicate' });
    seen.add(key);
  });
  if (errors.length > 0) {
    throw new AppError('validation_failed', 'Some patterns are not safe to run; see errors[].', errors);
  }
  return parsed.data;
}

export interface TenantDetectors {
  /** The tenant's detector (built-in recognisers plus its patterns). */
  get(tenantId: string): Promise<ConfiguredPiiDetector>;
  patterns(tenantId: string): Promise<{ items: StoredPattern[]; updatedAt: number | null }>;
  /** Validates, stores and applies a tenant's patterns at once. */
  save(tenantId: string, items: unknown, by: string): Promise<StoredPattern[]>;
  /** Listeners run after a tenant's patterns change (the ingest memo drops its entries). */
  onChange(listener: (tenantId: string) => void): void;
}

interface Entry {
  detector: Promise<ConfiguredPiiDetector>;
  loadedAt: number;
}

export function createTenantDetectors(deps: {
  db: Db;
  clock: Clock;
  logger: Logger;
  ttlMs?: number;
}): TenantDetectors {
  const { db, clock, logger } = deps;
  const ttlMs = deps.ttlMs ?? 60_000;
  const builtIn = createPiiDetector();
  const cache = new Map<string, Entry>();
  const listeners: ((tenantId: string) => void)[] = [];

  async function load(tenantId: string) {
    const [row] = await db
      .select({ patterns: piiPatterns.patterns, updatedAt: piiPatterns.updatedAt })
      .from(piiPatterns)
      .where(eq(piiPatterns.tenantId, tenantId));
    return row ?? null;
  }

  async function build(tenantId: string): Promise<ConfiguredPiiDetector> {
    const row = await load(tenantId);
    if (!row || row.patterns.length === 0) return builtIn;
    // Stored patterns passed validation when saved; one that fails now (a slower machine's probe
    // budget) is skipped with a warning rather than stopping every message of the tenant.
    const usable: CustomPattern[] = [];
    row.patterns.forEach((p, index) => {
      const result = validateCustomPattern(p);
      if (result.ok) usable.push(result.pattern);
      else logger.warn('tenant PII pattern skipped', { tenantId, index, reason: result.reason });
    });
    return usable.length ? createPiiDetector({ customPatterns: usable }) : builtIn;
  }

  function invalidate(tenantId: string) {
    cache.delete(tenantId);
    for (const l of listeners) l(tenantId);
  }

  return {
    get(tenantId) {
      const now = clock.now();
      const hit = cache.get(tenantId);
      if (hit && now - hit.loadedAt < ttlMs) return hit.detector;
      const detector = build(tenantId);
      cache.set(tenantId, { detector, loadedAt: now });
      detector.catch(() => cache.delete(tenantId));
      return detector;
    },
    async patterns(tenantId) {
      const row = await load(tenantId);
      if (!row) return { items: [], updatedAt: null };
      return { items: row.patterns.map((p) => CustomPatternSchema.parse(p)), updatedAt: row.updatedAt };
    },
    async save(tenantId, input, by) {
      const items = validatePatternList(input);
      const now = clock.now();
      await db.run(sql`insert into ${piiPatterns} (tenant_id, patterns, updated_at, updated_by)
        values (${tenantId}, ${JSON.stringify(items)}, ${now}, ${by})
        on conflict (tenant_id) do update set patterns = excluded.patterns, updated_at = excluded.updated_at,
          updated_by = excluded.updated_by`);
      invalidate(tenantId);
      return items;
    },
    onChange(listener) {
      listeners.push(listener);
    },
  };
}
