import { describe, expect, it } from 'vitest';
import { charErrors, wordErrors } from './alignment.ts';
import { chinesePassage, englishPassage, simulateTyping } from './testing/keystroke-log.ts';
import { analyzeTyping, type KeystrokeEvent, keystrokeTiming, typingSpeed } from './typing.ts';

describe('typing formulas (DOMAIN.md §11 typing vectors)', () => {
  it('1,750 keystrokes in 5 min with 5 wrong words (25 error hits) → gross 70, net 69, accuracy 98.571%', () => {
    const r = typingSpeed({ lang: 'en', entries: 1750, minutes: 5, uncorrectedErrors: 5, errorHits: 25 });
    expect(r.gross).toBe(70);
    expect(r.net).toBe(69);
    expect(r.accuracy * 100).toBeCloseTo(98.571, 3);
  });

  it('250 characters in 60 s with 5 uncorrected errors → gross 50, net 45 WPM', () => {
    const r = typingSpeed({ lang: 'en', entries: 250, minutes: 1, uncorrectedErrors: 5 });
    expect(r.gross).toBe(50);
    expect(r.net).toBe(45);
  });

  it('320 汉字 in 5 min with 8 wrong → gross 64, net 62.4 字/分, accuracy 97.5%', () => {
    const r = typingSpeed({ lang: 'zh', entries: 320, minutes: 5, uncorrectedErrors: 8 });
    expect(r.gross).toBe(64);
    expect(r.net).toBeCloseTo(62.4, 10);
    expect(r.accuracy).toBeCloseTo(0.975, 10);
  });
});

describe('analyzeTyping on keystroke logs that reproduce the vectors', () => {
  it('English: 250 characters typed in 60 s, 5 left wrong → gross 50, net 45, accuracy 98%', () => {
    const passage = englishPassage(400);
    const log = simulateTyping({
      lang: 'en',
      passage,
      chars: 250,
      durationMs: 60_000,
      seed: 7,
      wrongAt: [10, 50, 90, 130, 170],
    });
    const r = analyzeTyping({ lang: 'en', passage, ...log, durationMs: 60_000 });
    expect(r.entries).toBe(250);
    expect(r.uncorrectedErrors).toBe(5);
    expect(r.gross).toBe(50);
    expect(r.net).toBe(45);
    expect(r.accuracy).toBeCloseTo(0.98, 10);
    expect(r.unit).toBe('WPM');
    expect(r.anomalies).toEqual([]);
    expect(r.passed).toBe(true);
  });

  it('English, TypingMaster method: 1,750 keystrokes in 5 min, 5 wrong words → 70 / 69 / 98.571%', () => {
    const passage = englishPassage(2200, 3);
    // Wrong characters inside five different words.
    const starts = [...passage.matchAll(/\S+/g)].map((m) => m.index);
    const wrongAt = [5, 40, 80, 120, 160].map((w) => starts[w]!);
    const log = simulateTyping({ lang: 'en', passage, chars: 1750, durationMs: 300_000, seed: 11, wrongAt });
    const r = analyzeTyping({ lang: 'en', passage, ...log, durationMs: 300_000, errorUnit: 'word' });
    expect(r.entries).toBe(1750);
    expect(r.uncorrectedErrors).toBe(5);
    expect(r.errorHits).toBe(25);
    expect(r.gross).toBe(70);
    expect(r.net).toBe(69);
    expect(r.accuracy * 100).toBeCloseTo(98.571, 3);
  });

  it('Chinese IME: 320 汉字 committed in 5 min, 8 wrong → 64 / 62.4 字/分, accuracy 97.5%, no flags', () => {
    const passage = chinesePassage(400);
    const log = simulateTyping({
      lang: 'zh',
      passage,
      chars: 320,
      durationMs: 300_000,
      seed: 5,
      wrongAt: [3, 40, 77, 120, 161, 200, 250, 301],
    });
    // Composition updates are in the log too; only commits count.
    expect(log.events.filter((e) => e.inputType === 'insertCompositionText').length).toBeGreaterThan(320);
    const r = analyzeTyping({ lang: 'zh', passage, ...log, durationMs: 300_000 });
    expect(r.entries).toBe(320);
    expect(r.uncorrectedErrors).toBe(8);
    expect(r.gross).toBe(64);
    expect(r.net).toBeCloseTo(62.4, 10);
    expect(r.accuracy).toBeCloseTo(0.975, 10);
    expect(r.unit).toBe('字/分');
    expect(r.anomalies).toEqual([]);
    expect(r.passed).toBe(true);
  });

  it('measures the duration from the log when none is given', () => {
    const events: KeystrokeEvent[] = [];
    'abcdef'.split('').forEach((c, i) => {
      events.push({ t: 1000 + i * 2000, type: 'keydown' });
      events.push({ t: 1000 + i * 2000 + 5, type: 'input', inputType: 'insertText', data: c });
    });
    const r = analyzeTyping({ lang: 'en', passage: 'abcdef', finalText: 'abcdef', events });
    expect(r.minutes).toBeCloseTo(10_005 / 60_000, 12);
    expect(r.gross).toBeCloseTo(6 / 5 / (10_005 / 60_000), 10);
  });
});

