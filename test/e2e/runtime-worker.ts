/**
 * The Workers runtime for tests: wrangler's `unstable_dev` on src/runtime/worker.ts with the
 * real wrangler.toml, local D1 and Durable Object state persisted to a temp folder, and the
 * D1 migrations applied first by the same wrangler command `npm run dev:worker` uses.
 */
import { buildAssets } from '#src/runtime/assets.ts';
import { packageBin, ROOT, runToCompletion } from './runtime-process.ts';

export interface RunningWorker {
  url: string;
  /** Milliseconds from unstable_dev() until the first /healthz answered 200 (includes seeding). */
  startedInMs: number;
  /** Milliseconds the D1 migration step took. */
  migratedInMs: number;
  stop(): Promise<void>;
}

/** Offline: no metrics, no prompts. */
const WRANGLER_ENV = { WRANGLER_SEND_METRICS: 'false', CI: '1' };

export async function startWorker(persistTo: string): Promise<RunningWorker> {
  // As `npm run dev:worker` does: wrangler serves [assets] from dist/public and refuses to
  // start without it.
  await buildAssets();
  const migrateStart = performance.now();
  await runToCompletion(
    [packageBin('wrangler'), 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistTo],
    WRANGLER_ENV,
  );
  const migratedInMs = Math.round(performance.now() - migrateStart);

  const started = performance.now();
  const { unstable_dev } = await import('wrangler');
  const worker = await unstable_dev(`${ROOT}/src/runtime/worker.ts`, {
    config: `${ROOT}/wrangler.toml`,
    persistTo,
    ip: '127.0.0.1',
    port: 0,
    local: true,
    logLevel: 'warn',
    experimental: { disableExperimentalWarning: true, disableDevRegistry: true, watch: false },
  });
  const url = `http://${worker.address}:${worker.port}`;
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const res = await fetch(`${url}/healthz`).catch(() => null);
      if (res?.ok) break;
      if (Date.now() > deadline) throw new Error(`worker at ${url} never became healthy`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (err) {
    await worker.stop();
    throw err;
  }
  return {
    url,
    startedInMs: Math.round(performance.now() - started),
    migratedInMs,
    stop: () => worker.stop(),
  };
}
