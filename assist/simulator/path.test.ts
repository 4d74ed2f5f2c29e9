import { describe, expect, it } from 'vitest';
import { DIMENSIONS, type Dimension } from './card.ts';
import { DEMO_CARDS } from './cards/demo-cards.ts';
import { cardEmphasis, nextScenario, type TrainingRecord, weaknesses } from './path.ts';

const scores = (over: Partial<Record<Dimension, number>>): Record<Dimension, number> =>
  ({ ...Object.fromEntries(DIMENSIONS.map((d) => [d, 90])), ...over }) as Record<Dimension, number>;
const rec = (cardId: string, passed: boolean, over: Partial<Record<Dimension, number>>): TrainingRecord => ({
  cardId,
  skill: DEMO_CARDS.find((c) => c.id === cardId)!.skill,
  passed,
  scores: scores(over),
});

describe('personalised path', () => {
  it('emphasis sums to one and angry customers train empathy most', () => {
    const e = cardEmphasis(DEMO_CARDS.find((c) => c.id === 'complaint-courier-en')!);
    expect(DIMENSIONS.reduce((s, d) => s + e[d], 0)).toBeCloseTo(1, 9);
    const calm = cardEmphasis(DEMO_CARDS.find((c) => c.id === 'invoice-company-en')!);
    expect(e.empathy).toBeGreaterThan(calm.empathy);
  });

  it('weighs recent sessions more', () => {
    const w = weaknesses([
      rec('refund-unshipped-en', true, { empathy: 20 }),
      rec('coupon-stacking-en', true, { empathy: 80 }),
    ]);
    expect(w.empathy).toBeLessThan(0.5);
    expect(w.empathy).toBeGreaterThan(0.2);
  });

  it('targets the weakest dimension with an unpassed skill, deterministically', () => {
    const history = [
      rec('refund-unshipped-en', true, { empathy: 30 }),
      rec('coupon-stacking-en', true, { empathy: 35 }),
      rec('invoice-company-en', true, { empathy: 40 }),
    ];
    const next = nextScenario(DEMO_CARDS, history, { lang: 'en' })!;
    expect(next.card.lang).toBe('en');
    expect(['angry', 'anxious']).toContain(next.card.persona.temperament);
    expect(next.targets).toContain('empathy');
    expect(history.map((h) => h.cardId)).not.toContain(next.card.id);
    expect(nextScenario(DEMO_CARDS, history, { lang: 'en' })).toEqual(next);
  });

  it('follows a different weakness to a different card', () => {
    const accuracy = nextScenario(DEMO_CARDS, [rec('coupon-stacking-zh', true, { accuracy: 10 })], {
      lang: 'zh',
    })!;
    const empathy = nextScenario(DEMO_CARDS, [rec('coupon-stacking-zh', true, { empathy: 10 })], {
      lang: 'zh',
    })!;
    expect(accuracy.card.id).not.toBe(empathy.card.id);
    expect(accuracy.targets).toContain('accuracy');
  });

  it('starts a newcomer on an unpassed skill at low difficulty, and respects the skill filter', () => {
    const first = nextScenario(DEMO_CARDS, [], { lang: 'zh', skills: ['ecommerce.logistics'] })!;
    expect(first.card.skill).toBe('ecommerce.logistics');
    expect(first.card.difficulty).toBeLessThanOrEqual(2);
    expect(nextScenario(DEMO_CARDS, [], { skills: ['nope'] })).toBeNull();
  });
});
