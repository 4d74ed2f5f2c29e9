import { describe, expect, it } from 'vitest';
import { applyContext } from './context.ts';

const cand = (type: string, start: number, end: number, score = 0.5, contextWeight = 1) => ({
  type,
  start,
  end,
  score,
  contextWeight,
});

describe('context words', () => {
  it('raises a score after a positive cue and lowers it after a negative one', () => {
    const t1 = '银行卡号4111111111111111';
    expect(applyContext(t1, cand('BANK_CARD', 4, 20)).score).toBeCloseTo(0.85);
    const t2 = '订单号4111111111111111';
    expect(applyContext(t2, cand('BANK_CARD', 3, 19)).score).toBeCloseTo(0.1);
  });

  it('lets the nearest cue win', () => {
    const t = '订单号不用管，手机13812345678';
    expect(applyContext(t, cand('PHONE', 9, 20)).score).toBeCloseTo(0.85);
  });

  it('matches Latin cues as words only ("ref" is not in "prefer")', () => {
    const t = 'I prefer 4111111111111111';
    expect(applyContext(t, cand('BANK_CARD', 9, 25)).score).toBe(0.5);
  });

  it('scales the effect by contextWeight (checksum-valid finds barely move)', () => {
    const t = '订单号11010519491231002X';
    expect(applyContext(t, cand('CN_ID', 3, 21, 0.97, 0.3)).score).toBeCloseTo(0.85);
    expect(applyContext(t, cand('EMAIL', 3, 21, 0.95, 0)).score).toBe(0.95);
  });
});
