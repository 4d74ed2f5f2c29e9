import { describe, expect, it } from 'vitest';
import { sparklineSvg, trendLabel } from './qa-sparkline.ts';

const coords = (svg: string) =>
  (svg.match(/points="([^"]+)"/)?.[1] ?? '')
    .split(' ')
    .map((p) => p.split(',').map(Number) as [number, number]);

describe('sparklineSvg', () => {
  it('draws one point per run, left to right, higher values higher up (smaller y)', () => {
    const svg = sparklineSvg([0.5, 0.8, 0.7], { label: 'f1', width: 100, height: 20 });
    const pts = coords(svg);
    expect(pts).toHaveLength(3);
    expect(pts.map(([x]) => x)).toEqual([...pts.map(([x]) => x)].sort((a, b) => a - b));
    expect(pts[1]![1]).toBeLessThan(pts[2]![1]);
    expect(pts[2]![1]).toBeLessThan(pts[0]![1]);
    // The last run is marked.
    expect(svg).toContain(`cx="${pts[2]![0].toFixed(1)}"`);
  });

  it('skips runs without the metric, and with none at all draws only the baseline', () => {
    expect(coords(sparklineSvg([0.2, null, Number.NaN, 0.4], { label: 'x' }))).toHaveLength(2);
    const empty = sparklineSvg([], { label: 'x' });
    expect(empty).not.toContain('<polyline');
    expect(empty).not.toContain('<circle');
  });

  it('escapes the label it carries as its accessible name', () => {
    const svg = sparklineSvg([1], { label: '<b>"x"</b> & y' });
    expect(svg).toContain('aria-label="&lt;b&gt;&quot;x&quot;&lt;/b&gt; &amp; y"');
    expect(svg).not.toContain('<b>');
  });

  it('widens the axis for a negative correlation instead of drawing off the chart', () => {
    const pts = coords(sparklineSvg([-0.5, 0.5], { label: 'spearman', height: 28 }));
    for (const [, y] of pts) {
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(28);
    }
  });
});

describe('trendLabel', () => {
  it('names the metric, the number of runs and first → last value', () => {
    expect(trendLabel('macroF1', [0.81, null, 0.84])).toBe('macroF1 · 2 runs · 0.8100 → 0.8400');
    expect(trendLabel('qwk', [0.5])).toBe('qwk · 1 run · 0.5000');
    expect(trendLabel('qwk', [])).toBe('qwk · no runs yet');
  });
});
