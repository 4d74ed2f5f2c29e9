/**
 * @module `compliance-route` benchmark: what the realtime check costs over HTTP. The real app (same
 * boot as `tidedesk serve`, a temp libSQL file) answers, interleaved: GET /api/v1/me (the
 * baseline: auth + one read), POST /api/v1/compliance/check of a 1,000-character bilingual draft
 * without a conversation, and the same with a conversationId (conversation read, memoised SOP
 * step and risk). Beside them the embedded engine alone on the same drafts, in the same run.
 * Reported per kind: wall-time p50/p99 and the median CPU time of one call (robust when other work
 * shares the machine); the route's overhead is the check minus the engine, and minus the baseline.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultPack } from '#assist/compliance/default-pack.ts';
import { demoComplianceKnowledge } from '#assist/compliance/demo-knowledge.ts';
import { createComplianceChecker } from '#assist/compliance/engine.ts';
import { parseEnv } from '#src/config/env.ts';
import { createPiiDetector } from '#src/core/pii/index.ts';
import { createRandom } from '#src/core/simulation/random.ts';
import { boot } from '#src/runtime/boot.ts';
import { median, summarize } from './lib/stats.ts';
import { type BenchContext, type Benchmark, target } from './lib/types.ts';

type App = Awaited<ReturnType<typeof boot>>['app'];
const DRAFT_CHARS = 1_000;
const KINDS = ['baseline', 'engine', 'check', 'checkConversation'] as const;
type Kind = (typeof KINDS)[number];

function drafts(root: string, count: number, seed: number): string[] {
  const golden = readFileSync(join(root, 'eval/compliance/cases.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { lang: 'zh' | 'en'; draft: string });
  const zh = golden.filter((g) => g.lang === 'zh').map((g) => g.draft);
  const en = golden.filter((g) => g.lang === 'en').map((g) => g.draft);
  const rng = createRandom(seed);
  const pick = (list: string[]) => list[Math.floor(rng.next() * list.length)]!;
  return Array.from({ length: count }, () => {
    let d = '';
    for (let i = 0; d.length < DRAFT_CHARS; i++) d += `${pick(i % 2 === 0 ? zh : en)} `;
    return d.slice(0, DRAFT_CHARS);
  });
}

async function json<T>(res: Response): Promise<T> {
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export const benchmark: Benchmark = {
  name: 'compliance-route',
  description:
    'POST /api/v1/compliance/check (1,000 chars, with and without a conversation) vs the engine and GET /me',
  async run(ctx: BenchContext) {
    const rounds = ctx.options.quick ? 60 : (ctx.options.runs ?? 1000);
    const warmup = ctx.options.quick ? 10 : 100;
    const dir = mkdtempSync(join(tmpdir(), 'tidedesk-bench-compliance-'));
    const booted = await boot(
      parseEnv({
        DATABASE_URL: `file:${join(dir, 'bench.db')}`,
        TIDEDESK_DATA_DIR: dir,
        TIDEDESK_LOG_LEVEL: 'warn',
      }),
    );
    try {
      const app: App = booted.app;
      const req = (path: string, init: { method?: string; token?: string; body?: unknown } = {}) =>
        app.request(path, {
          method: init.method ?? 'GET',
          headers: {
            ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
            ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
          },
          ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
        });
      const { token } = await json<{ token: string }>(
        await req('/api/v1/auth/token', {
          method: 'POST',
          body: { email: 'supervisor@demo.test', password: 'tidedesk-demo' },
        }),
      );
      const customer = await json<{ token: string }>(
        await req('/api/v1/widget/sessions', { method: 'POST', body: { tenant: 'demo' } }),
      );
      const conv = await json<{ id: string }>(
        await req('/api/v1/conversations', {
          method: 'POST',
          token: customer.token,
          body: { text: '我想退款，订单还没发货，钱多久能到？', clientMessageId: 'bench-open' },
        }),
      );
      const texts = drafts(ctx.root, 64, 7);
      const engine = createComplianceChecker(defaultPack(), {
        detector: createPiiDetector(),
        knowledge: demoComplianceKnowledge(),
      });
      const calls: Record<Kind, (text: string) => Promise<unknown>> = {
        baseline: async () => (await req('/api/v1/me', { token })).arrayBuffer(),
        engine: async (text) => engine.check(text),
        check: async (text) =>
          json(
            await req('/api/v1/compliance/check', { method: 'POST', token, body: { text, judge: false } }),
          ),
        checkConversation: async (text) =>
          json(
            await req('/api/v1/compliance/check', {
              method: 'POST',
              token,
              body: { text, conversationId: conv.id, judge: false },
            }),
          ),
      };
      const samples = Object.fromEntries(
        KINDS.map((k) => [k, { wall: [] as number[], cpu: [] as number[] }]),
      ) as Record<Kind, { wall: number[]; cpu: number[] }>;
      for (let i = 0; i < warmup; i++) for (const k of KINDS) await calls[k](texts[i % texts.length]!);
      for (let i = 0; i < rounds; i++) {
        // Interleaved and rotated, so a burst of load elsewhere lands on every kind alike.
        for (let j = 0; j < KINDS.length; j++) {
          const kind = KINDS[(i + j) % KINDS.length]!;
          const cpu = process.cpuUsage();
          const t0 = performance.now();
          await calls[kind](texts[i % texts.length]!);
          samples[kind].wall.push(performance.now() - t0);
          const used = process.cpuUsage(cpu);
          samples[kind].cpu.push((used.user + used.system) / 1000);
        }
        if (i % 250 === 249) ctx.log(`  ${i + 1}/${rounds} rounds`);
      }
      const r = (x: number) => Math.round(x * 1000) / 1000;
      const wall = Object.fromEntries(KINDS.map((k) => [k, summarize(samples[k].wall, 3)])) as Record<
        Kind,
        ReturnType<typeof summarize>
      >;
      const cpu = Object.fromEntries(KINDS.map((k) => [k, r(median(samples[k].cpu))])) as Record<
        Kind,
        number
      >;
      const overCheck = r(wall.checkConversation.p50 - wall.engine.p50);
      return {
        metrics: {
          rounds,
          draftChars: DRAFT_CHARS,
          wallMs: wall,
          cpuMsMedian: cpu,
          routeOverhead: {
            wallMsP50VsEngine: overCheck,
            wallMsP50VsBaseline: r(wall.checkConversation.p50 - wall.baseline.p50),
            cpuMsVsEngine: r(cpu.checkConversation - cpu.engine),
            ratioWallP50VsBaseline: r(wall.checkConversation.p50 / wall.baseline.p50),
          },
        },
        table: {
          columns: ['call', 'p50 ms', 'p99 ms', 'CPU ms (median)'],
          rows: [
            ['GET /me (baseline)', wall.baseline.p50, wall.baseline.p99, cpu.baseline],
            ['engine.check (1,000 chars)', wall.engine.p50, wall.engine.p99, cpu.engine],
            ['POST /compliance/check', wall.check.p50, wall.check.p99, cpu.check],
            [
              '… with conversationId',
              wall.checkConversation.p50,
              wall.checkConversation.p99,
              cpu.checkConversation,
            ],
          ],
        },
        targets: [
          target('check with conversation, p50', wall.checkConversation.p50, '<', 5, 'ms'),
          target('route overhead over the engine, p50', overCheck, '<', 2, 'ms'),
        ],
      };
    } finally {
      (booted.deps as { dispatch?: { stop(): void } }).dispatch?.stop();
      booted.database.client.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
