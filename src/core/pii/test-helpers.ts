/** @module Test helpers for the recognisers: run one recogniser, or the detector, and read values. */
import { createPiiDetector } from './index.ts';
import { type Recognizer, recognizerInput } from './recognizer.ts';

const detector = createPiiDetector();

/** [type, value] pairs the full detector returns, in text order. */
export function found(text: string, lang?: 'zh' | 'en'): [string, string][] {
  return detector.detect(text, lang ? { lang } : {}).map((e) => [e.type, text.slice(e.start, e.end)]);
}

/** Values of one type the full detector returns. */
export function values(text: string, type: string, lang?: 'zh' | 'en'): string[] {
  return found(text, lang)
    .filter(([t]) => t === type)
    .map(([, v]) => v);
}

/** Raw candidates of one recogniser with their values (before context and threshold). */
export function candidates(r: Recognizer, text: string): { value: string; score: number }[] {
  return r.find(recognizerInput(text)).map((c) => ({ value: text.slice(c.start, c.end), score: c.score }));
}
