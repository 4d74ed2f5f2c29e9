/** The authored golden data is consistent with the demo tenant it is written for. */
import { describe, expect, it } from 'vitest';
import { DEMO_SOPS } from '#src/db/seed/demo-sops.ts';
import { readJsonl } from '../harness/jsonl.ts';
import { fromRepoRoot } from '../harness/paths.ts';
import { CopilotCaseSchema } from './case.ts';
import { GOLDEN_REPLIES_FILE, GoldenReplySchema } from './demo-tenant.ts';
import { comparable } from './similarity.ts';

const cases = await readJsonl(fromRepoRoot('eval/copilot/cases.jsonl'), CopilotCaseSchema);
const golden = await readJsonl(fromRepoRoot(GOLDEN_REPLIES_FILE), GoldenReplySchema);
const stepsOf = new Map(DEMO_SOPS.map((s) => [s.key, new Set(s.steps.map((st) => st.key))]));

describe('eval/copilot/cases.jsonl', () => {
  it('holds at least 120 conversations in both languages across all 12 demo SOPs', () => {
    expect(cases.length).toBeGreaterThanOrEqual(120);
    for (const lang of ['zh', 'en'])
      expect(cases.filter((c) => c.lang === lang).length).toBeGreaterThanOrEqual(50);
    expect(new Set(cases.map((c) => c.sop).filter(Boolean))).toEqual(new Set(DEMO_SOPS.map((s) => s.key)));
    for (const tag of [
      'greeting',
      'mid-verification',
      'ready-to-disclose',
      'closing',
      'injection',
      'angry',
      'topic-switch',
      'mixed-language',
      'early-order',
      'no-sop',
    ]) {
      expect(
        cases.some((c) => c.tags?.includes(tag)),
        tag,
      ).toBe(true);
    }
  });

  it('names a real step of its SOP, ends with the customer, and has every must-include fact in its reference', () => {
    for (const c of cases) {
      if (c.sop !== null)
        expect(stepsOf.get(c.sop)?.has(c.expected_step), `${c.id}: ${c.expected_step}`).toBe(true);
      expect(c.history.at(-1)?.role, c.id).toBe('customer');
      expect(c.reference, c.id).toBeDefined();
      for (const m of c.must_include ?? [])
        expect(comparable(c.reference!), `${c.id}: ${m}`).toContain(comparable(m));
    }
  });
});

describe('eval/copilot/golden-replies.jsonl', () => {
  it('files every accepted reply under a real SOP step', () => {
    expect(golden.length).toBeGreaterThan(30);
    for (const g of golden) expect(stepsOf.get(g.sop)?.has(g.step), `${g.id}: ${g.sop}/${g.step}`).toBe(true);
  });
});
