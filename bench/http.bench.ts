/**
 * @module `http` benchmark: bare Hono hello world vs Tidedesk message ingest with SSE delivery.
 *
 * Both servers run as their own processes on 127.0.0.1 (`tidedesk serve` on a fresh database,
 * bench/servers/bare-hono.ts), this process is the load generator. Phases, all in one run:
 *  1. setup — 50 widget customers open conversations, a supervisor claims them (the override that
 *     works with or without the live dispatcher) and opens one staff-side SSE stream on each;
 *  2. open loop at a fixed offered rate (default 1,000 req/s for 20 s) against bare `GET /`, then
 *     against Tidedesk `POST /conversations/{id}/messages` round-robin; latency is taken from the
 *     scheduled send time (no coordinated omission) and delivery latency is SSE arrival minus it;
 *  3. closed loop (64 connections, 5 s) for max req/s of bare `GET /`, Tidedesk `GET /healthz`
 *     and Tidedesk `POST …/messages`; the ratio to bare Hono comes from these.
 * Every acknowledged message must arrive on its stream exactly once, in seq order; the result
 * counts lost, duplicated and out-of-order deliveries.
 */
import { type CpuUse, startCpuMeter } from './lib/cpu.ts';
import { createDeliveryTracker } from './lib/delivery.ts';
import { createHttpClient } from './lib/http-client.ts';
import { closedLoop, type LoadResult, type OpenLoopResult, openLoop } from './lib/load.ts';
import { type ServerProcess, startBareHono, startTidedesk, tempDir } from './lib/process.ts';
import { openSse, type SseConnection } from './lib/sse.ts';
import { summarize } from './lib/stats.ts';
import { DEFAULT_CLAIMERS, eventsPath, messagesPath, openClaimedConversations } from './lib/tidedesk-api.ts';
import { type BenchContext, type Benchmark, target } from './lib/types.ts';

const round = (v: number, digits = 1) => Number(v.toFixed(digits));

function loadSummary(r: LoadResult | OpenLoopResult, cpu: CpuUse) {
  return {
    ...('offeredRps' in r ? { offeredRps: r.offeredRps, maxScheduleLagMs: round(r.maxScheduleLagMs) } : {}),
    rps: round(r.rps),
    sent: r.sent,
    ok: r.ok,
    errors: r.failed,
    latencyMs: summarize(r.latenciesMs),
    serverCpuPct: cpu.serverPct,
    clientCpuPct: cpu.clientPct,
    serverCpuMsPerRequest: round((cpu.serverS * 1000) / Math.max(1, r.ok), 3),
  };
}

