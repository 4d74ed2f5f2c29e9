/**
 * @module `dispatch` benchmark: one dispatch decision with N agents × 200 skills × 5,000 queued
 * tasks, for N = 1k, 10k, 50k. The measured decision is what happens when an agent frees up
 * (release → the dispatcher picks and offers the best waiting task) and when a task arrives
 * (enqueue → best free agent or queued). Baseline in the same run: a naive dispatcher that scans
 * the whole queue for the freed agent, so the index's gain is visible as a ratio.
 */
import { createDispatcher } from '#src/core/dispatch/dispatcher.ts';
import { createRandom } from '#src/core/simulation/random.ts';
import { summarize } from './lib/stats.ts';
import { type BenchContext, type Benchmark, target } from './lib/types.ts';

const SKILLS = 200;
const QUEUED = 5_000;

interface Fixture {
  agents: { id: string; certs: { skill: string; level: number }[] }[];
}

function fixture(agentCount: number, seed: number): Fixture {
  const rng = createRandom(seed);
  const skill = () => `s${Math.floor(rng.next() * SKILLS)}`;
  return {
    agents: Array.from({ length: agentCount }, (_, i) => ({
      id: `a${i}`,
      certs: [
        { skill: skill(), level: 1 + Math.floor(rng.next() * 5) },
        { skill: skill(), level: 1 + Math.floor(rng.next() * 5) },
        { skill: skill(), level: 1 + Math.floor(rng.next() * 5) },
      ],
    })),
  };
}

function measure(agentCount: number, ops: number) {
  const f = fixture(agentCount, agentCount);
  const rng = createRandom(99);
  const d = createDispatcher({ strategy: 'longest-idle', widenToAnyAgent: false, slaRiskSeconds: 1e9 });
  let now = Date.UTC(2026, 0, 1);
  for (const a of f.agents) {
    d.upsertAgent(
      {
        id: a.id,
        presence: 'online',
        maxConcurrent: 1,
        certifications: a.certs.map((c) => ({ ...c, expiresAt: null })),
      },
      now,
    );
  }
  // Fill every agent, then leave QUEUED tasks waiting.
  const held: string[] = [];
  let n = 0;
  const newTask = () => {
    const c = f.agents[Math.floor(rng.next() * f.agents.length)]!.certs[0]!;
    return {
      id: `t${n++}`,
      skill: c.skill,
      requiredLevel: 1 + Math.floor(rng.next() * 2),
      priority: rng.next() < 0.05 ? 10 : 0,
      enqueuedAt: now,
    };
  };
  while (d.waitingCount < QUEUED) {
    now += 1;
    for (const x of d.enqueue(newTask(), now)) if (x.type === 'offered') held.push(x.taskId);
  }
  const release: number[] = [];
  const arrive: number[] = [];
  for (let i = 0; i < ops; i++) {
    now += 1;
    // An agent finishes a task: release it and let the dispatcher pick the next one.
    const idx = Math.floor(rng.next() * held.length);
    const taskId = held[idx]!;
    held[idx] = held[held.length - 1]!;
    held.pop();
    let t0 = performance.now();
    const out = d.release(taskId, now);
    release.push((performance.now() - t0) * 1000);
    for (const x of out) if (x.type === 'offered') held.push(x.taskId);
    // A customer arrives: enqueue (offered at once if someone is free, else queued).
    t0 = performance.now();
    const out2 = d.enqueue(newTask(), now);
    arrive.push((performance.now() - t0) * 1000);
    for (const x of out2) if (x.type === 'offered') held.push(x.taskId);
  }

  // Naive baseline: scan every waiting task for the first the freed agent can take.
  const waiting = Array.from({ length: QUEUED }, () => newTask());
  const naive: number[] = [];
  for (let i = 0; i < Math.min(ops, 2000); i++) {
    const agent = f.agents[Math.floor(rng.next() * f.agents.length)]!;
    const t0 = performance.now();
    let best = -1;
    for (let j = 0; j < waiting.length; j++) {
      const t = waiting[j]!;
      const c = agent.certs.find((x) => x.skill === t.skill && x.level >= t.requiredLevel);
      if (c && (best < 0 || t.priority > waiting[best]!.priority)) best = j;
    }
    naive.push((performance.now() - t0) * 1000 + (best === -2 ? 1 : 0));
  }
  return {
    release: summarize(release, 1),
    arrive: summarize(arrive, 1),
    naive: summarize(naive, 1),
    waiting: d.waitingCount,
  };
}

async function run(ctx: BenchContext) {
  const ops = ctx.options.quick ? 2_000 : 20_000;
  const sizes = ctx.options.quick ? [1_000, 10_000] : [1_000, 10_000, 50_000];
  const results: Record<string, ReturnType<typeof measure>> = {};
  for (const size of sizes) {
    ctx.log(`  dispatch: ${size} agents × ${SKILLS} skills × ${QUEUED} queued, ${ops} decisions…`);
    results[size] = measure(size, ops);
  }
  const ten = results[10_000]!;
  const table = {
    columns: [
      'agents',
      'agent freed p50 µs',
      'p99 µs',
      'task arrives p50 µs',
      'p99 µs',
      'naive scan p50 µs',
      'naive ÷ indexed (p50)',
    ],
    rows: sizes.map((s) => {
      const r = results[s]!;
      return [
        s,
        r.release.p50,
        r.release.p99,
        r.arrive.p50,
        r.arrive.p99,
        r.naive.p50,
        Number((r.naive.p50 / Math.max(r.release.p50, 0.1)).toFixed(1)),
      ];
    }),
  };
  return {
    metrics: { skills: SKILLS, queued: QUEUED, decisions: ops, bySize: results },
    table,
    targets: [
      target('agent-freed decision p99, 10k agents', ten.release.p99, '<', 1000, 'µs'),
      target('task-arrival decision p99, 10k agents', ten.arrive.p99, '<', 1000, 'µs'),
    ],
  };
}

export const benchmark: Benchmark = {
  name: 'dispatch',
  description: 'dispatch decision latency with 1k/10k/50k agents × 200 skills × 5,000 queued tasks',
  run,
};
