import { describe, expect, it } from 'vitest';
import { DIMENSIONS } from './card.ts';
import { DEMO_CARDS } from './cards/demo-cards.ts';
import { playScript } from './persona-engine.ts';
import { WEAK_BELOW } from './rubric.ts';

const card = (id: string) => DEMO_CARDS.find((c) => c.id === id)!;

describe('rubric', () => {
  const good = playScript(
    card('lost-parcel-signed-en'),
    [
      "I'm really sorry about this — I'll personally follow it through. Could you share the order number?",
      'To check the delivery, could you confirm the recipient name and delivery address? Have you checked the parcel lockers or asked the neighbours?',
      "Thanks for checking. I've opened a lost-parcel investigation with the courier. It takes 3 business days.",
      'If it is confirmed lost, you can have it reshipped free within 48 hours, or get a full refund. Which would you prefer?',
      'Is there anything else I can help with?',
    ],
    3,
  );
  const bad = playScript(
    card('lost-parcel-signed-en'),
    ['Order number?', "I'll reship today. It'll take 10 business days to investigate anyway.", 'Bye.'],
    3,
  );

  it('passes a complete session and fails one that breaks the card, with reasons', () => {
    expect(good.verdict.passed).toBe(true);
    expect(good.verdict.criteria.every((c) => c.met)).toBe(true);
    expect(bad.verdict.passed).toBe(false);
    expect(bad.verdict.endReason).toBe('trainee-closed');
    expect(bad.verdict.failures.join(' ')).toMatch(/3-business-day investigation/);
  });

  it('scores every dimension 0–100 and lists those below the threshold as weak', () => {
    for (const v of [good.verdict, bad.verdict]) {
      for (const d of DIMENSIONS) {
        expect(v.scores[d]).toBeGreaterThanOrEqual(0);
        expect(v.scores[d]).toBeLessThanOrEqual(100);
      }
      expect(v.weak).toEqual(DIMENSIONS.filter((d) => v.scores[d] < WEAK_BELOW));
    }
    expect(good.verdict.weak).toEqual([]);
    expect(bad.verdict.weak).toEqual(
      expect.arrayContaining(['sop_adherence', 'compliance', 'accuracy', 'resolution']),
    );
  });

  it('backs scores with evidence quotes taken from the trainee’s own messages', () => {
    const trainee = bad.session.state().transcript.filter((e) => e.role === 'trainee');
    const quoted = Object.values(bad.verdict.evidence)
      .flat()
      .filter((e) => e.turn !== null && e.quote !== '');
    expect(quoted.length).toBeGreaterThan(0);
    for (const e of quoted) {
      const text = trainee[e.turn! - 1]!.text;
      expect(text.slice(e.start, e.end)).toBe(e.quote.endsWith('…') ? text.slice(e.start, e.end) : e.quote);
    }
    expect(bad.verdict.evidence.accuracy).toContainEqual(
      expect.objectContaining({ quote: '10 business days', polarity: 'negative' }),
    );
  });

  it('gives an annotated replay of the whole conversation', () => {
    const replay = good.verdict.replay;
    expect(replay[0]!.role).toBe('customer');
    expect(replay.filter((r) => r.role === 'trainee')).toHaveLength(5);
    expect(replay.flatMap((r) => r.annotations.map((a) => a.kind))).toEqual(
      expect.arrayContaining(['step', 'revealed', 'disclosed', 'outcome', 'empathy']),
    );
  });
});
