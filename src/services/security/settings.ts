/** @module A tenant's session settings (concurrent sessions, idle lock, allow-list), cached briefly. */
import { eq } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { tenantSecuritySettings } from '#src/db/schema/security.ts';
import type { Clock } from '#src/ports/clock.ts';
import { DEFAULT_SESSION_SETTINGS } from './policies.ts';

export type SessionSettings = typeof DEFAULT_SESSION_SETTINGS;

const CACHE_MS = 30_000;

export interface SecuritySettingsService {
  get(tenantId: string): Promise<SessionSettings>;
  put(tenantId: string, settings: Partial<SessionSettings>): Promise<SessionSettings>;
}

export function createSecuritySettings(deps: { db: Db; clock: Clock }): SecuritySettingsService {
  const { db, clock } = deps;
  const cache = new Map<string, { at: number; value: SessionSettings }>();
  const service: SecuritySettingsService = {
    async get(tenantId) {
      const hit = cache.get(tenantId);
      const now = clock.now();
      if (hit && now - hit.at < CACHE_MS && now >= hit.at) return hit.value;
      const [row] = await db
        .select()
        .from(tenantSecuritySettings)
        .where(eq(tenantSecuritySettings.tenantId, tenantId));
      const value: SessionSettings = row
        ? {
            maxSessionsPerUser: row.maxSessionsPerUser,
            idleLockMinutes: row.idleLockMinutes,
            ipAllowList: row.ipAllowList ?? null,
          }
        : DEFAULT_SESSION_SETTINGS;
      cache.set(tenantId, { at: now, value });
      return value;
    },
    async put(tenantId, patch) {
      const value = { ...(await service.get(tenantId)), ...patch };
      const row = { ...value, updatedAt: clock.now() };
      await db
        .insert(tenantSecuritySettings)
        .values({ tenantId, ...row })
        .onConflictDoUpdate({ target: tenantSecuritySettings.tenantId, set: row });
      cache.set(tenantId, { at: clock.now(), value });
      return value;
    },
  };
  return service;
}
