/**
 * @module The public-datasets rule. TIDEDESK_DATASETS names the folder (default ../shared/data,
 * resolved from the repository root, not the cwd). When the folder is absent the public part of
 * each suite is skipped with a notice; TIDEDESK_DATASETS=required (set in CI) uses the default
 * folder and makes its absence an error.
 */
import { stat } from 'node:fs/promises';
import { EvalRunError } from './errors.ts';
import { fromRepoRoot } from './paths.ts';

export const DEFAULT_DATASETS = '../shared/data';

export interface DatasetsSetting {
  /** Absolute folder path. */
  dir: string;
  required: boolean;
}

/** Interpret the TIDEDESK_DATASETS value. */
export function datasetsSetting(value: string | undefined): DatasetsSetting {
  const v = value?.trim() ?? '';
  if (v === 'required') return { dir: fromRepoRoot(DEFAULT_DATASETS), required: true };
  return { dir: fromRepoRoot(v === '' ? DEFAULT_DATASETS : v), required: false };
}

export interface LocatedDatasets {
  /** The folder when it exists, else null. */
  dir: string | null;
  /** Set when the public part is skipped: says why. */
  notice?: string;
}

/** Check the folder; absent + required throws, absent + optional returns a notice. */
export async function locateDatasets(setting: DatasetsSetting): Promise<LocatedDatasets> {
  const exists = await stat(setting.dir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (exists) return { dir: setting.dir };
  if (setting.required) {
    throw new EvalRunError(
      'datasets-missing',
      `TIDEDESK_DATASETS=required but the public datasets folder ${setting.dir} does not exist.`,
    );
  }
  return {
    dir: null,
    notice: `Public datasets folder ${setting.dir} not found: public sets skipped (set TIDEDESK_DATASETS to its path).`,
  };
}