async function run(ctx: BenchContext) {
  const { quick } = ctx.options;
  const rate = ctx.options.rate ?? 1000;
  const durationS = ctx.options.durationS ?? (quick ? 3 : 20);
  const warmupS = quick ? 0.5 : 2;
  const closedS = quick ? 1.5 : 5;
  const concurrency = 64;
  const conversationCount = 50;

  const dir = tempDir('tidedesk-bench-http-');
  const servers: ServerProcess[] = [];
  const streams: SseConnection[] = [];
  try {
    ctx.log(`  starting tidedesk and bare hono (data in ${dir.path})`);
    const [td, bare] = await Promise.all([startTidedesk({ dataDir: dir.path }), startBareHono()]);
    servers.push(td, bare);
    const tdHttp = createHttpClient(td.url, 256);
    const bareHttp = createHttpClient(bare.url, 256);

    ctx.log(`  setup: ${conversationCount} conversations claimed by a supervisor, one staff SSE stream each`);
    const convs = await openClaimedConversations(tdHttp, conversationCount);
    const tracker = createDeliveryTracker();
    for (const c of convs) {
      streams.push(
        await openSse(td.url + eventsPath(c.id), {
          token: c.staffToken,
          onEvent: (ev) => tracker.onEvent(c.id, ev),
        }),
      );
    }

    /** Failed requests by status (0 = on the wire: refused, reset, 10 s timeout). */
    const failures: Record<string, number> = {};
    const tally = (status: number, body: string, ok: boolean) => {
      if (ok) return true;
      const kind = status === 0 ? `network: ${body.slice(0, 40)}` : String(status);
      failures[kind] = (failures[kind] ?? 0) + 1;
      return false;
    };
    const bareGet = async () => {
      const res = await bareHttp.send('GET', '/');
      return tally(res.status, res.body, res.status === 200);
    };
    let posted = 0;
    /** Posts as the conversation's customer; only `measured` phases feed the delivery latency. */
    const post = (phase: string, measured: boolean) => async (i: number, dueAt: number) => {
      const conv = convs[i % convs.length]!;
      const clientMessageId = `${phase}-${i}`;
      tracker.expect(clientMessageId, conv.id, measured ? dueAt : null);
      const res = await tdHttp.send('POST', messagesPath(conv.id), {
        token: conv.customerToken,
        body: { text: `load message ${posted++}`, clientMessageId },
      });
      const ok = res.status === 201 || res.status === 200;
      if (ok) tracker.ack(clientMessageId);
      return tally(res.status, res.body, ok);
    };

    ctx.log(`  warm-up ${warmupS}s each`);
    await openLoop({ rate, durationS: warmupS, send: bareGet });
    await openLoop({ rate, durationS: warmupS, send: post('warm', false) });

    ctx.log(`  open loop: bare hono GET / at ${rate} req/s for ${durationS}s`);
    let cpu = startCpuMeter(bare.child.pid);
    const bareOpen = await openLoop({ rate, durationS, send: bareGet });
    const bareOpenCpu = cpu.stop();

    ctx.log(`  open loop: tidedesk POST …/messages + SSE at ${rate} msg/s for ${durationS}s`);
    cpu = startCpuMeter(td.child.pid);
    const tdOpen = await openLoop({ rate, durationS, send: post('open', true) });
    const tdOpenCpu = cpu.stop();
    await tracker.drain(5000);
    const deliveryMs = summarize(tracker.latenciesMs);
    const openDelivery = tracker.report();

    ctx.log(`  closed loop: ${concurrency} connections × ${closedS}s — bare GET /, tidedesk /healthz, POST`);
    cpu = startCpuMeter(bare.child.pid);
    const bareMax = await closedLoop({ concurrency, durationS: closedS, send: bareGet });
    const bareMaxCpu = cpu.stop();
    cpu = startCpuMeter(td.child.pid);
    const healthMax = await closedLoop({
      concurrency,
      durationS: closedS,
      send: async () => {
        const res = await tdHttp.send('GET', '/healthz');
        return tally(res.status, res.body, res.status === 200);
      },
    });
    const healthMaxCpu = cpu.stop();
    cpu = startCpuMeter(td.child.pid);
    const tdMax = await closedLoop({ concurrency, durationS: closedS, send: post('max', false) });
    const tdMaxCpu = cpu.stop();
    await tracker.drain(10_000);
    const delivery = tracker.report();

    const ratio = tdMax.rps / bareMax.rps;
    const metrics = {
      config: {
        rate,
        durationS,
        warmupS,
        closedS,
        concurrency,
        conversations: conversationCount,
        claimedBy: DEFAULT_CLAIMERS,
      },
      bareHono: {
        openLoop: loadSummary(bareOpen, bareOpenCpu),
        maxThroughput: loadSummary(bareMax, bareMaxCpu),
      },
      tidedesk: {
        openLoop: {
          // latencyMs: POST …/messages answered, from its scheduled send time.
          ...loadSummary(tdOpen, tdOpenCpu),
          deliveryLatencyMs: deliveryMs,
          delivery: openDelivery,
        },
        maxThroughput: loadSummary(tdMax, tdMaxCpu),
        healthzMaxThroughput: loadSummary(healthMax, healthMaxCpu),
        delivery,
      },
      failures,
      ratio: {
        maxThroughput: round(ratio, 3),
        healthzMaxThroughput: round(healthMax.rps / bareMax.rps, 3),
        openLoop: round(tdOpen.rps / bareOpen.rps, 3),
      },
    };
    const ms = (v: number) => round(v, 1);
    const table = {
      columns: [
        'phase',
        'req/s',
        'p50 ms',
        'p99 ms',
        'max ms',
        'errors',
        'server cpu',
        'client cpu',
        'cpu ms/req',
      ],
      rows: [
        ['bare GET / (open loop)', bareOpen, bareOpenCpu] as const,
        ['tidedesk POST (open loop)', tdOpen, tdOpenCpu] as const,
        ['bare GET / (max)', bareMax, bareMaxCpu] as const,
        ['tidedesk GET /healthz (max)', healthMax, healthMaxCpu] as const,
        ['tidedesk POST (max)', tdMax, tdMaxCpu] as const,
      ].map(([label, r, c]) => {
        const s = summarize(r.latenciesMs);
        return [
          label,
          ms(r.rps),
          ms(s.p50),
          ms(s.p99),
          ms(s.max),
          r.failed,
          `${c.serverPct}%`,
          `${c.clientPct}%`,
          round((c.serverS * 1000) / Math.max(1, r.ok), 3),
        ];
      }),
    };
    table.rows.push(
      [
        'SSE delivery (open loop)',
        '',
        ms(deliveryMs.p50),
        ms(deliveryMs.p99),
        ms(deliveryMs.max),
        '',
        '',
        '',
      ],
      [
        `delivery: ${delivery.acked} acked`,
        `lost ${delivery.lost}`,
        `dup ${delivery.duplicated}`,
        `order ${delivery.outOfOrder}`,
        '',
        tdOpen.failed + tdMax.failed,
        '',
        '',
      ],
      ['tidedesk ÷ bare (max req/s)', `${round(ratio * 100)}%`, '', '', '', '', '', ''],
    );
    const targets = [
      target('SSE delivery p99 at the offered rate', deliveryMs.p99, '<', 50, 'ms'),
      target('offered rate achieved', round(tdOpen.rps), '>=', rate * 0.99, 'req/s'),
      target('Tidedesk ÷ bare Hono max req/s', round(ratio * 100), '>=', 50, '%'),
      target(
        'lost + duplicated deliveries',
        delivery.lost + delivery.duplicated + delivery.outOfOrder,
        '<=',
        0,
        '',
      ),
    ];
    tdHttp.close();
    bareHttp.close();
    return { metrics, table, targets };
  } finally {
    for (const s of streams) s.close();
    await Promise.all(servers.map((s) => s.stop()));
    dir.remove();
  }
}

export const benchmark: Benchmark = {
  name: 'http',
  description: 'bare Hono hello world vs Tidedesk POST …/messages + SSE delivery, same run',
  run,
};
