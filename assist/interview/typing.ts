/**
 * @module Typing-test metrics from a browser keystroke/input event log (DOMAIN.md §4): gross and
 * net speed (WPM with 1 word = 5 characters for English, 汉字/分 of committed IME text for
 * Chinese), accuracy, uncorrected errors by aligning the final text with the passage,
 * corrections, pastes, and anomaly flags (inhuman inter-key timing over ≥ 50-keystroke windows,
 * multi-character insertions with no IME composition or paste, input without keys, tab
 * switches), checked against the campaign's thresholds. Pure: the caller supplies the log.
 *
 * Formulas (DOMAIN.md §4, test vectors in §11):
 *   minutes       = duration ÷ 60,000 ms
 *   gross         = entries ÷ 5 ÷ minutes (en, WPM)   |  entries ÷ minutes (zh, 字/分)
 *   net           = gross − uncorrected errors ÷ minutes
 *   accuracy      = (entries − error hits) ÷ entries
 * entries are the characters the candidate produced by typing (committed IME text for Chinese,
 * including characters later deleted, excluding pasted or dropped text). Uncorrected errors are
 * the edit distance between the final text and the passage prefix it covers (characters by
 * default; whole words with `errorUnit: 'word'`, TypingMaster's method, where each wrong word
 * is 5 error hits). In character mode error hits = uncorrected errors.
 */
import { charErrors, wordErrors } from './alignment.ts';

export type TypingLang = 'zh' | 'en';

/** One captured browser event. `t` is milliseconds on any monotonic clock. */
export interface KeystrokeEvent {
  t: number;
  type: 'keydown' | 'input' | 'compositionstart' | 'compositionend' | 'paste' | 'drop' | 'focus' | 'blur';
  /** `InputEvent.data` / `CompositionEvent.data`. */
  data?: string | null;
  /** `InputEvent.inputType` (insertText, insertFromPaste, deleteContentBackward, …). */
  inputType?: string;
}

export interface TypingThresholds {
  /** Minimum net speed in the test's unit (字/分 for zh, WPM for en). */
  minNet: number;
  /** Minimum accuracy, 0–1. */
  minAccuracy: number;
}

/**
 * Defaults: DOMAIN.md §4's hiring default for Chinese (≥ 50 字/分 net at ≥ 95% accuracy); for
 * English 35 WPM is our own conservative choice (no sourced default exists). Both are meant to be
 * overridden per campaign.
 */
export const DEFAULT_TYPING_THRESHOLDS: Record<TypingLang, TypingThresholds> = {
  zh: { minNet: 50, minAccuracy: 0.95 },
  en: { minNet: 35, minAccuracy: 0.95 },
};

/** Anti-cheat limits from DOMAIN.md §4 (never applied to single intervals). */
export const TIMING_WINDOW = 50;
export const MIN_HUMAN_MEAN_IKI_MS = 60;
export const MIN_HUMAN_IKI_CV = 0.15;

export interface TypingInput {
  lang: TypingLang;
  passage: string;
  /** The text box content when the test ended. */
  finalText: string;
  events: readonly KeystrokeEvent[];
  /** Test length; default = first to last event of the log. */
  durationMs?: number;
  /** How uncorrected errors are counted; default 'char'. */
  errorUnit?: 'char' | 'word';
  thresholds?: Partial<TypingThresholds>;
}

export type TypingFlag =
  | 'inhuman-timing'
  | 'bulk-insert-without-composition'
  | 'paste'
  | 'input-without-keys'
  | 'tab-switch';

export interface TypingAnomaly {
  flag: TypingFlag;
  detail: string;
}

export interface TypingResult {
  lang: TypingLang;
  unit: 'WPM' | '字/分';
  minutes: number;
  /** Characters produced by typing (see the module comment). */
  entries: number;
  gross: number;
  net: number;
  accuracy: number;
  uncorrectedErrors: number;
  errorUnit: 'char' | 'word';
  errorHits: number;
  /** Deletions made while typing (deleteContentBackward and the other delete* input types). */
  corrections: number;
  pastes: number;
  pastedChars: number;
  keystrokes: number;
  /** Inter-key interval statistics over keydowns; null with fewer than two keydowns. */
  timing: {
    meanIkiMs: number;
    cv: number;
    minWindowMeanIkiMs: number | null;
    minWindowCv: number | null;
  } | null;
  tabSwitches: number;
  anomalies: TypingAnomaly[];
  thresholds: TypingThresholds;
  passed: boolean;
  /** Why `passed` is false (empty when it passed). */
  failures: string[];
}

