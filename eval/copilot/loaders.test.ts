import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadEnv } from '#src/config/env.ts';
import { datasetsSetting } from '../harness/datasets.ts';
import { fnv1a, loadBitext } from './bitext.ts';
import { loadPublicCopilotSets } from './loaders.ts';
import { bankingGoal, firstPerson, loadTau2, splitSections } from './tau2.ts';

const datasets = datasetsSetting(loadEnv().TIDEDESK_DATASETS).dir;
const present = existsSync(datasets);

describe('τ² helpers', () => {
  it('cuts policy markdown into sections titled with their heading path', () => {
    const md =
      '# Policy\nIntro line.\n## Cancel order\nOnly pending orders.\n### Reasons\nTwo reasons.\n## Return\nDelivered only.';
    expect(splitSections(md, 'p')).toEqual([
      { id: 'p#1', lang: 'en', title: 'Policy', body: 'Intro line.' },
      { id: 'p#2', lang: 'en', title: 'Policy › Cancel order', body: 'Only pending orders.' },
      { id: 'p#3', lang: 'en', title: 'Policy › Cancel order › Reasons', body: 'Two reasons.' },
      { id: 'p#4', lang: 'en', title: 'Policy › Return', body: 'Delivered only.' },
    ]);
  });

  it('turns the second-person scenario into the customer speaking', () => {
    expect(firstPerson('You want to cancel your order. An agent told you to call.')).toBe(
      'I want to cancel my order. An agent told me to call.',
    );
    expect(
      bankingGoal(
        'You are playing the role of a customer. Your name is Sam. You want a card with no annual fee. Do not mention X.',
      ),
    ).toBe('I want a card with no annual fee.');
  });

  it('orders by a stable hash', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
  });
});

describe.skipIf(!present)('public sets from TIDEDESK_DATASETS', () => {
  it('builds τ² cases: first gold action as the step, communicate_info as must-include, the governing section as gold', async () => {
    const retail = (await loadTau2(datasets, 'retail'))!;
    expect(retail.cases.length + retail.skipped).toBe(74);
    const first = retail.cases[0]!;
    expect(first).toMatchObject({
      sop: 'tau2-retail',
      kb: 'tau2-retail',
      expected_step: 'find_user_id_by_name_zip',
    });
    expect(first.history[0]!.text).toMatch(/^I received my order #W2378156/);
    const titles = new Map(retail.tenant.knowledge.map((a) => [a.id, a.title]));
    expect(first.gold_sources!.map((id) => titles.get(id))).toEqual([
      'Retail agent policy › Exchange delivered order',
    ]);
    expect(retail.tenant.sops[0]!.steps[0]!.key).toBe('find_user_id_by_name_zip');
    const banking = (await loadTau2(datasets, 'banking'))!;
    expect(banking.tenant.knowledge).toHaveLength(698);
    expect(banking.cases.every((c) => (c.gold_sources ?? []).length > 0)).toBe(true);
  });

  it('samples 500 Bitext rows deterministically and keeps their questions out of the past replies', async () => {
    const a = (await loadBitext(datasets))!;
    const b = (await loadBitext(datasets))!;
    expect(a.cases).toHaveLength(500);
    expect(a.cases.map((c) => c.id)).toEqual(b.cases.map((c) => c.id));
    const asked = new Set(a.cases.map((c) => c.history[0]!.text));
    expect(a.tenant.goldenReplies!.some((g) => asked.has(g.context ?? ''))).toBe(false);
    expect(new Set(a.cases.map((c) => c.expected_step)).size).toBeGreaterThan(20);
    const sets = await loadPublicCopilotSets(datasets);
    expect(sets.map((s) => s.name)).toEqual([
      'tau2-retail',
      'tau2-airline',
      'tau2-telecom',
      'tau2-banking',
      'bitext',
    ]);
  });
});
