/**
 * @module A tenant's roster as live dispatch sees it: every routable agent's record, their
 * effective presence and, for those not offline, the server time of their last heartbeat.
 * Presence changes are written (row + `agent.presence` event) through the caller's batch; the
 * returned agent input is what the dispatcher is told.
 */
import type { AgentInput, Presence } from '#src/core/dispatch/types.ts';
import { type AgentRecord, certValid, effectivePresence, toAgentInput } from './agents.ts';
import type { LogBatch } from './log-batch.ts';
import { writePresence } from './presence-store.ts';

export interface PresenceChangeOptions {
  /** A timeout keeps what the agent chose, so their next heartbeat restores it. */
  keepChoice?: boolean;
  /** The heartbeat time to keep (a timeout does not move it). */
  beat?: number;
}

export type Roster = ReturnType<typeof createRoster>;

export function createRoster(tenantId: string) {
  const agents = new Map<string, AgentRecord>();
  const presence = new Map<string, Presence>();
  const beats = new Map<string, number>();

  return {
    agents: agents as ReadonlyMap<string, AgentRecord>,
    statusOf: (userId: string): Presence => presence.get(userId) ?? 'offline',
    statuses: presence as ReadonlyMap<string, Presence>,

    /** Everyone, as stored; stale heartbeats found now go offline (as the sweep would have done). */
    reset(records: AgentRecord[], now: number, timeoutMs: number, b: LogBatch): AgentInput[] {
      agents.clear();
      presence.clear();
      beats.clear();
      return records.map((a) => {
        agents.set(a.id, a);
        const status = effectivePresence(a.presence, now, timeoutMs);
        if (a.presence && a.presence.status !== 'offline' && status === 'offline') {
          writePresence(b, {
            tenantId,
            userId: a.id,
            status: 'offline',
            chosen: a.presence.chosen,
            heartbeatAt: a.presence.lastHeartbeatAt,
            reason: 'heartbeat-timeout',
            now,
            previous: a.presence.status,
          });
        }
        presence.set(a.id, status);
        if (status !== 'offline' && a.presence) beats.set(a.id, a.presence.lastHeartbeatAt);
        return toAgentInput(a, status);
      });
    },

    /** Replaces an agent's record (certifications and limits re-read), keeping their presence row. */
    put(record: AgentRecord): AgentInput {
      const known = agents.get(record.id);
      agents.set(record.id, { ...record, presence: known?.presence ?? record.presence });
      return toAgentInput(agents.get(record.id)!, presence.get(record.id) ?? 'offline');
    },

    /** Writes the change and returns what the dispatcher must be told. The record must be loaded. */
    change(
      b: LogBatch,
      userId: string,
      status: Presence,
      reason: string,
      now: number,
      opts: PresenceChangeOptions = {},
    ): AgentInput {
      const agent = agents.get(userId)!;
      const previous = presence.get(userId) ?? 'offline';
      const row = agent.presence;
      const chosen = opts.keepChoice ? (row?.chosen ?? status) : status;
      writePresence(b, {
        tenantId,
        userId,
        status,
        chosen,
        reason,
        now,
        previous,
        ...(opts.beat !== undefined ? { heartbeatAt: opts.beat } : {}),
      });
      agent.presence = {
        userId,
        tenantId,
        status,
        chosen,
        lastHeartbeatAt: opts.beat ?? now,
        since: previous === status ? (row?.since ?? now) : now,
        reason: previous === status ? (row?.reason ?? reason) : reason,
      };
      presence.set(userId, status);
      if (status === 'offline') beats.delete(userId);
      else beats.set(userId, opts.beat ?? now);
      return toAgentInput(agent, status);
    },

    /** A heartbeat from an agent who is not offline. */
    touch(userId: string, now: number): void {
      if ((presence.get(userId) ?? 'offline') === 'offline') return;
      beats.set(userId, now);
      const agent = agents.get(userId);
      if (agent?.presence) agent.presence = { ...agent.presence, lastHeartbeatAt: now };
    },

    /** Agents whose last heartbeat is `timeoutMs` old or older, with that heartbeat. */
    due(now: number, timeoutMs: number): [string, number][] {
      return [...beats].filter(([, beat]) => now - beat >= timeoutMs);
    },

    /** The earliest heartbeat of anyone not offline (when the next timeout can fall), or null. */
    earliestBeat(): number | null {
      let min: number | null = null;
      for (const beat of beats.values()) if (min === null || beat < min) min = beat;
      return min;
    },

    /** Whether any online agent holds a valid certification for the skill. */
    staffed(skillId: string, now: number): boolean {
      for (const [id, status] of presence) {
        if (status !== 'online') continue;
        if (agents.get(id)?.certifications.some((c) => c.skillId === skillId && certValid(c, now)))
          return true;
      }
      return false;
    },
  };
}
