import { describe, expect, it } from 'vitest';
import { createPiiDetector } from '#src/core/pii/index.ts';
import { buildView } from '../text-view.ts';
import type { SopStepInfo } from '../types.ts';
import { compilePiiScorer } from './pii.ts';

const scorer = compilePiiScorer(
  { types: ['PHONE', 'CN_ID', 'EMAIL', 'BANK_CARD'], minScore: 0.5 },
  createPiiDetector(),
);
const find = (draft: string, step?: SopStepInfo) =>
  scorer.find(buildView(draft), { context: {}, step, lang: 'zh' }).map((m) => ({
    text: draft.slice(m.start, m.end),
    rewrite: m.rewrite?.zh,
    severity: m.severity,
  }));

describe('pii scorer', () => {
  it('reports personal data in clear with the masked value as the rewrite', () => {
    expect(find('电话 13812345678')).toEqual([
      { text: '13812345678', rewrite: '138****5678', severity: undefined },
    ]);
    expect(find('身份证 110105198603074527')[0]?.text).toBe('110105198603074527');
  });

  it('sees full-width and digit-by-digit spaced numbers, with original offsets', () => {
    expect(find('电话１３８１２３４５６７８')[0]?.text).toBe('１３８１２３４５６７８');
    expect(find('电话 1 3 8 1 2 3 4 5 6 7 8 好的')[0]?.text).toBe('1 3 8 1 2 3 4 5 6 7 8');
  });

  it('does not report masked values, placeholders, hotlines or order numbers', () => {
    expect(find('电话 138****5678，<PHONE_1>，热线 400-820-1234，订单号 202406180012345678')).toEqual([]);
  });

  it('reports a type the SOP step reads back on purpose as info', () => {
    const step: SopStepInfo = { key: 'confirm-new-address', mustDisclose: [], piiTypes: ['PHONE'] };
    expect(find('电话 13812345678', step)[0]?.severity).toBe('info');
  });
});
