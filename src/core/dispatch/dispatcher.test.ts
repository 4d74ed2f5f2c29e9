import { describe, expect, it } from 'vitest';
import { createDispatcher } from './dispatcher.ts';
import type { AgentInput, Decision, TaskInput } from './types.ts';

const T0 = Date.UTC(2026, 10, 24, 9);
const sec = (s: number) => T0 + s * 1000;

const agent = (id: string, certs: [string, number, number?][], maxConcurrent = 1): AgentInput => ({
  id,
  presence: 'online',
  maxConcurrent,
  certifications: certs.map(([skill, level, expiresAt]) => ({ skill, level, expiresAt: expiresAt ?? null })),
});
const task = (id: string, skill: string, requiredLevel = 1, priority = 0, enqueuedAt = T0): TaskInput => ({
  id,
  skill,
  requiredLevel,
  priority,
  enqueuedAt,
});
const offers = (ds: Decision[]) =>
  ds.filter((d) => d.type === 'offered').map((d) => `${d.taskId}->${d.agentId}`);

describe('dispatcher: eligibility and strategies', () => {
  it('offers only to an individual certified at the required level', () => {
    const d = createDispatcher({ widenToAnyAgent: false });
    d.upsertAgent(agent('a-low', [['refund', 2]]), T0);
    d.upsertAgent(agent('a-other', [['billing', 5]]), T0);
    expect(offers(d.enqueue(task('t1', 'refund', 3), T0))).toEqual([]);
    d.upsertAgent(agent('a-high', [['refund', 4]]), T0);
    expect(d.taskOf('t1')).toMatchObject({ status: 'offered', agentId: 'a-high' });
  });

  it('longest-idle spreads work round-robin', () => {
    const d = createDispatcher({ strategy: 'longest-idle' });
    for (const id of ['a1', 'a2', 'a3']) d.upsertAgent(agent(id, [['refund', 3]], 10), T0);
    const got: string[] = [];
    for (let i = 0; i < 9; i++) {
      const ds = d.enqueue(task(`t${i}`, 'refund'), sec(i + 1));
      got.push(...offers(ds).map((o) => o.split('->')[1]!));
    }
    expect(got.filter((a) => a === 'a1')).toHaveLength(3);
    expect(got.filter((a) => a === 'a2')).toHaveLength(3);
    expect(got.slice(0, 3)).toEqual(['a1', 'a2', 'a3']);
  });

  it('most-proficient picks the highest level, ties by longest idle', () => {
    const d = createDispatcher({ strategy: 'most-proficient' });
    d.upsertAgent(agent('a3', [['refund', 3]], 5), T0);
    d.upsertAgent(agent('a5', [['refund', 5]], 5), sec(1));
    d.upsertAgent(agent('a5b', [['refund', 5]], 5), sec(2));
    expect(offers(d.enqueue(task('t1', 'refund', 2), sec(3)))).toEqual(['t1->a5']);
    expect(offers(d.enqueue(task('t2', 'refund', 2), sec(4)))).toEqual(['t2->a5b']);
  });

  it('least-occupied picks the lowest load ratio', () => {
    const d = createDispatcher({ strategy: 'least-occupied' });
    d.upsertAgent(agent('busy', [['refund', 3]], 4), T0);
    d.upsertAgent(agent('free', [['refund', 3]], 2), sec(1));
    d.enqueue(task('t1', 'refund'), sec(2)); // busy (longest idle on a tie of 0 load)
    expect(d.taskOf('t1')?.agentId).toBe('busy');
    d.enqueue(task('t2', 'refund'), sec(3)); // busy 1/4 vs free 0/2 → free
    expect(d.taskOf('t2')?.agentId).toBe('free');
    d.enqueue(task('t3', 'refund'), sec(4)); // busy 1/4 = 0.25 vs free 1/2 = 0.5 → busy
    expect(d.taskOf('t3')?.agentId).toBe('busy');
  });

  it('a freed agent takes the highest-priority, then longest-waiting task', () => {
    const d = createDispatcher({ slaRiskSeconds: 3600 });
    d.enqueue(task('old', 'refund', 1, 0, sec(0)), sec(0));
    d.enqueue(task('newer', 'refund', 1, 0, sec(5)), sec(5));
    d.enqueue(task('vip', 'refund', 1, 10, sec(9)), sec(9));
    const ds = d.upsertAgent(agent('a1', [['refund', 3]], 2), sec(10));
    expect(offers(ds)).toEqual(['vip->a1', 'old->a1']);
  });
});

