/**
 * @module `startup` benchmark: how long `npm start` (`node bin/tidedesk.js serve`) takes to answer
 * `GET /healthz` with 200, measured from spawn by polling every 10 ms. Three kinds of start, each
 * repeated (`--runs`, default 5) and reported as median, p99 and max:
 *  - after install: empty data dir and tsx's transform cache disabled, so every module is
 *    transpiled — what a fresh clone sees on its first `npm start` (migrate + seed included);
 *  - first start: empty data dir with tsx's cache warm (migrate + seed included);
 *  - warm restart: the same data dir again after a graceful stop (no seed).
 */
import { type ServerProcess, startTidedesk, tempDir } from './lib/process.ts';
import { summarize } from './lib/stats.ts';
import { type BenchContext, type Benchmark, target } from './lib/types.ts';

async function timeStart(dataDir: string, env: Record<string, string> = {}): Promise<number> {
  let server: ServerProcess | undefined;
  try {
    server = await startTidedesk({ dataDir, env, logLevel: 'warn' });
    return server.readyMs;
  } finally {
    await server?.stop();
  }
}

async function run(ctx: BenchContext) {
  const runs = ctx.options.runs ?? (ctx.options.quick ? 2 : 5);
  const afterInstall: number[] = [];
  const first: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) {
    const a = tempDir('tidedesk-bench-start-');
    const b = tempDir('tidedesk-bench-start-');
    try {
      afterInstall.push(await timeStart(a.path, { TSX_DISABLE_CACHE: '1' }));
      first.push(await timeStart(b.path));
      warm.push(await timeStart(b.path));
    } finally {
      a.remove();
      b.remove();
    }
    ctx.log(
      `  run ${i + 1}/${runs}: after install ${Math.round(afterInstall.at(-1)!)} ms, first ${Math.round(first.at(-1)!)} ms, warm ${Math.round(warm.at(-1)!)} ms`,
    );
  }
  const kinds = { afterInstall, firstStart: first, warmRestart: warm };
  const metrics = {
    runs,
    ...Object.fromEntries(
      Object.entries(kinds).map(([k, v]) => [k, { ms: summarize(v, 0), samples: v.map(Math.round) }]),
    ),
  };
  const label = {
    afterInstall: 'after install (no tsx cache, migrate + seed)',
    firstStart: 'first start (migrate + seed)',
    warmRestart: 'warm restart',
  };
  const table = {
    columns: ['start → /healthz 200', 'median ms', 'p99 ms', 'min ms', 'max ms', 'runs'],
    rows: Object.entries(kinds).map(([k, v]) => {
      const s = summarize(v, 0);
      return [label[k as keyof typeof label], s.p50, s.p99, s.min, s.max, s.n];
    }),
  };
  const targets = [
    target('cold start after install to healthy (median)', summarize(afterInstall, 0).p50, '<', 5000, 'ms'),
    target(
      'cold start after install to healthy (worst run)',
      summarize(afterInstall, 0).max,
      '<',
      5000,
      'ms',
    ),
  ];
  return { metrics, table, targets };
}

export const benchmark: Benchmark = {
  name: 'startup',
  description: 'node bin/tidedesk.js serve → GET /healthz 200: after install, first start, warm restart',
  run,
};
