/**
 * @module Speech metrics for a spoken answer, from an ASR transcript with timestamps (or plain
 * text plus a duration): speaking rate over total time (字/分 for Chinese, WPM for English),
 * articulation rate (the same without pauses), pause ratio (silences ≥ 250 ms ÷ duration), mean
 * pause, filler rate per minute, and — for Mandarin — an indicative fluency score mapped onto the
 * PSC bands of DOMAIN.md §5. Nothing here looks at emotion, voice quality or faces; the fluency
 * band is built from timing and fillers only and is labelled indicative, because a PSC grade also
 * needs pronunciation scoring that this module does not do.
 *
 * Filler heuristic. 嗯 / 呃 / 唔 and um / uh / er / erm / hmm are always fillers. 那个, 就是, 然后,
 * 额 and "like", "you know" are often content ("那个订单", "这就是原因", "首先…然后…", "金额",
 * "I like it", "do you know"), so they count only in filler positions:
 *   1. immediately repeated ("那个那个订单": the first one), or
 *   2. standing alone: the neighbour on each side is a boundary — start or end of the answer, a
 *      punctuation mark, a pause ≥ 250 ms between transcript segments — or another filler
 *      ("嗯，就是，我觉得", "it was, like, broken", "you know, the parcel").
 * Unpunctuated speech with no pause ("我就是想问") is therefore read as content: the rule prefers
 * missing a filler to penalising a candidate for a content word.
 */

export type SpeechLang = 'zh' | 'en';

/** One ASR segment (a word or a phrase) with times in seconds from the start of the recording. */
export interface TranscriptSegment {
  text: string;
  start: number;
  end: number;
}

export interface SpeechInput {
  lang: SpeechLang;
  /** Timestamped transcript; without it, pass `text` and `durationS`. */
  segments?: readonly TranscriptSegment[];
  text?: string;
  /** Recording length; default = first segment start to last segment end. */
  durationS?: number;
  /** Speaking-rate band treated as natural, per minute (tenant-calibrated; DOMAIN.md §5). */
  rateBand?: { low: number; high: number };
}

/** Silences at least this long are pauses (DOMAIN.md §5). */
export const PAUSE_MIN_S = 0.25;

/**
 * Default natural bands: 150–260 字/分 sits inside the customer-service guidance ranges quoted in
 * DOMAIN.md §5 (normal speech ≈ 200); 110–180 WPM is ordinary conversational English.
 */
export const DEFAULT_RATE_BANDS: Record<SpeechLang, { low: number; high: number }> = {
  zh: { low: 150, high: 260 },
  en: { low: 110, high: 180 },
};

export const PSC_BANDS = [
  { band: '一级甲等', min: 97 },
  { band: '一级乙等', min: 92 },
  { band: '二级甲等', min: 87 },
  { band: '二级乙等', min: 80 },
  { band: '三级甲等', min: 70 },
  { band: '三级乙等', min: 60 },
] as const;
export type PscBand = (typeof PSC_BANDS)[number]['band'];

export interface FillerHit {
  text: string;
  /** Index of the transcript segment it was found in (null for plain text). */
  segment: number | null;
}

export interface IndicativeFluency {
  indicative: true;
  /** 0–100 from rate, pauses and fillers only. */
  score: number;
  /** The PSC band the score falls in, or null below 三级乙等 (60). */
  band: PscBand | null;
  label: string;
  /** What the score is built from, for the explanation page. */
  basis: string;
}

export interface SpeechMetrics {
  lang: SpeechLang;
  unit: '字/分' | 'WPM';
  /** Syllables (汉字, plus each Latin word or number) for zh; words for en. */
  units: number;
  durationS: number;
  speakingRate: number;
  /** Null without timestamps (pauses unknown). */
  articulationRate: number | null;
  pauseRatio: number | null;
  pauseCount: number | null;
  /** Mean length of the pauses between words (not the silence before the first word). */
  meanPauseS: number | null;
  fillers: { count: number; perMinute: number; hits: FillerHit[] };
  /** Mandarin only. */
  fluency: IndicativeFluency | null;
}

const LATIN_WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const HAN_OR_WORD = /\p{Script=Han}|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;
const PUNCT = /[\p{P}\p{S}]/u;
/** Marks a pause between segments in the joined transcript. */
const PAUSE_MARK = '\u241E';