/** The speed formulas on their own: what DOMAIN.md §11's typing vectors exercise directly. */
export function typingSpeed(input: {
  lang: TypingLang;
  entries: number;
  minutes: number;
  uncorrectedErrors: number;
  /** Error hits for accuracy; default = uncorrected errors. */
  errorHits?: number;
}): { gross: number; net: number; accuracy: number } {
  const { entries, minutes, uncorrectedErrors } = input;
  if (!(minutes > 0)) return { gross: 0, net: 0, accuracy: entries > 0 ? 0 : 1 };
  const perUnit = input.lang === 'en' ? 5 : 1;
  const gross = entries / perUnit / minutes;
  const net = Math.max(0, gross - uncorrectedErrors / minutes);
  const hits = input.errorHits ?? uncorrectedErrors;
  const accuracy = entries > 0 ? Math.max(0, (entries - hits) / entries) : 1;
  return { gross, net, accuracy };
}

/** Width-fold (NFKC: ，→ ,) and collapse whitespace so layout quirks are not typing errors. */
export function foldForComparison(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

const PASTE_TYPES = new Set(['insertFromPaste', 'insertFromDrop', 'insertFromPasteAsQuotation']);
const COMPOSITION_TYPES = new Set([
  'insertCompositionText',
  'insertFromComposition',
  'deleteCompositionText',
]);
const NOT_CORRECTIONS = new Set(['deleteCompositionText', 'deleteByCut', 'deleteByDrag']);

function codePoints(s: string | null | undefined): number {
  if (!s) return 0;
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Characters that count as Chinese entries: committed text without whitespace. */
function zhEntries(s: string | null | undefined): number {
  return s ? codePoints(s.replace(/\s+/gu, '')) : 0;
}

interface LogCounts {
  entries: number;
  corrections: number;
  pastes: number;
  pastedChars: number;
  bulkInserts: number;
  keydowns: number[];
  tabSwitches: number;
  first: number;
  last: number;
}

function countLog(events: readonly KeystrokeEvent[], lang: TypingLang): LogCounts {
  const c: LogCounts = {
    entries: 0,
    corrections: 0,
    pastes: 0,
    pastedChars: 0,
    bulkInserts: 0,
    keydowns: [],
    tabSwitches: 0,
    first: Number.POSITIVE_INFINITY,
    last: Number.NEGATIVE_INFINITY,
  };
  let composing = false;
  let pasteEvents = 0;
  let pasteInputs = 0;
  for (const e of events) {
    if (e.type !== 'focus' && e.type !== 'blur') {
      c.first = Math.min(c.first, e.t);
      c.last = Math.max(c.last, e.t);
    }
    switch (e.type) {
      case 'keydown':
        c.keydowns.push(e.t);
        break;
      case 'compositionstart':
        composing = true;
        break;
      case 'compositionend':
        composing = false;
        // The committed IME text: one input event may carry 1–n characters (DOMAIN.md §4).
        c.entries += lang === 'zh' ? zhEntries(e.data) : codePoints(e.data);
        break;
      case 'paste':
      case 'drop':
        pasteEvents++;
        break;
      case 'blur':
        c.tabSwitches++;
        break;
      case 'input': {
        const type = e.inputType ?? 'insertText';
        if (PASTE_TYPES.has(type)) {
          pasteInputs++;
          c.pastedChars += codePoints(e.data);
        } else if (COMPOSITION_TYPES.has(type) || composing) {
          // Counted once, at compositionend.
        } else if (type.startsWith('delete')) {
          if (!NOT_CORRECTIONS.has(type)) c.corrections++;
        } else if (type === 'insertLineBreak' || type === 'insertParagraph') {
          c.entries += 1;
        } else if (type.startsWith('insert')) {
          const n = lang === 'zh' ? zhEntries(e.data) : codePoints(e.data);
          c.entries += n;
          if (codePoints(e.data) > 1) c.bulkInserts++;
        }
        break;
      }
      default:
        break;
    }
  }
  // A paste usually fires both a paste event and an insertFromPaste input; count it once.
  c.pastes = Math.max(pasteEvents, pasteInputs);
  return c;
}

function mean(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

function cv(xs: readonly number[]): number {
  const m = mean(xs);
  if (m === 0) return 0;
  const v = xs.reduce((s, x) => s + (x - m) * (x - m), 0) / xs.length;
  return Math.sqrt(v) / m;
}

/** IKI statistics, with the minimum window mean and CV over sliding 50-keystroke windows. */
export function keystrokeTiming(keydowns: readonly number[]): TypingResult['timing'] {
  if (keydowns.length < 2) return null;
  const t = [...keydowns].sort((a, b) => a - b);
  const iki = t.slice(1).map((x, i) => x - t[i]!);
  let minMean: number | null = null;
  let minCv: number | null = null;
  const width = TIMING_WINDOW - 1; // 50 keystrokes span 49 intervals
  if (iki.length >= width) {
    const step = Math.max(1, Math.floor(width / 5));
    const starts: number[] = [];
    for (let s = 0; s + width <= iki.length; s += step) starts.push(s);
    // Always include the final window so the tail of the log is checked too.
    if (starts.at(-1) !== iki.length - width) starts.push(iki.length - width);
    for (const s of starts) {
      const w = iki.slice(s, s + width);
      const m = mean(w);
      const c = cv(w);
      if (minMean === null || m < minMean) minMean = m;
      if (minCv === null || c < minCv) minCv = c;
    }
  }
  return { meanIkiMs: mean(iki), cv: cv(iki), minWindowMeanIkiMs: minMean, minWindowCv: minCv };
}

const round = (x: number, d: number) => Number(x.toFixed(d));

/** Score one typing test. */
export function analyzeTyping(input: TypingInput): TypingResult {
  const { lang } = input;
  const counts = countLog(input.events, lang);
  const durationMs =
    input.durationMs ?? (Number.isFinite(counts.first) ? Math.max(0, counts.last - counts.first) : 0);
  const minutes = durationMs / 60_000;
  const errorUnit = input.errorUnit ?? 'char';
  const typed = foldForComparison(input.finalText);
  const passage = foldForComparison(input.passage);
  const uncorrectedErrors = errorUnit === 'word' ? wordErrors(typed, passage) : charErrors(typed, passage);
  const errorHits = errorUnit === 'word' ? uncorrectedErrors * 5 : uncorrectedErrors;
  const speed = typingSpeed({ lang, entries: counts.entries, minutes, uncorrectedErrors, errorHits });
  const timing = keystrokeTiming(counts.keydowns);

  const anomalies: TypingAnomaly[] = [];
  if (timing && timing.minWindowMeanIkiMs !== null && timing.minWindowCv !== null) {
    const fast = timing.minWindowMeanIkiMs < MIN_HUMAN_MEAN_IKI_MS;
    const even = timing.minWindowCv < MIN_HUMAN_IKI_CV;
    if (fast || even) {
      anomalies.push({
        flag: 'inhuman-timing',
        detail: `over a ${TIMING_WINDOW}-keystroke window: mean inter-key interval ${round(timing.minWindowMeanIkiMs, 1)} ms (human ≥ ${MIN_HUMAN_MEAN_IKI_MS}), variation ${round(timing.minWindowCv, 3)} (human ≥ ${MIN_HUMAN_IKI_CV})`,
      });
    }
  }
  if (counts.bulkInserts > 0) {
    anomalies.push({
      flag: 'bulk-insert-without-composition',
      detail: `${counts.bulkInserts} multi-character insertion(s) with no IME composition and no paste event`,
    });
  }
  if (counts.pastes > 0) {
    anomalies.push({
      flag: 'paste',
      detail: `${counts.pastes} paste/drop(s), ${counts.pastedChars} characters`,
    });
  }
  // Each typed character needs at least one key (an IME needs several); far fewer keys than
  // characters means the text was inserted by script.
  if (counts.entries >= 20 && counts.keydowns.length < counts.entries * 0.5) {
    anomalies.push({
      flag: 'input-without-keys',
      detail: `${counts.entries} characters entered with ${counts.keydowns.length} key presses`,
    });
  }
  if (counts.tabSwitches > 0) {
    anomalies.push({ flag: 'tab-switch', detail: `left the test window ${counts.tabSwitches} time(s)` });
  }

  const thresholds = { ...DEFAULT_TYPING_THRESHOLDS[lang], ...input.thresholds };
  const unit = lang === 'en' ? 'WPM' : '字/分';
  const failures: string[] = [];
  if (speed.net < thresholds.minNet) {
    failures.push(`net speed ${round(speed.net, 1)} ${unit} is below the required ${thresholds.minNet}`);
  }
  if (speed.accuracy < thresholds.minAccuracy) {
    failures.push(
      `accuracy ${round(speed.accuracy * 100, 1)}% is below the required ${round(thresholds.minAccuracy * 100, 1)}%`,
    );
  }

  return {
    lang,
    unit,
    minutes,
    entries: counts.entries,
    gross: speed.gross,
    net: speed.net,
    accuracy: speed.accuracy,
    uncorrectedErrors,
    errorUnit,
    errorHits,
    corrections: counts.corrections,
    pastes: counts.pastes,
    pastedChars: counts.pastedChars,
    keystrokes: counts.keydowns.length,
    timing,
    tabSwitches: counts.tabSwitches,
    anomalies,
    thresholds,
    passed: failures.length === 0,
    failures,
  };
}