describe('dispatcher: widening while waiting', () => {
  it('drops the required level one step every Δ down to the floor, each step logged', () => {
    const d = createDispatcher({
      widenEverySeconds: 30,
      levelFloor: 2,
      slaRiskSeconds: 3600,
      overflowSkills: { refund: ['returns'] },
    });
    d.upsertAgent(agent('lvl2', [['refund', 2]]), T0);
    d.upsertAgent(agent('returns', [['returns', 4]]), T0);
    d.upsertAgent(agent('generalist', [['billing', 1]]), T0);
    d.enqueue(task('t', 'refund', 4), T0);
    expect(d.tick(sec(29))).toEqual([]);
    const at30 = d.tick(sec(30));
    expect(at30).toEqual([
      expect.objectContaining({ type: 'widened', stage: expect.objectContaining({ level: 3 }) }),
    ]);
    const at60 = d.tick(sec(60));
    expect(at60[0]).toMatchObject({ type: 'widened', stage: { level: 2, overflow: false } });
    expect(offers(at60)).toEqual(['t->lvl2']);
  });

  it('reaches overflow skills and finally any agent when no one certified is free', () => {
    const d = createDispatcher({
      widenEverySeconds: 10,
      levelFloor: 3,
      overflowSkills: { refund: ['returns'] },
    });
    d.upsertAgent(agent('generalist', [['billing', 1]]), T0);
    d.enqueue(task('t', 'refund', 4), T0);
    const at10 = d.tick(sec(10));
    expect(at10.map((x) => x.type)).toEqual(['widened']);
    const at20 = d.tick(sec(20));
    expect(at20[0]).toMatchObject({ type: 'widened', skills: ['refund', 'returns'] });
    d.upsertAgent(agent('returns-3', [['returns', 3]]), sec(21));
    expect(d.taskOf('t')?.agentId).toBe('returns-3');
  });

  it('widens to any online agent last', () => {
    const d = createDispatcher({ widenEverySeconds: 10, levelFloor: 1 });
    d.upsertAgent(agent('generalist', [['billing', 1]]), T0);
    d.enqueue(task('t', 'refund', 1), T0);
    const ds = d.tick(sec(10));
    expect(ds[0]).toMatchObject({ type: 'widened', skills: ['*'] });
    expect(offers(ds)).toEqual(['t->generalist']);
  });

  it('an SOP whose skill no one holds waits, never dropped', () => {
    const d = createDispatcher({ widenToAnyAgent: false, widenEverySeconds: 5 });
    d.upsertAgent(agent('a', [['billing', 5]]), T0);
    d.enqueue(task('t', 'rare-skill', 1), T0);
    d.tick(sec(3600));
    expect(d.taskOf('t')?.status).toBe('waiting');
    expect(d.stats(sec(3600)).find((s) => s.skill === 'rare-skill')).toMatchObject({
      waiting: 1,
      oldestEnqueuedAt: T0,
    });
  });

  it('raises priority once when the wait puts the SLA at risk', () => {
    const d = createDispatcher({ slaRiskSeconds: 60, widenToAnyAgent: false });
    d.enqueue(task('t', 'refund'), T0);
    expect(d.tick(sec(60))).toContainEqual(
      expect.objectContaining({ type: 'sla-risk', taskId: 't', priority: 1 }),
    );
    expect(d.tick(sec(120)).filter((x) => x.type === 'sla-risk')).toEqual([]);
  });
});

describe('dispatcher: offers, disconnects, transfers', () => {
  it('an offer not accepted in time is withdrawn and re-offered to someone else', () => {
    const d = createDispatcher({ offerTimeoutSeconds: 20 });
    d.upsertAgent(agent('slow', [['refund', 3]]), T0);
    d.upsertAgent(agent('fast', [['refund', 3]]), sec(1));
    d.enqueue(task('t', 'refund'), sec(2));
    expect(d.taskOf('t')?.agentId).toBe('slow');
    const ds = d.tick(sec(22));
    expect(ds.map((x) => x.type)).toEqual(['offer-expired', 'offered']);
    expect(d.taskOf('t')?.agentId).toBe('fast');
    expect(d.agentLoad('slow')).toBe(0);
    expect(d.accept('t', 'fast', sec(23))).toEqual([expect.objectContaining({ type: 'accepted' })]);
    expect(d.tick(sec(100)).filter((x) => x.type === 'offer-expired')).toEqual([]);
  });

  it('a disconnected agent’s tasks return ahead of newer tasks', () => {
    const d = createDispatcher({ slaRiskSeconds: 3600, widenToAnyAgent: false });
    d.upsertAgent(agent('leaver', [['refund', 3]], 2), T0);
    d.enqueue(task('early', 'refund', 1, 0, sec(1)), sec(1));
    d.accept('early', 'leaver', sec(2));
    d.enqueue(task('early2', 'refund', 1, 0, sec(3)), sec(3));
    d.enqueue(task('late', 'refund', 1, 0, sec(10)), sec(10));
    const ds = d.setPresence('leaver', 'offline', sec(11));
    expect(ds.filter((x) => x.type === 'requeued').map((x) => x.taskId)).toEqual(['early', 'early2']);
    const next = d.upsertAgent(agent('stayer', [['refund', 3]], 3), sec(12));
    expect(offers(next)).toEqual(['early->stayer', 'early2->stayer', 'late->stayer']);
  });

  it('transfer to another skill re-queues the same task for that skill', () => {
    const d = createDispatcher({ widenToAnyAgent: false });
    d.upsertAgent(agent('r', [['refund', 3]]), T0);
    d.upsertAgent(agent('b', [['billing', 3]]), T0);
    d.enqueue(task('t', 'refund'), T0);
    d.accept('t', 'r', sec(1));
    const ds = d.transfer('t', 'billing', 2, sec(5));
    expect(ds.map((x) => x.type)).toEqual(['requeued', 'offered']);
    expect(d.taskOf('t')?.agentId).toBe('b');
    expect(d.agentLoad('r')).toBe(0);
  });

  it('a certification that expires mid-shift stops new offers for that skill', () => {
    const d = createDispatcher({ widenToAnyAgent: false });
    d.upsertAgent(agent('a', [['refund', 3, sec(100)]], 5), T0);
    d.enqueue(task('before', 'refund'), sec(50));
    expect(d.taskOf('before')?.agentId).toBe('a');
    d.enqueue(task('after', 'refund'), sec(101));
    expect(d.taskOf('after')?.status).toBe('waiting');
  });

  it('rebuilding after a restart keeps queue order and the widening already reached', () => {
    const d = createDispatcher({ widenEverySeconds: 30, levelFloor: 1, widenToAnyAgent: false });
    d.enqueue(task('second', 'refund', 3, 0, sec(20)), sec(100));
    d.enqueue(task('first', 'refund', 3, 0, sec(0)), sec(100));
    expect(d.taskOf('first')?.stage).toBe(2);
    const ds = d.upsertAgent(agent('a', [['refund', 1]], 2), sec(101));
    expect(offers(ds)).toEqual(['first->a', 'second->a']);
  });
});