describe('corrections, pastes and anomalies', () => {
  it('counts corrections; corrected typos still count as entries but not as uncorrected errors', () => {
    const passage = englishPassage(300);
    const log = simulateTyping({
      lang: 'en',
      passage,
      chars: 200,
      durationMs: 60_000,
      seed: 2,
      correctedAt: [5, 60, 61, 150],
    });
    const r = analyzeTyping({ lang: 'en', passage, ...log, durationMs: 60_000 });
    expect(r.corrections).toBe(4);
    expect(r.entries).toBe(204);
    expect(r.uncorrectedErrors).toBe(0);
    expect(r.accuracy).toBe(1);
  });

  it('detects a paste once (paste event + insertFromPaste), excludes its text from the speed', () => {
    const passage = 'hello world, your refund is on its way';
    const events: KeystrokeEvent[] = [];
    let t = 0;
    for (const c of 'hello ') {
      t += 180 + (t % 7) * 20;
      events.push({ t, type: 'keydown' }, { t: t + 1, type: 'input', inputType: 'insertText', data: c });
    }
    events.push({ t: t + 300, type: 'keydown' });
    events.push({ t: t + 301, type: 'paste' });
    events.push({ t: t + 302, type: 'input', inputType: 'insertFromPaste', data: passage.slice(6) });
    const r = analyzeTyping({ lang: 'en', passage, finalText: passage, events, durationMs: 60_000 });
    expect(r.pastes).toBe(1);
    expect(r.pastedChars).toBe(passage.length - 6);
    expect(r.entries).toBe(6);
    expect(r.anomalies.map((a) => a.flag)).toContain('paste');
  });

  it('flags a multi-character insertion without composition, but not an IME commit of several 汉字', () => {
    const ime: KeystrokeEvent[] = [
      { t: 0, type: 'compositionstart', data: '' },
      ...Array.from({ length: 12 }, (_, i) => ({
        t: 100 + i * 210 + (i % 3) * 40,
        type: 'keydown' as const,
      })),
      { t: 2800, type: 'compositionend', data: '退款到账' },
      { t: 2801, type: 'input', inputType: 'insertFromComposition', data: '退款到账' },
    ];
    const clean = analyzeTyping({ lang: 'zh', passage: '退款到账', finalText: '退款到账', events: ime });
    expect(clean.entries).toBe(4);
    expect(clean.anomalies).toEqual([]);

    const injected = analyzeTyping({
      lang: 'zh',
      passage: '退款到账',
      finalText: '退款到账',
      events: [
        { t: 0, type: 'keydown' },
        { t: 1, type: 'input', inputType: 'insertText', data: '退款到账' },
      ],
    });
    expect(injected.anomalies.map((a) => a.flag)).toEqual(['bulk-insert-without-composition']);
  });

  it('flags text entered by script with almost no key presses', () => {
    const passage = englishPassage(200);
    const events: KeystrokeEvent[] = Array.from(passage.slice(0, 100), (c, i) => ({
      t: i * 200,
      type: 'input' as const,
      inputType: 'insertText',
      data: c,
    }));
    const r = analyzeTyping({ lang: 'en', passage, finalText: passage.slice(0, 100), events });
    expect(r.anomalies.map((a) => a.flag)).toContain('input-without-keys');
  });

  it('flags constant inter-key intervals (CV < 0.15) and sustained < 60 ms means, not human rhythm', () => {
    const passage = englishPassage(500);
    const robotic = simulateTyping({
      lang: 'en',
      passage,
      chars: 300,
      durationMs: 60_000,
      seed: 1,
      rhythm: 'robotic',
    });
    const r1 = analyzeTyping({ lang: 'en', passage, ...robotic, durationMs: 60_000 });
    expect(r1.timing!.minWindowCv).toBe(0);
    expect(r1.anomalies.map((a) => a.flag)).toEqual(['inhuman-timing']);

    const burst = simulateTyping({
      lang: 'en',
      passage,
      chars: 300,
      durationMs: 10_000,
      seed: 1,
      rhythm: 'burst',
    });
    const r2 = analyzeTyping({ lang: 'en', passage, ...burst, durationMs: 10_000 });
    expect(r2.timing!.minWindowMeanIkiMs!).toBeLessThan(60);
    expect(r2.anomalies.map((a) => a.flag)).toEqual(['inhuman-timing']);

    const human = simulateTyping({ lang: 'en', passage, chars: 300, durationMs: 60_000, seed: 1 });
    const r3 = analyzeTyping({ lang: 'en', passage, ...human, durationMs: 60_000 });
    expect(r3.timing!.minWindowCv!).toBeGreaterThan(0.15);
    expect(r3.anomalies).toEqual([]);
  });

  it('does not flag isolated short intervals (rollover) or logs shorter than one window', () => {
    // 49 keystrokes, all 30 ms apart: fewer than 50, so no window can be judged.
    const short = keystrokeTiming(Array.from({ length: 49 }, (_, i) => i * 30));
    expect(short!.minWindowMeanIkiMs).toBeNull();
    // Human rhythm with a few 20 ms rollovers in it.
    const times: number[] = [];
    let t = 0;
    for (let i = 0; i < 200; i++) {
      t += i % 17 === 0 ? 20 : 150 + ((i * 37) % 160);
      times.push(t);
    }
    const timing = keystrokeTiming(times)!;
    expect(timing.minWindowMeanIkiMs!).toBeGreaterThan(60);
    expect(timing.minWindowCv!).toBeGreaterThan(0.15);
  });

  it('counts tab switches (blur) and flags them', () => {
    const passage = englishPassage(300);
    const log = simulateTyping({ lang: 'en', passage, chars: 100, durationMs: 30_000, seed: 4 });
    const events = [...log.events, { t: 5000, type: 'blur' as const }, { t: 9000, type: 'focus' as const }];
    events.sort((a, b) => a.t - b.t);
    const r = analyzeTyping({ lang: 'en', passage, finalText: log.finalText, events, durationMs: 30_000 });
    expect(r.tabSwitches).toBe(1);
    expect(r.anomalies.map((a) => a.flag)).toEqual(['tab-switch']);
  });
});

