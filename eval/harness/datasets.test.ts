import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { datasetsSetting, locateDatasets } from './datasets.ts';
import { REPO_ROOT } from './paths.ts';

const tmp = mkdtempSync(join(tmpdir(), 'tidedesk-ds-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('TIDEDESK_DATASETS rules', () => {
  it('defaults to ../shared/data resolved from the repository root, not the cwd', () => {
    expect(datasetsSetting(undefined)).toEqual({
      dir: resolve(REPO_ROOT, '../shared/data'),
      required: false,
    });
    expect(datasetsSetting('../shared/data').dir).toBe(resolve(REPO_ROOT, '../shared/data'));
  });

  it('"required" means the default folder, and its absence is an error', async () => {
    expect(datasetsSetting('required')).toEqual({
      dir: resolve(REPO_ROOT, '../shared/data'),
      required: true,
    });
    await expect(locateDatasets({ dir: join(tmp, 'missing'), required: true })).rejects.toMatchObject({
      code: 'datasets-missing',
    });
  });

  it('an absent optional folder gives a notice; a present one its path', async () => {
    expect(await locateDatasets({ dir: join(tmp, 'missing'), required: false })).toMatchObject({
      dir: null,
      notice: expect.stringContaining('skipped'),
    });
    expect(await locateDatasets({ dir: tmp, required: false })).toEqual({ dir: tmp });
    expect(datasetsSetting(tmp).dir).toBe(tmp);
  });
});
