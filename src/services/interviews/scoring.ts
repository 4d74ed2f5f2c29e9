/**
 * @module Scoring candidates: load what a candidate produced (typing log, answers, masked
 * transcripts or written answers), score it with the embedded interview core
 * (assist/interview: typing metrics, rubric scorer with quoted evidence and reference coverage,
 * speech metrics, advisory scorecard), add the review flags this product layer knows about — an
 * answer in the wrong language, a transcript still queued or failed, a missing answer or typing
 * test, keystroke anomalies such as a paste — and store the scorecard with a digest of its
 * inputs. Any flag makes the advice "review": nothing here rejects anyone.
 *
 * Batch scoring works in pages that stay under D1's 100 bound parameters and commits each page,
 * so an interrupted run resumes where it stopped; a candidate whose stored digest matches is
 * skipped unless a rescore is asked for.
 */
import { and, asc, count, eq, gt, inArray } from 'drizzle-orm';
import {
  analyzeSpeech,
  analyzeTyping,
  buildScorecard,
  type KeystrokeEvent,
  type ProfileCache,
  type PscBand,
  type Scorecard,
  type ScorecardAnswerInput,
  scoreAnswer,
  type TypingResult,
} from '#assist/interview/index.ts';
import { contentUnits, scriptShare } from '#assist/interview/text-units.ts';
import {
  type InterviewAnswer,
  type InterviewCandidate,
  interviewAnswers,
  interviewCandidates,
  interviewScorecards,
  interviewTranscripts,
  interviewTypingTests,
} from '#src/db/schema/interviews.ts';
import { type CampaignWithQuestions, getCampaign } from './campaigns.ts';
import { typingEvents } from './candidate-session.ts';
import { chunked, type InterviewDeps, MAX_PARAMS } from './context.ts';

/** Bump when scoring changes meaningfully, so stored scorecards count as stale. */
export const SCORER_VERSION = 'interview-scoring/2';
/** Candidates per page: one IN list of candidate ids stays under D1's parameter cap. */
export const PAGE_SIZE = 90;
/** A typing test that covers less of the passage than this is flagged for review. */
export const TYPING_MIN_SHARE = 0.8;
/** An answer with less than this share of the campaign's script is flagged as the wrong language. */
export const WRONG_LANGUAGE_SHARE = 0.5;

export type FlagCode =
  | 'wrong-language'
  | 'transcript-pending'
  | 'transcript-failed'
  | 'answer-missing'
  | 'typing-missing'
  | 'typing-paste'
  | 'typing-inhuman-timing'
  | 'typing-bulk-insert-without-composition'
  | 'typing-input-without-keys'
  | 'typing-tab-switch'
  | 'typing-below-threshold'
  | 'typing-incomplete'
  | 'low-confidence'
  | 'fluency-below-band';

export interface CardReason {
  code: string;
  message: string;
}

/** What is stored on the scorecard row: the core scorecard plus this layer's flags and texts. */
export interface InterviewCard extends Omit<Scorecard, 'reasons'> {
  reasons: CardReason[];
  flags: FlagCode[];
  /** The text each answer was scored on (evidence offsets point into it) and where it came from. */
  texts: Record<string, { text: string; source: 'transcript' | 'written' }>;
  scorer: string;
}

export interface CandidateInputs {
  candidate: InterviewCandidate;
  typing: { finalText: string; durationMs: number; submittedAt: number; events: KeystrokeEvent[] } | null;
  answers: (InterviewAnswer & { transcript: string | null })[];
}

