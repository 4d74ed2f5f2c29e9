import { describe, expect, it } from 'vitest';
import { type SparseVector, sparseFromMap } from '#assist/embedded/similarity.ts';
import { SoftmaxModel } from './softmax-model.ts';

const vec = (entries: [number, number][]): SparseVector => sparseFromMap(new Map(entries));

// Three classes, each signalled by its own feature, plus a shared noise feature 3.
const XS = [
  vec([
    [0, 1],
    [3, 0.5],
  ]),
  vec([[0, 0.8]]),
  vec([
    [1, 1],
    [3, 0.5],
  ]),
  vec([[1, 0.9]]),
  vec([
    [2, 1],
    [3, 0.5],
  ]),
  vec([[2, 0.7]]),
];
const YS = [0, 0, 1, 1, 2, 2];
const CLASSES = ['a', 'b', 'c'];

describe('SoftmaxModel', () => {
  it('learns a separable problem and returns a probability distribution', () => {
    const m = SoftmaxModel.train(XS, YS, CLASSES, 4, { epochs: 50 });
    for (const [i, x] of XS.entries()) {
      const p = m.probabilities(x);
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
      expect(p.indexOf(Math.max(...p))).toBe(YS[i]);
    }
    expect(m.probabilities(vec([[1, 1]]))[1]).toBeGreaterThan(0.8);
  });

  it('is deterministic for a given seed', () => {
    const a = SoftmaxModel.train(XS, YS, CLASSES, 4, { epochs: 3, seed: 7 });
    const b = SoftmaxModel.train(XS, YS, CLASSES, 4, { epochs: 3, seed: 7 });
    expect(Array.from(a.probabilities(XS[0]!))).toEqual(Array.from(b.probabilities(XS[0]!)));
    expect(Array.from(a.logits(XS[2]!))).toEqual(Array.from(b.logits(XS[2]!)));
  });

  it('lets the heavier of two contradicting examples win', () => {
    const x = vec([[0, 1]]);
    const favourA = SoftmaxModel.train([x, x], [0, 1], ['a', 'b'], 1, { epochs: 30, weights: [1, 0.2] });
    const favourB = SoftmaxModel.train([x, x], [0, 1], ['a', 'b'], 1, { epochs: 30, weights: [0.2, 1] });
    expect(favourA.probabilities(x)[0]).toBeGreaterThan(0.6);
    expect(favourB.probabilities(x)[1]).toBeGreaterThan(0.6);
  });

  it('shrinks weights with a stronger L2 penalty', () => {
    const loose = SoftmaxModel.train(XS, YS, CLASSES, 4, { epochs: 30, l2: 0 });
    const tight = SoftmaxModel.train(XS, YS, CLASSES, 4, { epochs: 30, l2: 0.05 });
    expect(Math.max(...tight.probabilities(XS[0]!))).toBeLessThan(Math.max(...loose.probabilities(XS[0]!)));
  });

  it('rejects mismatched inputs', () => {
    expect(() => SoftmaxModel.train(XS, [0], CLASSES, 4)).toThrow(RangeError);
    expect(() => SoftmaxModel.train(XS, YS, CLASSES, 4, { weights: [1] })).toThrow(RangeError);
  });
});
