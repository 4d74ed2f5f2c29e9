/**
 * Child processes for the runtime smoke tests: start a server command in its own process group,
 * wait for the URL it prints, and always take the whole group down again.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface RunningProcess {
  url: string;
  /** Milliseconds from spawn until the URL was printed. */
  startedInMs: number;
  output(): string;
  stop(): Promise<void>;
}

/** An npm package's binary; a missing one fails the test (they are dependencies, not extras). */
export function packageBin(name: string): string {
  const bin = resolve(ROOT, 'node_modules/.bin', name);
  if (!existsSync(bin)) throw new Error(`${bin} is missing — run npm install (it is a dev dependency).`);
  return bin;
}

/** The argv of an npm script, with its first word resolved to the package binary. */
export function scriptArgv(script: string): string[] {
  const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const line = pkg.scripts[script];
  if (!line) throw new Error(`package.json has no "${script}" script`);
  const [command, ...args] = line.split(/\s+/);
  return [packageBin(command!), ...args];
}

/** Children still running; killed when the test process exits, even if afterAll never ran. */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) killGroup(child, 'SIGKILL');
});

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/**
 * Spawns `argv` with `env` added to this process's environment and resolves once a line of its
 * output matches `urlPattern` (first capture group = base URL).
 */
export function startProcess(
  argv: string[],
  env: Record<string, string>,
  urlPattern: RegExp,
  timeoutMs = 45_000,
): Promise<RunningProcess> {
  const started = performance.now();
  const [command, ...args] = argv;
  const child = spawn(command!, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    // Own process group, so stop() reaches grandchildren too.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  let log = '';
  const exited = new Promise<void>((done) =>
    child.once('exit', () => {
      live.delete(child);
      done();
    }),
  );
  const stop = async () => {
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      void stop();
      fail(new Error(`${argv.join(' ')} printed no URL within ${timeoutMs} ms:\n${log}`));
    }, timeoutMs);
    let settled = false;
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const match = settled ? null : urlPattern.exec(log);
      if (match?.[1]) {
        settled = true;
        clearTimeout(timer);
        done({
          url: match[1],
          startedInMs: Math.round(performance.now() - started),
          output: () => log,
          stop,
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('error', (err) => {
      clearTimeout(timer);
      fail(err);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      fail(new Error(`${argv.join(' ')} exited (${code ?? signal}) before serving:\n${log}`));
    });
  });
}

/** Runs a command to completion; rejects with its output on a non-zero exit or a timeout. */
export function runToCompletion(
  argv: string[],
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<string> {
  const [command, ...args] = argv;
  const child = spawn(command!, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (c: Buffer) => {
    log += c.toString();
  });
  child.stderr!.on('data', (c: Buffer) => {
    log += c.toString();
  });
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      killGroup(child, 'SIGKILL');
      fail(new Error(`${argv.join(' ')} did not finish within ${timeoutMs} ms:\n${log}`));
    }, timeoutMs);
    child.once('error', (err) => {
      clearTimeout(timer);
      fail(err);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) done(log);
      else fail(new Error(`${argv.join(' ')} exited with ${code}:\n${log}`));
    });
  });
}