describe('dispatcher: never double-assigns, never over capacity', () => {
  it('holds under a random storm of events (seeded)', () => {
    let seed = 42;
    const rand = () => {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    const skills = ['s1', 's2', 's3', 's4'];
    const d = createDispatcher({
      widenEverySeconds: 5,
      offerTimeoutSeconds: 3,
      overflowSkills: { s1: ['s2'] },
    });
    const owner = new Map<string, string>();
    let now = T0;
    const apply = (ds: Decision[]) => {
      for (const x of ds) {
        if (x.type === 'offered') {
          expect(owner.has(x.taskId), `task ${x.taskId} offered twice`).toBe(false);
          owner.set(x.taskId, x.agentId);
        }
        if (x.type === 'offer-expired' || x.type === 'requeued' || x.type === 'released')
          owner.delete(x.taskId);
      }
    };
    for (let i = 0; i < 30; i++) {
      const certs: [string, number][] = [
        [skills[i % 4]!, 1 + (i % 5)],
        [skills[(i + 1) % 4]!, 1 + ((i * 3) % 5)],
      ];
      apply(d.upsertAgent(agent(`a${i}`, certs, 1 + (i % 3)), now));
    }
    let n = 0;
    for (let step = 0; step < 5000; step++) {
      now += Math.floor(rand() * 800);
      const r = rand();
      if (r < 0.35)
        apply(
          d.enqueue(
            task(
              `t${n++}`,
              skills[Math.floor(rand() * 4)]!,
              1 + Math.floor(rand() * 5),
              rand() < 0.1 ? 10 : 0,
              now,
            ),
            now,
          ),
        );
      else if (r < 0.6 && owner.size) {
        const [t, a] = [...owner][Math.floor(rand() * owner.size)]!;
        apply(d.accept(t, a, now));
      } else if (r < 0.8 && owner.size) {
        const [t] = [...owner][Math.floor(rand() * owner.size)]!;
        apply(d.release(t, now));
      } else if (r < 0.85) {
        apply(d.setPresence(`a${Math.floor(rand() * 30)}`, rand() < 0.5 ? 'offline' : 'online', now));
      } else apply(d.tick(now));
      for (let i = 0; i < 30; i++) {
        const load = d.agentLoad(`a${i}`)!;
        expect(load).toBeLessThanOrEqual(1 + (i % 3));
      }
    }
    const perAgent = new Map<string, number>();
    for (const a of owner.values()) perAgent.set(a, (perAgent.get(a) ?? 0) + 1);
    for (const [a, count] of perAgent) expect(count).toBe(d.agentLoad(a));
  });

  it('10,000 simultaneous arrivals are all served in order once agents come online', () => {
    const d = createDispatcher({ widenToAnyAgent: false, slaRiskSeconds: 86_400 });
    for (let i = 0; i < 10_000; i++) d.enqueue(task(`t${i}`, 'refund', 1, 0, T0 + i), T0 + i);
    expect(d.waitingCount).toBe(10_000);
    const ds = d.upsertAgent(agent('a', [['refund', 5]], 10_000), sec(20));
    const got = offers(ds);
    expect(got).toHaveLength(10_000);
    expect(got[0]).toBe('t0->a');
    expect(got[9_999]).toBe('t9999->a');
    expect(d.waitingCount).toBe(0);
  });
});
