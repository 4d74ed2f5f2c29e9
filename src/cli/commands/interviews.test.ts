import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { afterAll, describe, expect, it } from 'vitest';
import { progressBar } from './interviews.ts';

const dir = mkdtempSync(join(tmpdir(), 'tidedesk-cli-iv-'));
const dbUrl = `file:${join(dir, 'cli.db')}`;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tidedesk(args: string[]) {
  const res = spawnSync(process.execPath, ['bin/tidedesk.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: dbUrl, TIDEDESK_DATA_DIR: dir, TIDEDESK_LOG_LEVEL: 'warn' },
    timeout: 120_000,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}
const lastJson = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;

describe('tidedesk interviews', () => {
  it('scores a campaign in a resumable, idempotent batch with progress on stderr and JSON last', {
    timeout: 180_000,
  }, async () => {
    expect(tidedesk(['seed', '--json']).code).toBe(0);
    const made = tidedesk(['interviews', 'synth', '--candidates', '150', '--json']);
    expect(made.code).toBe(0);
    const { campaign, candidates } = lastJson(made.stdout) as { campaign: string; candidates: number };
    expect(candidates).toBe(150);

    const first = tidedesk(['interviews', 'score', '--campaign', campaign, '--json']);
    expect(first.code).toBe(0);
    expect(lastJson(first.stdout)).toEqual({
      campaign,
      scored: 150,
      skipped: 0,
      failed: 0,
      durationMs: expect.any(Number),
    });
    expect(first.stderr).toMatch(/\[#+\] 150\/150 · scored 150/);
    // Progress and logs never reach stdout: its only line is the JSON result.
    expect(first.stdout.trim().split('\n')).toHaveLength(1);

    // A re-run skips every current scorecard; --rescore scores them all again.
    expect(
      lastJson(tidedesk(['interviews', 'score', '--campaign', campaign, '--json']).stdout),
    ).toMatchObject({
      scored: 0,
      skipped: 150,
    });
    expect(
      lastJson(tidedesk(['interviews', 'score', '--campaign', campaign, '--rescore', '--json']).stdout),
    ).toMatchObject({
      scored: 150,
      skipped: 0,
    });

    // An interrupted run leaves some candidates unscored: the next run scores only those.
    const client = createClient({ url: dbUrl });
    await client.execute({
      sql: 'delete from interview_scorecards where candidate_id in (select candidate_id from interview_scorecards order by candidate_id limit 40)',
      args: [],
    });
    const before = await client.execute(
      'select candidate_id, scored_at, score100 from interview_scorecards order by candidate_id',
    );
    const resumed = lastJson(tidedesk(['interviews', 'score', '--campaign', campaign, '--json']).stdout);
    expect(resumed).toMatchObject({ scored: 40, skipped: 110, failed: 0 });
    const after = await client.execute(
      'select candidate_id, scored_at, score100 from interview_scorecards order by candidate_id',
    );
    expect(before.rows).toHaveLength(110);
    expect(after.rows).toHaveLength(150);
    // The 110 that were kept were not touched (same scored_at), the 40 were written anew.
    const kept = new Map(before.rows.map((r) => [String(r.candidate_id), Number(r.scored_at)]));
    expect(after.rows.filter((r) => kept.get(String(r.candidate_id)) === Number(r.scored_at))).toHaveLength(
      110,
    );
    client.close();
  });

  it('refuses a missing or unknown campaign with exit code 2', () => {
    expect(tidedesk(['interviews', 'score']).code).toBe(2);
    const unknown = tidedesk(['interviews', 'score', '--campaign', 'icmp_missing', '--json']);
    expect(unknown.code).toBe(2);
    expect(lastJson(unknown.stdout)).toMatchObject({ ok: false });
    expect(tidedesk(['interviews', 'frobnicate']).code).toBe(2);
  });
});

describe('progressBar', () => {
  it('rewrites one line on a terminal and ends it when done; throttles plain logs', () => {
    const tty: string[] = [];
    let now = 0;
    const bar = progressBar({ isTTY: true, write: (s) => tty.push(s) }, () => now);
    bar({ done: 0, total: 10, scored: 0, skipped: 0, failed: 0 });
    now = 1000;
    bar({ done: 10, total: 10, scored: 8, skipped: 2, failed: 0 });
    expect(tty[0]).toMatch(/^\r\x1b\[2K\[-{30}\] 0\/10/);
    expect(tty.at(-1)).toMatch(/\[#{30}\] 10\/10 · scored 8 · skipped 2 · failed 0 · 10\/s\n$/);
    const plain: string[] = [];
    now = 0;
    const log = progressBar({ isTTY: false, write: (s) => plain.push(s) }, () => now);
    for (let i = 1; i <= 9; i++) {
      now = i * 100;
      log({ done: i, total: 10, scored: i, skipped: 0, failed: 0 });
    }
    now = 1000;
    log({ done: 10, total: 10, scored: 10, skipped: 0, failed: 0 });
    expect(plain).toHaveLength(2);
  });
});
