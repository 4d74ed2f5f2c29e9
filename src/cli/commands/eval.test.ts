import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runSuite } from '../../../eval/harness/runner.ts';
import { createToySuite } from '../../../test/fixtures/toy-suite.ts';
import { evalCommand } from './eval.ts';

const dir = mkdtempSync(join(tmpdir(), 'tidedesk-eval-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tidedesk(args: string[], env: Record<string, string> = {}) {
  const res = spawnSync(process.execPath, ['bin/tidedesk.js', 'eval', ...args], {
    encoding: 'utf8',
    env: { ...process.env, TIDEDESK_DATASETS: join(dir, 'no-data'), ...env },
    timeout: 60_000,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}
const lastJson = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;

beforeAll(async () => {
  const opts = {
    provider: 'embedded' as const,
    datasets: false as const,
    bootstrap: { iterations: 0, seed: 1 },
  };
  writeFileSync(
    join(dir, 'a.json'),
    JSON.stringify(await runSuite(createToySuite({ promptVersion: 'v1' }), opts)),
  );
  writeFileSync(
    join(dir, 'b.json'),
    JSON.stringify(await runSuite(createToySuite({ promptVersion: 'v2', forget: 'refund' }), opts)),
  );
});

/** Runs the command in-process (spawning tsx costs about a second per call). */
async function inProcess(args: string[]) {
  const said: string[] = [];
  const results: Record<string, unknown>[] = [];
  const errors: string[] = [];
  const spy = vi.spyOn(console, 'error').mockImplementation((...m: unknown[]) => {
    errors.push(m.join(' '));
  });
  try {
    const out = {
      json: args.includes('--json'),
      say: (l: string) => said.push(l),
      result: (r: Record<string, unknown>) => results.push(r),
    };
    const code = await evalCommand(out, args);
    return { code, said: said.join('\n'), result: results.at(-1), stderr: errors.join('\n') };
  } finally {
    spy.mockRestore();
  }
}

describe('tidedesk eval', () => {
  it('usage errors exit 2: unknown flag, bad provider, unknown suite, --cases without --suite', async () => {
    expect((await inProcess(['--frobnicate'])).code).toBe(2);
    expect((await inProcess(['--provider', 'gpt'])).code).toBe(2);
    const unknown = await inProcess(['--suite', 'nope', '--json']);
    expect(unknown.code).toBe(2);
    expect(unknown.result).toMatchObject({ ok: false, code: 'unknown-suite' });
    expect((await inProcess(['--cases', 'x.jsonl'])).stderr).toContain('--cases and --train need --suite');
    expect((await inProcess(['--suite', 'pii', '--cases', 'x.jsonl', '--gate'])).code).toBe(2);
    expect((await inProcess(['compare', 'only-one.json'])).code).toBe(2);
    expect((await inProcess(['frob'])).code).toBe(2);
  });

  it('compare (real process) prints a table and, with --json, {a, b, deltas} as the last stdout line; --report writes HTML', () => {
    const report = join(dir, 'cmp.html');
    const res = tidedesk(['compare', join(dir, 'a.json'), join(dir, 'b.json'), '--json', '--report', report]);
    expect(res.code).toBe(0);
    const json = lastJson(res.stdout) as {
      a: { promptVersion: string };
      b: { promptVersion: string };
      deltas: Record<string, { delta: number }>;
    };
    expect(json.a.promptVersion).toBe('v1');
    expect(json.b.promptVersion).toBe('v2');
    expect(json.deltas.accuracy!.delta).toBeLessThan(0);
    expect(res.stderr).toMatch(/accuracy\s+0\.8333/);
    expect(readFileSync(report, 'utf8')).toContain('<svg');
  });

  it('a suite asked for by name that does not exist yet exits 1 with a clear reason; export says what it needs', async () => {
    const missing = ['interview', 'simulator', 'copilot', 'compliance'].find(
      (n) => !existsSync(join('eval', n, 'suite.ts')),
    );
    if (missing) {
      const res = await inProcess(['--suite', missing]);
      expect(res.code).toBe(1);
      expect(res.stderr).toContain('not implemented yet');
    }
    const exp = await inProcess(['export', '--suite', 'intent']);
    expect(exp.code).toBe(1);
    expect(exp.stderr).toContain('golden-case store');
  });

  it('a bad run file for compare is a usage error', async () => {
    writeFileSync(join(dir, 'junk.json'), '[]');
    const res = await inProcess(['compare', join(dir, 'junk.json'), join(dir, 'a.json')]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('not an eval run result');
  });
});