describe('thresholds', () => {
  it('defaults to ≥ 50 字/分 net at ≥ 95% accuracy for Chinese and reports each failure', () => {
    const passage = chinesePassage(200);
    const slow = simulateTyping({
      lang: 'zh',
      passage,
      chars: 90,
      durationMs: 120_000,
      seed: 9,
      wrongAt: [1, 2, 3, 4, 5, 6],
    });
    const r = analyzeTyping({ lang: 'zh', passage, ...slow, durationMs: 120_000 });
    expect(r.net).toBeCloseTo(45 - 3, 10);
    expect(r.accuracy).toBeCloseTo(84 / 90, 10);
    expect(r.passed).toBe(false);
    expect(r.failures).toHaveLength(2);
    expect(r.thresholds).toEqual({ minNet: 50, minAccuracy: 0.95 });

    const lenient = analyzeTyping({
      lang: 'zh',
      passage,
      ...slow,
      durationMs: 120_000,
      thresholds: { minNet: 40, minAccuracy: 0.8 },
    });
    expect(lenient.passed).toBe(true);
  });
});

describe('alignment', () => {
  it('does not count the untyped rest of the passage, counts insertions, omissions and substitutions', () => {
    expect(charErrors('the parcel', 'the parcel is lost')).toBe(0);
    expect(charErrors('the parcl', 'the parcel is lost')).toBe(1);
    expect(charErrors('thee parcel', 'the parcel is lost')).toBe(1);
    expect(charErrors('tha parcel', 'the parcel is lost')).toBe(1);
    expect(charErrors('', 'abc')).toBe(0);
    expect(charErrors('xyz', '')).toBe(3);
    expect(charErrors('退歀将在三个工作日', '退款将在三个工作日内原路退回')).toBe(1);
  });

  it('is exact beyond the first band (many errors)', () => {
    const passage = englishPassage(600, 8);
    const typed = passage.slice(0, 400).replace(/e/g, 'E');
    const expected = (passage.slice(0, 400).match(/e/g) ?? []).length;
    expect(expected).toBeGreaterThan(32);
    expect(charErrors(typed, passage)).toBe(expected);
  });

  it('counts whole wrong words and forgives a half-typed last word', () => {
    expect(wordErrors('please check the stat', 'please check the status today')).toBe(0);
    expect(wordErrors('please chek the status ', 'please check the status today')).toBe(1);
    expect(wordErrors('please the status', 'please check the status today')).toBe(1);
  });
});