/** Syllable-ish units: each 汉字 and each Latin word/number for zh; words for en. */
export function countUnits(text: string, lang: SpeechLang): number {
  if (lang === 'en') return (text.match(LATIN_WORD) ?? []).length;
  return (text.match(HAN_OR_WORD) ?? []).length;
}

interface FillerRule {
  pattern: RegExp;
  ambiguous: boolean;
}

const ZH_FILLERS: FillerRule[] = [
  { pattern: /[嗯呃唔]+/gu, ambiguous: false },
  { pattern: /那个|就是|然后|额/gu, ambiguous: true },
];
const EN_FILLERS: FillerRule[] = [
  { pattern: /\b(?:u+m+|u+h+|e+r+m*|h+m+|uhm)\b/gu, ambiguous: false },
  { pattern: /\b(?:like|you know)\b/gu, ambiguous: true },
];

interface Candidate {
  start: number;
  end: number;
  text: string;
  ambiguous: boolean;
}

function isBoundary(ch: string | undefined): boolean {
  return ch === undefined || ch === PAUSE_MARK || PUNCT.test(ch);
}

/** Find fillers in `stream` (segments joined, pauses marked) — see the module comment. */
function findFillers(stream: string, lang: SpeechLang): Candidate[] {
  const rules = lang === 'zh' ? ZH_FILLERS : EN_FILLERS;
  const text = lang === 'en' ? stream.toLowerCase() : stream;
  const cands: Candidate[] = [];
  for (const rule of rules) {
    for (const m of text.matchAll(rule.pattern)) {
      cands.push({ start: m.index, end: m.index + m[0].length, text: m[0], ambiguous: rule.ambiguous });
    }
  }
  cands.sort((a, b) => a.start - b.start);
  const sure = new Set<Candidate>(cands.filter((c) => !c.ambiguous));
  // Neighbours skip spaces; a neighbouring candidate counts as "another filler" only once it is
  // itself accepted, so iterate to a fixed point (chains like "就是那个，" resolve left to right).
  const prevNonSpace = (i: number) => {
    let j = i - 1;
    while (j >= 0 && text[j] === ' ') j--;
    return j;
  };
  const nextNonSpace = (i: number) => {
    let j = i;
    while (j < text.length && text[j] === ' ') j++;
    return j;
  };
  const byEnd = new Map(cands.map((c) => [c.end, c]));
  const byStart = new Map(cands.map((c) => [c.start, c]));
  let changed = true;
  while (changed) {
    changed = false;
    for (const c of cands) {
      if (sure.has(c)) continue;
      const p = prevNonSpace(c.start);
      const n = nextNonSpace(c.end);
      const repeated = text.startsWith(c.text, n) && n < text.length;
      const leftNeighbour = byEnd.get(p + 1);
      const rightNeighbour = byStart.get(n);
      const left = isBoundary(text[p]) || (leftNeighbour !== undefined && sure.has(leftNeighbour));
      const right = isBoundary(text[n]) || (rightNeighbour !== undefined && sure.has(rightNeighbour));
      if (repeated || (left && right)) {
        sure.add(c);
        changed = true;
      }
    }
  }
  return cands.filter((c) => sure.has(c));
}

/** Indicative fluency score (0–100) from rate, pause ratio, mean pause and filler rate. */
export function indicativeFluencyScore(m: {
  speakingRate: number;
  pauseRatio: number | null;
  meanPauseS: number | null;
  fillersPerMinute: number;
  rateBand: { low: number; high: number };
}): number {
  const { low, high } = m.rateBand;
  const outside =
    m.speakingRate < low
      ? (low - m.speakingRate) / low
      : m.speakingRate > high
        ? (m.speakingRate - high) / high
        : 0;
  // Each penalty saturates so that no single signal can sink the score on its own.
  const ratePenalty = Math.min(30, outside * 60);
  const pausePenalty = m.pauseRatio === null ? 0 : Math.min(30, Math.max(0, m.pauseRatio - 0.15) * 100);
  const meanPausePenalty = m.meanPauseS === null ? 0 : Math.min(15, Math.max(0, m.meanPauseS - 0.8) * 10);
  const fillerPenalty = Math.min(25, Math.max(0, m.fillersPerMinute - 2) * 2.5);
  return Math.max(0, 100 - ratePenalty - pausePenalty - meanPausePenalty - fillerPenalty);
}

