/**
 * @module The skill dispatcher: pure, event-driven, one instance per tenant. Every call takes the
 * current time and returns the decisions it made; the caller persists them and tells the agents.
 *
 * Indexes make a decision O(levels · log n): available agents sit in one heap per (skill, level)
 * ordered by the strategy, waiting tasks in one heap per (skill, required level) ordered by
 * priority then waiting time. Entries are invalidated lazily with version stamps.
 */
import { Heap } from './heap.ts';
import {
  type AgentInput,
  type Decision,
  type DispatchPolicy,
  DispatchPolicySchema,
  type Presence,
  type SkillStats,
  type TaskInput,
  type WideningStage,
} from './types.ts';

const MAX_LEVEL = 5;
const ANY = '*';

interface AgentState {
  id: string;
  presence: Presence;
  maxConcurrent: number;
  skills: Map<string, { level: number; expiresAt: number | null }>;
  pool: 'staff' | 'on-demand';
  /** Tasks offered to or held by the agent. */
  tasks: Set<string>;
  /** When the agent last received a task (or came online): the longest-idle key. */
  idleSince: number;
  version: number;
}

interface TaskState {
  input: TaskInput;
  priority: number;
  stages: WideningStage[];
  stage: number;
  status: 'waiting' | 'offered' | 'assigned';
  agentId: string | null;
  offerExpiresAt: number | null;
  skipped: Set<string>;
  slaFlagged: boolean;
  /** Widening is timed from here: enqueue time, or the moment of a transfer. */
  widenFrom: number;
  seq: number;
  version: number;
}

interface AgentEntry {
  id: string;
  version: number;
  idleSince: number;
  loadRatio: number;
}

interface TaskEntry {
  id: string;
  version: number;
  priority: number;
  enqueuedAt: number;
  seq: number;
}

type TimerKind = 'widen' | 'sla' | 'offer';
interface Timer {
  at: number;
  taskId: string;
  kind: TimerKind;
  version: number;
}

const taskBefore = (a: TaskEntry, b: TaskEntry) =>
  a.priority !== b.priority
    ? a.priority > b.priority
    : a.enqueuedAt !== b.enqueuedAt
      ? a.enqueuedAt < b.enqueuedAt
      : a.seq < b.seq;

const byIdle = (a: AgentEntry, b: AgentEntry) =>
  a.idleSince !== b.idleSince ? a.idleSince < b.idleSince : a.id < b.id;
const byLoad = (a: AgentEntry, b: AgentEntry) =>
  a.loadRatio !== b.loadRatio ? a.loadRatio < b.loadRatio : byIdle(a, b);

const key = (skill: string, level: number) => `${skill}|${level}`;

export interface Dispatcher {
  readonly policy: DispatchPolicy;
  upsertAgent(agent: AgentInput, now: number): Decision[];
  setPresence(agentId: string, presence: Presence, now: number): Decision[];
  enqueue(task: TaskInput, now: number): Decision[];
  /**
   * Registers a task an agent already holds (state rebuilt after a restart, or a supervisor's
   * manual claim), so it counts as load and can later be released, transferred or requeued.
   */
  adopt(task: TaskInput, agentId: string, now: number): void;
  accept(taskId: string, agentId: string, now: number): Decision[];
  decline(taskId: string, agentId: string, now: number): Decision[];
  /** The agent is done with the task (resolved, abandoned, transferred away). */
  release(taskId: string, now: number): Decision[];
  /** Put a task back in the queue for another skill, keeping its place in time. */
  transfer(taskId: string, skill: string, requiredLevel: number, now: number): Decision[];
  /** Fire due timers: widening steps, SLA-risk bumps, offer timeouts. */
  tick(now: number): Decision[];
  /** Epoch ms of the next timer, or null. */
  nextTimerAt(): number | null;
  taskOf(taskId: string): Readonly<{
    status: TaskState['status'];
    agentId: string | null;
    stage: number;
    priority: number;
  }> | null;
  agentLoad(agentId: string): number | null;
  stats(now: number): SkillStats[];
  readonly waitingCount: number;
}

