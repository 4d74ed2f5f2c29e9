/**
 * @module Synthetic keystroke logs for tests and the interview benchmark: a seeded "typist" who
 * copies a passage in a given time, leaving chosen uncorrected errors, making and fixing typos,
 * and (for Chinese) committing text through an IME. The log is what the browser capture would
 * record, so `analyzeTyping` sees exactly the events a real candidate would produce.
 */
import { createRng } from '#assist/embedded/random.ts';
import type { KeystrokeEvent, TypingLang } from '../typing.ts';

export interface SimulatedTypist {
  lang: TypingLang;
  passage: string;
  /** How many passage characters (code points) end up in the final text. */
  chars: number;
  durationMs: number;
  seed: number;
  /** Passage indices typed as a wrong character and left uncorrected. */
  wrongAt?: readonly number[];
  /** Passage indices where a wrong key is typed, then deleted with Backspace (en only). */
  correctedAt?: readonly number[];
  /**
   * Inter-key timing: 'human' (jittered around the mean, CV ≈ 0.3), 'robotic' (constant), or
   * 'burst' (mean 35 ms, like a script replaying text).
   */
  rhythm?: 'human' | 'robotic' | 'burst';
  /** Pinyin keys per Chinese character (plus one selection key per commit). Default 4. */
  keysPerHan?: number;
  /** Characters per IME commit (zh). Default 2. */
  commitSize?: number;
}

export interface SimulatedLog {
  events: KeystrokeEvent[];
  finalText: string;
}

/** A wrong character that differs from `c`. */
function wrongFor(c: string, lang: TypingLang): string {
  if (lang === 'zh') return c === '的' ? '地' : '的';
  return c === 'x' ? 'z' : 'x';
}

/** Generate the log of a typist copying `passage` (see {@link SimulatedTypist}). */
export function simulateTyping(s: SimulatedTypist): SimulatedLog {
  const rng = createRng(s.seed);
  const source = Array.from(s.passage).slice(0, s.chars);
  const wrong = new Set(s.wrongAt ?? []);
  const corrected = new Set(s.correctedAt ?? []);
  const target = source.map((c, i) => (wrong.has(i) ? wrongFor(c, s.lang) : c));

  // Plan the key presses first, then spread them evenly over the duration.
  type Step = { kind: 'key'; effects: KeystrokeEvent[] };
  const steps: Step[] = [];
  const key = (...effects: Omit<KeystrokeEvent, 't'>[]) =>
    steps.push({ kind: 'key', effects: effects.map((e) => ({ ...e, t: 0 })) });

  if (s.lang === 'en') {
    target.forEach((c, i) => {
      if (corrected.has(i)) {
        key({ type: 'input', inputType: 'insertText', data: wrongFor(c, 'en') });
        key({ type: 'input', inputType: 'deleteContentBackward', data: null });
      }
      key({ type: 'input', inputType: 'insertText', data: c });
    });
  } else {
    const perHan = s.keysPerHan ?? 4;
    const size = s.commitSize ?? 2;
    for (let i = 0; i < target.length; i += size) {
      const chunk = target.slice(i, i + size).join('');
      for (let k = 0; k < perHan * Array.from(chunk).length; k++) {
        const starting = k === 0;
        key(...(starting ? [{ type: 'compositionstart' as const, data: '' }] : []), {
          type: 'input',
          inputType: 'insertCompositionText',
          data: 'pinyin'.slice(0, (k % 6) + 1),
        });
      }
      // The selection key (space or a digit) commits the candidate.
      key(
        { type: 'compositionend', data: chunk },
        { type: 'input', inputType: 'insertFromComposition', data: chunk },
      );
    }
  }

  const n = steps.length;
  const mean = s.rhythm === 'burst' ? 35 : s.durationMs / Math.max(1, n);
  const events: KeystrokeEvent[] = [];
  let t = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      const jitter =
        s.rhythm === 'robotic'
          ? 0
          : s.rhythm === 'burst'
            ? (rng.next() - 0.5) * 30
            : (rng.next() - 0.5) * mean;
      t += Math.max(1, mean + jitter);
    }
    events.push({ t, type: 'keydown' });
    for (const e of steps[i]!.effects) events.push({ ...e, t: t + 1 });
  }
  return { events, finalText: target.join('') };
}

/** A deterministic English passage of roughly `length` characters. */
export function englishPassage(length: number, seed = 1): string {
  const words = [
    'order',
    'refund',
    'parcel',
    'customer',
    'address',
    'delivery',
    'account',
    'payment',
    'return',
    'thank',
    'you',
    'for',
    'waiting',
    'please',
    'check',
    'the',
    'status',
    'today',
    'within',
    'three',
    'working',
    'days',
    'we',
    'will',
    'update',
    'your',
    'request',
    'as',
    'soon',
    'possible',
  ];
  const rng = createRng(seed);
  const out: string[] = [];
  let n = 0;
  while (n < length) {
    const w = rng.pick(words);
    out.push(w);
    n += w.length + 1;
  }
  return out.join(' ');
}

/** A deterministic Chinese passage of `length` characters (no whitespace). */
export function chinesePassage(length: number, seed = 1): string {
  const text =
    '您好请问有什么可以帮您我们已经为您查询到订单的物流信息包裹目前在配送途中预计明天送达如有问题请随时联系客服退款将在三个工作日内原路退回感谢您的耐心等待';
  const cps = Array.from(text);
  const rng = createRng(seed);
  let out = '';
  for (let i = 0; i < length; i++) out += cps[(i + rng.int(3)) % cps.length];
  return out;
}