/** FNV-1a (32-bit, hex): a cheap, stable digest of a JSON value. Not for security. */
export function digestOf(value: unknown): string {
  const s = JSON.stringify(value);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export function inputDigest(campaign: CampaignWithQuestions, inputs: CandidateInputs): string {
  return digestOf({
    v: SCORER_VERSION,
    t: campaign.thresholds,
    p: [campaign.typingLang, campaign.language, campaign.typingPassage.length],
    q: campaign.questions.map((q) => [q.id, q.updatedAt, q.weight]),
    g: inputs.typing
      ? [inputs.typing.submittedAt, inputs.typing.durationMs, inputs.typing.events.length]
      : null,
    a: inputs.answers.map((a) => [a.id, a.submittedAt, a.transcriptStatus, a.writtenText, a.transcript]),
  });
}

const TYPING_FLAG: Record<TypingResult['anomalies'][number]['flag'], FlagCode> = {
  paste: 'typing-paste',
  'inhuman-timing': 'typing-inhuman-timing',
  'bulk-insert-without-composition': 'typing-bulk-insert-without-composition',
  'input-without-keys': 'typing-input-without-keys',
  'tab-switch': 'typing-tab-switch',
};

/** Score one candidate's inputs (pure apart from the shared profile cache). */
export function scoreCandidate(
  campaign: CampaignWithQuestions,
  inputs: CandidateInputs,
  cache: ProfileCache,
): InterviewCard {
  const lang = campaign.language;
  const { thresholds } = campaign;
  const flags = new Set<FlagCode>();
  const extra: CardReason[] = [];
  const texts: InterviewCard['texts'] = {};

  const typing = inputs.typing
    ? analyzeTyping({
        lang: campaign.typingLang,
        passage: campaign.typingPassage,
        finalText: inputs.typing.finalText,
        events: inputs.typing.events,
        durationMs: inputs.typing.durationMs,
        thresholds: thresholds.typing,
      })
    : null;
  if (!typing) flags.add('typing-missing');
  // Speed is measured over what was typed, so stopping after a fast first line would look good:
  // an unfinished passage goes to a person instead.
  if (typing && inputs.typing) {
    const share =
      Array.from(inputs.typing.finalText.trim()).length /
      Math.max(1, Array.from(campaign.typingPassage.trim()).length);
    if (share < TYPING_MIN_SHARE) {
      flags.add('typing-incomplete');
      extra.push({
        code: 'typing-incomplete',
        message: `The typing test stopped at ${Math.round(share * 100)}% of the passage; its speed covers only that part.`,
      });
    }
  }
  for (const an of typing?.anomalies ?? []) flags.add(TYPING_FLAG[an.flag]);
  if (typing && !typing.passed) flags.add('typing-below-threshold');

  const scored: ScorecardAnswerInput[] = [];
  for (const q of campaign.questions) {
    const a = inputs.answers.find((x) => x.questionId === q.id && x.submittedAt !== null);
    const label = `Q${q.position + 1}`;
    if (!a) {
      flags.add('answer-missing');
      extra.push({ code: 'answer-missing', message: `${label} was not answered.` });
      continue;
    }
    if (a.mode !== 'text' && !a.transcript) {
      if (a.transcriptStatus === 'pending' || a.transcriptStatus === 'retrying') {
        flags.add('transcript-pending');
        extra.push({
          code: 'transcript-pending',
          message: `${label}: the transcription is queued for retry${a.writtenText ? '; the written answer was scored meanwhile' : ''}.`,
        });
      } else if (a.transcriptStatus === 'failed') {
        flags.add('transcript-failed');
        extra.push({
          code: 'transcript-failed',
          message: `${label}: transcription failed; listen to the recording.`,
        });
      }
    }
    const text = a.transcript ?? a.writtenText;
    if (!text) {
      if (!flags.has('transcript-pending') && !flags.has('transcript-failed')) flags.add('answer-missing');
      continue;
    }
    texts[q.id] = { text, source: a.transcript ? 'transcript' : 'written' };
    const share = scriptShare(text, lang);
    if (contentUnits(text) >= 3 && share < WRONG_LANGUAGE_SHARE) {
      flags.add('wrong-language');
      extra.push({
        code: 'wrong-language',
        message: `${label} is not in ${lang === 'zh' ? 'Chinese' : 'English'} (${Math.round(share * 100)}% of its letters are); a person should judge it.`,
      });
    }
    const score = scoreAnswer(
      {
        id: a.id,
        lang,
        question: q.prompt,
        questionId: `${q.id}@${q.updatedAt}`,
        ...(q.reference ? { reference: q.reference } : {}),
        rubric: q.rubric.map((r) => ({ level: r.level, descriptor: r.descriptor, examples: r.examples })),
        answer: text,
        scale: { min: 1, max: 5 },
      },
      { cache },
    );
    const speech =
      a.transcript && a.durationMs
        ? analyzeSpeech({
            lang,
            text: a.transcript,
            durationS: a.durationMs / 1000,
            rateBand: { low: thresholds.speech.rateLow, high: thresholds.speech.rateHigh },
          })
        : undefined;
    scored.push({ questionId: q.id, weight: q.weight, score, ...(speech ? { speech } : {}) });
  }

  const card = buildScorecard({
    candidateId: inputs.candidate.id,
    typing,
    answers: scored,
    policy: {
      advanceAt: thresholds.total.advanceAt,
      notAdvanceBelow: thresholds.total.notAdvanceBelow,
      requireTyping: true,
      minFluencyBand: lang === 'zh' ? ((thresholds.speech.minFluencyBand as PscBand | null) ?? null) : null,
    },
  });
  for (const r of card.reasons) {
    if (r.code === 'low-confidence-score') flags.add('low-confidence');
    if (r.code === 'fluency-below-band') flags.add('fluency-below-band');
  }
  const reviewFlags = [...flags].filter((f) => f !== 'typing-below-threshold');
  return {
    ...card,
    // A flag this layer raised also means a person must look; the core already did so for its own.
    recommendation: reviewFlags.length > 0 ? 'review' : card.recommendation,
    reasons: [...card.reasons, ...extra],
    flags: [...flags].sort(),
    texts,
    scorer: SCORER_VERSION,
  };
}

/** Load the inputs of a page of candidates (ids ≤ PAGE_SIZE). */
export async function loadInputs(
  deps: InterviewDeps,
  candidates: InterviewCandidate[],
): Promise<CandidateInputs[]> {
  const ids = candidates.map((c) => c.id);
  if (ids.length === 0) return [];
  const [answers, typingRows, events] = await Promise.all([
    deps.db.select().from(interviewAnswers).where(inArray(interviewAnswers.candidateId, ids)),
    deps.db.select().from(interviewTypingTests).where(inArray(interviewTypingTests.candidateId, ids)),
    typingEvents(deps, ids),
  ]);
  const transcripts = new Map<string, string>();
  for (const part of chunked(
    answers.filter((a) => a.transcriptStatus === 'done').map((a) => a.id),
    MAX_PARAMS - 1,
  )) {
    const rows = await deps.db
      .select({ answerId: interviewTranscripts.answerId, text: interviewTranscripts.text })
      .from(interviewTranscripts)
      .where(inArray(interviewTranscripts.answerId, part));
    for (const r of rows) transcripts.set(r.answerId, r.text);
  }
  return candidates.map((candidate) => {
    const t = typingRows.find((r) => r.candidateId === candidate.id);
    return {
      candidate,
      typing: t
        ? {
            finalText: t.finalText,
            durationMs: t.durationMs,
            submittedAt: t.submittedAt,
            events: events.get(candidate.id) ?? [],
          }
        : null,
      answers: answers
        .filter((a) => a.candidateId === candidate.id)
        .sort((x, y) => x.questionId.localeCompare(y.questionId))
        .map((a) => ({ ...a, transcript: transcripts.get(a.id) ?? null })),
    };
  });
}

function scorecardRow(campaign: CampaignWithQuestions, card: InterviewCard, digest: string, now: number) {
  return {
    candidateId: card.candidateId,
    tenantId: campaign.tenantId,
    campaignId: campaign.id,
    score100: card.overall.score100,
    recommendation: card.recommendation,
    flags: card.flags,
    card: card as unknown as Record<string, unknown>,
    inputDigest: digest,
    scoredAt: now,
  };
}

async function saveScorecards(deps: InterviewDeps, rows: ReturnType<typeof scorecardRow>[]): Promise<void> {
  if (rows.length === 0) return;
  const upsert = (row: ReturnType<typeof scorecardRow>) =>
    deps.db
      .insert(interviewScorecards)
      .values(row)
      .onConflictDoUpdate({
        target: interviewScorecards.candidateId,
        set: {
          score100: row.score100,
          recommendation: row.recommendation,
          flags: row.flags,
          card: row.card,
          inputDigest: row.inputDigest,
          scoredAt: row.scoredAt,
        },
      });
  const [first, ...rest] = rows.map(upsert);
  await deps.db.batch([first!, ...rest]);
}

export interface BatchProgress {
  done: number;
  total: number;
  scored: number;
  skipped: number;
  failed: number;
}

export interface BatchResult {
  campaign: string;
  scored: number;
  skipped: number;
  failed: number;
  failures: { candidateId: string; error: string }[];
  durationMs: number;
}

/**
 * Score every submitted candidate of a campaign (see the module comment). `now` measures the
 * duration (a monotonic clock in the CLI).
 */
export async function scoreCampaign(
  deps: InterviewDeps,
  tenantId: string,
  campaignId: string,
  options: {
    rescore?: boolean;
    cache: ProfileCache;
    onProgress?: (p: BatchProgress) => void;
    now?: () => number;
  },
): Promise<BatchResult> {
  const now = options.now ?? (() => deps.clock.now());
  const started = now();
  const campaign = await getCampaign(deps, tenantId, campaignId);
  const submitted = and(
    eq(interviewCandidates.campaignId, campaignId),
    eq(interviewCandidates.status, 'submitted'),
  );
  const [{ total } = { total: 0 }] = await deps.db
    .select({ total: count() })
    .from(interviewCandidates)
    .where(submitted);
  const progress: BatchProgress = { done: 0, total, scored: 0, skipped: 0, failed: 0 };
  const failures: BatchResult['failures'] = [];
  let after = '';
  for (;;) {
    // Keyset paging by id: stable while other candidates are being added.
    const page = await deps.db
      .select()
      .from(interviewCandidates)
      .where(and(submitted, gt(interviewCandidates.id, after)))
      .orderBy(asc(interviewCandidates.id))
      .limit(PAGE_SIZE);
    if (page.length === 0) break;
    after = page.at(-1)!.id;
    const existing = new Map(
      (
        await deps.db
          .select({ candidateId: interviewScorecards.candidateId, digest: interviewScorecards.inputDigest })
          .from(interviewScorecards)
          .where(
            inArray(
              interviewScorecards.candidateId,
              page.map((c) => c.id),
            ),
          )
      ).map((r) => [r.candidateId, r.digest]),
    );
    const inputs = await loadInputs(deps, page);
    const rows: ReturnType<typeof scorecardRow>[] = [];
    for (const input of inputs) {
      const digest = inputDigest(campaign, input);
      if (!options.rescore && existing.get(input.candidate.id) === digest) {
        progress.skipped++;
        continue;
      }
      try {
        rows.push(
          scorecardRow(campaign, scoreCandidate(campaign, input, options.cache), digest, deps.clock.now()),
        );
        progress.scored++;
      } catch (err) {
        progress.failed++;
        failures.push({ candidateId: input.candidate.id, error: String(err) });
        deps.logger.error('interview scoring failed', {
          candidateId: input.candidate.id,
          error: String(err),
        });
      }
    }
    await saveScorecards(deps, rows);
    progress.done += page.length;
    options.onProgress?.({ ...progress });
  }
  return {
    campaign: campaignId,
    scored: progress.scored,
    skipped: progress.skipped,
    failed: progress.failed,
    failures,
    durationMs: Math.round(now() - started),
  };
}

/** Score one candidate now (after submit, a transcript arriving, or a recruiter's request). */
export async function rescoreCandidate(
  deps: InterviewDeps,
  candidate: InterviewCandidate,
  cache: ProfileCache,
): Promise<InterviewCard | null> {
  if (candidate.status !== 'submitted') return null;
  const campaign = await getCampaign(deps, candidate.tenantId, candidate.campaignId);
  const [input] = await loadInputs(deps, [candidate]);
  if (!input) return null;
  const card = scoreCandidate(campaign, input, cache);
  await saveScorecards(deps, [scorecardRow(campaign, card, inputDigest(campaign, input), deps.clock.now())]);
  return card;
}
