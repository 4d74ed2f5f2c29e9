/**
 * One smoke test per runtime over real HTTP on 127.0.0.1: Node (`tidedesk serve`), Deno
 * (`npm run start:deno`'s command) and Cloudflare Workers (wrangler `unstable_dev` with local
 * D1 and the TenantHub Durable Object). Each starts from an empty temp database, so the first
 * start also proves migrations and the demo seed on that runtime.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningProcess, scriptArgv, startProcess } from './runtime-process.ts';
import {
  assetsServed,
  conversationRoundTrip,
  demoSeedComplete,
  maskedAtTheSource,
  type RoundTrip,
  realtimeDelivery,
  waitForHealthy,
} from './runtime-smoke.ts';
import { type RunningWorker, startWorker } from './runtime-worker.ts';

const STARTUP_MS = 90_000;
const TEST_MS = 60_000;
const URL_LINE = /running at (http:\/\/[\d.]+:\d+)/;

function tempDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `tidedesk-${name}-`));
}

function serverEnv(dir: string): Record<string, string> {
  return {
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: `file:${join(dir, 'tidedesk.db')}`,
    TIDEDESK_DATA_DIR: dir,
    TIDEDESK_LOG_LEVEL: 'warn',
  };
}

/** The same checks for every runtime, given how to start it. */
function smokeSuite(name: string, start: (dir: string) => Promise<{ url: string; stop(): Promise<void> }>) {
  describe(`${name} runtime`, () => {
    const dir = tempDir(name.toLowerCase());
    let server: { url: string; stop(): Promise<void> } | undefined;
    let trip: RoundTrip | undefined;

    beforeAll(async () => {
      server = await start(dir);
    }, STARTUP_MS);

    afterAll(async () => {
      await server?.stop();
      rmSync(dir, { recursive: true, force: true });
    }, 30_000);

    it(
      'creates a conversation, posts a message and reads both back over HTTP',
      async () => {
        expect(server, `${name} did not start`).toBeDefined();
        trip = await conversationRoundTrip(server!.url);
      },
      TEST_MS,
    );

    it(
      'seeded the complete demo tenant on first start',
      async () => {
        expect(server, `${name} did not start`).toBeDefined();
        await demoSeedComplete(server!.url);
      },
      TEST_MS,
    );

    it(
      'serves the client bundles under /assets',
      async () => {
        expect(server, `${name} did not start`).toBeDefined();
        await assetsServed(server!.url);
      },
      TEST_MS,
    );

    it(
      'delivers a message posted after an SSE subscriber connected',
      async () => {
        expect(trip, 'needs the round trip above').toBeDefined();
        await realtimeDelivery(server!.url, trip!);
      },
      TEST_MS,
    );

    it(
      'stores personal data masked (sealed with WebCrypto) and tells retries from different values',
      async () => {
        expect(trip, 'needs the round trip above').toBeDefined();
        await maskedAtTheSource(server!.url, trip!);
      },
      TEST_MS,
    );
  });
}

smokeSuite('Node', async (dir) => {
  const proc: RunningProcess = await startProcess(
    [process.execPath, 'bin/tidedesk.js', 'serve'],
    serverEnv(dir),
    URL_LINE,
  );
  try {
    await waitForHealthy(proc.url);
  } catch (err) {
    await proc.stop();
    throw err;
  }
  console.info(`[runtimes] node: URL after ${proc.startedInMs} ms (cold, seeds an empty database)`);
  return proc;
});

smokeSuite('Deno', async (dir) => {
  const proc = await startProcess(scriptArgv('start:deno'), serverEnv(dir), URL_LINE);
  try {
    await waitForHealthy(proc.url);
  } catch (err) {
    await proc.stop();
    throw err;
  }
  console.info(`[runtimes] deno: URL after ${proc.startedInMs} ms (cold, seeds an empty database)`);
  return proc;
});

smokeSuite('Workers', async (dir) => {
  const worker: RunningWorker = await startWorker(dir);
  console.info(
    `[runtimes] workers: D1 migrations ${worker.migratedInMs} ms, unstable_dev → healthy ${worker.startedInMs} ms (seeds D1)`,
  );
  return worker;
});
