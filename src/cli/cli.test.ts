import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'tidedesk-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tidedesk(args: string[], env: Record<string, string> = {}) {
  const res = spawnSync(process.execPath, ['bin/tidedesk.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: `file:${join(dir, 'cli.db')}`, TIDEDESK_DATA_DIR: dir, ...env },
    timeout: 60_000,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

const lastJson = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;

describe('tidedesk CLI', () => {
  it('a bad environment value exits non-zero with a message naming the variable', () => {
    const res = tidedesk(['migrate'], { PORT: 'not-a-port' });
    expect(res.code).not.toBe(0);
    expect(res.stderr).toContain('PORT');
  });

  it('migrate, seed and seed --reset print one JSON object last with --json', () => {
    expect(lastJson(tidedesk(['migrate', '--json']).stdout)).toMatchObject({ ok: true });
    expect(lastJson(tidedesk(['seed', '--json']).stdout)).toMatchObject({ ok: true, seeded: true });
    expect(lastJson(tidedesk(['seed', '--json']).stdout)).toMatchObject({ ok: true, seeded: false });
    expect(lastJson(tidedesk(['seed', '--reset', '--json']).stdout)).toMatchObject({
      ok: true,
      seeded: true,
      reset: true,
    });
  });

  it('sim tidal --json ends with {modes: {team, individual, elastic}} and writes a report', () => {
    const report = join(dir, 'tidal.html');
    const res = tidedesk([
      'sim',
      'tidal',
      '--roster-cap',
      '0.5',
      '--seeds',
      '1',
      '--json',
      '--report',
      report,
    ]);
    expect(res.code).toBe(0);
    const out = lastJson(res.stdout) as { modes: Record<string, Record<string, number>> };
    for (const mode of ['team', 'individual', 'elastic']) {
      for (const k of [
        'peakAnswerRate',
        'answerRate',
        'serviceLevel',
        'abandonRate',
        'occupancy',
        'agentHours',
      ]) {
        expect(out.modes[mode]?.[k], `${mode}.${k}`).toEqual(expect.any(Number));
      }
    }
    expect(out.modes.elastic!.peakAnswerRate! / out.modes.team!.peakAnswerRate!).toBeGreaterThan(1.3);
    expect(readFileSync(report, 'utf8')).toContain('<svg');
  });

  it('sim rejects a bad roster cap with exit code 2', () => {
    expect(tidedesk(['sim', 'tidal', '--roster-cap', '7']).code).toBe(2);
  });

  it('an unknown command exits 2 with help', () => {
    const res = tidedesk(['frobnicate']);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('Unknown command');
  });
});
