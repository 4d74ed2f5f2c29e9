import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { coldCases, loadPublicComplianceSets, politenessCases, sample } from './loaders.ts';

describe('compliance public loaders', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tidedesk-compliance-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('maps COLD labels to rude_tone and scopes the cases to tone', () => {
    const csv = '\uFEFF,split,topic,label,TEXT\n1,dev,race,1,骂人的话\n2,dev,region,0,"好的, 谢谢"\n';
    expect(coldCases(csv, 'dev')).toEqual([
      { id: 'cold-dev-1', lang: 'zh', draft: '骂人的话', expected: ['rude_tone'], scope: ['rude_tone'] },
      { id: 'cold-dev-2', lang: 'zh', draft: '好的, 谢谢', expected: [], scope: ['rude_tone'] },
    ]);
  });

  it('takes the bottom quartile of politeness as rude, the top half as clean, and skips the rest', () => {
    const rows = Array.from({ length: 8 }, (_, i) => `Wikipedia,${i},request ${i},1,1,1,1,1,${i - 4}`);
    const csv = `Community,Id,Request,Score1,Score2,Score3,Score4,Score5,Normalized Score\n${rows.join('\n')}\n`;
    const cases = politenessCases([{ csv, name: 'wiki' }]);
    expect(cases.filter((x) => x.expected.length > 0).map((x) => x.draft)).toEqual([
      'request 0',
      'request 1',
      'request 2',
    ]);
    expect(cases.filter((x) => x.expected.length === 0).map((x) => x.draft)).toEqual([
      'request 4',
      'request 5',
      'request 6',
      'request 7',
    ]);
  });

  it('samples deterministically and keeps input order', () => {
    const items = Array.from({ length: 100 }, (_, i) => i);
    const a = sample(items, 10, 7);
    expect(a).toEqual(sample(items, 10, 7));
    expect(a).toEqual([...a].sort((x, y) => x - y));
    expect(sample(items, 200)).toEqual(items);
  });

  it('loads what is present and skips what is not', async () => {
    expect(await loadPublicComplianceSets(dir)).toEqual([]);
    mkdirSync(join(dir, 'cold'));
    writeFileSync(join(dir, 'cold', 'dev.csv'), ',split,topic,label,TEXT\n1,dev,race,1,x\n');
    const sets = await loadPublicComplianceSets(dir);
    expect(sets.map((s) => [s.name, s.cases.length, s.source])).toEqual([['cold', 1, 'public']]);
  });
});
