import { describe, expect, it } from 'vitest';
import {
  type AnswerItem,
  createProfileCache,
  fitAnswerScorer,
  type RubricLevel,
  scoreAnswer,
  type TrainingAnswer,
} from './rubric-scorer.ts';

const rubric: RubricLevel[] = [
  { level: 1, descriptor: 'Rude or off-topic', examples: ["That's the courier's problem, not mine."] },
  { level: 2, descriptor: 'Minimal', examples: ['Tell them to wait.'] },
  { level: 3, descriptor: 'Vague', examples: ["I'd say sorry and look into it."] },
  { level: 4, descriptor: 'Good', examples: ["I'd apologise, check the tracking and offer a replacement."] },
  {
    level: 5,
    descriptor: 'Excellent',
    examples: [
      "I'd apologise, confirm the order number, check the carrier tracking, offer a replacement or refund and follow up within a day.",
    ],
  },
];

const base = {
  lang: 'en' as const,
  question: 'A customer says their parcel is lost and is angry — what do you do?',
  reference:
    'Apologise and acknowledge the frustration. Ask for the order number and check the carrier tracking. Offer a replacement or a refund, give a timeline and follow up.',
  rubric,
  scale: { min: 1, max: 5 },
};
const item = (answer: string, extra: Partial<AnswerItem> = {}): AnswerItem => ({ ...base, answer, ...extra });

describe('scoreAnswer (uncalibrated)', () => {
  it('orders a complete answer above a vague one above an off-topic one, on the item scale', () => {
    const good = scoreAnswer(
      item(
        "I'm sorry about this. I'd ask for the order number, check the carrier tracking, then offer a replacement or refund and follow up tomorrow.",
      ),
    );
    const vague = scoreAnswer(item('I would say sorry and try to help.'));
    const off = scoreAnswer(item('I enjoy working with people and learning new software.'));
    expect(good.score).toBeGreaterThan(vague.score);
    expect(vague.score).toBeGreaterThanOrEqual(off.score);
    expect(good.raw).toBeGreaterThan(vague.raw);
    expect(vague.raw).toBeGreaterThan(off.raw);
    for (const s of [good, vague, off]) {
      expect(Number.isInteger(s.score)).toBe(true);
      expect(s.score).toBeGreaterThanOrEqual(1);
      expect(s.score).toBeLessThanOrEqual(5);
      expect(s.calibrated).toBe(false);
      expect(s.confidence).toBeGreaterThanOrEqual(0);
      expect(s.confidence).toBeLessThanOrEqual(1);
    }
    expect(good.coverage!.recall).toBeGreaterThan(off.coverage!.recall);
  });

  it('quotes evidence exactly: every span is a slice of the answer', () => {
    const answer =
      "First, I'd apologise. Then I'd check the tracking with the carrier, and offer a replacement if it is lost.";
    const s = scoreAnswer(item(answer));
    const matched = s.anchors.filter((a) => a.matched);
    expect(matched.length).toBeGreaterThan(0);
    const quotes = [
      ...matched.flatMap((a) => a.evidence),
      ...s.coverage!.phrases.flatMap((p) => (p.evidence ? [p.evidence] : [])),
    ];
    expect(quotes.length).toBeGreaterThan(0);
    for (const e of quotes) {
      expect(e.end).toBeGreaterThan(e.start);
      expect(answer.slice(e.start, e.end)).toBe(e.quote);
    }
    // The reference's "offer a replacement" phrase is covered, quoted with the clause covering it;
    // the unmentioned timeline is not.
    const offer = s.coverage!.phrases.find((p) => p.phrase.startsWith('Offer a replacement'))!;
    expect(offer.matched).toBe(true);
    expect(offer.evidence!.quote).toBe('and offer a replacement if it is lost');
    const timeline = s.coverage!.phrases.find((p) => p.phrase.includes('timeline'))!;
    expect(timeline.matched).toBe(false);
    expect(timeline.evidence).toBeNull();
  });

  it('scores an answer in the wrong language at the bottom', () => {
    const s = scoreAnswer(item('我会先道歉，然后查询物流，给客户补发或者退款。'));
    expect(s.signals.language).toBe(0);
    expect(s.score).toBe(1);
  });

  it('never uses an exemplar with the answer’s own id', () => {
    const answer = 'Check the tracking, then refund.';
    const exemplars = [
      { id: 'self', text: answer, score: 5 },
      { id: 'other', text: 'Say sorry.', score: 2 },
    ];
    const s = scoreAnswer(item(answer, { id: 'self', exemplars }));
    expect(s.neighbours.map((n) => n.id)).not.toContain('self');
    const t = scoreAnswer(item(answer, { id: 'someone-else', exemplars }));
    expect(t.neighbours[0]!.id).toBe('self');
    expect(t.neighbours[0]!.similarity).toBeCloseTo(1, 5);
  });
});

describe('fitAnswerScorer', () => {
  // Human scores that follow how much of the reference an answer covers.
  const parts = [
    "I'm sorry about that",
    "I'd ask for the order number",
    'check the carrier tracking',
    'offer a replacement or a refund',
    'and follow up with a timeline',
  ];
  const train: TrainingAnswer[] = [];
  for (let n = 0; n <= 5; n++) {
    for (let v = 0; v < 4; v++) {
      const chosen = parts.filter((_, i) => (i + v) % 5 < n);
      const answer = chosen.length
        ? chosen.join(', ') + '.'
        : ['No idea.', 'Whatever.', 'Not sure.', 'Hmm.'][v]!;
      train.push({ ...item(answer), id: `t${n}-${v}`, humanScore: Math.max(1, n) });
    }
  }

  it('fits non-negative weights and cut points that reproduce the training order, deterministically', () => {
    const cache = createProfileCache();
    const cal = fitAnswerScorer(train, { cache });
    expect(cal.trainedOn).toBe(train.length);
    expect(cal.scale).toEqual({ min: 1, max: 5 });
    for (const w of cal.model.weights) expect(w).toBeGreaterThanOrEqual(0);
    expect(cal.trainQwk).toBeGreaterThan(0.8);
    expect(fitAnswerScorer(train, { cache })).toEqual(cal);

    const full = scoreAnswer(
      item(
        "I'm sorry about that, I'd ask for the order number, check the carrier tracking and offer a refund.",
      ),
      { calibration: cal, cache },
    );
    const empty = scoreAnswer(item('No clue.'), { calibration: cal, cache });
    expect(full.calibrated).toBe(true);
    expect(full.score).toBeGreaterThanOrEqual(4);
    expect(empty.score).toBeLessThanOrEqual(2);
  });

  it('ignores a calibration fitted for another scale', () => {
    const cal = fitAnswerScorer(train);
    const s = scoreAnswer(item('Check the tracking.', { scale: { min: 0, max: 10 } }), { calibration: cal });
    expect(s.calibrated).toBe(false);
    expect(s.score).toBeGreaterThanOrEqual(0);
    expect(s.score).toBeLessThanOrEqual(10);
  });

  it('rejects mixed scales and non-integer human scores', () => {
    expect(() => fitAnswerScorer([train[0]!, { ...train[1]!, scale: { min: 0, max: 10 } }])).toThrow(
      RangeError,
    );
    expect(() => fitAnswerScorer([{ ...train[0]!, humanScore: 2.5 }])).toThrow(/not an integer/);
    expect(() => fitAnswerScorer([])).toThrow(RangeError);
  });
});
