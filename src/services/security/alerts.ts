/**
 * @module Anomaly alerts for supervisors, computed from what is already recorded: unusual
 * reveal volume (audit log), many conversations taken without a reply (conversations and
 * messages), and sign-ins from a network the person never used before (flagged at sign-in).
 */
import { and, count, desc, eq, gte, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { conversations, messages } from '#src/db/schema/conversations.ts';
import { auditLog } from '#src/db/schema/pii.ts';
import { sessions } from '#src/db/schema/security.ts';
import { users } from '#src/db/schema/users.ts';
import { LOCAL_CLIENT } from './client-ip.ts';
import { ALERTS } from './policies.ts';

export const NEW_NETWORK_ACTION = 'security.alert.new-network';

export interface SecurityAlert {
  kind: 'reveal-volume' | 'opened-without-reply' | 'new-network';
  userId: string;
  displayName: string | null;
  count: number;
  /** For new-network: the address signed in from. */
  ip?: string | null;
  at: number;
}

/** The network an address belongs to, for "have we seen this before": an IPv4 /24, else the address. */
export function networkOf(ip: string): string {
  const v4 = /^(?:::ffff:)?(\d+\.\d+\.\d+)\.\d+$/.exec(ip);
  return v4 ? `${v4[1]}.0/24` : ip.toLowerCase();
}

/** True when the person has signed in before, never from this address's network. */
export async function isNewNetwork(db: Db, userId: string, ip: string | null | undefined): Promise<boolean> {
  if (!ip || ip === LOCAL_CLIENT) return false;
  const seen = await db
    .selectDistinct({ ip: sessions.ip })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNotNull(sessions.ip)))
    .orderBy(desc(sessions.ip))
    .limit(200);
  const nets = new Set(seen.flatMap((s) => (s.ip && s.ip !== LOCAL_CLIENT ? [networkOf(s.ip)] : [])));
  return nets.size > 0 && !nets.has(networkOf(ip));
}

export async function securityAlerts(db: Db, tenantId: string, now: number): Promise<SecurityAlert[]> {
  const hourAgo = now - 3600_000;
  const windowStart = now - ALERTS.windowHours * 3600_000;
  const reveals = await db
    .select({ userId: auditLog.actorId, n: count(), at: sql<number>`max(${auditLog.createdAt})` })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.tenantId, tenantId),
        eq(auditLog.action, 'pii.reveal'),
        gte(auditLog.createdAt, hourAgo),
        isNotNull(auditLog.actorId),
      ),
    )
    .groupBy(auditLog.actorId)
    .having(sql`count(*) >= ${ALERTS.revealsPerHour}`);
  const silent = await db
    .select({
      userId: conversations.assigneeId,
      n: count(),
      at: sql<number>`max(${conversations.assignedAt})`,
    })
    .from(conversations)
    .where(
      and(
        eq(conversations.tenantId, tenantId),
        isNotNull(conversations.assigneeId),
        gte(conversations.assignedAt, windowStart),
        sql`not exists (select 1 from ${messages} where ${messages.conversationId} = ${conversations.id} and ${messages.authorId} = ${conversations.assigneeId})`,
      ),
    )
    .groupBy(conversations.assigneeId)
    .having(sql`count(*) >= ${ALERTS.openedWithoutReply}`);
  const networks = await db
    .select({ userId: auditLog.actorId, ip: auditLog.ip, at: auditLog.createdAt })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.tenantId, tenantId),
        eq(auditLog.action, NEW_NETWORK_ACTION),
        gte(auditLog.createdAt, windowStart),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(100);

  const alerts: Omit<SecurityAlert, 'displayName'>[] = [
    ...reveals.map((r) => ({ kind: 'reveal-volume' as const, userId: r.userId ?? '', count: r.n, at: r.at })),
    ...silent.map((r) => ({
      kind: 'opened-without-reply' as const,
      userId: r.userId ?? '',
      count: r.n,
      at: r.at,
    })),
    ...networks.map((r) => ({
      kind: 'new-network' as const,
      userId: r.userId ?? '',
      count: 1,
      ip: r.ip,
      at: r.at,
    })),
  ];
  const ids = [...new Set(alerts.map((a) => a.userId))].slice(0, 90);
  const names = ids.length
    ? await db
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .where(and(eq(users.tenantId, tenantId), inArray(users.id, ids)))
    : [];
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  return alerts.map((a) => ({ ...a, displayName: nameOf.get(a.userId) ?? null })).sort((a, b) => b.at - a.at);
}