export function createDispatcher(policyInput: Partial<DispatchPolicy> = {}): Dispatcher {
  const policy = DispatchPolicySchema.parse(policyInput);
  const agents = new Map<string, AgentState>();
  const tasks = new Map<string, TaskState>();
  const agentHeaps = new Map<string, Heap<AgentEntry>>();
  const taskHeaps = new Map<string, Heap<TaskEntry>>();
  const timers = new Heap<Timer>((a, b) => a.at < b.at || (a.at === b.at && a.taskId < b.taskId));
  const agentLess = policy.strategy === 'least-occupied' ? byLoad : byIdle;
  let seq = 0;
  let waiting = 0;
  let churn = 0;

  const agentHeap = (k: string) => {
    let h = agentHeaps.get(k);
    if (!h) {
      h = new Heap(agentLess);
      agentHeaps.set(k, h);
    }
    return h;
  };
  const taskHeap = (k: string) => {
    let h = taskHeaps.get(k);
    if (!h) {
      h = new Heap(taskBefore);
      taskHeaps.set(k, h);
    }
    return h;
  };

  const available = (a: AgentState) => a.presence === 'online' && a.tasks.size < a.maxConcurrent;
  const levelIn = (a: AgentState, skill: string, now: number) => {
    const c = a.skills.get(skill);
    return c && (c.expiresAt === null || c.expiresAt > now) ? c.level : 0;
  };

  /** Re-index an agent after any change; old entries become stale by version. */
  function indexAgent(a: AgentState) {
    a.version++;
    churn++;
    if (!available(a)) return;
    const entry: AgentEntry = {
      id: a.id,
      version: a.version,
      idleSince: a.idleSince,
      loadRatio: a.tasks.size / a.maxConcurrent,
    };
    for (const [skill, c] of a.skills) agentHeap(key(skill, c.level)).push(entry);
    agentHeap(ANY).push(entry);
  }

  function indexTask(t: TaskState) {
    t.version++;
    churn++;
    if (t.status !== 'waiting') return;
    const entry: TaskEntry = {
      id: t.input.id,
      version: t.version,
      priority: t.priority,
      enqueuedAt: t.input.enqueuedAt,
      seq: t.seq,
    };
    const st = t.stages[t.stage]!;
    if (st.any) taskHeap(ANY).push(entry);
    else {
      taskHeap(key(t.input.skill, st.level)).push(entry);
      if (st.overflow)
        for (const o of policy.overflowSkills[t.input.skill] ?? []) taskHeap(key(o, st.level)).push(entry);
    }
  }

  function stagesFor(task: TaskInput): WideningStage[] {
    const stages: WideningStage[] = [{ index: 0, level: task.requiredLevel, overflow: false, any: false }];
    let level = task.requiredLevel;
    while (level > policy.levelFloor) {
      level--;
      stages.push({ index: stages.length, level, overflow: false, any: false });
    }
    if ((policy.overflowSkills[task.skill] ?? []).length > 0)
      stages.push({ index: stages.length, level, overflow: true, any: false });
    if (policy.widenToAnyAgent) stages.push({ index: stages.length, level, overflow: true, any: true });
    return stages;
  }

  const agentEntryValid = (e: AgentEntry) => {
    const a = agents.get(e.id);
    return a !== undefined && a.version === e.version && available(a);
  };
  const taskEntryValid = (e: TaskEntry) => {
    const t = tasks.get(e.id);
    return t !== undefined && t.version === e.version && t.status === 'waiting';
  };

  /** Top valid entry of a heap that `accept` allows, popping stale ones and keeping the rest. */
  function peekWhere<E>(
    h: Heap<E> | undefined,
    valid: (e: E) => boolean,
    accept: (e: E) => boolean,
  ): E | undefined {
    if (!h) return undefined;
    const setAside: E[] = [];
    let found: E | undefined;
    while (h.size > 0) {
      const top = h.peek()!;
      if (!valid(top)) {
        h.pop();
        continue;
      }
      if (accept(top)) {
        found = top;
        break;
      }
      setAside.push(h.pop()!);
    }
    for (const e of setAside) h.push(e);
    return found;
  }

  /** Best eligible agent for a waiting task under the current stage and strategy. */
  function findAgent(t: TaskState, now: number): AgentState | undefined {
    const st = t.stages[t.stage]!;
    const candidates: { agent: AgentState; level: number; entry: AgentEntry }[] = [];
    const consider = (skill: string, minLevel: number) => {
      for (let level = minLevel; level <= MAX_LEVEL; level++) {
        const e = peekWhere(
          agentHeaps.get(key(skill, level)),
          agentEntryValid,
          (x) => !t.skipped.has(x.id) && levelIn(agents.get(x.id)!, skill, now) >= minLevel,
        );
        if (e) candidates.push({ agent: agents.get(e.id)!, level, entry: e });
      }
    };
    if (st.any) {
      const e = peekWhere(agentHeaps.get(ANY), agentEntryValid, (x) => !t.skipped.has(x.id));
      if (e) {
        const a = agents.get(e.id)!;
        candidates.push({ agent: a, level: levelIn(a, t.input.skill, now), entry: e });
      }
    }
    consider(t.input.skill, st.level);
    if (st.overflow) for (const o of policy.overflowSkills[t.input.skill] ?? []) consider(o, st.level);
    let best: (typeof candidates)[number] | undefined;
    for (const c of candidates) {
      if (!best) best = c;
      else if (policy.strategy === 'most-proficient' && c.level !== best.level) {
        if (c.level > best.level) best = c;
      } else if (agentLess(c.entry, best.entry)) best = c;
    }
    return best?.agent;
  }

  /** Best waiting task an agent may take now (priority, then longest waiting). */
  function findTask(a: AgentState, now: number): TaskState | undefined {
    let best: TaskEntry | undefined;
    const consider = (h: Heap<TaskEntry> | undefined) => {
      const e = peekWhere(h, taskEntryValid, (x) => !tasks.get(x.id)!.skipped.has(a.id));
      if (e && (!best || taskBefore(e, best))) best = e;
    };
    for (const [skill] of a.skills) {
      const level = levelIn(a, skill, now);
      for (let l = 1; l <= level; l++) consider(taskHeaps.get(key(skill, l)));
    }
    consider(taskHeaps.get(ANY));
    return best ? tasks.get(best.id) : undefined;
  }

  function offer(t: TaskState, a: AgentState, now: number, out: Decision[]) {
    t.status = 'offered';
    t.agentId = a.id;
    t.offerExpiresAt = now + policy.offerTimeoutSeconds * 1000;
    waiting--;
    indexTask(t);
    timers.push({ at: t.offerExpiresAt, taskId: t.input.id, kind: 'offer', version: t.version });
    a.tasks.add(t.input.id);
    a.idleSince = now;
    indexAgent(a);
    const st = t.stages[t.stage]!;
    out.push({
      type: 'offered',
      taskId: t.input.id,
      agentId: a.id,
      at: now,
      stage: st.index,
      level: st.any ? null : st.level,
    });
  }

  function matchTask(t: TaskState, now: number, out: Decision[]) {
    if (t.status !== 'waiting') return;
    const a = findAgent(t, now);
    if (a) offer(t, a, now, out);
  }

  function fillAgent(a: AgentState, now: number, out: Decision[]) {
    while (available(a)) {
      const t = findTask(a, now);
      if (!t) return;
      offer(t, a, now, out);
    }
  }

  function backToQueue(t: TaskState, now: number) {
    t.status = 'waiting';
    t.agentId = null;
    t.offerExpiresAt = null;
    waiting++;
    indexTask(t);
    scheduleStageTimer(t, now);
  }

  function freeAgentSlot(agentId: string, taskId: string, now: number, out: Decision[]) {
    const a = agents.get(agentId);
    if (!a) return;
    a.tasks.delete(taskId);
    indexAgent(a);
    fillAgent(a, now, out);
  }

  function scheduleStageTimer(t: TaskState, now: number) {
    if (t.stage + 1 < t.stages.length) {
      const at = Math.max(now, t.widenFrom + (t.stage + 1) * policy.widenEverySeconds * 1000);
      timers.push({ at, taskId: t.input.id, kind: 'widen', version: t.version });
    }
  }

  function setPresence(agentId: string, presence: Presence, now: number): Decision[] {
    const out: Decision[] = [];
    const a = agents.get(agentId);
    if (!a || a.presence === presence) return out;
    const previous = a.presence;
    a.presence = presence;
    if (presence === 'offline') {
      // Everything the agent held goes back ahead of newer tasks (original enqueuedAt kept).
      const held = [...a.tasks]
        .map((id) => tasks.get(id)!)
        .sort((x, y) => (taskBefore(entryOf(x), entryOf(y)) ? -1 : 1));
      a.tasks.clear();
      indexAgent(a);
      for (const t of held) {
        t.skipped.clear();
        backToQueue(t, now);
        out.push({ type: 'requeued', taskId: t.input.id, agentId, at: now, reason: 'agent-offline' });
      }
      for (const t of held) matchTask(t, now, out);
      return out;
    }
    if (presence === 'online' && previous !== 'online') a.idleSince = now;
    indexAgent(a);
    if (presence === 'online') fillAgent(a, now, out);
    return out;
  }

  function compact() {
    if (churn < 50_000) return;
    churn = 0;
    for (const h of agentHeaps.values()) h.rebuild(agentEntryValid);
    for (const h of taskHeaps.values()) h.rebuild(taskEntryValid);
  }

  return {
    policy,
    get waitingCount() {
      return waiting;
    },

    upsertAgent(input, now) {
      const out: Decision[] = [];
      let a = agents.get(input.id);
      const wasOnline = a?.presence === 'online';
      if (!a) {
        a = {
          id: input.id,
          presence: input.presence,
          maxConcurrent: input.maxConcurrent,
          skills: new Map(),
          pool: input.pool ?? 'staff',
          tasks: new Set(),
          idleSince: now,
          version: 0,
        };
        agents.set(a.id, a);
      }
      a.maxConcurrent = input.maxConcurrent;
      a.pool = input.pool ?? a.pool;
      a.skills = new Map(
        input.certifications.map((c) => [c.skill, { level: c.level, expiresAt: c.expiresAt }]),
      );
      if (input.presence !== a.presence) {
        out.push(...setPresence(a.id, input.presence, now));
        return out;
      }
      if (!wasOnline && input.presence === 'online') a.idleSince = now;
      indexAgent(a);
      fillAgent(a, now, out);
      compact();
      return out;
    },

    setPresence,

    enqueue(input, now) {
      const out: Decision[] = [];
      if (tasks.has(input.id)) return out;
      const t: TaskState = {
        input,
        priority: input.priority,
        stages: stagesFor(input),
        stage: 0,
        status: 'waiting',
        agentId: null,
        offerExpiresAt: null,
        skipped: new Set(),
        slaFlagged: false,
        widenFrom: input.enqueuedAt,
        seq: seq++,
        version: 0,
      };
      tasks.set(input.id, t);
      waiting++;
      // A task that already waited (rebuilt after a restart) starts at the stage it has reached.
      while (
        t.stage + 1 < t.stages.length &&
        now >= input.enqueuedAt + (t.stage + 1) * policy.widenEverySeconds * 1000
      ) {
        t.stage++;
      }
      indexTask(t);
      scheduleStageTimer(t, now);
      timers.push({
        at: input.enqueuedAt + policy.slaRiskSeconds * 1000,
        taskId: input.id,
        kind: 'sla',
        version: -1,
      });
      matchTask(t, now, out);
      compact();
      return out;
    },

    adopt(input, agentId, _now) {
      if (tasks.has(input.id)) return;
      const t: TaskState = {
        input,
        priority: input.priority,
        stages: stagesFor(input),
        stage: 0,
        status: 'assigned',
        agentId,
        offerExpiresAt: null,
        skipped: new Set(),
        slaFlagged: false,
        widenFrom: input.enqueuedAt,
        seq: seq++,
        version: 0,
      };
      tasks.set(input.id, t);
      timers.push({
        at: input.enqueuedAt + policy.slaRiskSeconds * 1000,
        taskId: input.id,
        kind: 'sla',
        version: -1,
      });
      const a = agents.get(agentId);
      if (a) {
        a.tasks.add(input.id);
        indexAgent(a);
      }
    },

    accept(taskId, agentId, now) {
      const t = tasks.get(taskId);
      if (t?.status !== 'offered' || t.agentId !== agentId) return [];
      t.status = 'assigned';
      t.offerExpiresAt = null;
      t.version++;
      return [{ type: 'accepted', taskId, agentId, at: now }];
    },

    decline(taskId, agentId, now) {
      const t = tasks.get(taskId);
      if (t?.status !== 'offered' || t.agentId !== agentId) return [];
      const out: Decision[] = [{ type: 'offer-expired', taskId, agentId, at: now, reason: 'declined' }];
      t.skipped.add(agentId);
      backToQueue(t, now);
      const a = agents.get(agentId);
      a?.tasks.delete(taskId);
      if (a) indexAgent(a);
      matchTask(t, now, out);
      if (a) fillAgent(a, now, out);
      return out;
    },

    release(taskId, now) {
      const t = tasks.get(taskId);
      if (!t) return [];
      const out: Decision[] = [];
      if (t.status === 'waiting') waiting--;
      tasks.delete(taskId);
      if (t.agentId) {
        out.push({ type: 'released', taskId, agentId: t.agentId, at: now });
        freeAgentSlot(t.agentId, taskId, now, out);
      }
      return out;
    },

    transfer(taskId, skill, requiredLevel, now) {
      const t = tasks.get(taskId);
      if (!t) return [];
      const out: Decision[] = [];
      const previousAgent = t.agentId;
      if (t.status === 'waiting') waiting--;
      t.input = { ...t.input, skill, requiredLevel };
      t.stages = stagesFor(t.input);
      t.stage = 0;
      t.widenFrom = now;
      t.skipped.clear();
      backToQueue(t, now);
      if (previousAgent) {
        out.push({ type: 'requeued', taskId, agentId: previousAgent, at: now, reason: 'transfer' });
        const a = agents.get(previousAgent);
        a?.tasks.delete(taskId);
        if (a) indexAgent(a);
      }
      matchTask(t, now, out);
      if (previousAgent) {
        const a = agents.get(previousAgent);
        if (a) fillAgent(a, now, out);
      }
      return out;
    },

    tick(now) {
      const out: Decision[] = [];
      while (timers.size > 0 && timers.peek()!.at <= now) {
        const timer = timers.pop()!;
        const t = tasks.get(timer.taskId);
        if (!t) continue;
        if (timer.kind === 'sla') {
          if (!t.slaFlagged && t.status === 'waiting') {
            t.slaFlagged = true;
            t.priority += 1;
            out.push({ type: 'sla-risk', taskId: t.input.id, at: timer.at, priority: t.priority });
            indexTask(t);
            scheduleStageTimer(t, now);
          }
          continue;
        }
        if (timer.version !== t.version) continue;
        if (timer.kind === 'offer' && t.status === 'offered' && t.agentId) {
          const agentId = t.agentId;
          out.push({ type: 'offer-expired', taskId: t.input.id, agentId, at: timer.at, reason: 'timeout' });
          t.skipped.add(agentId);
          backToQueue(t, now);
          const a = agents.get(agentId);
          a?.tasks.delete(t.input.id);
          if (a) indexAgent(a);
          matchTask(t, now, out);
          if (a) fillAgent(a, now, out);
        } else if (timer.kind === 'widen' && t.status === 'waiting') {
          t.stage++;
          const st = t.stages[t.stage]!;
          const skills = st.any
            ? [ANY]
            : [t.input.skill, ...(st.overflow ? (policy.overflowSkills[t.input.skill] ?? []) : [])];
          out.push({ type: 'widened', taskId: t.input.id, at: timer.at, stage: st, skills });
          indexTask(t);
          scheduleStageTimer(t, now);
          matchTask(t, now, out);
        }
      }
      compact();
      return out;
    },

    nextTimerAt() {
      return timers.peek()?.at ?? null;
    },

    taskOf(taskId) {
      const t = tasks.get(taskId);
      return t ? { status: t.status, agentId: t.agentId, stage: t.stage, priority: t.priority } : null;
    },

    agentLoad(agentId) {
      return agents.get(agentId)?.tasks.size ?? null;
    },

    stats(now) {
      const bySkill = new Map<string, SkillStats>();
      const row = (skill: string) => {
        let s = bySkill.get(skill);
        if (!s) {
          s = {
            skill,
            waiting: 0,
            oldestEnqueuedAt: null,
            agentsAvailableByLevel: [0, 0, 0, 0, 0],
            agentsBusyByLevel: [0, 0, 0, 0, 0],
          };
          bySkill.set(skill, s);
        }
        return s;
      };
      for (const t of tasks.values()) {
        if (t.status !== 'waiting') continue;
        const s = row(t.input.skill);
        s.waiting++;
        s.oldestEnqueuedAt =
          s.oldestEnqueuedAt === null ? t.input.enqueuedAt : Math.min(s.oldestEnqueuedAt, t.input.enqueuedAt);
      }
      for (const a of agents.values()) {
        if (a.presence !== 'online') continue;
        for (const [skill] of a.skills) {
          const level = levelIn(a, skill, now);
          if (level === 0) continue;
          const s = row(skill);
          if (available(a)) s.agentsAvailableByLevel[level - 1]!++;
          else s.agentsBusyByLevel[level - 1]!++;
        }
      }
      return [...bySkill.values()].sort((x, y) => x.skill.localeCompare(y.skill));
    },
  };

  function entryOf(t: TaskState): TaskEntry {
    return {
      id: t.input.id,
      version: t.version,
      priority: t.priority,
      enqueuedAt: t.input.enqueuedAt,
      seq: t.seq,
    };
  }
}
