/**
 * @module Child server processes for benchmarks and multi-process tests: a free port, the real
 * `tidedesk serve` on its own database, a bare Hono baseline, readiness polling and teardown.
 * Servers run in their own process so the load generator never shares an event loop with them.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A port the OS just handed out on `host`. Another process could take it first; callers retry. */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((done, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, host, () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => done(port));
    });
  });
}

export function tempDir(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** One GET; resolves with the status, or 0 when nothing answers. */
export function probe(url: string, timeoutMs = 1000): Promise<number> {
  return new Promise((done) => {
    const req = request(url, { agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      done(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => done(0));
    req.end();
  });
}

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Milliseconds from spawn to the first 200 on the readiness URL. */
  readyMs: number;
  /** The last stdout/stderr output (for error messages). */
  output(): string;
  /** Resolves when the process has exited (immediately if it already has). */
  exited(): Promise<void>;
  /** SIGTERM (graceful), SIGKILL after `graceMs`; resolves once the process is gone. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL now; resolves once the process is gone. */
  kill(): Promise<void>;
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;
/** A crashed or interrupted run must not leave servers holding ports. */
function track(child: ChildProcess) {
  live.add(child);
  child.once('exit', () => live.delete(child));
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const c of live) c.kill('SIGKILL');
  });
}

interface SpawnSpec {
  args: string[];
  env: Record<string, string>;
  port: number;
  readyPath: string;
  timeoutMs: number;
}

async function spawnServer(spec: SpawnSpec): Promise<ServerProcess> {
  const started = performance.now();
  // The child inherits this environment (PATH, HOME …) with the server settings on top.
  const child = spawn(process.execPath, spec.args, {
    cwd: ROOT,
    env: { ...process.env, ...spec.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  track(child);
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-16_384);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exitCode: number | string | null = null;
  const exitedPromise = new Promise<void>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) done();
    child.once('exit', (code, signal) => {
      exitCode = code ?? signal;
      done();
    });
  });
  const url = `http://127.0.0.1:${spec.port}`;
  const deadline = started + spec.timeoutMs;
  let readyMs = Number.NaN;
  for (;;) {
    if (exitCode !== null) throw new Error(`server exited (${exitCode}) before it was ready:\n${tail}`);
    if ((await probe(url + spec.readyPath, 500)) === 200) {
      readyMs = performance.now() - started;
      break;
    }
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not ready on ${url} after ${spec.timeoutMs} ms:\n${tail}`);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const signalAndWait = async (signal: NodeJS.Signals, graceMs: number) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exitedPromise;
    clearTimeout(timer);
  };
  return {
    url,
    port: spec.port,
    child,
    readyMs,
    output: () => tail,
    exited: () => exitedPromise,
    stop: (graceMs = 3000) => signalAndWait('SIGTERM', graceMs),
    kill: () => signalAndWait('SIGKILL', 0),
  };
}

export interface TidedeskSpec {
  /** Data directory: the database file and master key live here, so a restart keeps both. */
  dataDir: string;
  /** Defaults to a free port. */
  port?: number;
  logLevel?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Extra environment, e.g. TSX_DISABLE_CACHE for a from-scratch start. */
  env?: Record<string, string>;
  timeoutMs?: number;
}

/** `node bin/tidedesk.js serve` — exactly what `npm start` runs — ready once GET /healthz is 200. */
export async function startTidedesk(spec: TidedeskSpec): Promise<ServerProcess> {
  const port = spec.port ?? (await freePort());
  return spawnServer({
    args: [join(ROOT, 'bin/tidedesk.js'), 'serve'],
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${join(spec.dataDir, 'tidedesk.db')}`,
      TIDEDESK_DATA_DIR: spec.dataDir,
      TIDEDESK_LOG_LEVEL: spec.logLevel ?? 'warn',
      ...spec.env,
    },
    port,
    readyPath: '/healthz',
    timeoutMs: spec.timeoutMs ?? 30_000,
  });
}

/** The baseline: Hono's hello world on @hono/node-server (bench/servers/bare-hono.ts). */
export async function startBareHono(port?: number): Promise<ServerProcess> {
  const p = port ?? (await freePort());
  return spawnServer({
    args: ['--import', 'tsx', join(ROOT, 'bench/servers/bare-hono.ts'), String(p)],
    env: {},
    port: p,
    readyPath: '/',
    timeoutMs: 30_000,
  });
}
