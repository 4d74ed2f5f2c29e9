/**
 * @module The supervisor wall: per skill — waiting, longest wait, today's service level
 * (answered within the target seconds ÷ arrivals whose outcome is known), abandonment, and
 * agents available/busy by level — plus every agent's status and load, and the alerts a
 * supervisor acts on. Read from the database only, so it is the same on every runtime.
 */
import { and, eq, gte, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { conversations } from '#src/db/schema/conversations.ts';
import { skills } from '#src/db/schema/skills.ts';
import { certValid, effectivePresence, loadAgents } from './agents.ts';
import type { DispatchSettings } from './settings.ts';

const DAY = 86_400_000;

export interface WallSkill {
  skill: string;
  skillId: string;
  nameZh: string;
  nameEn: string;
  waiting: number;
  longestWaitSeconds: number | null;
  arrivalsToday: number;
  answeredToday: number;
  answeredInTargetToday: number;
  /** null until some arrival's outcome is known. */
  serviceLevel: number | null;
  abandonedToday: number;
  abandonRate: number | null;
  agentsOnline: number;
  /** Index 0 = level 1 … index 4 = level 5. */
  agentsAvailableByLevel: number[];
  agentsBusyByLevel: number[];
}

export interface WallAgent {
  id: string;
  name: string;
  status: 'online' | 'away' | 'offline';
  load: number;
  maxConcurrent: number;
  pool: 'staff' | 'on-demand';
  skills: { skill: string; level: number; expired: boolean }[];
}

export interface WallAlert {
  kind: 'unstaffed' | 'sla-risk' | 'service-level' | 'triage';
  severity: 'critical' | 'warn';
  skill: string | null;
  message: string;
}

export interface Wall {
  generatedAt: number;
  dayStart: number;
  serviceLevelSeconds: number;
  serviceLevelTarget: number;
  skills: WallSkill[];
  triage: { waiting: number; longestWaitSeconds: number | null };
  agents: WallAgent[];
  totals: { online: number; away: number; offline: number; available: number; busy: number };
  alerts: WallAlert[];
}

const n = (v: unknown) => Number(v ?? 0);

export async function buildWall(
  db: Db,
  tenantId: string,
  settings: DispatchSettings,
  now: number,
): Promise<Wall> {
  const offset = settings.utcOffsetMinutes * 60_000;
  const dayStart = Math.floor((now + offset) / DAY) * DAY - offset;
  const target = settings.serviceLevelSeconds * 1000;
  const tenant = eq(conversations.tenantId, tenantId);
  const [skillRows, waitingRows, todayRows, heldRows, offeredRows, people] = await Promise.all([
    db.select().from(skills).where(eq(skills.tenantId, tenantId)),
    db
      .select({
        skillId: conversations.skillId,
        triage: conversations.triage,
        count: sql<number>`count(*)`,
        oldest: sql<number>`min(${conversations.createdAt})`,
      })
      .from(conversations)
      .where(and(tenant, eq(conversations.state, 'queued')))
      .groupBy(conversations.skillId, conversations.triage),
    db
      .select({
        skillId: conversations.skillId,
        arrivals: sql<number>`count(*)`,
        answered: sql<number>`sum(case when ${conversations.assignedAt} is not null then 1 else 0 end)`,
        inTarget: sql<number>`sum(case when ${conversations.assignedAt} is not null and ${conversations.assignedAt} - ${conversations.createdAt} <= ${target} then 1 else 0 end)`,
        abandoned: sql<number>`sum(case when ${conversations.state} = 'abandoned' then 1 else 0 end)`,
        // Still waiting and not yet past the target: their outcome is unknown.
        young: sql<number>`sum(case when ${conversations.assignedAt} is null and ${conversations.state} = 'queued' and ${now} - ${conversations.createdAt} < ${target} then 1 else 0 end)`,
      })
      .from(conversations)
      .where(and(tenant, gte(conversations.createdAt, dayStart), isNotNull(conversations.skillId)))
      .groupBy(conversations.skillId),
    db
      .select({ userId: conversations.assigneeId, count: sql<number>`count(*)` })
      .from(conversations)
      .where(and(tenant, eq(conversations.state, 'assigned')))
      .groupBy(conversations.assigneeId),
    db
      .select({ userId: conversations.offeredTo, count: sql<number>`count(*)` })
      .from(conversations)
      .where(and(tenant, eq(conversations.state, 'queued'), isNotNull(conversations.offeredTo)))
      .groupBy(conversations.offeredTo),
    loadAgents(db, tenantId),
  ]);

  const keyOf = new Map(skillRows.map((s) => [s.id, s.key]));
  const load = new Map<string, number>();
  for (const r of [...heldRows, ...offeredRows]) {
    if (r.userId) load.set(r.userId, (load.get(r.userId) ?? 0) + n(r.count));
  }
  const timeoutMs = settings.heartbeatTimeoutSeconds * 1000;
  const agents: WallAgent[] = people
    .map((a) => ({
      id: a.id,
      name: a.displayName,
      status: effectivePresence(a.presence, now, timeoutMs),
      load: load.get(a.id) ?? 0,
      maxConcurrent: a.maxConcurrent,
      pool: a.pool,
      skills: a.certifications
        .map((c) => ({
          skill: keyOf.get(c.skillId) ?? c.skillId,
          level: c.level,
          expired: !certValid(c, now),
        }))
        .sort((x, y) => y.level - x.level || x.skill.localeCompare(y.skill)),
    }))
    .sort((x, y) => x.name.localeCompare(y.name));

  const agentById = new Map(agents.map((a) => [a.id, a]));
  const triage = { waiting: 0, longestWaitSeconds: null as number | null };
  const waitingBy = new Map<string, { count: number; oldest: number }>();
  for (const r of waitingRows) {
    if (r.triage || !r.skillId) {
      triage.waiting += n(r.count);
      const wait = Math.round((now - n(r.oldest)) / 1000);
      triage.longestWaitSeconds = Math.max(triage.longestWaitSeconds ?? 0, wait);
      continue;
    }
    waitingBy.set(r.skillId, { count: n(r.count), oldest: n(r.oldest) });
  }
  const todayBy = new Map(todayRows.map((r) => [r.skillId, r]));
  const alerts: WallAlert[] = [];

  const wallSkills: WallSkill[] = skillRows
    .sort((a, b) => a.key.localeCompare(b.key))
    .map((s) => {
      const w = waitingBy.get(s.id);
      const t = todayBy.get(s.id);
      const known = t ? n(t.arrivals) - n(t.young) : 0;
      const available = [0, 0, 0, 0, 0];
      const busy = [0, 0, 0, 0, 0];
      let online = 0;
      for (const a of people) {
        const agent = agentById.get(a.id)!;
        if (agent.status !== 'online') continue;
        const cert = a.certifications.find((c) => c.skillId === s.id && certValid(c, now));
        if (!cert) continue;
        online++;
        const slot = Math.min(5, Math.max(1, cert.level)) - 1;
        if (agent.load < agent.maxConcurrent) available[slot]!++;
        else busy[slot]!++;
      }
      const row: WallSkill = {
        skill: s.key,
        skillId: s.id,
        nameZh: s.nameZh,
        nameEn: s.nameEn,
        waiting: w?.count ?? 0,
        longestWaitSeconds: w ? Math.round((now - w.oldest) / 1000) : null,
        arrivalsToday: n(t?.arrivals),
        answeredToday: n(t?.answered),
        answeredInTargetToday: n(t?.inTarget),
        serviceLevel: known > 0 ? n(t?.inTarget) / known : null,
        abandonedToday: n(t?.abandoned),
        abandonRate: known > 0 ? n(t?.abandoned) / known : null,
        agentsOnline: online,
        agentsAvailableByLevel: available,
        agentsBusyByLevel: busy,
      };
      if (row.waiting > 0 && online === 0) {
        alerts.push({
          kind: 'unstaffed',
          severity: 'critical',
          skill: s.key,
          message: `${row.waiting} waiting for ${s.key} and no online agent holds a valid certification`,
        });
      }
      if (row.longestWaitSeconds !== null && row.longestWaitSeconds >= settings.slaRiskSeconds) {
        alerts.push({
          kind: 'sla-risk',
          severity: 'warn',
          skill: s.key,
          message: `${s.key}: the longest wait is ${row.longestWaitSeconds} s (SLA risk from ${settings.slaRiskSeconds} s)`,
        });
      }
      if (row.serviceLevel !== null && known >= 5 && row.serviceLevel < settings.serviceLevelTarget) {
        alerts.push({
          kind: 'service-level',
          severity: 'warn',
          skill: s.key,
          message: `${s.key}: service level today ${(row.serviceLevel * 100).toFixed(0)}% is below the ${(settings.serviceLevelTarget * 100).toFixed(0)}% target`,
        });
      }
      return row;
    });
  if (triage.waiting > 0) {
    alerts.unshift({
      kind: 'triage',
      severity: 'warn',
      skill: null,
      message: `${triage.waiting} conversation(s) matched no SOP confidently and wait in triage`,
    });
  }
  alerts.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'critical' ? -1 : 1));

  const totals = { online: 0, away: 0, offline: 0, available: 0, busy: 0 };
  for (const a of agents) {
    totals[a.status]++;
    if (a.status === 'online') totals[a.load < a.maxConcurrent ? 'available' : 'busy']++;
  }
  // Skills with work but unknown to the skill table (deleted) still show their queue.
  for (const [skillId, w] of waitingBy) {
    if (keyOf.has(skillId)) continue;
    alerts.push({
      kind: 'unstaffed',
      severity: 'critical',
      skill: skillId,
      message: `${w.count} waiting for an unknown skill`,
    });
  }
  return {
    generatedAt: now,
    dayStart,
    serviceLevelSeconds: settings.serviceLevelSeconds,
    serviceLevelTarget: settings.serviceLevelTarget,
    skills: wallSkills,
    triage,
    agents,
    totals,
    alerts,
  };
}
