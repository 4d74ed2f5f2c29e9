/**
 * The CI eval gate: every implemented suite runs offline with the embedded provider over its
 * authored cases and (per TIDEDESK_DATASETS) the public sets, and must stay within the tolerances
 * of eval/baselines.json. Suites not implemented yet are listed, not faked.
 */
import { describe, expect, it } from 'vitest';
import { loadEnv } from '#src/config/env.ts';
import { datasetsSetting, locateDatasets } from '../eval/harness/datasets.ts';
import { describeGate, gateRun, readBaselines } from '../eval/harness/gate.ts';
import { loadAllSuites } from '../eval/harness/registry.ts';
import { runSuite } from '../eval/harness/runner.ts';

const setting = datasetsSetting(loadEnv().TIDEDESK_DATASETS);
const loads = await loadAllSuites();
const baselines = await readBaselines();

describe('eval gate (offline, embedded provider)', () => {
  it('finds the public datasets folder when TIDEDESK_DATASETS=required', async () => {
    // Throws (and so fails the test) when the folder is required but absent.
    const located = await locateDatasets(setting);
    if (setting.required) expect(located.dir).toBe(setting.dir);
  });

  it('loads every suite that exists without error (missing ones are only "not implemented yet")', () => {
    const broken = loads.filter((l) => l.status === 'broken');
    expect(broken.map((b) => (b.status === 'broken' ? b.reason : ''))).toEqual([]);
  });

  for (const load of loads) {
    if (load.status !== 'ok') {
      it.skip(`${load.name}: ${load.status === 'not-implemented' ? load.reason : 'broken'}`, () => {});
      continue;
    }
    it(`${load.name} stays within its baselines`, async () => {
      const run = await runSuite(load.suite, {
        provider: 'embedded',
        datasets: setting,
        bootstrap: { iterations: 0, seed: 1 },
      });
      const gate = gateRun(run, baselines);
      expect(gate.passed, describeGate(gate).join('\n')).toBe(true);
    }, 120_000);
  }
});
