import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFakeClock } from '#src/ports/clock.ts';
import { createToySuite } from '../../test/fixtures/toy-suite.ts';
import { defaultRunPath, listRuns, saveRun } from './run-store.ts';
import { runSuite } from './runner.ts';

const dir = mkdtempSync(join(tmpdir(), 'tidedesk-runs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('run store', () => {
  it('saves runs under <suite>-<time>.json and lists them newest first, skipping foreign files', async () => {
    const clock = createFakeClock(Date.UTC(2026, 0, 1, 9, 30));
    const opts = {
      provider: 'embedded' as const,
      datasets: false as const,
      bootstrap: { iterations: 0, seed: 1 },
      clock,
    };
    const first = await runSuite(createToySuite({ promptVersion: 'v1' }), opts);
    clock.advance(60_000);
    const second = await runSuite(createToySuite({ promptVersion: 'v2', forget: 'refund' }), opts);
    const f1 = defaultRunPath(first, dir);
    expect(f1).toBe(join(dir, 'intent-2026-01-01T09-30-00-000Z.json'));
    await saveRun(first, f1);
    await saveRun(second, defaultRunPath(second, dir));
    writeFileSync(join(dir, 'intent-junk.json'), '{"not":"a run"}');
    writeFileSync(join(dir, 'notes.txt'), 'x');

    const runs = await listRuns(dir);
    expect(runs.map((r) => r.promptVersion)).toEqual(['v2', 'v1']);
    expect(runs[1]!.headline).toEqual({ accuracy: 10 / 12, macroF1: expect.any(Number), oosRecall: 1 });
    expect(await listRuns(dir, 'pii')).toEqual([]);
    expect(await listRuns(join(dir, 'missing'))).toEqual([]);
  });
});
