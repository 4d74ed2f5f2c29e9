import { describe, expect, it } from 'vitest';
import { DEMO_CARDS } from '#assist/simulator/cards/demo-cards.ts';
import { personaProblem, tellsFact } from './persona-guard.ts';

const en = DEMO_CARDS.find((c) => c.id === 'refund-unshipped-en')!;
const zh = DEMO_CARDS.find((c) => c.id === 'refund-unshipped-zh')!;

describe('persona guard', () => {
  it('finds a hidden fact told verbatim, paraphrased with most of its words, or in Chinese', () => {
    expect(
      tellsFact(
        'Honestly, I found it cheaper somewhere else.',
        'Well, honestly I found it cheaper somewhere else.',
      ),
    ).toBe(true);
    expect(
      tellsFact(
        'Honestly, I found it cheaper somewhere else.',
        'I found it much cheaper at another shop, honestly.',
      ),
    ).toBe(true);
    expect(tellsFact('其实是在别家看到更便宜的了。', '说实话，其实是在别家看到更便宜的。')).toBe(true);
    expect(tellsFact('My parcel tracking number is 7781234455.', 'The number is 7781234455, ok?')).toBe(true);
  });

  it('does not flag a line that only shares a word or two with the fact', () => {
    expect(
      tellsFact('Honestly, I found it cheaper somewhere else.', 'Honestly, I just want my money back.'),
    ).toBe(false);
    expect(tellsFact('其实是在别家看到更便宜的了。', '好的，订单号是 2024052188341。')).toBe(false);
  });

  it('reports a leak only for hidden facts the trainee has not uncovered', () => {
    const line = 'Sure. Honestly, I found it cheaper somewhere else.';
    expect(personaProblem(en, [], line)).toEqual({ kind: 'leaked-hidden-fact', key: 'found_cheaper' });
    expect(personaProblem(en, ['found_cheaper'], line)).toBeNull();
    expect(personaProblem(zh, [], '其实是在别家看到更便宜的了，帮我取消吧。')).toEqual({
      kind: 'leaked-hidden-fact',
      key: 'found_cheaper',
    });
  });

  it('catches a model stepping out of the customer’s role, in English and Chinese', () => {
    expect(personaProblem(en, [], 'As an AI, I cannot have an order.')?.kind).toBe('broke-character');
    expect(personaProblem(en, [], "I'm a simulated customer in this training scenario.")?.kind).toBe(
      'broke-character',
    );
    expect(personaProblem(zh, [], '作为一个AI语言模型，我无法……')?.kind).toBe('broke-character');
    expect(personaProblem(en, [], 'I paid with Alipay, can you cancel it please?')).toBeNull();
  });
});
