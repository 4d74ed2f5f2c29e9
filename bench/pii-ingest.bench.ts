/**
 * @module `pii-ingest` benchmark: what masking at the source costs a message. The real app (same
 * boot as `tidedesk serve`, a temp libSQL file in WAL mode) takes POST …/messages in-process,
 * alternating a message without personal data and one of the same length with a phone number, a
 * resident ID and an address (detect, mask, AES-GCM seal of three values, vault rows in the same
 * batch). Every text is unique, so no memo helps. Reported per kind: wall-time p50/p99 and the
 * median CPU time of one request (robust when other work shares the machine), and the overhead
 * as the difference of medians and a ratio — the plain message is the baseline measured in the
 * same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from '#src/config/env.ts';
import { boot } from '#src/runtime/boot.ts';
import { median, summarize } from './lib/stats.ts';
import { type BenchContext, type Benchmark, target } from './lib/types.ts';

type App = Awaited<ReturnType<typeof boot>>['app'];

async function call(app: App, path: string, body: unknown, token?: string): Promise<Response> {
  return app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

/** GB 11643 check character, so every generated ID is valid (and so really detected). */
function cnId(seq: number): string {
  // Area 110105, a birth date in 1950–1999, a sequence number.
  const first17 = `110105${1950 + (seq % 50)}0101${100 + (seq % 900)}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

const withPii = (i: number) =>
  `您好，我想改收货地址，手机${13800000000 + i}，身份证${cnId(i)}，新地址上海市浦东新区世纪大道${(i % 900) + 1}号2号楼301室，麻烦尽快处理，谢谢！`;
// Same length, same script mix, nothing personal: the baseline.
const plain = (i: number) => {
  const target = withPii(i).length;
  const base = `您好，我想问一下订单的发货进度，第${i}次询问，前两天下单的商品一直显示待发货，请问大概什么时候能发出来呢，麻烦帮忙催一下仓库，谢谢！`;
  return (base + '，'.repeat(target)).slice(0, target);
};

export const benchmark: Benchmark = {
  name: 'pii-ingest',
  description: 'POST …/messages with vs without personal data: masking + sealing overhead at ingest',
  async run(ctx: BenchContext) {
    const rounds = ctx.options.quick ? 60 : (ctx.options.runs ?? 1500);
    const warmup = ctx.options.quick ? 20 : 200;
    const dir = mkdtempSync(join(tmpdir(), 'tidedesk-bench-pii-'));
    const booted = await boot(
      parseEnv({
        DATABASE_URL: `file:${join(dir, 'bench.db')}`,
        TIDEDESK_DATA_DIR: dir,
        TIDEDESK_LOG_LEVEL: 'warn',
      }),
    );
    try {
      const { app } = booted;
      const session = (await (await call(app, '/api/v1/widget/sessions', { tenant: 'demo' })).json()) as {
        token: string;
      };
      const conv = (await (
        await call(app, '/api/v1/conversations', { text: '你好', clientMessageId: 'open' }, session.token)
      ).json()) as { id: string };
      const path = `/api/v1/conversations/${conv.id}/messages`;
      let n = 0;
      const post = async (text: string) => {
        n++;
        const cpu = process.cpuUsage();
        const t0 = performance.now();
        const res = await call(app, path, { text, clientMessageId: `m-${n}` }, session.token);
        const wall = performance.now() - t0;
        const used = process.cpuUsage(cpu);
        if (res.status !== 201) throw new Error(`POST messages → ${res.status} ${await res.text()}`);
        await res.arrayBuffer();
        return { wall, cpu: (used.user + used.system) / 1000 };
      };
      for (let i = 0; i < warmup; i++) await post(i % 2 ? withPii(100_000 + i) : plain(100_000 + i));
      const samples = {
        plain: { wall: [] as number[], cpu: [] as number[] },
        pii: { wall: [] as number[], cpu: [] as number[] },
      };
      for (let i = 0; i < rounds; i++) {
        // Interleaved, so a burst of load elsewhere lands on both kinds alike.
        for (const kind of i % 2 ? (['pii', 'plain'] as const) : (['plain', 'pii'] as const)) {
          const s = await post(kind === 'pii' ? withPii(i) : plain(i));
          samples[kind].wall.push(s.wall);
          samples[kind].cpu.push(s.cpu);
        }
        if (i % 500 === 499) ctx.log(`  ${i + 1}/${rounds} rounds`);
      }
      const wall = { plain: summarize(samples.plain.wall, 3), pii: summarize(samples.pii.wall, 3) };
      const cpu = { plain: median(samples.plain.cpu), pii: median(samples.pii.cpu) };
      const overheadWall = wall.pii.p50 - wall.plain.p50;
      const overheadCpu = cpu.pii - cpu.plain;
      const r = (x: number) => Math.round(x * 1000) / 1000;
      return {
        metrics: {
          rounds,
          messageChars: withPii(0).length,
          wallMs: wall,
          cpuMsMedian: { plain: r(cpu.plain), pii: r(cpu.pii) },
          overhead: {
            wallMsP50: r(overheadWall),
            cpuMsMedian: r(overheadCpu),
            ratioWallP50: r(wall.pii.p50 / wall.plain.p50),
            ratioCpu: r(cpu.pii / cpu.plain),
          },
        },
        table: {
          columns: ['POST …/messages', 'p50 ms', 'p99 ms', 'CPU ms (median)'],
          rows: [
            ['no personal data', wall.plain.p50, wall.plain.p99, r(cpu.plain)],
            ['phone + ID + address', wall.pii.p50, wall.pii.p99, r(cpu.pii)],
            ['overhead', r(overheadWall), r(wall.pii.p99 - wall.plain.p99), r(overheadCpu)],
          ],
        },
        targets: [target('masking + sealing CPU per message (median)', r(overheadCpu), '<', 1, 'ms')],
      };
    } finally {
      (booted.deps as { dispatch?: { stop(): void } }).dispatch?.stop();
      booted.database.client.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