/** The PSC band (DOMAIN.md §5) a 0–100 score falls in; null below 60. */
export function pscBand(score: number): PscBand | null {
  for (const b of PSC_BANDS) if (score >= b.min) return b.band;
  return null;
}

/** Compute the speech metrics of one answer. */
export function analyzeSpeech(input: SpeechInput): SpeechMetrics {
  const { lang } = input;
  const segments = [...(input.segments ?? [])].sort((a, b) => a.start - b.start);
  const timed = segments.length > 0;
  let stream: string;
  let durationS: number;
  let pauses: number[] | null = null;
  let silenceS = 0;
  const segmentOfOffset: number[] = [];
  if (timed) {
    const first = segments[0]!.start;
    const last = Math.max(...segments.map((s) => s.end));
    durationS = input.durationS ?? last - first;
    pauses = [];
    const parts: string[] = [];
    // Silence before the first word and after the last counts towards the pause ratio, not
    // towards the mean pause (it is response latency, not a break in speech).
    if (input.durationS !== undefined && first >= PAUSE_MIN_S) silenceS += first;
    let prevEnd = first;
    segments.forEach((s, i) => {
      const gap = s.start - prevEnd;
      if (i > 0 && gap >= PAUSE_MIN_S) {
        pauses!.push(gap);
        silenceS += gap;
        parts.push(PAUSE_MARK);
        segmentOfOffset.push(i);
      } else if (i > 0 && lang === 'en') {
        parts.push(' ');
        segmentOfOffset.push(i);
      }
      parts.push(s.text);
      for (let k = 0; k < s.text.length; k++) segmentOfOffset.push(i);
      prevEnd = Math.max(prevEnd, s.end);
    });
    if (input.durationS !== undefined && input.durationS - prevEnd >= PAUSE_MIN_S) {
      silenceS += input.durationS - prevEnd;
    }
    stream = parts.join('');
  } else {
    stream = input.text ?? '';
    durationS = input.durationS ?? 0;
  }

  const units = countUnits(stream.replaceAll(PAUSE_MARK, ' '), lang);
  const minutes = durationS / 60;
  const speakingRate = minutes > 0 ? units / minutes : 0;
  const speakingMinutes = (durationS - silenceS) / 60;
  const articulationRate = timed ? (speakingMinutes > 0 ? units / speakingMinutes : 0) : null;
  const pauseRatio = timed ? (durationS > 0 ? silenceS / durationS : 0) : null;
  const meanPauseS =
    pauses && pauses.length > 0 ? pauses.reduce((s, p) => s + p, 0) / pauses.length : timed ? 0 : null;

  const found = findFillers(stream, lang);
  const hits = found.map((c) => ({
    text: c.text,
    segment: timed ? (segmentOfOffset[c.start] ?? null) : null,
  }));
  const perMinute = minutes > 0 ? hits.length / minutes : 0;
  const rateBand = input.rateBand ?? DEFAULT_RATE_BANDS[lang];

  let fluency: IndicativeFluency | null = null;
  if (lang === 'zh') {
    const score = indicativeFluencyScore({
      speakingRate,
      pauseRatio,
      meanPauseS,
      fillersPerMinute: perMinute,
      rateBand,
    });
    const band = pscBand(score);
    fluency = {
      indicative: true,
      score: Number(score.toFixed(1)),
      band,
      label: `Indicative only — ${band ?? 'below 三级乙等'} by fluency; not a PSC (普通话水平测试) grade`,
      basis:
        'speaking rate against the campaign band, pause ratio, mean pause and filler rate; pronunciation and tones are not assessed',
    };
  }

  return {
    lang,
    unit: lang === 'zh' ? '字/分' : 'WPM',
    units,
    durationS,
    speakingRate,
    articulationRate,
    pauseRatio,
    pauseCount: pauses ? pauses.length : null,
    meanPauseS,
    fillers: { count: hits.length, perMinute, hits },
    fluency,
  };
}
