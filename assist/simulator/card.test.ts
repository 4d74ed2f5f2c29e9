import { describe, expect, it } from 'vitest';
import { DEMO_POLICY } from '#src/db/seed/demo-knowledge.ts';
import { type ScenarioCardInput, TEMPERAMENTS, validateCard } from './card.ts';
import { DEMO_CARDS } from './cards/demo-cards.ts';
import { catalogue, DEMO_SIM_SOPS } from './sop.ts';

const SOPS = catalogue(DEMO_SIM_SOPS);
const base = structuredClone(
  DEMO_CARDS.find((c) => c.id === 'refund-credit-card-late-en')!,
) as ScenarioCardInput;

function variant(edit: (c: ScenarioCardInput) => void): ScenarioCardInput {
  const c = structuredClone(base);
  edit(c);
  return c;
}

function errorsOf(input: unknown) {
  const v = validateCard(input, SOPS);
  return v.ok ? [] : v.errors;
}

describe('demo cards', () => {
  it('has at least 30 valid cards, half Chinese, over all twelve demo SOPs', () => {
    expect(DEMO_CARDS.length).toBeGreaterThanOrEqual(30);
    expect(DEMO_CARDS.filter((c) => c.lang === 'zh').length).toBe(DEMO_CARDS.length / 2);
    expect(new Set(DEMO_CARDS.map((c) => c.sop))).toEqual(new Set(DEMO_SIM_SOPS.map((s) => s.key)));
    for (const c of DEMO_CARDS) expect(errorsOf(c), c.id).toEqual([]);
  });

  it('covers every temperament and difficulties 1 to 5, with unique ids', () => {
    expect(new Set(DEMO_CARDS.map((c) => c.persona.temperament))).toEqual(new Set(TEMPERAMENTS));
    expect(new Set(DEMO_CARDS.map((c) => c.difficulty))).toEqual(new Set([1, 2, 3, 4, 5]));
    expect(new Set(DEMO_CARDS.map((c) => c.id)).size).toBe(DEMO_CARDS.length);
  });

  it('forbids what DEMO_POLICY forbids (credit-card refund time, goodwill limit)', () => {
    const late = DEMO_CARDS.find((c) => c.id === 'refund-credit-card-late-zh')!;
    expect(late.mustNotAccept[0]!.why).toContain(String(DEMO_POLICY.refunds.creditCardMaxBusinessDays));
    const complaint = DEMO_CARDS.find((c) => c.id === 'complaint-courier-en')!;
    expect(complaint.mustNotAccept[0]!.why).toContain(`¥${DEMO_POLICY.complaints.frontlineGoodwillMaxYuan}`);
  });
});

describe('validateCard rejects contradictory cards with field paths', () => {
  it('a disclosure no step of the SOP can make', () => {
    const errors = errorsOf(variant((c) => c.success.disclosures.push('coupon_rules')));
    expect(errors).toContainEqual({
      path: 'success.disclosures.1',
      message: expect.stringContaining('no step'),
    });
  });

  it('a step the SOP does not have', () => {
    const errors = errorsOf(variant((c) => c.success.stepsCovered.push('open-investigation')));
    expect(errors.map((e) => e.path)).toContain('success.stepsCovered.3');
  });

  it('the same fact both known and hidden', () => {
    const errors = errorsOf(
      variant((c) => c.hiddenFacts.push({ key: 'order_number', text: 'It is 123.', revealWhen: ['order'] })),
    );
    expect(errors).toContainEqual({
      path: 'hiddenFacts.1.key',
      message: expect.stringContaining('both known'),
    });
  });

  it('a mustNotAccept keyword the outcome requires', () => {
    const errors = errorsOf(variant((c) => c.mustNotAccept[0]!.keywords.push('refund was issued')));
    expect(errors.map((e) => e.path)).toContain('mustNotAccept.0.keywords.10');
  });

  it('a mustNotAccept keyword a required SOP step says', () => {
    // The refund-time step's script states the credit-card time; forbidding it contradicts the SOP.
    const errors = errorsOf(variant((c) => c.mustNotAccept[0]!.keywords.push('up to 7 business days')));
    expect(errors).toContainEqual({
      path: 'mustNotAccept.0.keywords.10',
      message: expect.stringContaining('disclose-refund-time'),
    });
  });

  it('forbidding escalation on an escalation card, an unknown SOP, a wrong skill, a bad reveal', () => {
    const complaint = structuredClone(
      DEMO_CARDS.find((c) => c.id === 'complaint-courier-zh')!,
    ) as ScenarioCardInput;
    complaint.mustNotAccept.push({ kind: 'escalation', keywords: ['转给主管'], why: '不要转。' });
    expect(errorsOf(complaint).map((e) => e.path)).toContain('mustNotAccept.1.kind');
    expect(errorsOf(variant((c) => (c.sop = 'nope'))).map((e) => e.path)).toEqual(['sop']);
    expect(errorsOf(variant((c) => (c.skill = 'ecommerce.billing'))).map((e) => e.path)).toEqual(['skill']);
    expect(errorsOf(variant((c) => c.success.reveal!.push('ghost'))).map((e) => e.path)).toEqual([
      'success.reveal.1',
    ]);
  });

  it('schema errors carry paths too', () => {
    const errors = errorsOf(variant((c) => ((c as { difficulty: number }).difficulty = 9)));
    expect(errors.map((e) => e.path)).toEqual(['difficulty']);
    expect(errorsOf({ id: 'x' }).length).toBeGreaterThan(3);
  });
});
