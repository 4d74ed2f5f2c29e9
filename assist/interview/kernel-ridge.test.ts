import { describe, expect, it } from 'vitest';
import { fitKernelRidge, KERNEL_MIN_ANSWERS, kernelPredict } from './kernel-ridge.ts';
import { buildQuestionProfile } from './question-profile.ts';

const answers = [
  ['顺序表存储空间连续，支持随机访问', 1],
  ['顺序表支持随机访问，但插入删除要移动元素', 1],
  ['链表不支持随机访问，插入删除方便', 0.8],
  ['链表用指针连接，空间不连续', 0.7],
  ['顺序表和链表都是线性表', 0.3],
  ['不知道', 0],
  ['顺序表需要预先分配空间，可能浪费', 0.8],
  ['链表插入删除不需要移动元素', 0.7],
  ['数组就是顺序表', 0.2],
  ['顺序表访问快，链表插入快', 0.9],
  ['两者存储方式不同', 0.3],
  ['链表需要额外的指针空间', 0.6],
] as const;

describe('kernel ridge', () => {
  const profile = buildQuestionProfile({
    lang: 'zh',
    question: '简述顺序表和链表的特点',
    scale: { min: 0, max: 1 },
  });
  const reps = answers.map(([t]) => profile.represent(t));
  const y = answers.map(([, s]) => s);

  it('gives the exact leave-one-out prediction (same as refitting without the answer, same intercept)', () => {
    const model = fitKernelRidge(reps, y)!;
    for (const i of [0, 5, 11]) {
      const others = reps.filter((_, j) => j !== i);
      const refit = fitKernelRidge(
        others,
        y.filter((_, j) => j !== i),
        { intercept: model.mean },
      )!;
      expect(kernelPredict(model, reps, reps[i]!, i)).toBeCloseTo(kernelPredict(refit, others, reps[i]!), 9);
    }
  });

  it('predicts higher for an answer like the high-scored ones; needs enough answers', () => {
    const model = fitKernelRidge(reps, y)!;
    const good = kernelPredict(model, reps, profile.represent('顺序表支持随机访问，链表插入删除方便'));
    const bad = kernelPredict(model, reps, profile.represent('不清楚'));
    expect(good).toBeGreaterThan(bad);
    expect(
      fitKernelRidge(reps.slice(0, KERNEL_MIN_ANSWERS - 1), y.slice(0, KERNEL_MIN_ANSWERS - 1)),
    ).toBeNull();
  });
});
