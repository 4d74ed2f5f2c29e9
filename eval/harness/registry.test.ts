import { describe, expect, it } from 'vitest';
import { isSuiteName, loadAllSuites, requireSuite } from './registry.ts';
import { SUITE_NAMES } from './suite.ts';

describe('suite registry', () => {
  it('knows exactly the contract suite names', () => {
    expect(SUITE_NAMES.every(isSuiteName)).toBe(true);
    expect(isSuiteName('nope')).toBe(false);
  });

  it('rejects an unknown suite as a usage error', async () => {
    await expect(requireSuite('nope')).rejects.toMatchObject({ code: 'unknown-suite', exitCode: 2 });
  });

  it('loads every implemented suite and gives a reason for every other one (never a fake result)', async () => {
    const all = await loadAllSuites();
    expect(all.map((l) => l.name)).toEqual([...SUITE_NAMES]);
    for (const l of all) {
      if (l.status === 'ok') expect(l.suite.name).toBe(l.name);
      else expect(l.reason).toMatch(/not implemented yet|failed to load|exports no SuiteDefinition/);
    }
    const missing = all.find((l) => l.status === 'not-implemented');
    if (missing) {
      await expect(requireSuite(missing.name)).rejects.toMatchObject({
        code: 'not-implemented',
        exitCode: 1,
      });
    }
  });
});
