import { describe, expect, it } from 'vitest';
import { createPiiDetector } from '#src/core/pii/index.ts';
import { createPiiBoundary } from './pii-boundary.ts';
import { createStreamRestorer } from './restore-stream.ts';

const boundary = createPiiBoundary({ detector: createPiiDetector() });
const { restore } = boundary.outbound([{ role: 'user', content: '电话13812345678' }]);
const agent = { role: 'agent' as const, allowedTypes: ['PHONE'] };

function feed(deltas: string[], access = agent): string[] {
  const r = createStreamRestorer(boundary, restore, access);
  return [...deltas.map((d) => r.push(d)), r.end()];
}

describe('stream restorer', () => {
  it('restores a placeholder split over several deltas, holding back only the open tail', () => {
    expect(feed(['回拨 <', 'PHO', 'NE_', '1> 即可'])).toEqual(['回拨 ', '', '', '13812345678 即可', '']);
  });

  it('passes ordinary angle brackets through once they cannot be a placeholder', () => {
    expect(feed(['a < b', ' and <b>bold</b>']).join('')).toBe('a < b and <b>bold</b>');
    expect(feed(['x <', 'y'])).toEqual(['x ', '<y', '']);
  });

  it('flushes an unfinished tail at the end, unrestored', () => {
    expect(feed(['结尾 <PHONE_']).join('')).toBe('结尾 <PHONE_');
  });

  it('keeps placeholders for readers the policy refuses', () => {
    expect(feed(['<PHONE', '_1>'], { role: 'agent', allowedTypes: [] }).join('')).toBe('<PHONE_1>');
  });
});
