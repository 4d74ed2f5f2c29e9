import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEnv } from '#src/config/env.ts';
import { datasetsSetting } from '../../../eval/harness/datasets.ts';

const dir = mkdtempSync(join(tmpdir(), 'tidedesk-sim-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const datasets = datasetsSetting(loadEnv().TIDEDESK_DATASETS).dir;
const present = existsSync(join(datasets, 'tau2-bench'));
if (!present)
  console.warn(`sim import-tau2 test skipped: no τ²-bench under ${datasets} (set TIDEDESK_DATASETS).`);

function tidedesk(args: string[]) {
  const res = spawnSync(process.execPath, ['bin/tidedesk.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: `file:${join(dir, 'cli.db')}`, TIDEDESK_DATA_DIR: dir },
    timeout: 60_000,
  });
  const last = res.stdout.trim().split('\n').at(-1) ?? '{}';
  return { code: res.status, json: JSON.parse(last) as Record<string, unknown> };
}

describe.skipIf(!present)('tidedesk sim import-tau2', () => {
  it('stores the τ² tasks as an English catalogue once; a second run changes nothing; an unknown tenant fails', () => {
    expect(tidedesk(['seed', '--json']).json).toMatchObject({ ok: true });
    const first = tidedesk(['sim', 'import-tau2', '--json']);
    expect(first.code).toBe(0);
    const cards = first.json.cards as number;
    expect(cards).toBeGreaterThan(50);
    expect(first.json).toMatchObject({ ok: true, tenant: 'demo', added: cards, unchanged: 0 });
    expect(Object.keys(first.json.byDomain as object).sort()).toEqual(['airline', 'retail', 'telecom']);
    const again = tidedesk(['sim', 'import-tau2', '--tenant', 'demo', '--json']);
    expect(again.json).toMatchObject({ ok: true, added: 0, updated: 0, unchanged: cards });
    const unknown = tidedesk(['sim', 'import-tau2', '--tenant', 'nowhere', '--json']);
    expect(unknown.code).toBe(1);
    expect(unknown.json).toMatchObject({ ok: false, reason: 'unknown-tenant' });
  });
});
