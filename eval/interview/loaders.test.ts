import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEnv } from '#src/config/env.ts';
import { datasetsSetting } from '../harness/datasets.ts';
import { InterviewCaseSchema } from './case.ts';
import { loadSasSets } from './loaders.ts';
import { questionKey } from './predictor.ts';

const dir = datasetsSetting(loadEnv().TIDEDESK_DATASETS).dir;
const present = existsSync(join(dir, 'sas-zh'));

describe.skipIf(!present)('SAS loaders (TIDEDESK_DATASETS)', async () => {
  const sets = present ? await loadSasSets(dir) : [];
  const byName = new Map(sets.map((s) => [s.name, s]));

  it('loads the four subsets with their eval and train splits', () => {
    const counts = Object.fromEntries(sets.map((s) => [s.name, [s.cases.length, s.train!.length]]));
    expect(counts).toEqual({
      'sas-ads': [312, 745],
      'sas-le': [131, 318],
      'sas-asag': [133, 288],
      'sas-sr': [59, 155],
    });
  });

  it('puts every score on an integer 0–10 scale and validates against the case schema', () => {
    for (const s of sets) {
      const ids = new Set<string>();
      for (const c of [...s.cases, ...s.train!]) {
        expect(InterviewCaseSchema.safeParse(c).success).toBe(true);
        expect([c.scale_min, c.scale_max]).toEqual([0, 10]);
        ids.add(c.id);
      }
      expect(ids.size).toBe(s.cases.length + s.train!.length);
    }
    // ASAG half points (×2) and LE tenths (×10) land on integers; the full range is used.
    const asag = byName.get('sas-asag')!;
    expect(new Set(asag.train!.map((c) => c.human_score))).toContain(7);
    expect(Math.max(...asag.cases.map((c) => c.human_score))).toBe(10);
    expect(byName.get('sas-le')!.cases.some((c) => c.human_score === 3)).toBe(true);
  });

  it('gives every eval answer a reference and training answers to the same question', () => {
    for (const s of sets) {
      const trained = new Set(s.train!.map(questionKey));
      const covered = s.cases.filter((c) => trained.has(questionKey(c))).length;
      expect(covered / s.cases.length).toBeGreaterThan(0.9);
      for (const c of s.cases) expect(c.reference && c.reference.length > 0).toBeTruthy();
      for (const c of s.cases) expect(c.answer).not.toMatch(/<br/i);
    }
  });
});
