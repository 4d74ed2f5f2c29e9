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

  it('a suite asked for by name that does not exist yet exits 1 with a clear reason', async () => {
    const missing = ['interview', 'simulator', 'copilot', 'compliance'].find(
      (n) => !existsSync(join('eval', n, 'suite.ts')),
    );
    if (missing) {
      const res = await inProcess(['--suite', missing]);
      expect(res.code).toBe(1);
      expect(res.stderr).toContain('not implemented yet');
    }
  });

  it('a bad run file for compare is a usage error', async () => {
    writeFileSync(join(dir, 'junk.json'), '[]');
    const res = await inProcess(['compare', join(dir, 'junk.json'), join(dir, 'a.json')]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('not an eval run result');
  });

  it.skipIf(!existsSync(join('eval', 'pii', 'suite.ts')))(
    "runs a suite on a QA team's own --cases file (real process): --json last line, report and run JSON",
    () => {
      const cases = join(dir, 'qa-pii.jsonl');
      writeFileSync(
        cases,
        [
          {
            id: 'qa-1',
            lang: 'zh',
            text: '我的手机号是13812345678',
            entities: [{ type: 'PHONE', start: 6, end: 17 }],
          },
          {
            id: 'qa-2',
            lang: 'en',
            text: 'Mail me at ann@example.com please',
            entities: [{ type: 'EMAIL', start: 11, end: 26 }],
          },
          { id: 'qa-3', lang: 'en', text: 'Nothing personal here.', entities: [] },
        ]
          .map((c) => JSON.stringify(c))
          .join('\n'),
      );
      const report = join(dir, 'qa', 'pii.html');
      const res = tidedesk(['--suite', 'pii', '--cases', cases, '--json', '--report', report]);
      expect(res.code, res.stderr).toBe(0);
      const json = lastJson(res.stdout);
      expect(Object.keys(json)).toEqual(
        expect.arrayContaining(['suite', 'provider', 'promptVersion', 'cases', 'metrics', 'durationMs']),
      );
      expect(json).toMatchObject({ suite: 'pii', provider: 'embedded', cases: 3, sets: {} });
      expect(typeof json.durationMs).toBe('number');
      expect(readFileSync(report, 'utf8')).toContain('qa-pii.jsonl');
      const saved = JSON.parse(readFileSync(join(dir, 'qa', 'pii.json'), 'utf8'));
      expect(saved.records.map((r: { id: string }) => r.id)).toEqual(['qa-1', 'qa-2', 'qa-3']);
      expect(res.stderr).toContain('Public sets are not run with --cases');

      const bad = join(dir, 'bad-pii.jsonl');
      writeFileSync(
        bad,
        '{"id":"b1","lang":"en","text":"hi","entities":[{"type":"PHONE","start":0,"end":9}]}\n',
      );
      const badRun = tidedesk(['--suite', 'pii', '--cases', bad]);
      expect(badRun.code).toBe(2);
      expect(badRun.stderr).toMatch(/bad-pii\.jsonl:1: entities\.0/);
    },
  );
});
