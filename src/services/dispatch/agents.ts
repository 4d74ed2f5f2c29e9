/**
 * @module Routable agents as stored: people with the `agent` role, their certifications (skill,
 * level 1–5, expiry), concurrency limit, pool and presence. Presence is judged on the server's
 * clock only: a row whose last heartbeat is older than the timeout counts as offline whatever it
 * says, so a client with a wrong clock can neither keep itself online nor knock itself offline.
 */
import { and, eq } from 'drizzle-orm';
import type { AgentInput, Presence } from '#src/core/dispatch/types.ts';
import type { Db } from '#src/db/client.ts';
import { type AgentPresence, agentPresence } from '#src/db/schema/dispatch.ts';
import { certifications } from '#src/db/schema/skills.ts';
import { users } from '#src/db/schema/users.ts';

/** Roles the dispatcher routes to. Trainees become agents once certified (see the simulator). */
export const ROUTABLE_ROLE = 'agent';

export interface AgentRecord {
  id: string;
  displayName: string;
  maxConcurrent: number;
  pool: 'staff' | 'on-demand';
  certifications: { skillId: string; level: number; expiresAt: number | null }[];
  presence: AgentPresence | null;
}

/** Every routable agent of a tenant (or one of them), with certifications and presence. */
export async function loadAgents(db: Db, tenantId: string, userId?: string): Promise<AgentRecord[]> {
  const people = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      maxConcurrent: users.maxConcurrent,
      pool: users.pool,
    })
    .from(users)
    .where(
      and(
        eq(users.tenantId, tenantId),
        eq(users.role, ROUTABLE_ROLE),
        ...(userId ? [eq(users.id, userId)] : []),
      ),
    );
  if (people.length === 0) return [];
  // Whole-tenant reads (no IN list: D1 caps bound parameters at 100).
  const [certs, presence] = await Promise.all([
    db
      .select()
      .from(certifications)
      .where(
        and(eq(certifications.tenantId, tenantId), ...(userId ? [eq(certifications.userId, userId)] : [])),
      ),
    db
      .select()
      .from(agentPresence)
      .where(
        and(eq(agentPresence.tenantId, tenantId), ...(userId ? [eq(agentPresence.userId, userId)] : [])),
      ),
  ]);
  const certsBy = new Map<string, AgentRecord['certifications']>();
  for (const c of certs) {
    const list = certsBy.get(c.userId) ?? [];
    list.push({ skillId: c.skillId, level: c.level, expiresAt: c.expiresAt });
    certsBy.set(c.userId, list);
  }
  const presenceBy = new Map(presence.map((p) => [p.userId, p]));
  return people.map((p) => ({
    ...p,
    certifications: certsBy.get(p.id) ?? [],
    presence: presenceBy.get(p.id) ?? null,
  }));
}

/** Presence as dispatch sees it at `now` (server time): stale heartbeats mean offline. */
export function effectivePresence(row: AgentPresence | null, now: number, timeoutMs: number): Presence {
  if (!row) return 'offline';
  if (row.status !== 'offline' && now - row.lastHeartbeatAt >= timeoutMs) return 'offline';
  return row.status;
}

export function toAgentInput(a: AgentRecord, presence: Presence): AgentInput {
  return {
    id: a.id,
    presence,
    maxConcurrent: Math.max(1, a.maxConcurrent),
    pool: a.pool,
    certifications: a.certifications.map((c) => ({
      skill: c.skillId,
      level: c.level,
      expiresAt: c.expiresAt,
    })),
  };
}

/** Whether a certification is valid at `now`. */
export const certValid = (c: { expiresAt: number | null }, now: number) =>
  c.expiresAt === null || c.expiresAt > now;
