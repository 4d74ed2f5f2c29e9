import { describe, expect, it } from 'vitest';
import {
  analyzeSpeech,
  countUnits,
  indicativeFluencyScore,
  pscBand,
  type TranscriptSegment,
} from './speech.ts';

/** `count` segments of `text`, each `len` seconds long, separated by `gap` seconds, from `t0`. */
function evenly(text: string, count: number, len: number, gap: number, t0 = 0): TranscriptSegment[] {
  return Array.from({ length: count }, (_, i) => {
    const start = t0 + i * (len + gap);
    return { text, start, end: start + len };
  });
}

describe('rates and pauses from a timestamped transcript', () => {
  it('10 × 8 汉字 in 2 s with 0.5 s gaps: rate over total time, articulation without pauses, pause ratio', () => {
    const m = analyzeSpeech({ lang: 'zh', segments: evenly('您好请问哪里帮您', 10, 2, 0.5) });
    expect(m.units).toBe(80);
    expect(m.durationS).toBeCloseTo(24.5, 10);
    expect(m.speakingRate).toBeCloseTo(80 / (24.5 / 60), 10);
    expect(m.articulationRate).toBeCloseTo(240, 10);
    expect(m.pauseCount).toBe(9);
    expect(m.pauseRatio).toBeCloseTo(4.5 / 24.5, 10);
    expect(m.meanPauseS).toBeCloseTo(0.5, 10);
    expect(m.unit).toBe('字/分');
  });

  it('gaps under 250 ms are not pauses', () => {
    const m = analyzeSpeech({ lang: 'zh', segments: evenly('好的', 20, 0.5, 0.2) });
    expect(m.pauseCount).toBe(0);
    expect(m.pauseRatio).toBe(0);
    expect(m.articulationRate).toBeCloseTo(m.speakingRate, 10);
  });

  it('with a recording duration, leading and trailing silence count in the pause ratio, not the mean pause', () => {
    // 1 s of silence, 4 segments of 1.5 s with 1 s gaps (ending at 10 s), 1 s of silence: 11 s in all.
    const segments = evenly('好的明白', 4, 1.5, 1, 1);
    const m = analyzeSpeech({ lang: 'zh', segments, durationS: 11 });
    expect(m.durationS).toBe(11);
    expect(m.pauseCount).toBe(3);
    expect(m.meanPauseS).toBeCloseTo(1, 10);
    expect(m.pauseRatio).toBeCloseTo((1 + 3 + 1) / 11, 10);
    expect(m.speakingRate).toBeCloseTo(16 / (11 / 60), 10);
    expect(m.articulationRate).toBeCloseTo(16 / (6 / 60), 10);
  });

  it('counts English words per minute; plain text + duration gives a rate and no pause metrics', () => {
    const m = analyzeSpeech({
      lang: 'en',
      text: "I'm sorry your parcel is late, let me check the tracking for you.",
      durationS: 6,
    });
    expect(m.units).toBe(13);
    expect(m.speakingRate).toBeCloseTo(130, 10);
    expect(m.unit).toBe('WPM');
    expect(m.pauseRatio).toBeNull();
    expect(m.articulationRate).toBeNull();
    expect(m.fluency).toBeNull();
  });

  it('counts each 汉字 and each Latin word or number as one unit in Chinese', () => {
    expect(countUnits('您的iPhone 15已发货', 'zh')).toBe(2 + 1 + 1 + 3);
  });
});

describe('fillers', () => {
  const zh = (text: string) => analyzeSpeech({ lang: 'zh', text, durationS: 60 }).fillers;

  it('always counts 嗯/呃 (a run once) and finds 就是/那个/然后 only in filler positions', () => {
    expect(zh('嗯，就是，我觉得应该先道歉').hits.map((h) => h.text)).toEqual(['嗯', '就是']);
    expect(zh('嗯嗯好的').count).toBe(1);
    expect(zh('呃……那个，您稍等').count).toBe(2);
    expect(zh('那个那个订单已经发出了').count).toBe(1);
  });

  it('does not count 那个/就是/然后/额 used as content words', () => {
    expect(zh('那个订单已经发出了').count).toBe(0);
    expect(zh('这就是延误的原因').count).toBe(0);
    expect(zh('首先核实订单，然后安排补发').count).toBe(0);
    expect(zh('退款金额会原路退回').count).toBe(0);
  });

  it('uses pauses between transcript segments as boundaries', () => {
    const segments: TranscriptSegment[] = [
      { text: '我们', start: 0, end: 0.4 },
      { text: '那个', start: 1.0, end: 1.3 },
      { text: '核实一下', start: 1.9, end: 2.6 },
      { text: '那个', start: 2.6, end: 2.9 },
      { text: '订单', start: 2.9, end: 3.3 },
    ];
    const m = analyzeSpeech({ lang: 'zh', segments });
    expect(m.fillers.hits).toEqual([{ text: '那个', segment: 1 }]);
  });

  it('English: um/uh always; like and you know only between boundaries', () => {
    const f = analyzeSpeech({
      lang: 'en',
      text: 'Um, so the parcel was, like, lost. I like helping people. You know, we can fix it. Do you know the order number? Uh',
      durationS: 30,
    }).fillers;
    expect(f.hits.map((h) => h.text)).toEqual(['um', 'like', 'you know', 'uh']);
    expect(f.perMinute).toBeCloseTo(8, 10);
  });
});

describe('indicative PSC band', () => {
  it('maps scores onto the DOMAIN.md §5 bands', () => {
    expect(pscBand(97)).toBe('一级甲等');
    expect(pscBand(96.99)).toBe('一级乙等');
    expect(pscBand(92)).toBe('一级乙等');
    expect(pscBand(87)).toBe('二级甲等');
    expect(pscBand(86.99)).toBe('二级乙等');
    expect(pscBand(80)).toBe('二级乙等');
    expect(pscBand(70)).toBe('三级甲等');
    expect(pscBand(60)).toBe('三级乙等');
    expect(pscBand(59.99)).toBeNull();
  });

  it('labels the Mandarin fluency grade indicative, and lowers it with pauses and fillers', () => {
    const fluent = analyzeSpeech({ lang: 'zh', segments: evenly('您好我马上帮您查询', 12, 2.4, 0.3) });
    expect(fluent.fluency!.indicative).toBe(true);
    expect(fluent.fluency!.label).toMatch(/Indicative/);
    expect(fluent.fluency!.basis).toMatch(/pronunciation and tones are not assessed/);

    const halting = analyzeSpeech({ lang: 'zh', segments: evenly('嗯，就是，那个查询', 12, 2.4, 1.8) });
    expect(halting.fluency!.score).toBeLessThan(fluent.fluency!.score);
    expect(halting.fillers.count).toBeGreaterThan(0);

    const base = { speakingRate: 200, pauseRatio: 0.1, meanPauseS: 0.5, rateBand: { low: 150, high: 260 } };
    let last = Number.POSITIVE_INFINITY;
    for (const fillersPerMinute of [0, 2, 4, 8, 16]) {
      const s = indicativeFluencyScore({ ...base, fillersPerMinute });
      expect(s).toBeLessThanOrEqual(last);
      last = s;
    }
    expect(indicativeFluencyScore({ ...base, fillersPerMinute: 0 })).toBe(100);
    expect(indicativeFluencyScore({ ...base, speakingRate: 75, fillersPerMinute: 0 })).toBe(70);
  });
});
